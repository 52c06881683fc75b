// Templates by extension or well-formed tags only: "<%", "{{" or "{%" in a password or a
// comment of a plain file leave it plain (checked, and refused when Java refuses it); an
// unterminated tag never hides the rest of a file.
#include <doctest/doctest.h>

#include <string>

#include "checks/template.h"
#include "test_support.h"

using namespace kafkalint;
using checks::detect_template;
using checks::TemplateSyntax;

TEST_SUITE("hostile_templates") {
  TEST_CASE("stray tag openers in values and comments do not make a template") {
    for (const char* text :
         {"ssl.keystore.password=ab<%cd\n", "ssl.key.password=x{{y\n", "sasl.jaas.config=a{%b\n",
          "# see <% and {{ in the docs %> }}\na=1\n", "! {{ id }}\na=1\n", "a={{}}\n", "a={{ }}\n",
          "p=<%%>\n", "p=100{%}\n", "p={{ {{\n"}) {
      INFO(std::string(text));
      CHECK(detect_template("server.properties", text) == TemplateSyntax::kNone);
    }
    CHECK(detect_template("server.properties", "id={{ id }}\n") == TemplateSyntax::kJinja);
    CHECK(detect_template("server.properties", "id={{ID}}\n") == TemplateSyntax::kJinja);
    CHECK(detect_template("server.properties", "{% if tls %}\na=1\n{% endif %}\n") ==
          TemplateSyntax::kJinja);
    CHECK(detect_template("server.properties", "id=<%= @id %>\n") == TemplateSyntax::kErb);
    CHECK(detect_template("server.properties", "<% if @tls -%>\n") == TemplateSyntax::kErb);
    CHECK(detect_template("server.properties", "x={{ .Values.id }}\n") == TemplateSyntax::kJinja);
    // The extension still decides on its own.
    CHECK(detect_template("server.properties.j2", "a=b{{c\n") == TemplateSyntax::kJinja);
  }

  TEST_CASE("a plain file with '<%' in a password is checked, not taken as a template") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"),
                "ssl.keystore.password=ab<%cd\n# a {{ comment\nnum.partitons=1\n");
    auto r = test::run_cli({"check", "--select", "KL101", tmp.file("server.properties")});
    INFO(r.out << r.err);
    CHECK(r.out.find("unknown key 'num.partitons'") != std::string::npos);
  }

  TEST_CASE("a plain file Java refuses is reported as refused, '{{' in it or not") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties"),
                "ssl.key.password=x{{y\nbroker.id=\\u00zz\nnum.partitions=1\n");
    auto r = test::run_cli({"check", tmp.file("server.properties")});
    INFO(r.out << r.err);
    CHECK(r.code != 0);
    CHECK((r.out + r.err).find(":2:") != std::string::npos);
    CHECK((r.out + r.err).find("java.util.Properties refuses") != std::string::npos);
    auto p = test::run_cli({"plan", "--from", "2.8", "--to", "3.9", tmp.file("server.properties")});
    CHECK(p.code != 0);
    CHECK((p.out + p.err).find(":2:") != std::string::npos);
  }

  TEST_CASE("an unterminated tag in a template is an error and hides only its own line") {
    test::TempDir tmp;
    test::write(tmp.file("server.properties.j2"),
                "broker.id={{ id }}\nlog.dirs={{ broken\nnum.partitons=1\n");
    const std::string f = tmp.file("server.properties.j2");
    auto m = checks::mask_template(test::read(f), TemplateSyntax::kJinja);
    CHECK(m.text.find("num.partitons=1") != std::string::npos);
    auto r = test::run_cli({"check", f});
    INFO(r.out << r.err);
    CHECK(r.code != 0);
    CHECK((r.out + r.err).find(":2:10") != std::string::npos);
    CHECK((r.out + r.err).find("unterminated template tag '{{'") != std::string::npos);
  }
}
