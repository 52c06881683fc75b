#pragma once
// Kafka configuration that lives outside properties files, found in YAML documents: the
// environment of Kafka containers in Compose files (each image decodes variable names its own
// way), Strimzi and Confluent for Kubernetes resources, ConfigMaps and Helm values holding a
// properties block, and Ansible variables and tasks. Each carrier yields Kafka key/value
// entries with the exact positions of what the file says, so findings land on it.

#include <cstddef>
#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "scripts/extract.h"
#include "scripts/yaml_tree.h"

namespace kafkalint::scripts {

/// One Kafka setting found in a carrier.
struct CarrierEntry {
  std::string key;    ///< the Kafka key ("log.retention.hours")
  std::string value;  ///< as Kafka receives it
  /// Where the file says it: the key (a variable name, a map key, a "k=v" string) and the
  /// value, byte ranges and 1-based line/column of their first byte.
  std::size_t key_begin = 0, key_end = 0, value_begin = 0, value_end = 0;
  int key_line = 0, key_column = 0, value_line = 0, value_column = 0;
  bool key_literal = false;    ///< the file spells the Kafka key itself (not an env name)
  bool value_literal = false;  ///< the value's bytes are exactly `value` (plain scalar)
  std::string origin;          ///< e.g. "environment variable KAFKA_LOG_RETENTION_HOURS"
  /// Environment carriers: the variable's name and its bytes in the file.
  std::string env_name;
  std::size_t env_begin = 0, env_end = 0;
  /// The operator of this carrier sets the key itself and drops it from the user's config
  /// (Strimzi's forbidden options): what manages it, e.g. "Strimzi"; "" otherwise.
  std::string managed_by;
};

/// A group of entries that configure one process.
struct Carrier {
  std::string what;  ///< "Compose service kafka-1 (apache/kafka:3.7.0)", "Strimzi Kafka my-cluster"
  std::string role;  ///< "broker" (the carriers here configure brokers and controllers)
  std::string image;  ///< Compose: the image whose naming convention the variables follow
  /// The only broker of its Compose file: a single-node setup, where the internal topics can
  /// have no more than one replica.
  bool single_node = false;
  /// What says so when it is not the carrier's own kind ("one replica across its broker node
  /// pools" for a Strimzi Kafka resource).
  std::string single_node_why;
  /// Carriers with the same non-empty value configure brokers of one cluster (the Kafka
  /// services of one Compose file): the cluster checks compare them.
  std::string cluster;
  /// The Kafka release the carrier names (image tag, spec.kafka.version); "" when none.
  std::string release;
  std::vector<CarrierEntry> entries;
  /// Strimzi spec.kafka.metadataVersion as written, and where (line 0 when absent).
  std::string metadata_version;
  int metadata_line = 0, metadata_column = 0;
  std::size_t metadata_length = 0;
  /// Properties text embedded as a block (ConfigMap data, Helm config): its lines.
  std::vector<PropertiesBlock> blocks;
  /// Strimzi Kafka: the resource's metadata.name and namespace, which its node pools name.
  std::string resource, resource_namespace;
  /// The nodes run in KRaft mode (known from the resource or its node pools): the checks
  /// judge the config as a KRaft node's.
  bool kraft = false;
};

/// A Strimzi Kafka resource (kafka.strimzi.io), what its node pools and their checks need.
/// What names a Strimzi resource: metadata.name (and where it is written), metadata.namespace.
struct StrimziResource {
  std::string name, ns;
  int line = 0, column = 0;  ///< metadata.name
  std::size_t length = 0;
};

struct StrimziKafka : StrimziResource {
  std::string release;           ///< spec.kafka.version as a release line ("3.6"); "" when absent
  std::string metadata_version;  ///< spec.kafka.metadataVersion as written
  std::string kraft_annotation;  ///< metadata.annotations["strimzi.io/kraft"] ("enabled", ...)
  /// apiVersion kafka.strimzi.io/v1: Strimzi 0.49 or newer, which runs KRaft only.
  bool v1_api = false;
  int metadata_line = 0, metadata_column = 0;  ///< spec.kafka.metadataVersion, when written
  std::size_t metadata_length = 0;
};

/// A Strimzi KafkaNodePool: nodes of the Kafka resource its strimzi.io/cluster label names. Its
/// spec carries no Kafka config (replicas, roles, storage, resources, jvmOptions, template):
/// it decides the roles and the disks of the nodes.
struct StrimziNodePool : StrimziResource {
  std::string cluster;
  bool broker = false, controller = false;  ///< spec.roles
  bool roles_known = false;  ///< spec.roles is a list of plain words (not a template)
  int replicas = -1;         ///< spec.replicas; -1 when it is not a number (a template)
  int jbod_volumes = 0;      ///< spec.storage of type jbod: how many volumes; 0 otherwise
  int storage_line = 0, storage_column = 0;  ///< the 'type' value of spec.storage
  std::size_t storage_length = 0;
};

struct StrimziResources {
  std::vector<StrimziKafka> kafkas;
  std::vector<StrimziNodePool> pools;
};

/// The Strimzi Kafka and KafkaNodePool resources of the YAML documents `docs`.
StrimziResources strimzi_resources(const std::vector<YamlNode>& docs);

/// The variables of a Compose project's `.env` file (NAME=VALUE lines as Compose reads them).
struct DotEnv {
  struct Var {
    std::string value;
    int line = 0;
  };
  std::map<std::string, Var, std::less<>> vars;
  std::string name = ".env";  ///< how notes name the file
};
DotEnv read_dotenv(std::string_view content);

/// A Compose value after interpolation (`${VAR}`, `$VAR`, `${VAR:-default}`, `${VAR-default}`,
/// `${VAR:?err}`, `${VAR:+alt}`, `$$` for a literal '$').
struct Interpolation {
  std::string text;      ///< the value the container receives
  bool changed = false;  ///< text differs from the written value
  bool resolved = true;  ///< false: a variable has no value here (text keeps it as '${VAR}')
  std::string note;  ///< where substituted values came from, e.g. "RETENTION=168 from .env line 3"
  /// The whole value is one expression whose default was used: the default's bytes in the
  /// written value (npos otherwise).
  std::size_t default_at = std::string::npos;
  std::size_t default_len = 0;
};
Interpolation compose_interpolate(std::string_view value, const DotEnv& env);

/// The carriers of the YAML documents `docs` parsed from `content`. `dotenv`: the `.env` file
/// next to a Compose file, whose variables fill in `environment:` values and image tags.
std::vector<Carrier> find_carriers(const std::vector<YamlNode>& docs, std::string_view content,
                                   const DotEnv* dotenv = nullptr);

/// The Kafka key an image makes of an environment variable, "" when the variable is not a
/// broker setting for that image. `image` is the Compose image reference.
std::string env_to_key(std::string_view image, std::string_view variable);

/// The variable an image reads as `key`, the inverse of env_to_key; "" when the image cannot
/// express it (Bitnami has no spelling for '_' or '-' in most keys).
std::string key_to_env(std::string_view image, std::string_view key);

/// Whether `image` (a Compose/Docker image reference) is a Kafka broker image whose variable
/// convention env_to_key knows.
bool kafka_image(std::string_view image);

/// The Kafka release an image tag names ("3.7" for apache/kafka:3.7.0, "3.6" for
/// confluentinc/cp-kafka:7.6.1); "" when the tag says none.
std::string image_release(std::string_view image);

/// Environment carriers written outside YAML: `ENV` instructions of each Dockerfile stage built
/// on a Kafka image, and `docker run -e NAME=VALUE ... IMAGE` command lines of any text. Each
/// entry points at the variable in `content`.
std::vector<Carrier> dockerfile_carriers(std::string_view content);
std::vector<Carrier> docker_run_carriers(std::string_view content);

/// A Compose service that reads an env file (`env_file:`).
struct ComposeEnvFile {
  std::string path;     ///< as the Compose file writes it (relative to the Compose file's folder)
  std::string service;  ///< the service's name
  std::string image;    ///< its image reference; "" when it has none
  bool broker = true;   ///< false when its command runs another program (a CLI tool, a shell)
  /// The only broker service of its Compose file (as Carrier::single_node).
  bool single_node = false;
};

/// Every env file the services of the Compose documents `docs` read.
std::vector<ComposeEnvFile> compose_env_files(const std::vector<YamlNode>& docs);

/// Every host file the services of the Compose documents `docs` bind-mount
/// (`./config/server.properties:/etc/kafka/server.properties:ro`, or the long syntax's
/// `source`), as ComposeEnvFile with `path` the host side; named volumes are left out.
std::vector<ComposeEnvFile> compose_mounted_files(const std::vector<YamlNode>& docs);

/// The broker settings of an env file read by `use`: NAME=VALUE lines as Compose reads them
/// ('#' comments, quoted values, ' #' comments after unquoted ones), decoded with the
/// service's image convention. No entries when the service runs no broker.
Carrier env_file_carrier(std::string_view content, const ComposeEnvFile& use);

/// Whether a Compose service's `command:`/`entrypoint:` runs a program other than the broker
/// (e.g. 'kafka-topics --create ...' in an init container): its environment then configures
/// that program, not a broker.
bool runs_other_program(const YamlNode& service);

}  // namespace kafkalint::scripts
