#!/bin/bash
# Every way a script names a Kafka tool.
kafka-topics.sh --bootstrap-server localhost:9092 --list
bin/kafka-topics.sh --describe --topic t1
$KAFKA_HOME/bin/kafka-configs.sh --describe --entity-type brokers
"${KAFKA_HOME}/bin/kafka-acls.sh" --list
/opt/kafka/bin/kafka-console-consumer.sh --topic t --from-beginning
$(dirname $0)/kafka-consumer-groups.sh --list
kafka-topics --create --topic t2   # Confluent name, no .sh
zookeeper-shell.sh zk:2181 ls /brokers/ids
connect-distributed.sh config/connect-distributed.properties
trogdor.sh agent -c trogdor.conf -n node0
bin/kafka-server-start.sh -daemon config/server.properties
echo start; kafka-topics.sh --list && kafka-topics.sh --version || true
kafka-console-producer.sh --topic t < input.txt 2>&1 | tee log &
cat list | kafka-console-producer --topic t --bootstrap-server b:9092
