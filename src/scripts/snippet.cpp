#include "scripts/snippet.h"

#include <algorithm>

namespace kafkalint::scripts {

void Snippet::append_copy(std::string_view content, std::size_t orig, std::size_t len) {
  if (len == 0) return;
  const std::size_t t = text_.size();
  text_.append(content.substr(orig, len));
  if (!runs_.empty()) {
    Run& last = runs_.back();
    // Extend a byte-for-byte run when the new bytes follow it in both texts.
    if (last.text_len == last.orig_len && last.text + last.text_len == t &&
        last.orig + last.orig_len == orig) {
      last.text_len += len;
      last.orig_len += len;
      return;
    }
  }
  runs_.push_back(Run{t, orig, len, len});
}

void Snippet::append_replacement(std::string_view text, std::size_t orig, std::size_t orig_len) {
  if (text.empty()) return;
  const std::size_t t = text_.size();
  text_.append(text);
  if (text.size() == orig_len) {
    // Same length (e.g. a folded line break turned into a space): still byte for byte.
    if (!runs_.empty()) {
      Run& last = runs_.back();
      if (last.text_len == last.orig_len && last.text + last.text_len == t &&
          last.orig + last.orig_len == orig) {
        last.text_len += orig_len;
        last.orig_len += orig_len;
        return;
      }
    }
  }
  runs_.push_back(Run{t, orig, text.size(), orig_len});
}

void Snippet::append_from(const Snippet& other, std::size_t begin, std::size_t end) {
  end = std::min(end, other.text_.size());
  if (begin >= end) return;
  std::size_t i = other.run_index(begin);
  while (begin < end && i < other.runs_.size()) {
    const Run& r = other.runs_[i];
    const std::size_t piece_end = std::min(end, r.text + r.text_len);
    if (r.text_len == r.orig_len) {
      const std::size_t t = text_.size();
      const std::size_t orig = r.orig + (begin - r.text);
      const std::size_t len = piece_end - begin;
      text_.append(other.text_, begin, len);
      Run* last = runs_.empty() ? nullptr : &runs_.back();
      if (last && last->text_len == last->orig_len && last->text + last->text_len == t &&
          last->orig + last->orig_len == orig) {
        last->text_len += len;
        last->orig_len += len;
      } else {
        runs_.push_back(Run{t, orig, len, len});
      }
    } else {
      // Part of a replacement keeps the whole original span: it cannot be split.
      const std::size_t t = text_.size();
      text_.append(other.text_, begin, piece_end - begin);
      runs_.push_back(Run{t, r.orig, piece_end - begin, r.orig_len});
    }
    begin = piece_end;
    ++i;
  }
}

std::size_t Snippet::run_index(std::size_t t) const {
  // Last run whose text start is <= t.
  auto it = std::upper_bound(runs_.begin(), runs_.end(), t,
                             [](std::size_t v, const Run& r) { return v < r.text; });
  if (it == runs_.begin()) return 0;
  return static_cast<std::size_t>(it - runs_.begin()) - 1;
}

std::size_t Snippet::map(std::size_t t) const {
  if (runs_.empty()) return 0;
  const Run& r = runs_[run_index(t)];
  if (t >= r.text + r.text_len) return r.orig + r.orig_len;
  if (r.text_len == r.orig_len) return r.orig + (t - r.text);
  return r.orig;
}

std::size_t Snippet::map_end(std::size_t t_end) const {
  if (runs_.empty()) return 0;
  if (t_end == 0) return runs_.front().orig;
  const Run& r = runs_[run_index(t_end - 1)];
  if (r.text_len == r.orig_len) return r.orig + (t_end - r.text);
  return r.orig + r.orig_len;
}

}  // namespace kafkalint::scripts
