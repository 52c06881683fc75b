bin/kafka-run-class.sh kafka.admin.TopicCommand --list --zookeeper zk:2181
kafka-run-class kafka.tools.GetOffsetShell --broker-list b:9092 --topic t
$KAFKA_HOME/bin/kafka-run-class.sh com.example.MyTool --flag
kafka-run-class.sh -name x kafka.Kafka config/server.properties
