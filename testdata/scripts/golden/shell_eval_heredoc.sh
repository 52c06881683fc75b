CMD="kafka-topics.sh --bootstrap-server $BS \
	--list"
eval "$CMD"
eval "kafka-configs.sh --describe --entity-type brokers"
cat <<EOF > notes.txt
kafka-topics.sh --this-is-data
EOF
bash <<'SCRIPT'
kafka-topics.sh --from-heredoc
SCRIPT
ssh host <<-END
	kafka-topics.sh --remote
	END
docker exec -i broker bash <<EOS
kafka-console-producer.sh --topic $T --bootstrap-server b:9092
EOS
kafka-topics.sh --after
cat <<'X' | sh
kafka-topics.sh --piped-heredoc
X
cat <<X | tee out
kafka-topics.sh --teed-data
X
