#include "scripts/carriers.h"

#include <algorithm>
#include <cctype>

#include "core/strings.h"

namespace kafkalint::scripts {
namespace {

enum class Image { kApache, kConfluent, kBitnami, kWurstmeister, kUnknown };

// The image's repository without registry, tag or digest: "docker.io/bitnami/kafka:3.6" ->
// "bitnami/kafka". Matched exactly: cp-kafka-rest is not a broker.
Image image_kind(std::string_view image) {
  std::string i = core::ascii_lower(image);
  if (const std::size_t at = i.find('@'); at != std::string::npos) i.resize(at);
  if (const std::size_t colon = i.rfind(':');
      colon != std::string::npos && i.find('/', colon) == std::string::npos)
    i.resize(colon);
  const auto is = [&](std::string_view repo) {
    return i == repo ||
           (i.size() > repo.size() && i.compare(i.size() - repo.size(), repo.size(), repo) == 0 &&
            i[i.size() - repo.size() - 1] == '/');
  };
  if (is("apache/kafka") || is("apache/kafka-native")) return Image::kApache;
  if (is("confluentinc/cp-kafka") || is("confluentinc/cp-server")) return Image::kConfluent;
  if (is("bitnami/kafka") || is("bitnamilegacy/kafka")) return Image::kBitnami;
  if (is("wurstmeister/kafka")) return Image::kWurstmeister;
  return Image::kUnknown;
}

std::string replace_all(std::string s, std::string_view from, std::string_view to) {
  for (std::size_t p = 0; (p = s.find(from, p)) != std::string::npos; p += to.size())
    s.replace(p, from.size(), to);
  return s;
}

// The Kafka release an image tag names: apache/kafka:3.7.0 and bitnami/kafka:3.6 directly,
// Confluent Platform x.y by its Kafka line (CP 7.y ships Kafka 3.y, CP 6.0-6.2 ship 2.6-2.8,
// CP 5.y ships 2.y, CP 8.y ships 4.y).
std::string release_of(std::string_view image) {
  const std::size_t colon = image.rfind(':');
  if (colon == std::string_view::npos || image.find('/', colon) != std::string_view::npos)
    return {};
  // Another image's tag numbers its own releases, not Kafka's.
  if (image_kind(image) == Image::kUnknown) return {};
  std::string tag(image.substr(colon + 1));
  // wurstmeister/kafka tags are SCALA-KAFKA ("2.13-2.8.1").
  if (image_kind(image) == Image::kWurstmeister) {
    const std::size_t dash = tag.find('-');
    if (dash == std::string::npos) return {};
    tag.erase(0, dash + 1);
  }
  std::size_t n = 0;
  while (n < tag.size() && (std::isdigit(static_cast<unsigned char>(tag[n])) || tag[n] == '.')) ++n;
  tag.resize(n);
  const std::size_t dot = tag.find('.');
  if (dot == std::string::npos || dot == 0) return {};
  const std::size_t dot2 = tag.find('.', dot + 1);
  const std::string major = tag.substr(0, dot);
  const std::string minor =
      tag.substr(dot + 1, dot2 == std::string::npos ? std::string::npos : dot2 - dot - 1);
  // A version part has a few digits; anything longer is not a release (and would overflow).
  if (minor.empty() || major.size() > 3 || minor.size() > 3) return {};
  if (image_kind(image) == Image::kConfluent) {
    const int maj = std::stoi(major), min = std::stoi(minor);
    if (maj == 8) return "4." + minor;
    if (maj == 7) return "3." + minor;
    if (maj == 6) return "2." + std::to_string(6 + min);
    if (maj == 5) return "2." + minor;
    return {};
  }
  return major + "." + minor;
}

// Variables the images read themselves (JVM, logging, the image's own switches).
bool image_variable(std::string_view v) {
  static constexpr std::string_view kOwn[] = {
      "KAFKA_VERSION", "KAFKA_HEAP_OPTS", "KAFKA_LOG4J_OPTS", "KAFKA_OPTS", "KAFKA_JMX_OPTS",
      "KAFKA_JVM_PERFORMANCE_OPTS", "KAFKA_GC_LOG_OPTS", "KAFKA_LOG4J_ROOT_LOGLEVEL",
      "KAFKA_LOG4J_LOGGERS", "KAFKA_TOOLS_LOG4J_LOGLEVEL", "KAFKA_JMX_HOSTNAME", "KAFKA_JMX_PORT",
      "KAFKA_HOME", "KAFKA_DEBUG", "KAFKA_CREATE_TOPICS", "KAFKA_ZOOKEEPER_CLIENT_CNXN_SOCKET",
      // Confluent images build the key and trust store settings from these (cp-kafka's
      // configure script), and pass zookeeper.sasl.client to the ZooKeeper client JVM side.
      "KAFKA_SSL_KEYSTORE_FILENAME", "KAFKA_SSL_KEYSTORE_CREDENTIALS", "KAFKA_SSL_KEY_CREDENTIALS",
      "KAFKA_SSL_TRUSTSTORE_FILENAME", "KAFKA_SSL_TRUSTSTORE_CREDENTIALS",
      "KAFKA_ZOOKEEPER_SASL_CLIENT", "KAFKA_ZOOKEEPER_SASL_ENABLED"};
  for (std::string_view o : kOwn)
    if (v == o) return true;
  return false;
}

void scalar_pos(const YamlNode& n, std::size_t* b, std::size_t* e, int* line, int* col) {
  *b = n.begin;
  *e = n.end;
  *line = n.line;
  *col = n.column;
}

// A value written as nothing ("key:") has no token: it sits right after its key.
void value_pos(const YamlNode& v, const YamlNode& k, std::size_t* b, std::size_t* e, int* line,
               int* col) {
  if (v.line > 0) return scalar_pos(v, b, e, line, col);
  *b = *e = k.end;
  *line = k.line;
  *col = k.column + static_cast<int>(k.end - k.begin);
}

// One environment entry: NAME (map key) and VALUE, or one "NAME=VALUE" list string.
void env_entry(Carrier& c, std::string_view image, const YamlNode& name_node,
               const YamlNode* value_node, std::string_view content, const DotEnv& dotenv) {
  std::string name, value;
  CarrierEntry e;
  if (value_node) {
    if (!name_node.is_scalar() || !value_node->is_scalar()) return;
    name = name_node.text;
    value = value_node->text;
    scalar_pos(name_node, &e.key_begin, &e.key_end, &e.key_line, &e.key_column);
    value_pos(*value_node, name_node, &e.value_begin, &e.value_end, &e.value_line, &e.value_column);
    e.value_literal = value_node->plain;
  } else {
    if (!name_node.is_scalar()) return;
    const std::size_t eq = name_node.text.find('=');
    if (eq == std::string::npos) return;
    name = name_node.text.substr(0, eq);
    value = name_node.text.substr(eq + 1);
    scalar_pos(name_node, &e.key_begin, &e.key_end, &e.key_line, &e.key_column);
    // The scalar's range is its content (inside any quotes): the value starts after '='.
    e.value_begin = e.key_begin + eq + 1;
    e.value_end = e.key_end;
    e.value_line = e.key_line;
    e.value_column = e.key_column + static_cast<int>(eq + 1);
    e.key_end = e.key_begin + eq;
    e.value_literal = content.substr(e.value_begin, e.value_end - e.value_begin) == value;
  }
  e.key = env_to_key(image, name);
  if (e.key.empty()) return;
  e.env_name = name;
  e.env_begin = name_node.begin;
  e.env_end = e.env_begin + name.size();
  e.origin = "environment variable " + name;
  if (value.find('$') != std::string::npos) {
    // Compose fills in ${VAR} from the shell and the .env file before the container starts:
    // the rules judge what the broker receives. An unset variable stays a '${VAR}'
    // placeholder, which no value rule judges.
    const Interpolation in = compose_interpolate(value, dotenv);
    if (in.changed) {
      value = in.text;
      if (in.default_at != std::string::npos && e.value_literal) {
        // The value is the default written in the file: findings and fixes land on it.
        e.value_begin += in.default_at;
        e.value_end = e.value_begin + in.default_len;
        e.value_column += static_cast<int>(in.default_at);
      } else {
        e.value_literal = false;
      }
      if (!in.note.empty()) e.origin += " (" + in.note + ")";
    }
  }
  e.value = value;
  c.entries.push_back(std::move(e));
}

void compose(const YamlNode& root, std::string_view content, const DotEnv& dotenv,
             std::vector<Carrier>* out) {
  const YamlNode* services = root.get("services");
  if (!services || services->kind != YamlNode::Kind::kMap) return;
  const std::size_t first = out->size();
  for (const auto& [name, svc] : services->map) {
    const YamlNode* image = svc.get("image");
    const YamlNode* env = svc.get("environment");
    if (!env || runs_other_program(svc)) continue;
    // 'apache/kafka:${KAFKA_VERSION:-3.7.0}': the tag Compose pulls names the release.
    std::string img = image && image->is_scalar() ? image->text : "";
    if (img.find('$') != std::string::npos) {
      const Interpolation in = compose_interpolate(img, dotenv);
      img = in.resolved ? in.text : img.substr(0, img.find('$'));
    }
    // Without a known image, KAFKA_CFG_ variables still say Bitnami's convention.
    Carrier c;
    c.what = "Compose service " + name.text + (img.empty() ? "" : " (" + img + ")");
    c.role = "broker";
    c.release = release_of(img);
    c.image = img;
    c.cluster = "compose";
    std::string effective = img;
    if (image_kind(img) == Image::kUnknown) {
      bool cfg = false;
      if (env->kind == YamlNode::Kind::kMap)
        for (const auto& kv : env->map) cfg = cfg || kv.first.text.rfind("KAFKA_CFG_", 0) == 0;
      else
        for (const YamlNode& s : env->seq) cfg = cfg || s.text.rfind("KAFKA_CFG_", 0) == 0;
      if (!cfg) continue;
      effective = "bitnami/kafka";
      c.image = effective;
    }
    if (env->kind == YamlNode::Kind::kMap)
      for (const auto& [k, v] : env->map) env_entry(c, effective, k, &v, content, dotenv);
    else if (env->kind == YamlNode::Kind::kSeq)
      for (const YamlNode& s : env->seq) env_entry(c, effective, s, nullptr, content, dotenv);
    if (!c.entries.empty()) out->push_back(std::move(c));
  }
  if (out->size() == first + 1) (*out)[first].single_node = true;
}

// A map of Kafka keys to values (Strimzi spec.kafka.config, cp-ansible custom properties).
void key_map(Carrier& c, const YamlNode& m) {
  for (const auto& [k, v] : m.map) {
    if (!k.is_scalar() || (v.kind != YamlNode::Kind::kScalar && v.kind != YamlNode::Kind::kNull))
      continue;
    CarrierEntry e;
    e.key = k.text;
    e.value = v.text;
    scalar_pos(k, &e.key_begin, &e.key_end, &e.key_line, &e.key_column);
    value_pos(v, k, &e.value_begin, &e.value_end, &e.value_line, &e.value_column);
    e.key_literal = k.plain;
    e.value_literal = v.plain && v.kind == YamlNode::Kind::kScalar;
    c.entries.push_back(std::move(e));
  }
}

// "key=value" strings (CFK configOverrides.server, lineinfile line:).
void kv_string(Carrier& c, const YamlNode& s, std::string_view content) {
  if (!s.is_scalar()) return;
  const std::size_t eq = s.text.find('=');
  if (eq == std::string::npos || eq == 0) return;
  CarrierEntry e;
  e.key = s.text.substr(0, eq);
  e.value = s.text.substr(eq + 1);
  e.key_begin = s.begin;
  e.key_end = e.key_begin + eq;
  e.key_line = s.line;
  e.key_column = s.column;
  e.value_begin = e.key_end + 1;
  e.value_end = s.end;
  e.value_line = s.line;
  e.value_column = e.key_column + static_cast<int>(eq + 1);
  // Quoted strings count when their bytes are the text (no escapes in them).
  e.key_literal = content.substr(e.key_begin, eq) == e.key;
  e.value_literal = content.substr(e.value_begin, e.value_end - e.value_begin) == e.value;
  c.entries.push_back(std::move(e));
}

// A block scalar holding properties: its content lines (libfyaml's range starts at the first
// content line, indentation included).
PropertiesBlock block_of(const YamlNode& s, std::string_view content) {
  PropertiesBlock b;
  std::size_t start = s.begin;
  const std::size_t end = std::min(s.end, content.size());
  while (start < end) {
    std::size_t e = content.find('\n', start);
    if (e == std::string_view::npos || e > end) e = end;
    std::size_t line_end = e;
    if (line_end > start && content[line_end - 1] == '\r') --line_end;
    b.lines.emplace_back(start, line_end);
    start = e + 1;
  }
  b.role = "broker";
  return b;
}

// Options Strimzi sets itself and removes from spec.kafka.config (with a warning in the
// operator's log), and the exceptions it lets through (Strimzi API reference,
// KafkaClusterSpec.config).
bool strimzi_forbidden(const std::string& key) {
  static constexpr std::string_view kAllowed[] = {
      "zookeeper.connection.timeout.ms",
      "sasl.server.max.receive.size",
      "ssl.cipher.suites",
      "ssl.protocol",
      "ssl.enabled.protocols",
      "ssl.secure.random.implementation",
      "cruise.control.metrics.topic.num.partitions",
      "cruise.control.metrics.topic.replication.factor",
      "cruise.control.metrics.topic.retention.ms",
      "cruise.control.metrics.topic.auto.create.retries",
      "cruise.control.metrics.topic.auto.create.timeout.ms",
      "cruise.control.metrics.topic.min.insync.replicas",
      "controller.quorum.election.backoff.max.ms",
      "controller.quorum.election.timeout.ms",
      "controller.quorum.fetch.timeout.ms"};
  for (std::string_view a : kAllowed)
    if (key == a) return false;
  static constexpr std::string_view kPrefixes[] = {
      "listeners",
      "advertised.",
      "broker.",
      "listener.",
      "host.name",
      "port",
      "inter.broker.listener.name",
      "sasl.",
      "ssl.",
      "security.",
      "password.",
      "log.dir",
      "zookeeper.connect",
      "zookeeper.set.acl",
      "zookeeper.ssl",
      "zookeeper.clientCnxnSocket",
      "authorizer.",
      "super.user",
      "cruise.control.metrics.topic",
      "cruise.control.metrics.reporter.bootstrap.servers",
      "node.id",
      "process.roles",
      "controller.",
      "metadata.log.dir",
      "zookeeper.metadata.migration.enable",
      "client.quota.callback.static."};
  for (std::string_view p : kPrefixes)
    if (key.rfind(p, 0) == 0) return true;
  return false;
}

// The Kafka role of a properties file by its name ("" when it is not a Kafka config file).
std::string properties_file_role(const std::string& name) {
  if (name == "server.properties" || name == "broker.properties" ||
      name == "controller.properties" || name == "kraft.properties")
    return "broker";
  if (name == "producer.properties") return "producer";
  if (name == "consumer.properties") return "consumer";
  if (name == "admin.properties" || name == "client.properties" || name == "command.properties")
    return "admin";
  return {};
}

// A scalar of metadata.labels or metadata.annotations.
std::string metadata_word(const YamlNode& root, const char* field, std::string_view key) {
  const YamlNode* meta = root.get("metadata");
  const YamlNode* m = meta ? meta->get(field) : nullptr;
  const YamlNode* v = m ? m->get(key) : nullptr;
  return v && v->is_scalar() ? v->text : std::string();
}

// metadata.name (with its position) and metadata.namespace of a resource.
void read_name(const YamlNode& root, StrimziResource* r) {
  const YamlNode* meta = root.get("metadata");
  if (!meta) return;
  if (const YamlNode* n = meta->get("name"); n && n->is_scalar()) {
    r->name = n->text;
    r->line = n->line;
    r->column = n->column;
    r->length = n->end - n->begin;
  }
  if (const YamlNode* ns = meta->get("namespace"); ns && ns->is_scalar()) r->ns = ns->text;
}

bool strimzi_api(const YamlNode& root) {
  const YamlNode* api = root.get("apiVersion");
  return api && api->is_scalar() && api->text.rfind("kafka.strimzi.io/", 0) == 0;
}

StrimziKafka strimzi_kafka(const YamlNode& root) {
  StrimziKafka k;
  read_name(root, &k);
  k.kraft_annotation = metadata_word(root, "annotations", "strimzi.io/kraft");
  // Strimzi 0.49 introduced the v1 API (CHANGELOG 0.49.0), after 0.46 removed ZooKeeper-based
  // clusters (CHANGELOG 0.46.0): a v1 Kafka runs KRaft.
  const YamlNode* api = root.get("apiVersion");
  k.v1_api = api && api->is_scalar() && api->text == "kafka.strimzi.io/v1";
  const YamlNode* spec = root.get("spec");
  const YamlNode* kafka = spec ? spec->get("kafka") : nullptr;
  if (kafka && kafka->kind == YamlNode::Kind::kMap) {
    if (const YamlNode* v = kafka->get("version"); v && v->is_scalar())
      k.release = v->text.substr(0, v->text.find('.', v->text.find('.') + 1));
    if (const YamlNode* mv = kafka->get("metadataVersion"); mv && mv->is_scalar()) {
      std::size_t b = 0, e = 0;
      k.metadata_version = mv->text;
      scalar_pos(*mv, &b, &e, &k.metadata_line, &k.metadata_column);
      k.metadata_length = e - b;
    }
  }
  return k;
}

// A KafkaNodePool (Strimzi's KafkaNodePoolSpec: replicas, storage, roles, resources,
// jvmOptions, template).
StrimziNodePool strimzi_pool(const YamlNode& root) {
  StrimziNodePool p;
  read_name(root, &p);
  p.cluster = metadata_word(root, "labels", "strimzi.io/cluster");
  const YamlNode* spec = root.get("spec");
  if (!spec || spec->kind != YamlNode::Kind::kMap) return p;
  if (const YamlNode* r = spec->get("replicas");
      r && r->is_scalar() && !r->text.empty() && r->text.size() < 9 &&
      r->text.find_first_not_of("0123456789") == std::string::npos)
    p.replicas = std::stoi(r->text);
  if (const YamlNode* roles = spec->get("roles"); roles && roles->kind == YamlNode::Kind::kSeq) {
    p.roles_known = true;
    for (const YamlNode& r : roles->seq) {
      if (r.is_scalar() && r.text == "broker")
        p.broker = true;
      else if (r.is_scalar() && r.text == "controller")
        p.controller = true;
      else
        p.roles_known = false;  // a template or a value Strimzi refuses: not ours to judge
    }
  }
  const YamlNode* storage = spec->get("storage");
  const YamlNode* type = storage ? storage->get("type") : nullptr;
  if (type && type->is_scalar() && type->text == "jbod") {
    const YamlNode* volumes = storage->get("volumes");
    p.jbod_volumes = volumes && volumes->kind == YamlNode::Kind::kSeq
                         ? static_cast<int>(volumes->seq.size())
                         : 0;
    p.storage_line = type->line;
    p.storage_column = type->column;
    p.storage_length = type->end - type->begin;
  }
  return p;
}

void kubernetes(const YamlNode& root, std::string_view content, std::vector<Carrier>* out) {
  const YamlNode* kind = root.get("kind");
  const YamlNode* api = root.get("apiVersion");
  const YamlNode* meta = root.get("metadata");
  const YamlNode* name = meta ? meta->get("name") : nullptr;
  const std::string n = name && name->is_scalar() ? name->text : "?";
  if (!kind || !kind->is_scalar()) return;
  const std::string a = api && api->is_scalar() ? api->text : "";
  if (kind->text == "Kafka" && a.rfind("kafka.strimzi.io/", 0) == 0) {
    const YamlNode* spec = root.get("spec");
    const YamlNode* kafka = spec ? spec->get("kafka") : nullptr;
    const YamlNode* config = kafka ? kafka->get("config") : nullptr;
    if (!kafka || kafka->kind != YamlNode::Kind::kMap) return;
    const StrimziKafka facts = strimzi_kafka(root);
    Carrier c;
    c.what = "Strimzi Kafka " + n + " (spec.kafka.config)";
    c.role = "broker";
    c.release = facts.release;
    c.metadata_version = facts.metadata_version;
    c.metadata_line = facts.metadata_line;
    c.metadata_column = facts.metadata_column;
    c.metadata_length = facts.metadata_length;
    if (config && config->kind == YamlNode::Kind::kMap) key_map(c, *config);
    for (CarrierEntry& e : c.entries)
      if (strimzi_forbidden(e.key)) e.managed_by = "Strimzi";
    c.resource = facts.name;
    c.resource_namespace = facts.ns;
    c.kraft = facts.kraft_annotation == "enabled" || facts.v1_api;
    // One broker: spec.kafka.replicas is 1 and no node pools decide the nodes instead (the
    // strimzi.io/node-pools annotation, always on with the v1 API). Kafka's
    // kafka-ephemeral-single examples: the internal topics cannot have a second replica.
    const YamlNode* replicas = kafka->get("replicas");
    const YamlNode* notes = meta ? meta->get("annotations") : nullptr;
    const YamlNode* pools = notes ? notes->get("strimzi.io/node-pools") : nullptr;
    c.single_node = replicas && replicas->is_scalar() && replicas->text == "1" &&
                    !(pools && pools->is_scalar() && pools->text == "enabled") && !facts.v1_api;
    if (!c.entries.empty() || c.metadata_line > 0) out->push_back(std::move(c));
    return;
  }
  if (kind->text == "Kafka" && a.rfind("platform.confluent.io/", 0) == 0) {
    const YamlNode* spec = root.get("spec");
    const YamlNode* co = spec ? spec->get("configOverrides") : nullptr;
    const YamlNode* server = co ? co->get("server") : nullptr;
    if (!server || server->kind != YamlNode::Kind::kSeq) return;
    Carrier c;
    c.what = "Confluent for Kubernetes Kafka " + n + " (configOverrides.server)";
    c.role = "broker";
    // spec.image.application names the cp-server image, whose tag gives the Kafka release.
    if (const YamlNode* img = spec->get("image"); img && img->kind == YamlNode::Kind::kMap)
      if (const YamlNode* app = img->get("application"); app && app->is_scalar()) {
        c.release = release_of(app->text);
        if (!c.release.empty()) c.image = app->text;
      }
    for (const YamlNode& s : server->seq) kv_string(c, s, content);
    if (!c.entries.empty()) out->push_back(std::move(c));
    return;
  }
  // ConfigMaps (data) and Secrets (stringData; their data is base64) holding Kafka properties
  // files as block scalars: each file's role from its name, other files (log4j.properties,
  // another program's config) are not Kafka settings.
  if (kind->text == "ConfigMap" || kind->text == "Secret") {
    const YamlNode* data = root.get(kind->text == "Secret" ? "stringData" : "data");
    if (!data || data->kind != YamlNode::Kind::kMap) return;
    for (const auto& [k, v] : data->map) {
      if (!k.is_scalar() || !v.is_scalar() || !v.block) continue;
      const std::string role = properties_file_role(k.text);
      if (role.empty()) continue;
      Carrier c;
      c.what = kind->text + " " + n + " (" + k.text + ")";
      c.role = role;
      PropertiesBlock b = block_of(v, content);
      b.role = role;
      c.blocks.push_back(std::move(b));
      out->push_back(std::move(c));
    }
  }
}

// cp-ansible's kafka_broker_custom_properties / kafka_controller_custom_properties maps, and
// lineinfile tasks writing key=value lines into a .properties file.
void ansible(const YamlNode& n, std::string_view content, std::vector<Carrier>* out, int depth) {
  if (depth > 32) return;
  if (n.kind == YamlNode::Kind::kMap) {
    for (const auto& [k, v] : n.map) {
      if (k.is_scalar() && v.kind == YamlNode::Kind::kMap &&
          (k.text == "kafka_broker_custom_properties" ||
           k.text == "kafka_controller_custom_properties")) {
        Carrier c;
        c.what = "Ansible " + k.text;
        c.role = "broker";
        key_map(c, v);
        if (!c.entries.empty()) out->push_back(std::move(c));
        continue;
      }
      if (k.is_scalar() && v.kind == YamlNode::Kind::kMap &&
          (k.text == "lineinfile" || k.text == "ansible.builtin.lineinfile")) {
        const YamlNode* path = v.get("path");
        if (!path) path = v.get("dest");
        const YamlNode* line = v.get("line");
        const std::string file =
            path && path->is_scalar() ? path->text.substr(path->text.rfind('/') + 1) : "";
        // Only files that are Kafka's by name: another program's .properties is not ours.
        const bool kafka_file = file == "server.properties" || file == "broker.properties" ||
                                file == "controller.properties" || file == "producer.properties" ||
                                file == "consumer.properties";
        if (kafka_file && line) {
          Carrier c;
          c.what = "Ansible lineinfile " + path->text;
          c.role = path->text.find("producer") != std::string::npos   ? "producer"
                   : path->text.find("consumer") != std::string::npos ? "consumer"
                                                                      : "broker";
          kv_string(c, *line, content);
          if (!c.entries.empty()) out->push_back(std::move(c));
        }
        continue;
      }
      ansible(v, content, out, depth + 1);
    }
  } else if (n.kind == YamlNode::Kind::kSeq) {
    for (const YamlNode& item : n.seq) ansible(item, content, out, depth + 1);
  }
}

// Helm values of Kafka charts: a properties block under config / extraConfig (Bitnami), at the
// top or under controller / broker.
void helm(const YamlNode& root, std::string_view content, std::vector<Carrier>* out) {
  const auto take = [&](const YamlNode& m, const std::string& where) {
    for (const char* k : {"config", "extraConfig"})
      if (const YamlNode* v = m.get(k);
          v && v->is_scalar() && v->block && v->text.find('=') != std::string::npos) {
        Carrier c;
        c.what = "Helm values " + where + k;
        c.role = "broker";
        c.blocks.push_back(block_of(*v, content));
        out->push_back(std::move(c));
      }
  };
  // Newer Bitnami charts also take the settings as a map, extraConfigYaml (e.g.
  // controller.extraConfigYaml: {default.replication.factor: 1}). A map by that name in another
  // chart is not Kafka's: the top-level one counts only in values with Bitnami Kafka's
  // controller/broker/kraft sections, and any one only when most of its keys are dotted.
  const auto take_map = [&](const YamlNode& m, const std::string& where) {
    const YamlNode* v = m.get("extraConfigYaml");
    if (!v || v->kind != YamlNode::Kind::kMap || v->map.empty()) return;
    std::size_t dotted = 0;
    for (const auto& kv : v->map)
      if (kv.first.is_scalar() && kv.first.text.find('.') != std::string::npos) ++dotted;
    if (dotted * 2 < v->map.size()) return;
    Carrier c;
    c.what = "Helm values " + where + "extraConfigYaml";
    c.role = "broker";
    key_map(c, *v);
    if (!c.entries.empty()) out->push_back(std::move(c));
  };
  take(root, "");
  if (root.get("controller") || root.get("broker") || root.get("kraft")) take_map(root, "");
  for (const char* group : {"controller", "broker"})
    if (const YamlNode* g = root.get(group); g && g->kind == YamlNode::Kind::kMap) {
      take(*g, std::string(group) + ".");
      take_map(*g, std::string(group) + ".");
    }
}

}  // namespace

bool kafka_image(std::string_view image) { return image_kind(image) != Image::kUnknown; }

std::string image_release(std::string_view image) { return release_of(image); }

std::string env_to_key(std::string_view image, std::string_view variable) {
  if (image_variable(variable)) return {};
  const Image kind = image_kind(image);
  std::string v(variable);
  switch (kind) {
    case Image::kBitnami: {
      // bitnami/kafka libkafka.sh: drop KAFKA_CFG_, every '_' becomes '.', lower case; two
      // listener-protocol names and one camel-case key are restored by hand.
      if (v.rfind("KAFKA_CFG_", 0) != 0) return {};
      if (v == "KAFKA_CFG_ZOOKEEPER_CLIENTCNXNSOCKET") return "zookeeper.clientCnxnSocket";
      std::string k = core::ascii_lower(replace_all(v.substr(10), "_", "."));
      k = replace_all(k, "sasl.ssl", "sasl_ssl");
      return replace_all(k, "sasl.plaintext", "sasl_plaintext");
    }
    case Image::kApache: {
      // apache/kafka KafkaDockerWrapper.getServerConfigsFromEnv: drop KAFKA_, lower case,
      // '_' -> '.', then '...' -> '-' and '..' -> '_'.
      if (v.rfind("KAFKA_", 0) != 0) return {};
      std::string k = replace_all(core::ascii_lower(v.substr(6)), "_", ".");
      k = replace_all(k, "...", "-");
      return replace_all(k, "..", "_");
    }
    case Image::kConfluent: {
      // Confluent images (env_to_props, documented in the Confluent Docker configuration
      // reference): '.' is written '_', '-' as '__', '_' as '___'.
      if (v.rfind("KAFKA_", 0) != 0 || v.rfind("KAFKA_CFG_", 0) == 0) return {};
      std::string k = replace_all(core::ascii_lower(v.substr(6)), "_", ".");
      k = replace_all(k, "...", "_");
      return replace_all(k, "..", "-");
    }
    case Image::kWurstmeister: {
      // wurstmeister/kafka start-kafka.sh: drop KAFKA_, lower case, '_' -> '.'.
      if (v.rfind("KAFKA_", 0) != 0) return {};
      return replace_all(core::ascii_lower(v.substr(6)), "_", ".");
    }
    case Image::kUnknown:
      return {};
  }
  return {};
}

std::string key_to_env(std::string_view image, std::string_view key) {
  std::string k(key);
  std::string up;
  switch (image_kind(image)) {
    case Image::kApache:
      k = replace_all(replace_all(replace_all(k, "_", "__"), "-", "___"), ".", "_");
      up = "KAFKA_";
      break;
    case Image::kConfluent:
      k = replace_all(replace_all(replace_all(k, "_", "___"), "-", "__"), ".", "_");
      up = "KAFKA_";
      break;
    case Image::kBitnami:
      if (k.find('_') != std::string::npos || k.find('-') != std::string::npos) return {};
      k = replace_all(k, ".", "_");
      up = "KAFKA_CFG_";
      break;
    case Image::kWurstmeister:
      if (k.find('_') != std::string::npos || k.find('-') != std::string::npos) return {};
      k = replace_all(k, ".", "_");
      up = "KAFKA_";
      break;
    case Image::kUnknown:
      return {};
  }
  for (char& c : k) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return up + k;
}

StrimziResources strimzi_resources(const std::vector<YamlNode>& docs) {
  StrimziResources r;
  for (const YamlNode& d : docs) {
    if (d.kind != YamlNode::Kind::kMap || !strimzi_api(d)) continue;
    const YamlNode* kind = d.get("kind");
    if (!kind || !kind->is_scalar()) continue;
    if (kind->text == "Kafka")
      r.kafkas.push_back(strimzi_kafka(d));
    else if (kind->text == "KafkaNodePool")
      r.pools.push_back(strimzi_pool(d));
  }
  return r;
}

std::vector<Carrier> find_carriers(const std::vector<YamlNode>& docs, std::string_view content,
                                   const DotEnv* dotenv) {
  static const DotEnv kNone;  // defaults and '$$' still apply without a .env file
  std::vector<Carrier> out;
  for (const YamlNode& d : docs) {
    if (d.kind != YamlNode::Kind::kMap && d.kind != YamlNode::Kind::kSeq) continue;
    if (d.kind == YamlNode::Kind::kMap) {
      compose(d, content, dotenv ? *dotenv : kNone, &out);
      kubernetes(d, content, &out);
      if (!d.get("kind") && !d.get("services")) helm(d, content, &out);
    }
    ansible(d, content, &out, 0);
  }
  return out;
}

namespace {

// The shell text a command:/entrypoint: node runs: a string as it is; an exec-form list joined,
// or the script of ['sh', '-c', SCRIPT].
std::string command_text(const YamlNode& n) {
  if (n.is_scalar()) return n.text;
  if (n.kind != YamlNode::Kind::kSeq) return {};
  const auto& s = n.seq;
  if (s.size() >= 3 && s[1].is_scalar() && s[1].text == "-c" && s[2].is_scalar()) return s[2].text;
  std::string out;
  for (const YamlNode& w : s)
    if (w.is_scalar()) out += (out.empty() ? "" : " ") + w.text;
  return out;
}

// Words that start the broker itself in the images env_to_key knows (their default commands).
bool starts_broker(std::string_view text) {
  for (std::string_view marker : {"/etc/confluent/docker/run", "/etc/kafka/docker/run",
                                  "/opt/bitnami/scripts/kafka/run.sh", "start-kafka.sh"})
    if (text.find(marker) != std::string_view::npos) return true;
  return false;
}

}  // namespace

bool runs_other_program(const YamlNode& service) {
  for (const char* field : {"command", "entrypoint"}) {
    const YamlNode* n = service.get(field);
    if (!n) continue;
    const std::string text = command_text(*n);
    if (text.empty() || starts_broker(text)) continue;
    const ExtractResult r = extract("command", text, FileKind::kShell);
    bool other = false, broker = false;
    for (const CommandLine& c : r.commands) {
      if (c.tool == "kafka-server-start.sh")
        broker = true;
      else
        other = true;
    }
    if (other && !broker) return true;
  }
  return false;
}

namespace {

// The files `field` of each service names (env_file: or volumes:), as `read` finds them in one
// item, each marked with whether its service is the only broker of its Compose file.
template <typename Read>
std::vector<ComposeEnvFile> compose_files(const std::vector<YamlNode>& docs, const char* field,
                                          Read read) {
  std::vector<ComposeEnvFile> out;
  for (const YamlNode& d : docs) {
    const YamlNode* services = d.get("services");
    if (!services || services->kind != YamlNode::Kind::kMap) continue;
    const std::size_t first = out.size();
    std::size_t brokers = 0;  // services of a Kafka image that run the broker
    for (const auto& [name, svc] : services->map) {
      const YamlNode* image = svc.get("image");
      if (image && image->is_scalar() && kafka_image(image->text) && !runs_other_program(svc))
        ++brokers;
    }
    for (const auto& [name, svc] : services->map) {
      const YamlNode* files = svc.get(field);
      if (!files) continue;
      ComposeEnvFile use;
      use.service = name.text;
      const YamlNode* image = svc.get("image");
      use.image = image && image->is_scalar() ? image->text : "";
      use.broker = !runs_other_program(svc);
      auto add = [&](const YamlNode& f) {
        std::string path = read(f);
        if (path.empty()) return;
        use.path = std::move(path);
        out.push_back(use);
      };
      if (files->kind == YamlNode::Kind::kSeq)
        for (const YamlNode& f : files->seq) add(f);
      else
        add(*files);
    }
    for (std::size_t k = first; k < out.size(); ++k) out[k].single_node = brokers == 1;
  }
  return out;
}

}  // namespace

std::vector<ComposeEnvFile> compose_env_files(const std::vector<YamlNode>& docs) {
  return compose_files(docs, "env_file", [](const YamlNode& f) {
    const YamlNode* p = f.kind == YamlNode::Kind::kMap ? f.get("path") : &f;  // long syntax
    return p && p->is_scalar() ? p->text : std::string();
  });
}

std::vector<ComposeEnvFile> compose_mounted_files(const std::vector<YamlNode>& docs) {
  return compose_files(docs, "volumes", [](const YamlNode& v) {
    std::string source;
    if (v.kind == YamlNode::Kind::kMap) {  // long syntax: type: bind, source: ./x
      const YamlNode* type = v.get("type");
      const YamlNode* src = v.get("source");
      if (type && type->is_scalar() && type->text == "bind" && src && src->is_scalar())
        source = src->text;
    } else if (v.is_scalar()) {  // SOURCE:TARGET[:MODE]; a bare name is a named volume
      const std::size_t colon = v.text.find(':');
      if (colon != std::string::npos) source = v.text.substr(0, colon);
    }
    // Only host paths: relative ones start with '.', absolute ones with '/'.
    if (source.empty() || (source[0] != '.' && source[0] != '/')) return std::string();
    return source;
  });
}

}  // namespace kafkalint::scripts
