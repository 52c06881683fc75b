#include <unistd.h>

#include <iostream>
#include <string>
#include <vector>

#include "cli/command.h"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  std::vector<std::string> args(argv, argv + argc);
  const int code = kafkalint::cli::run(args, std::cout, std::cerr, ::isatty(STDOUT_FILENO) != 0);
  std::cout.flush();
  return std::cout ? code : kafkalint::cli::kExitFailure;
}
