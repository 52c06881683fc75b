// Parse-only throughput of kafkalint::properties::parse on one file (read into memory
// first, so disk I/O is not measured). Built by bench/properties/run.sh against a build dir.
// usage: parse_bench FILE [RUNS]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "core/file_io.h"
#include "properties/document.h"

namespace {

// CPU time of this process: on a busy machine wall time measures the neighbours too.
double cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: parse_bench FILE [RUNS]\n");
    return 2;
  }
  kafkalint::core::Error err;
  auto bytes = kafkalint::core::read_file(argv[1], &err);
  if (!bytes) {
    std::fprintf(stderr, "%s\n", err.render().c_str());
    return 2;
  }
  const int runs = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<double> parse_s, effective_s, parse_cpu;
  std::size_t entries = 0, keys = 0;
  for (int r = 0; r < runs; ++r) {
    std::string copy = *bytes;  // parse() takes the bytes by value; copy outside the timing
    const double c0 = cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    auto result = kafkalint::properties::parse(std::move(copy), argv[1]);
    const auto t1 = std::chrono::steady_clock::now();
    parse_cpu.push_back(cpu_seconds() - c0);
    const auto map = result.doc.effective();
    const auto t2 = std::chrono::steady_clock::now();
    parse_s.push_back(std::chrono::duration<double>(t1 - t0).count());
    effective_s.push_back(std::chrono::duration<double>(t2 - t1).count());
    entries = result.doc.entries().size();
    keys = map.size();
  }
  std::sort(parse_s.begin(), parse_s.end());
  std::sort(effective_s.begin(), effective_s.end());
  std::sort(parse_cpu.begin(), parse_cpu.end());
  const double mb = static_cast<double>(bytes->size()) / 1e6;
  std::printf(
      "parse (decode included): %zu entries, best %.3f s (%.0f MB/s), median %.3f s (%.0f MB/s)\n",
      entries, parse_s[0], mb / parse_s[0], parse_s[runs / 2], mb / parse_s[runs / 2]);
  std::printf("parse CPU time (user+sys): best %.3f s (%.0f MB/s), median %.3f s (%.0f MB/s)\n",
              parse_cpu[0], mb / parse_cpu[0], parse_cpu[runs / 2], mb / parse_cpu[runs / 2]);
  std::printf("effective map (sort, last wins): %zu keys, best %.3f s, median %.3f s\n", keys,
              effective_s[0], effective_s[runs / 2]);
  return 0;
}
