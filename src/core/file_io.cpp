#include "core/file_io.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace kafkalint::core {

namespace {

Error io_error(const std::string& path, const std::string& what) {
  Error e;
  e.where.file = path;
  e.message = what + ": " + std::strerror(errno);
  return e;
}

}  // namespace

std::optional<std::string> read_file(const std::string& path, Error* err) {
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
  }
  ::close(fd);
  return out;
}

bool write_file_atomic(const std::string& path, const std::string& content, Error* err) {
  const std::size_t slash = path.rfind('/');
  const std::string dir = slash == std::string::npos ? "." : path.substr(0, slash + 1);
  std::string tmpl = (slash == std::string::npos ? std::string("./") : dir) + ".kafkalint-XXXXXX";
  const int fd = ::mkstemp(tmpl.data());
  if (fd < 0) {
    *err = io_error(path, "cannot create a temporary file next to it");
    return false;
  }
  struct stat st {};
  mode_t mode = 0;
  if (::stat(path.c_str(), &st) == 0) {
    mode = st.st_mode & 07777;
  } else {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  bool ok = ::fchmod(fd, mode) == 0;
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
  if (!ok) *err = io_error(path, "cannot write temporary file");
  ok = (::close(fd) == 0) && ok;
  if (ok && ::rename(tmpl.c_str(), path.c_str()) != 0) {
    *err = io_error(path, "cannot replace file");
    ok = false;
  }
  if (!ok) ::unlink(tmpl.c_str());
  return ok;
}

}  // namespace kafkalint::core
