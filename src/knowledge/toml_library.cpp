// toml++ compiled into kafkalint rather than loaded from libtomlplusplus.so: one shared
// library less for the dynamic loader to map and bind at every start (BENCHMARKS.md,
// "Start-up and check"). Everything else includes toml++ without its implementation
// (TOML_HEADER_ONLY=0, CMake target kl_toml) and links to this file's definitions.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
