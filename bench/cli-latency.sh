#!/usr/bin/env bash
# CLI start-up latency: the median wall time of 10 runs each of
#   sikifanso --version | sikifanso app list -c <prepared> | sikifanso app enable qdrant
# through the repository launcher (./sikifanso), the distribution's bin/sikifanso with its JDK AOT cache and
# without it (a copy of the distribution minus sikifanso.aot), and any other launcher given as an argument
# (a release archive's extracted bin/sikifanso: bench/cli-latency.sh /tmp/x/sikifanso-*/bin/sikifanso),
# next to `docker --version` (a Go CLI) timed in the same loop.
# `app disable qdrant` runs, untimed, before each enable so that every enable makes a commit.
# Figures only: it never fails on time (it fails only when a command itself fails).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-10}

./sikifanso --version >/dev/null                     # builds the distribution if needed
dist=''
for d in target/sikifanso-*/; do
  [ -f "$d/bin/sikifanso" ] || continue
  if [ -z "$dist" ] || [ "$d/sikifanso.jar" -nt "$dist/sikifanso.jar" ]; then dist=${d%/}; fi
done
[ -n "$dist" ] || { echo "no distribution under target/" >&2; exit 1; }
dist=$(cd "$dist" && pwd)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SIKIFANSO_HOME=$work/home
unset SIKIFANSO_CLUSTER

# The same distribution without the AOT cache: bin/ copied, the rest linked.
noaot=$work/dist-no-aot
mkdir -p "$noaot/bin"
cp "$dist/bin/sikifanso" "$noaot/bin/"
ln -s "$dist/sikifanso.jar" "$noaot/sikifanso.jar"
ln -s "$dist/lib" "$noaot/lib"

with=$dist/bin/sikifanso without=$noaot/bin/sikifanso
labels=(repo aot noaot) launchers=("$PWD/sikifanso" "$with" "$without")
n=0
for extra in "$@"; do
  [ -x "$extra" ] || { echo "not an executable launcher: $extra" >&2; exit 2; }
  n=$((n + 1)); labels+=("arg$n"); launchers+=("$(cd "$(dirname "$extra")" && pwd)/$(basename "$extra")")
done
"$with" cluster create bench --gitops-only --profile agent-minimal >/dev/null 2>&1 \
  || { "$with" cluster create bench --gitops-only --profile agent-minimal; exit 1; }

have_docker=false
command -v docker >/dev/null && have_docker=true

# ms CMD...: runs CMD; prints "wall cpu" in ms, cpu being user+sys of CMD and its children.
# Bash's `time` keyword: no fork for the clock. CPU time is the steadier figure on a busy machine.
TIMEFORMAT='%3R %3U %3S'
ms() {
  local r u s
  { time "$@" >/dev/null 2>"$work/err"; } 2>"$work/time" || {
    echo "command failed: $*" >&2; sed 's/^/  /' "$work/err" >&2; : >"$work/failed"; }
  read -r r u s <"$work/time"
  r=${r/./} u=${u/./} s=${s/./}
  echo "$((10#$r)) $((10#$u + 10#$s))"
}
median() { sort -n | awk '{v[NR]=$1} END {if (NR==0) print "-"; else if (NR%2) print v[(NR+1)/2]; else print int((v[NR/2]+v[NR/2+1])/2)}'; }

declare -A wall cpu
add() { local w c; read -r w c <<<"$2"; wall[$1]+="$w "; cpu[$1]+="$c "; }
# one untimed round first, so that every measured run finds the files in the page cache
for b in "${launchers[@]}"; do
  "$b" --version >/dev/null; "$b" -c bench app list >/dev/null
done
$have_docker && docker --version >/dev/null

for i in $(seq "$RUNS"); do
  $have_docker && add docker "$(ms docker --version)"
  for k in "${!labels[@]}"; do
    mode=${labels[$k]} b=${launchers[$k]}
    add "version-$mode" "$(ms "$b" --version)"
    add "list-$mode" "$(ms "$b" -c bench app list)"
    "$b" -c bench app disable qdrant >/dev/null 2>&1 || true
    add "enable-$mode" "$(ms "$b" -c bench app enable qdrant)"
  done
done
"$with" -c bench app disable qdrant >/dev/null 2>&1 || true

med() { local -n m=$1; printf '%s\n' ${m[$2]:-} | median; }
runtime=$(sed -n 's/^java.runtime.version=//p' "$dist/sikifanso.aot.jdk" 2>/dev/null || true)
echo "sikifanso $("$with" --version | head -n1 | sed 's/^sikifanso //'); $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -f "$dist/sikifanso.aot" ]; then
  echo "AOT cache: $dist/sikifanso.aot ($(( $(stat -c %s "$dist/sikifanso.aot") / 1048576 )) MiB, made by JDK $runtime)"
else
  echo "AOT cache: none in $dist (built with a JDK older than 25?): aot and no AOT both run without one"
fi
echo "launchers: repo = ./sikifanso (checks the build is fresh, then runs the distribution with AOT);"
echo "  AOT / no AOT = $dist/bin/sikifanso with and without sikifanso.aot"
for k in "${!labels[@]}"; do
  case ${labels[$k]} in arg*) echo "  ${labels[$k]} = ${launchers[$k]}" ;; esac
done
echo "median of $RUNS runs, in ms; wall = elapsed time, cpu = user+sys (steadier on a busy machine)"
table() { # table wall|cpu
  local kind=$1 line k cmd
  line=$(printf '%-30s' "$kind")
  for k in "${labels[@]}"; do
    case $k in repo) h=repo ;; aot) h=AOT ;; noaot) h="no AOT" ;; *) h=$k ;; esac
    line+=$(printf ' %8s' "$h")
  done
  echo "$line  target"
  for cmd in "version:sikifanso --version:100" "list:sikifanso app list -c bench:300" "enable:sikifanso app enable qdrant:600"; do
    IFS=: read -r key text target <<<"$cmd"
    line=$(printf '%-30s' "$text")
    for k in "${labels[@]}"; do line+=$(printf ' %8s' "$(med "$kind" "$key-$k")"); done
    echo "$line  $target"
  done
}
table wall
table cpu
echo "(bin/sikifanso never uses the AOT cache for a bare --version: the cache's up-front class loading costs more than it saves there)"
if $have_docker; then
  printf '%-30s %8s wall %8s cpu\n' "docker --version (Go yardstick)" "$(med wall docker)" "$(med cpu docker)"
else
  echo "docker --version (Go yardstick): docker is not installed here"
fi
[ ! -e "$work/failed" ]     # a command failed: exit 1 (timings never do)
