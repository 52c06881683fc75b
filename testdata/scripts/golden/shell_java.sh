java -Xmx1G -cp "/opt/kafka/libs/*" kafka.admin.TopicCommand --list --bootstrap-server b:9092
java -jar app.jar kafka.admin.TopicCommand
java -cp x com.acme.Main --list
