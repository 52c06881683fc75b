#include "core/file_io.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

namespace kafkalint::core {

namespace {

Error io_error(const std::string& path, const std::string& what) {
  Error e;
  e.where.file = path;
  e.message = what + ": " + std::strerror(errno);
  return e;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, Error* err, std::uintmax_t max_bytes,
                                     bool* too_large) {
  // O_NONBLOCK: opening a FIFO nobody writes to would otherwise wait forever (a pre-commit
  // hook that never returns). Reads block again below, so a pipe with a writer (<(cmd)) is
  // read whole, and one without a writer reads as empty.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    *err = io_error(path, "cannot open file");
    return std::nullopt;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    errno = EISDIR;
    *err = io_error(path, "cannot read file");
    return std::nullopt;
  }
  // Devices and sockets are no config files, and some never end (/dev/zero, /dev/urandom).
  if (!S_ISREG(st.st_mode) && !S_ISFIFO(st.st_mode)) {
    ::close(fd);
    *err = Error{};
    err->where.file = path;
    err->message = "not a regular file (a device or socket)";
    err->hint = "give the path of a config file or script; kafkalint reads files and pipes only";
    return std::nullopt;
  }
  const auto refuse_size = [&] {
    ::close(fd);
    if (too_large) *too_large = true;
    *err = Error{};
    err->where.file = path;
    err->message = "larger than the size limit of " + std::to_string(max_bytes) + " bytes";
    return std::nullopt;
  };
  if (max_bytes > 0 && st.st_size > 0 && static_cast<std::uintmax_t>(st.st_size) > max_bytes)
    return refuse_size();
  if (const int flags = ::fcntl(fd, F_GETFL); flags >= 0) ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
  std::string out;
  if (st.st_size > 0) out.reserve(static_cast<std::size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      *err = io_error(path, "cannot read file");
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    // A pipe (or a file that grows while read) stops at the limit too.
    if (max_bytes > 0 && out.size() > max_bytes) return refuse_size();
  }
  ::close(fd);
  return out;
}

namespace {

Error plain_error(const std::string& path, std::string what, std::string hint = {}) {
  // Messages start with the file's state; render() puts the path in front.
  Error e;
  e.where.file = path;
  e.message = std::move(what);
  e.hint = std::move(hint);
  return e;
}

// Temp files an interrupted run (SIGKILL, power loss) left next to the files it was writing:
// removed when older than an hour, which no live run's temp file is.
void remove_stale_temps(const std::string& dir) {
  DIR* d = ::opendir(dir.c_str());
  if (!d) return;
  const time_t now = ::time(nullptr);
  while (const struct dirent* e = ::readdir(d)) {
    const std::string name = e->d_name;
    if (name.rfind(".kafkalint-", 0) != 0 || name.size() != 17) continue;
    const std::string full = dir + name;
    struct stat st {};
    if (::lstat(full.c_str(), &st) == 0 && S_ISREG(st.st_mode) && now - st.st_mtime > 3600)
      ::unlink(full.c_str());
  }
  ::closedir(d);
}

}  // namespace

bool write_file_atomic(const std::string& given, const std::string& content, Error* err) {
  // A symlink is written through: its target gets the new content and the link stays.
  std::string path = given;
  struct stat lst {};
  if (::lstat(given.c_str(), &lst) == 0 && S_ISLNK(lst.st_mode)) {
    char* real = ::realpath(given.c_str(), nullptr);
    if (!real) {
      *err = io_error(given, "cannot follow the symlink");
      return false;
    }
    path = real;
    ::free(real);
  }
  struct stat st {};
  const bool exists = ::stat(path.c_str(), &st) == 0;
  if (exists) {
    if (!S_ISREG(st.st_mode)) {
      *err = plain_error(given, "not a regular file; kafkalint writes only regular files");
      return false;
    }
    // Renaming a new file over one of several hard links would split them: the other names
    // would keep the old content.
    if (st.st_nlink > 1) {
      *err = plain_error(given,
                         "the file has " + std::to_string(st.st_nlink) +
                             " hard links; replacing it would leave the other names with the "
                             "old content",
                         "apply the change by hand, or make it a single file first");
      return false;
    }
    if ((st.st_mode & 0222) == 0) {
      *err = plain_error(given, "the file is read-only; kafkalint does not overwrite it",
                         "make it writable (chmod u+w) if the change is wanted");
      return false;
    }
  }
  const std::size_t slash = path.rfind('/');
  const std::string dir =
      slash == std::string::npos ? std::string("./") : path.substr(0, slash + 1);
  remove_stale_temps(dir);
  std::string tmpl = dir + ".kafkalint-XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    *err = io_error(given, "cannot create a temporary file next to it");
    return false;
  }
  mode_t mode = 0;
  if (exists) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  bool ok = ::fchmod(fd, mode) == 0;
  // Keep the owner and group: as root, a config owned by kafka must stay readable by kafka.
  if (ok && exists && (st.st_uid != ::geteuid() || st.st_gid != ::getegid()) &&
      ::fchown(fd, st.st_uid, st.st_gid) != 0) {
    *err = plain_error(given,
                       "the file is owned by another user or group; replacing it would change its "
                       "owner",
                       "run kafkalint as the file's owner (or as root)");
    ::close(fd);
    ::unlink(tmpl.c_str());
    return false;
  }
  std::size_t done = 0;
  while (ok && done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0)
      ok = false;
    else
      done += static_cast<std::size_t>(n);
  }
  ok = ok && ::fsync(fd) == 0;
  if (!ok) *err = io_error(given, "cannot write temporary file");
  ok = (::close(fd) == 0) && ok;
  if (ok && ::rename(tmpl.c_str(), path.c_str()) != 0) {
    *err = io_error(given, "cannot replace file");
    ok = false;
  }
  if (!ok) ::unlink(tmpl.c_str());
  return ok;
}

}  // namespace kafkalint::core
