// Splitting cmd.exe batch text (Kafka's bin\windows\*.bat, runbooks for Windows) into the
// same tokens lex_shell() produces, so that one recogniser reads both.
//
// What cmd.exe does differently from a POSIX shell, as far as finding command lines goes:
// '^' escapes the next character and, at the end of a line, continues the command on the
// next one; '\' and '\'' are plain characters; only '"' quotes; '%NAME%', '%1', '%~dp0', '%*'
// and '!NAME!' are expanded at run time; 'REM' and '::' start comments; '@' before a command
// only silences its echo; '&', '&&', '||', '|' separate commands, '(' and ')' group them.

#include <cctype>

#include "scripts/shell_lexer.h"

namespace kafkalint::scripts {
namespace {

class BatchLexer {
 public:
  BatchLexer(std::string_view text, LexResult& out) : t_(text), out_(out) {}

  void run() {
    bool command_start = true;
    while (p_ < t_.size()) {
      const char c = t_[p_];
      if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == ',' || c == ';' ||
          (command_start && c == '@')) {
        ++p_;
      } else if (c == '^' && continues_line(p_)) {
        p_ = skip_line_break(p_ + 1);
      } else if (c == '^' && caret_before_blank(p_)) {
        ++p_;
      } else if (c == '\n') {
        control(p_, p_ + 1, "\n");
        command_start = true;
      } else if (command_start && comment_ahead()) {
        const std::size_t b = p_;
        while (p_ < t_.size() && t_[p_] != '\n') ++p_;
        std::size_t e = p_;
        if (e > b && t_[e - 1] == '\r') --e;
        out_.comments.emplace_back(b, e);
      } else if (c == '&' || c == '|') {
        const bool twice = p_ + 1 < t_.size() && t_[p_ + 1] == c;
        control(p_, p_ + (twice ? 2 : 1), twice ? std::string(2, c) : std::string(1, c));
        command_start = true;
      } else if (c == '(' || c == ')') {
        control(p_, p_ + 1, std::string(1, c));
        command_start = true;
      } else if (redirect_ahead()) {
        command_start = false;
      } else {
        word();
        command_start = false;
      }
    }
  }

 private:
  // '^' as the last character of a line (before an optional '\r').
  bool continues_line(std::size_t at) const {
    std::size_t q = at + 1;
    if (q < t_.size() && t_[q] == '\r') ++q;
    return q < t_.size() && t_[q] == '\n';
  }
  // '^' before a blank: a continuation whose line break a doc reader already joined with a
  // space (a literal escaped space in an unquoted word is not worth modelling).
  bool caret_before_blank(std::size_t at) const {
    return at + 1 < t_.size() && (t_[at + 1] == ' ' || t_[at + 1] == '\t');
  }
  std::size_t skip_line_break(std::size_t at) const {
    if (at < t_.size() && t_[at] == '\r') ++at;
    return at < t_.size() && t_[at] == '\n' ? at + 1 : at;
  }

  // 'REM', 'rem.', 'REM' alone on its line, or '::' at the start of a command.
  bool comment_ahead() const {
    if (t_.compare(p_, 2, "::") == 0) return true;
    if (p_ + 3 > t_.size()) return false;
    for (std::size_t k = 0; k < 3; ++k)
      if (std::tolower(static_cast<unsigned char>(t_[p_ + k])) != "rem"[k]) return false;
    if (p_ + 3 == t_.size()) return true;
    const char n = t_[p_ + 3];
    return n == ' ' || n == '\t' || n == '\r' || n == '\n' || n == '.' || n == ':';
  }

  void control(std::size_t b, std::size_t e, std::string text) {
    LexToken tok;
    tok.kind = LexKind::kControl;
    tok.begin = b;
    tok.end = e;
    tok.text = std::move(text);
    out_.tokens.push_back(std::move(tok));
    p_ = e;
  }

  // '>', '>>', '<', '2>', '2>&1', '>&2': the operator; the target is the word after it.
  bool redirect_ahead() {
    std::size_t q = p_;
    if (q < t_.size() && t_[q] >= '0' && t_[q] <= '9' && q + 1 < t_.size() &&
        (t_[q + 1] == '>' || t_[q + 1] == '<'))
      ++q;
    if (q >= t_.size() || (t_[q] != '>' && t_[q] != '<')) return false;
    ++q;
    if (q < t_.size() && t_[q] == '>' && t_[q - 1] == '>') ++q;
    if (q < t_.size() && t_[q] == '&') ++q;  // '2>&1': the target is '1'
    LexToken tok;
    tok.kind = LexKind::kRedirect;
    tok.begin = p_;
    tok.end = q;
    tok.text = std::string(t_.substr(p_, q - p_));
    out_.tokens.push_back(std::move(tok));
    p_ = q;
    return true;
  }

