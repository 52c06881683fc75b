// KL5xx: bytes Kafka reads differently from what the author typed: a UTF-8 byte order mark
// at the start and non-ASCII bytes, which java.util.Properties reads as Latin-1.

#include "checks/properties/file_checker.h"

namespace kafkalint::checks::props {

namespace {

std::string hex(unsigned char c) {
  static const char* d = "0123456789ABCDEF";
  return std::string{d[c >> 4], d[c & 15]};
}

std::string latin1(unsigned char c) {
  return std::string{static_cast<char>(0xC0 | (c >> 6)), static_cast<char>(0x80 | (c & 0x3F))};
}

}  // namespace

void FileChecker::check_encoding() {
  if (f_.original.compare(0, 3, "\xEF\xBB\xBF") == 0 && !doc_.entries().empty()) {
    const Entry& first = doc_.entries().front();
    auto& fd = emit_.at(1, 1, 1, RuleId::KL501,
                        "file starts with a UTF-8 byte order mark; Kafka reads it as part of "
                        "the first key " +
                            quoted(key_of(first)));
    fd.subject = std::string(key_of(first));
    emit_.fix(fd, 0, 3, "", "remove the byte order mark");
  }
  for (const Entry& e : doc_.entries()) {
    // A non-ASCII byte in a key or value (comments do not matter), other than the BOM.
    std::size_t from =
        e.key.begin == 0 && f_.original.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : e.key.begin;
    for (std::size_t i = from; i < e.value.end && i < f_.original.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(f_.original[i]);
      if (c < 0x80) continue;
      if (f_.mask.is_opaque(i, i + 1)) break;
      const core::TextPosition at = f_.lines.position(i);
      auto& fd = emit_.at(at.line, at.column, 1, RuleId::KL502,
                          "byte 0x" + hex(c) + " in " + quoted(key_of(e)) +
                              " is read as the Latin-1 character '" + latin1(c) +
                              "', not as UTF-8; write non-ASCII characters as \\uXXXX");
      fd.subject = std::string(key_of(e));
      break;
    }
  }
}

}  // namespace kafkalint::checks::props
