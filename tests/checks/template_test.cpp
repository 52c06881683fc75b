#include "checks/template.h"

#include <doctest/doctest.h>

using namespace kafkalint::checks;

namespace {

std::string masked(std::string_view text, TemplateSyntax s) { return mask_template(text, s).text; }

}  // namespace

TEST_SUITE("checks") {
  TEST_CASE("template: syntax detection by extension, then content") {
    CHECK(detect_template("server.properties.j2", "a=b") == TemplateSyntax::kJinja);
    CHECK(detect_template("server.properties.erb", "a=b") == TemplateSyntax::kErb);
    CHECK(detect_template("server.properties.template", "a={{A}}") == TemplateSyntax::kJinja);
    CHECK(detect_template("x.tmpl", "a=<%= @a %>") == TemplateSyntax::kErb);
    CHECK(detect_template("server.properties", "a=b\n") == TemplateSyntax::kNone);
    CHECK(detect_template("server.properties", "id={{ id }}\n") == TemplateSyntax::kJinja);
    CHECK(detect_template("server.properties", "id=<%= @id %>\n") == TemplateSyntax::kErb);
  }

  TEST_CASE("template: jinja control lines blank out, expressions become one opaque word") {
    const std::string src =
        "{% if kafka_hosts is defined %}\n"
        "broker.id={{ server.id }}\n"
        "{% endif %}\n"
        "{# a comment\n spanning lines #}\n"
        "zookeeper.connect={{ zk }}/{{ chroot }}\n";
    auto m = mask_template(src, TemplateSyntax::kJinja);
    CHECK(m.text.size() == src.size());
    CHECK(m.text ==
          "                               \n"
          "broker.id=_______________\n"
          "           \n"
          "            \n"
          "                  \n"
          "zookeeper.connect=________/____________\n");
    CHECK(m.control_lines == std::vector<int>{1, 3, 4, 5});
    REQUIRE(m.opaque.size() == 3);
    const std::size_t v = src.find("{{ server.id }}");
    CHECK(m.is_opaque(v, v + 1));
    CHECK_FALSE(m.is_opaque(src.find("broker.id"), src.find("broker.id") + 9));
    CHECK(m.problems.empty());
  }

  TEST_CASE("template: a line opening with a left-trimming tag renders onto the value above") {
    // dragomirr/ansible-role-kafka and jackson-hughes/ansible-role-kafka write the voters as a
    // loop whose separator line starts with '{%-': its ',' is the value's, not a key ','.
    const std::string src =
        "controller.quorum.voters={% for h in hosts -%}\n"
        "{{ loop.index }}@{{ h }}:9093\n"
        "{%- if not loop.last %},{% endif -%}\n"
        "{% endfor %}\n"
        "node.id=1\n";
    auto m = mask_template(src, TemplateSyntax::kJinja);
    CHECK(m.text.size() == src.size());
    const std::size_t sep = src.find("{%- if");
    CHECK(m.text.substr(sep, src.find('\n', sep) - sep).find_first_not_of(' ') ==
          std::string::npos);
    const std::size_t port = src.find(":9093") + 4;  // the value's last byte
    CHECK(m.is_opaque(port, port + 1));
    CHECK(m.text.find("node.id=1") != std::string::npos);
    // After a control tag the line starts a line of its own (trim_blocks took the tag's line
    // break), and a plain next line is no continuation either: both are left as they are.
    const std::string own =
        "a=b\n"
        "{% if x %}\n"
        "{%- if y %}c=d{% endif %}\n"
        "e=f\n";
    auto o = mask_template(own, TemplateSyntax::kJinja);
    CHECK(o.text.find("c=d") != std::string::npos);
    CHECK_FALSE(o.is_opaque(own.find('b'), own.find('b') + 1));
    CHECK(o.text.find("e=f") != std::string::npos);
  }

  TEST_CASE("template: erb code, expressions and trim markers") {
    const std::string src =
        "broker.id=<%= @broker_id %>\n"
        "<% if @rack -%>broker.rack=<%= @rack %><% end -%>\n"
        "<%# comment %>\n"
        "<% props.each do |k| -%>\n"
        "<%= k %>=<%= props[k] %>\n"
        "<% end -%>\n";
    auto m = mask_template(src, TemplateSyntax::kErb);
    CHECK(m.text ==
          "broker.id=_________________\n"
          "               broker.rack=____________          \n"
          "              \n"
          "                        \n"
          "________=_______________\n"
          "          \n");
    CHECK(m.control_lines == std::vector<int>{3, 4, 6});
  }

  TEST_CASE("template: ${...} references are opaque in plain files, untouched in text") {
    const std::string src =
        "ssl.keystore.password=${file:/etc/kafka/secrets.properties:ks}\n"
        "sasl.jaas.config=... password=\"pa$word\";\n";
    auto m = mask_template(src, TemplateSyntax::kNone);
    CHECK(m.text == src);
    REQUIRE(m.opaque.size() == 1);
    CHECK(m.opaque[0].begin == src.find("${"));
    CHECK(m.opaque[0].end == src.find('\n'));
  }

  TEST_CASE("template: an unterminated tag is a located problem; the next lines are kept") {
    const std::string src = "a=1\nb={{ broken\nc=3\n";
    auto m = mask_template(src, TemplateSyntax::kJinja);
    REQUIRE(m.problems.size() == 1);
    CHECK(m.problems[0].line == 2);
    CHECK(m.problems[0].column == 3);
    CHECK(m.text == "a=1\nb=_________\nc=3\n");
  }

  TEST_CASE("template: CRLF and lone CR line breaks are kept") {
    CHECK(masked("{% x %}\r\na={{b}}\rc=1", TemplateSyntax::kJinja) == "       \r\na=_____\rc=1");
  }

  TEST_CASE("template: renders_always follows if-blocks, not other blocks") {
    // Offsets of every line that starts with "pin=".
    const auto always = [](const std::string& text, TemplateSyntax syntax) {
      std::vector<std::size_t> at;
      for (std::size_t i = 0; (i = text.find("pin=", i)) != std::string::npos; ++i)
        if (i == 0 || text[i - 1] == '\n') at.push_back(i);
      return renders_always(text, mask_template(text, syntax), at);
    };
    const TemplateSyntax j = TemplateSyntax::kJinja, e = TemplateSyntax::kErb;
    CHECK(always("a=1\npin=1\n", j));
    CHECK_FALSE(always("a=1\n", j));
    CHECK_FALSE(always("{% if x %}\npin=1\n{% endif %}\n", j));
    CHECK(always("{% if x %}\npin=1\n{% else %}\npin=2\n{% endif %}\n", j));
    CHECK_FALSE(
        always("{% if x %}\npin=1\n{% elif y %}\na=1\n{% else %}\npin=2\n{% endif %}\n", j));
    CHECK(always("{%- if x -%}\npin=1\n{%- elif y %}\npin=3\n{% else %}\npin=2\n{% endif %}\n", j));
    // Nested: the outer else arm holds an if without else.
    CHECK_FALSE(
        always("{% if x %}\npin=1\n{% else %}\n{% if y %}\npin=2\n{% endif %}\n{% endif %}\n", j));
    CHECK(
        always("{% if x %}\npin=1\n{% else %}\n{% if y %}\npin=2\n{% else %}\npin=3\n"
               "{% endif %}\n{% endif %}\n",
               j));
    // An unconditional entry after a partial one covers every rendering.
    CHECK(always("{% if x %}\npin=1\n{% endif %}\npin=2\n", j));
    // Loops and comments are not branches; a for-else is the loop's.
    CHECK(always("{% for h in hosts %}\npin=1\n{% else %}\n{% endfor %}\n", j));
    CHECK(always("{# if x #}\npin=1\n", j));
    CHECK_FALSE(always("{% for h in hosts %}{% if h %}\npin=1\n{% endif %}{% endfor %}\n", j));
    // ERB: if/unless/elsif/else/end, `do` blocks closed by the same `end`.
    CHECK_FALSE(always("<% if @x -%>\npin=1\n<% end -%>\n", e));
    CHECK_FALSE(always("<% unless @x %>\npin=1\n<% end %>\n", e));
    CHECK(always("<% if @x %>\npin=1\n<% elsif @y %>\npin=2\n<% else %>\npin=3\n<% end %>\n", e));
    CHECK(always("<% @h.each do |k, v| %>\nk=v\n<% end %>\npin=1\n", e));
    CHECK_FALSE(always("<% @h.each do |k| %>\n<% if k %>\npin=1\n<% end %>\n<% end %>\n", e));
  }
}
