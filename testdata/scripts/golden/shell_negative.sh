# kafka-topics.sh --create --topic commented-out
echo "kafka-topics.sh --create --topic in-an-echo"
printf '%s\n' 'kafka-topics.sh --list'
TOOL=kafka-topics.sh
cp bin/kafka-topics.sh /tmp/
ls kafka-topics.sh
grep kafka-topics.sh README.md
kafka-logs-dir=/tmp/x
echo $(date) # kafkalint: disable=KL701
kafka-topics.sh --list # kafkalint: disable=KL702
