#!/usr/bin/env bash
# Builds the release package as README "Install" describes (fully static binary, .deb with
# prefix /usr), installs the .deb with dpkg into an empty root that has no libc, no libstdc++
# and no build dependency, and checks there that the binary runs; then checks the installed
# man page and the bash, zsh and fish completions. Needs root (dpkg --root, chroot) or
# unprivileged user namespaces (unshare -r).
# usage: tools/test-package.sh [BUILD_DIR]   (default build-pkg)
set -euo pipefail
cd "$(dirname "$0")/.."
src=$PWD
build=${1:-build-pkg}
fail() { echo "test-package: FAIL: $*" >&2; exit 1; }

cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release -DKAFKALINT_STATIC=ON -DKAFKALINT_TESTS=OFF \
  -DCMAKE_INSTALL_PREFIX=/usr >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null
(cd "$build" && cpack -G DEB >/dev/null)
version=$(sed -n 's/^project(kafkalint VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
deb=$(ls "$build"/kafkalint_"$version"_*.deb)
echo "== package $deb"
dpkg-deb --info "$deb" | grep "Package: kafkalint" >/dev/null || fail "no Package field"
file "$build/kafkalint" | grep "statically linked" >/dev/null || fail "the release binary is not static"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates" "$root/tmp"
touch "$root/var/lib/dpkg/status"
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else unshare -r "$@"; fi; }
echo "== dpkg -i into an empty root"
as_root dpkg --root="$root" --force-script-chrootless -i "$deb" >/dev/null
[ -x "$root/usr/bin/kafkalint" ] || fail "dpkg did not install /usr/bin/kafkalint"
[ ! -e "$root/lib" ] && [ ! -e "$root/usr/lib" ] || fail "the root is not empty of libraries"

echo "== the installed binary runs in that root"
out=$(as_root chroot "$root" /usr/bin/kafkalint --version)
[ "$out" = "kafkalint $version" ] || fail "--version printed '$out'"
cp -r testdata/examples/zk-2.1 "$root/tmp/"
set +e
as_root chroot "$root" /bin/kafkalint 2>/dev/null  # there is no /bin: make sure we do not pass by luck
as_root chroot "$root" /usr/bin/kafkalint plan --from 2.1 --to 2.6 /tmp/zk-2.1/broker-1.properties \
  /tmp/zk-2.1/broker-2.properties /tmp/zk-2.1/broker-3.properties >"$tmp/plan.txt"
code=$?
set -e
[ "$code" -le 1 ] || fail "plan in the empty root exited $code"
grep -q "2.6" "$tmp/plan.txt" || fail "plan printed no plan"
echo "   plan: $(wc -l <"$tmp/plan.txt") lines"

echo "== man page"
man -l "$root/usr/share/man/man1/kafkalint.1" 2>/dev/null | grep "explain" >/dev/null \
  || fail "man page has no commands"

echo "== completions"
comp=$root/usr/share/bash-completion/completions/kafkalint
bash -c "
  source '$comp'
  complete -p kafkalint >/dev/null || exit 1
  COMP_WORDS=(kafkalint ch); COMP_CWORD=1; _kafkalint; [[ \" \${COMPREPLY[*]} \" == *' check '* ]] || exit 2
  COMP_WORDS=(kafkalint check --to 3.); COMP_CWORD=3; _kafkalint; [[ \" \${COMPREPLY[*]} \" == *' 3.9 '* ]] || exit 3
  COMP_WORDS=(kafkalint explain KL10); COMP_CWORD=2; _kafkalint; [[ \" \${COMPREPLY[*]} \" == *' KL101 '* ]] || exit 4
  COMP_WORDS=(kafkalint check --fo); COMP_CWORD=2; _kafkalint; [[ \" \${COMPREPLY[*]} \" == *' --format '* ]] || exit 5
" || fail "bash completion (step $?)"
if command -v zsh >/dev/null; then
  zsh -n "$root/usr/share/zsh/vendor-completions/_kafkalint" || fail "zsh completion syntax"
  grep -q "KL101" "$root/usr/share/zsh/vendor-completions/_kafkalint" || fail "zsh: no rule codes"
else
  echo "   zsh: skipped (not installed)"
fi
if command -v fish >/dev/null; then
  fish_comp=$root/usr/share/fish/vendor_completions.d/kafkalint.fish
  got=$(fish -c "source '$fish_comp'; complete -C 'kafkalint check --to 3.'")
  grep -q "^3.9" <<<"$got" || fail "fish completion of --to"
  got=$(fish -c "source '$fish_comp'; complete -C 'kafkalint pl'")
  grep -q "^plan" <<<"$got" || fail "fish completion of commands"
else
  echo "   fish: skipped (not installed)"
fi
[ -f "$root/usr/share/doc/kafkalint/copyright" ] || fail "no copyright file"
echo "test-package: OK"
