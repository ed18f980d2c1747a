#!/usr/bin/env bash
# The web dashboard (sikifanso cluster dashboard), on a --gitops-only cluster: the time from starting the command
# to the first byte of the overview (through the printed link, as a browser follows it), each page's weight (HTML
# plus the one script and style sheet, raw and gzipped), and the latency from a CLI change (`app enable/disable`
# in its own process; from its RUN_FINISHED in the journal) to the catalog row showing it in headless Chromium, p50
# and p95. Figures only: it never fails on time. Needs curl, node (src/test/node: npm ci) and /usr/bin/chromium.
# Usage: bench/dashboard.sh [changes, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20}
./mvnw -q -B test-compile
cpfile=$(mktemp)
work=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work" "$cpfile"' EXIT
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
CP="target/classes:target/test-classes:$(cat "$cpfile")"
JAVA=java
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"
home="$work/home"
sik() { SIKIFANSO_HOME="$home" "$JAVA" -cp "$CP" com.sikifanso.Main "$@"; }
sik cluster create benchdash --gitops-only >/dev/null 2>&1

start=$(date +%s%N)
( exec env SIKIFANSO_HOME="$home" "$JAVA" -cp "$CP" com.sikifanso.Main -c benchdash dashboard --addr 127.0.0.1:0 \
  >"$work/out" 2>"$work/err" ) &
server=$!
until grep -q '^http' "$work/out" 2>/dev/null; do
  kill -0 "$server" 2>/dev/null || { echo "dashboard did not start: $(cat "$work/err")" >&2; exit 1; }
  sleep 0.01
done
printed=$(date +%s%N)
link=$(grep -m1 '^http' "$work/out")
base=${link%%/login*}
before_curl=$(date +%s%N)
ttfb=$(curl -s -L -c "$work/jar" -b "$work/jar" -o "$work/overview.html" -w '%{time_starttransfer}' "$link")
awk -v s="$start" -v p="$printed" -v c="$before_curl" -v t="$ttfb" 'BEGIN {
  printf "%-48s %8.0f ms\n", "cluster dashboard to the link printed", (p - s) / 1e6;
  printf "%-48s %8.0f ms\n", "cluster dashboard to the overview first byte", (c - s) / 1e6 + t * 1000 }'

printf '%-48s %8s %8s\n' "page weight (HTML + dashboard.js + .css)" "bytes" "gzipped"
curl -s -b "$work/jar" -o "$work/js" "$base/static/dashboard.js"
curl -s -b "$work/jar" -o "$work/css" "$base/static/dashboard.css"
for page in / /catalog /agents /activity /snapshots /apps/qdrant; do
  curl -s -b "$work/jar" -o "$work/page" "$base$page"
  raw=$(cat "$work/page" "$work/js" "$work/css" | wc -c)
  gz=$(( $(gzip -c "$work/page" | wc -c) + $(gzip -c "$work/js" | wc -c) + $(gzip -c "$work/css" | wc -c) ))
  printf '%-48s %8d %8d\n' "  $page" "$raw" "$gz"
done

[ -x /usr/bin/chromium ] || { echo "no /usr/bin/chromium: latency not measured" >&2; exit 0; }
(cd src/test/node && [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund >/dev/null)
token=${link##*token=}
node src/test/node/dashboard-latency.mjs "$base" "$token" /usr/bin/chromium "$home/clusters/benchdash" "$N" -- \
  env SIKIFANSO_HOME="$home" "$JAVA" -cp "$CP" com.sikifanso.Main -c benchdash > "$work/latencies"
sort -n "$work/latencies" | awk '{ v[NR] = $1 } END {
  printf "%-48s %8d ms\n", "CLI change to the dashboard row, p50 (n=" NR ")", v[int((NR + 1) / 2)];
  printf "%-48s %8d ms\n", "CLI change to the dashboard row, p95", v[int(NR * 0.95 + 0.999)] }'
