#include "checks/walk.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>

#include "core/finding.h"
#include "core/strings.h"
#include "scripts/extract.h"

namespace kafkalint::checks {

namespace fs = std::filesystem;

std::string inner_name(std::string_view name) {
  for (std::string_view ext : {".j2", ".jinja", ".jinja2", ".erb", ".tpl", ".tmpl", ".template"})
    if (core::ends_with(name, ext)) return std::string(name.substr(0, name.size() - ext.size()));
  return std::string(name);
}

namespace {

// A Go module's vendor folder holds its dependencies' code, docs and test setups, not the
// user's: the vendored Sarama's READMEs document its own 'kafka-console-consumer -topic=x',
// which Kafka's tool of that name does not take (corybuecker/kafka-testing).
bool go_vendor(const std::string& name, const fs::path& dir) {
  if (name != "vendor") return false;
  std::error_code ec;
  return fs::exists(dir / "modules.txt", ec) || fs::is_directory(dir / "github.com", ec) ||
         fs::is_directory(dir / "golang.org", ec) || fs::is_directory(dir / "gopkg.in", ec);
}

// Script-like files by name alone; the walk reads no content.
Candidate script_candidate(const fs::path& p) {
  const std::string name = p.filename().string();
  if (scripts::detect_kind(name, {}) != scripts::FileKind::kUnknown) return Candidate::kScript;
  if (core::ascii_lower(inner_name(name)).find('.') == std::string::npos && !name.empty() &&
      name[0] != '.')
    return Candidate::kMaybeScript;
  return Candidate::kNo;
}

std::string display(const fs::path& p) {
  std::string s = p.generic_string();
  while (s.rfind("./", 0) == 0 && s.size() > 2) s.erase(0, 2);
  return s;
}

std::string_view folder(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? std::string_view() : path.substr(0, slash);
}

bool path_order(const Input& a, const Input& b) { return core::path_less(a.path, b.path); }

}  // namespace

Candidate candidate(const fs::path& p) {
  const std::string name = core::ascii_lower(inner_name(p.filename().string()));
  if (core::ends_with(name, ".properties")) return Candidate::kProperties;
  if (core::ends_with(name, ".config") || core::ends_with(name, ".conf") ||
      core::ends_with(name, ".cfg"))
    return Candidate::kMaybeProperties;
  return script_candidate(p);
}

std::string unreadable_because(const std::error_code& ec) {
  if (ec == std::errc::too_many_symbolic_link_levels) return "a symlink loop";
  if (ec == std::errc::filename_too_long) return "a path longer than the system allows";
  if (ec == std::errc::permission_denied) return "permission denied";
  if (ec == std::errc::no_such_file_or_directory) return "no such file or directory";
  return ec.message();
}

core::Result<void> Walker::open(WalkOptions options) {
  return core::capture_void([&](core::Error* err) -> bool {
    o_ = std::move(options);
    const std::vector<std::string> roots =
        o_.roots.empty() ? std::vector<std::string>{"."} : o_.roots;
    for (const std::string& root : roots) {
      if (o_.contents && o_.contents->count(root)) {  // stdin: nothing on disk to look at
        explicit_.push_back({root, true, candidate(root), std::nullopt});
        continue;
      }
      std::error_code ec;
      const fs::file_status st = fs::status(root, ec);
      if (!ec && fs::is_directory(st)) {
        walks_.push_back({});
        walks_.back().root = fs::path(root);
        advance(walks_.back());
        continue;
      }
      if (ec || !fs::exists(st)) {
        // A path named by the user that cannot be read at all: the caller reports it (KL901).
        err->where.file = root;
        err->message = ec ? unreadable_because(ec) : "no such file or directory";
        return false;
      }
      explicit_.push_back({display(root), true, candidate(root), std::nullopt});
    }
    std::stable_sort(explicit_.begin(), explicit_.end(), path_order);
    return true;
  });
}

bool Walker::next(std::vector<Input>* out) {
  out->clear();
  std::optional<std::string> dir;
  auto consider = [&](std::string_view d) {
    if (!dir || core::folder_less(d, *dir)) dir = std::string(d);
  };
  if (next_explicit_ < explicit_.size()) consider(folder(explicit_[next_explicit_].path));
  for (const Walk& w : walks_)
    if (w.has_folder) consider(w.dir);
  if (!dir) return false;
  while (next_explicit_ < explicit_.size() && folder(explicit_[next_explicit_].path) == *dir)
    out->push_back(explicit_[next_explicit_++]);
  for (Walk& w : walks_)
    if (w.has_folder && w.dir == *dir) {
      out->insert(out->end(), w.files.begin(), w.files.end());
      advance(w);
    }
  std::stable_sort(out->begin(), out->end(), path_order);
  out->erase(std::unique(out->begin(), out->end(),
                         [](const Input& a, const Input& b) { return a.path == b.path; }),
             out->end());
  return true;
}

// Lists one folder: the files to take or note in *files, the subfolders to enter in *frame.
void Walker::read_folder(const fs::path& dir, Frame* frame, std::vector<Input>* files) const {
  const auto note = [&](const fs::path& p, std::string why) {
    if (o_.excluded && o_.excluded(display(p))) return;
    files->push_back({display(p), false, Candidate::kNo, std::move(why)});
  };
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    note(dir,
         "cannot read this folder (" + unreadable_because(ec) + "); its files are not checked");
    return;
  }
  for (fs::directory_iterator end; it != end;) {
    const fs::path& p = it->path();
    std::string name = p.filename().string();
    std::error_code st_ec;
    const fs::file_status lst = it->symlink_status(st_ec);
    const bool link = !st_ec && fs::is_symlink(lst);
    std::error_code target_ec;
    const fs::file_status st = it->status(target_ec);
    if (!target_ec && fs::is_directory(st)) {
      // Version-control and build folders hold no configs of the user's.
      if (name == ".git" || name == ".hg" || name == ".svn" || name == "node_modules") {
        if (o_.skipped_folder) o_.skipped_folder(display(p), "version control or build folder");
      } else if (go_vendor(name, p)) {
        if (o_.skipped_folder) o_.skipped_folder(display(p), "Go vendor folder (third-party code)");
      } else if (o_.excluded && o_.excluded(display(p))) {
        if (o_.skipped_folder) o_.skipped_folder(display(p), "excluded by the settings");
      } else if (o_.ignored && o_.ignored(display(p), true)) {
        if (o_.skipped_folder) o_.skipped_folder(display(p), "ignored by git");
      } else if (link) {
        // A link to a folder is not followed (it could lead back up the tree): said once.
        note(p,
             "a link to a folder, not followed (it could lead back up the tree); give its "
             "target to check it");
      } else {
        frame->subdirs.push_back(std::move(name));
      }
    } else if (const Candidate c = o_.pick(p); c != Candidate::kNo) {
      if (st_ec || (target_ec && !link)) {
        note(p, "cannot be read (" + unreadable_because(st_ec ? st_ec : target_ec) + ")");
      } else if (link && target_ec == std::errc::too_many_symbolic_link_levels) {
        note(p, "a symlink loop: not read");
      } else if (link && (target_ec || !fs::exists(st))) {
        note(p, "a dangling symlink: its target does not exist");
      } else if (!fs::is_regular_file(st)) {
        note(p, "not a regular file (a FIFO, socket or device): not read");
      } else if (!(o_.excluded && o_.excluded(display(p))) &&
                 !(o_.ignored && o_.ignored(display(p), false))) {
        files->push_back({display(p), false, c, std::nullopt});
      }
    }
    it.increment(ec);
    if (ec) {
      // The listing broke off part way: what is left of the folder is not read.
      note(dir, "cannot read all of this folder (" + unreadable_because(ec) +
                    "); the files after the error are not checked");
      return;
    }
  }
}

