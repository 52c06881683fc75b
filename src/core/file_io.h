#pragma once
// Reading whole files and replacing them atomically.

#include <optional>
#include <string>

#include "core/diagnostic.h"

namespace kafkalint::core {

/// Reads the file as raw bytes. On failure returns nullopt and sets *err.
std::optional<std::string> read_file(const std::string& path, Error* err);

/// Replaces `path` with `content` atomically: writes a temporary file in the same
/// directory, copies the original file's mode, fsyncs, then renames it over `path`.
/// A new file gets mode 0644 (less the umask). Returns false and sets *err on failure;
/// the original file is then untouched.
bool write_file_atomic(const std::string& path, const std::string& content, Error* err);

}  // namespace kafkalint::core
