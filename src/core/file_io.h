#pragma once
// Reading whole files and replacing them atomically.

#include <cstdint>
#include <optional>
#include <string>

#include "core/diagnostic.h"

namespace kafkalint::core {

/// Reads the file as raw bytes. On failure returns nullopt and sets *err. Only regular files
/// and pipes are read (a device such as /dev/zero is refused). With `max_bytes` > 0, a file
/// larger than that is not read: nullopt, *err says so, and *too_large (when given) is set.
std::optional<std::string> read_file(const std::string& path, Error* err,
                                     std::uintmax_t max_bytes = 0, bool* too_large = nullptr);

/// Replaces `path` with `content` atomically: writes a temporary file in the same
/// directory, copies the original file's mode, owner and group, fsyncs, then renames it over
/// `given`. A symlink is written through to its target (the link stays); a file with several
/// hard links, a read-only file, a file whose owner cannot be kept and anything but a regular
/// file are refused with a note saying what to do. Temp files older than an hour that an
/// interrupted run left in the folder are removed. A new file gets mode 0666 less the umask.
/// Returns false and sets *err on failure; the original file is then untouched.
[[nodiscard]] bool write_file_atomic(const std::string& given, const std::string& content,
                                     Error* err);

}  // namespace kafkalint::core
