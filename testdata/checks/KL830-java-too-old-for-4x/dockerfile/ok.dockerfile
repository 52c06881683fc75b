FROM openjdk:17-slim
ADD kafka_2.13-4.1.0.tgz /opt
