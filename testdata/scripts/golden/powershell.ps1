# Backticks join lines; a backtick inside a line is PowerShell's escape, not a continuation.
& "$env:KAFKA_HOME\bin\windows\kafka-topics.bat" --bootstrap-server localhost:9092 `
    --create --topic "orders" `
    --partitions 3
docker exec kafka kafka-configs.sh --bootstrap-server b1:9092 `
  --alter --entity-type topics --entity-name orders `
  --add-config retention.ms=86400000
Write-Host "done"
