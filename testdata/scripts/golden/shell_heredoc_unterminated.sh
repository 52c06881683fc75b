kafka-topics.sh --list
cat <<EOT
kafka-topics.sh --inside
