kafka-configs.sh --alter --add-config 'retention.ms=1000,cleanup.policy=[delete,compact]' \
  --entity-name "my topic" --entity-type topics
kafka-topics.sh --bootstrap-server broker:"${PORT}" --topic pre"fix-$NAME"post --config a=\"b\"
kafka-console-consumer.sh --formatter "kafka.tools.DefaultMessageFormatter\$Inner" --property print.key=true
kafka-topics.sh --topic `cat topic.txt` --partitions $((N * 2)) --config x=$'a\tb'
EXIST=$(bin/kafka-topics.sh --describe --topic "$(cat name)")
for t in `kafka-topics.sh --list --bootstrap-server b:9092`; do echo $t; done
diff <(kafka-topics.sh --list) <(cat expected)
kafka-topics.sh --create \
    --topic cont \
    --partitions 3
