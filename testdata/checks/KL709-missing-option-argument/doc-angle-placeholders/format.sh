#!/bin/sh
# In a script the same word is a redirection: the option has no argument.
bin/kafka-storage.sh format --cluster-id <cluster-id.txt --config config/server.properties
