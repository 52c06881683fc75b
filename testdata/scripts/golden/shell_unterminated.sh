kafka-topics.sh --list --topic 'unterminated
kafka-topics.sh --never-seen
