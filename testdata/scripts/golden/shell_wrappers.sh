sudo -u kafka kafka-topics.sh --list
sudo -E -u "$KAFKA_USER" -- /opt/kafka/bin/kafka-storage.sh format -t id -c cfg
env KAFKA_HEAP_OPTS=-Xmx1G JMX_PORT= kafka-console-consumer.sh --topic t
KAFKA_OPTS=-Dx=y timeout 30 kafka-topics.sh --list
timeout -s KILL 5m nohup kafka-server-start.sh config/server.properties
exec "$KAFKA_HOME/bin/kafka-server-start.sh" "$CONFIG"
docker exec -it broker kafka-topics --list --bootstrap-server broker:9092
docker exec -e A=1 -u root broker /bin/kafka-topics --version
docker run --rm -v /tmp:/tmp --network net confluentinc/cp-kafka:7.5.0 kafka-topics --describe
docker compose exec -T kafka kafka-topics.sh --list
kubectl exec -n kafka -it kafka-0 -c broker -- kafka-topics.sh --list
kubectl -n kafka exec kafka-0 -- bash -c "kafka-topics.sh --describe --topic t"
sh -c 'kafka-configs.sh --describe --entity-type brokers; echo done'
bash -ce "kafka-topics.sh --list | grep x"
ssh admin@host kafka-topics.sh --list --bootstrap-server localhost:9092
echo groups | xargs -I {} sh -c "kafka-consumer-groups.sh --describe --group {}"
su kafka -c 'kafka-topics.sh --list'
bash /opt/kafka/bin/kafka-topics.sh --list
if kafka-topics.sh --list | grep -q t; then kafka-topics.sh --delete --topic t; fi
while true; do kafka-log-dirs.sh --describe; done
command -v kafka-topics.sh
