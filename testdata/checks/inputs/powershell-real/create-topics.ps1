# Topics for the demo (PowerShell).
$topics = @("orders", "payments")
foreach ($t in $topics) {
    docker exec kafka /opt/kafka/bin/kafka-topics.sh `
        --bootstrap-server localhost:9092 `
        --create `
        --topic $t `
        --partitions 3 `
        --replicaton-factor 1 `
        --if-not-exists
}
docker exec kafka /opt/kafka/bin/kafka-topics.sh --bootstrap-server localhost:9092 --list
