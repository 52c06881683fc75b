#pragma once
// The one error convention: a function that can fail returns a core::Result<T>, either the
// value or the located core::Error that stops the job. The type is [[nodiscard]], so a
// caller cannot drop a failure by accident; no exceptions cross a layer.

#include <optional>
#include <type_traits>
#include <utility>
#include <variant>

#include "core/diagnostic.h"

namespace kafkalint::core {

/// A value of type T, or the Error that prevented it.
template <typename T>
class [[nodiscard]] Result {
  static_assert(!std::is_same_v<std::decay_t<T>, Error>, "a Result holds a value or an Error");

 public:
  // Implicit on purpose: `return value;` and `return error;` read as the two outcomes.
  Result(T value) : v_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : v_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  /// The value; only when ok().
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  T&& value() && { return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  /// The error; only when !ok().
  const Error& error() const& { return std::get<1>(v_); }
  Error&& error() && { return std::get<1>(std::move(v_)); }

  /// The value as an optional, the error (if any) moved into *err: for callers that still
  /// keep the out-parameter shape.
  std::optional<T> take(Error* err) && {
    if (ok()) return std::get<0>(std::move(v_));
    if (err) *err = std::get<1>(std::move(v_));
    return std::nullopt;
  }

 private:
  std::variant<T, Error> v_;
};

/// What a step that yields nothing but can fail returns: success, or the Error.
template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}

  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }

  /// The error; only when !ok().
  const Error& error() const& { return *error_; }
  Error&& error() && { return *std::move(error_); }

  /// ok(), the error (if any) moved into *err: for callers that keep the out-parameter shape.
  bool take(Error* err) && {
    if (ok()) return true;
    if (err) *err = *std::move(error_);
    return false;
  }

 private:
  std::optional<Error> error_;
};

/// Runs `step(&error)`, a step written with an Error out-parameter that returns an optional
/// or a pointer (empty on failure), and gives its outcome as a Result.
template <typename T, typename Step>
Result<T> capture(Step&& step) {
  Error error;
  auto value = step(&error);
  if (!value) return error;
  if constexpr (std::is_same_v<std::decay_t<decltype(value)>, std::optional<T>>)
    return std::move(*value);
  else
    return T(std::move(value));
}

/// The same for a step that returns false on failure.
template <typename Step>
Result<void> capture_void(Step&& step) {
  Error error;
  if (!step(&error)) return error;
  return {};
}

}  // namespace kafkalint::core
