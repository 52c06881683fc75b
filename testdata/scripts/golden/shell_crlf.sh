kafka-topics.sh --list
kafka-topics.sh --describe \
  --topic t