// Reads folders of `w` until one has files to check (or none is left).
void Walker::advance(Walk& w) const {
  w.has_folder = false;
  while (!w.has_folder) {
    fs::path dir;
    if (w.root) {
      dir = std::move(*w.root);
      w.root.reset();
    } else {
      while (!w.stack.empty() && w.stack.back().next == w.stack.back().subdirs.size())
        w.stack.pop_back();
      if (w.stack.empty()) return;
      Frame& top = w.stack.back();
      dir = top.dir / top.subdirs[top.next++];
    }
    std::vector<Input> files;
    Frame frame{dir, {}, 0};
    read_folder(dir, &frame, &files);
    if (!frame.subdirs.empty()) {
      std::sort(frame.subdirs.begin(), frame.subdirs.end());
      w.stack.push_back(std::move(frame));
    }
    if (files.empty()) continue;
    std::sort(files.begin(), files.end(), path_order);
    w.dir = std::string(folder(files.front().path));
    w.files = std::move(files);
    w.has_folder = true;
  }
}

std::optional<std::uintmax_t> parse_size(std::string_view text) {
  if (text.empty()) return std::nullopt;
  std::uintmax_t n = 0;
  std::size_t i = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
    if (n > (UINTMAX_MAX - 9) / 10) return std::nullopt;
    n = n * 10 + static_cast<std::uintmax_t>(text[i] - '0');
  }
  if (i == 0) return std::nullopt;
  std::string unit = core::ascii_lower(text.substr(i));
  if (!unit.empty() && unit.back() == 'b') unit.pop_back();  // "64MB", "64mb"
  if (unit.size() == 2 && unit[1] == 'i') unit.pop_back();   // "64MiB"
  int shift = 0;
  if (unit == "k")
    shift = 10;
  else if (unit == "m")
    shift = 20;
  else if (unit == "g")
    shift = 30;
  else if (!unit.empty())
    return std::nullopt;
  if (shift && n > (UINTMAX_MAX >> shift)) return std::nullopt;
  return n << shift;
}

std::string size_text(std::uintmax_t bytes) {
  static const char* const kUnits[] = {"KiB", "MiB", "GiB"};
  if (bytes < 1024) return std::to_string(bytes) + " bytes";
  double v = static_cast<double>(bytes);
  int u = -1;
  while (v >= 1024 && u < 2) {
    v /= 1024;
    ++u;
  }
  char buf[32];
  if (v == static_cast<double>(static_cast<std::uintmax_t>(v)))
    std::snprintf(buf, sizeof buf, "%.0f %s", v, kUnits[u]);
  else
    std::snprintf(buf, sizeof buf, "%.1f %s", v, kUnits[u]);
  return buf;
}

}  // namespace kafkalint::checks