  static bool ends_word(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v' || c == '&' ||
           c == '|' || c == '<' || c == '>' || c == '(' || c == ')' || c == ',' || c == ';';
  }

  // Appends t_[b, e) to the current word unchanged.
  void copy(std::size_t b, std::size_t e) {
    if (b >= e) return;
    auto& runs = out_.word_runs;
    const std::size_t at = text_.size();
    text_.append(t_.substr(b, e - b));
    if (runs.size() > runs_begin_) {
      Run& last = runs.back();
      if (last.text_len == last.orig_len && last.text + last.text_len == at &&
          last.orig + last.orig_len == b) {
        last.text_len += e - b;
        last.orig_len += e - b;
        return;
      }
    }
    runs.push_back(Run{at, b, e - b, e - b});
  }

  // '%NAME%', '%~dp0', '%1', '%*', '%%i' and '!NAME!' from `at`; returns its end or `at`.
  std::size_t expansion_end(std::size_t at) const {
    const char c = t_[at];
    if (at + 1 >= t_.size()) return at;
    const char n = t_[at + 1];
    if (c == '%') {
      if (n == '*' || (n >= '0' && n <= '9')) return at + 2;
      if (n == '%') {
        std::size_t q = at + 2;
        if (q < t_.size() && std::isalpha(static_cast<unsigned char>(t_[q]))) return q + 1;
        return at + 2;  // a literal '%'
      }
      if (n == '~') {
        std::size_t q = at + 2;
        while (q < t_.size() && std::isalpha(static_cast<unsigned char>(t_[q]))) ++q;
        if (q < t_.size() && (t_[q] == '*' || (t_[q] >= '0' && t_[q] <= '9'))) return q + 1;
        return at;
      }
    }
    const std::size_t close = t_.find(c, at + 1);
    if (close == std::string_view::npos) return at;
    for (std::size_t q = at + 1; q < close; ++q)
      if (t_[q] == '\n' || t_[q] == ' ' || t_[q] == '"') return at;
    return close > at + 1 ? close + 1 : at;
  }

  void word() {
    text_.clear();
    runs_begin_ = out_.word_runs.size();
    bool opaque = false;
    const std::size_t begin = p_;
    bool quoted = false;
    while (p_ < t_.size()) {
      const char c = t_[p_];
      if (!quoted && ends_word(c)) break;
      if (c == '\n') break;  // a quote never spans lines in cmd.exe
      if (c == '"') {
        if (!quoted) quote_at_ = p_;
        quoted = !quoted;
        ++p_;
      } else if (c == '^' && !quoted) {
        if (caret_before_blank(p_)) break;
        if (continues_line(p_)) {
          p_ = skip_line_break(p_ + 1);
        } else if (p_ + 1 < t_.size()) {
          copy(p_ + 1, p_ + 2);
          out_.word_runs.back().orig = p_;
          out_.word_runs.back().orig_len = 2;
          p_ += 2;
        } else {
          ++p_;
        }
      } else if (c == '%' || c == '!') {
        const std::size_t e = expansion_end(p_);
        if (e == p_) {
          copy(p_, p_ + 1);
          ++p_;
        } else {
          copy(p_, e);
          opaque = true;
          p_ = e;
        }
      } else {
        std::size_t e = p_ + 1;
        while (e < t_.size() && t_[e] != '"' && t_[e] != '^' && t_[e] != '%' && t_[e] != '!' &&
               t_[e] != '\n' && (quoted || !ends_word(t_[e])))
          ++e;
        copy(p_, e);
        p_ = e;
      }
    }
    if (quoted) out_.warnings.push_back(LexWarning{quote_at_, "unterminated double quote"});
    LexToken tok;
    tok.kind = LexKind::kWord;
    tok.begin = begin;
    tok.end = p_;
    tok.text = text_;
    tok.opaque = opaque;
    tok.runs_begin = runs_begin_;
    tok.runs_end = out_.word_runs.size();
    out_.tokens.push_back(std::move(tok));
  }

  std::string_view t_;
  LexResult& out_;
  std::size_t p_ = 0;
  std::string text_;
  std::size_t runs_begin_ = 0;
  std::size_t quote_at_ = 0;
};

}  // namespace

LexResult lex_batch(std::string_view text) {
  LexResult out;
  BatchLexer(text, out).run();
  return out;
}

}  // namespace kafkalint::scripts
