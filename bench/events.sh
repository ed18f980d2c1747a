#!/usr/bin/env bash
# Activity journal throughput: events/s appended (one process; then P processes at once on one journal),
# read back and encoded as SSE. Uses the test classes (JournalBenchMain, JournalAppenderMain).
# Figures only: it never fails on time.   Usage: bench/events.sh [N events, default 20000] [P processes, default 4] [RUNS, default 200]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-20000}
P=${2:-4}
./mvnw -q -B test-compile
cpfile=$(mktemp)
work=$(mktemp -d)
trap 'rm -rf "$work" "$cpfile"' EXIT
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
CP="target/classes:target/test-classes:$(cat "$cpfile")"
JAVA=java
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"

printf '%-40s %12s %10s %12s\n' "measure" "events" "seconds" "events/s"
"$JAVA" -cp "$CP" com.sikifanso.agui.journal.JournalBenchMain "$work/one" "$N"

# P processes appending N/P CUSTOM events each (200-byte payload) to one journal, rotating at 8 MiB.
each=$(( N / P ))
start=$(date +%s%N)
pids=()
for i in $(seq 1 "$P"); do
  "$JAVA" -cp "$CP" com.sikifanso.agui.journal.JournalAppenderMain "$work/many" "w$i" "$each" 200 8388608 100 >/dev/null &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid"; done
ns=$(( $(date +%s%N) - start ))
total=$(( each * P ))
lines=$(cat "$work"/many/activity*.jsonl | wc -l)
awk -v p="$P" -v t="$total" -v ns="$ns" -v l="$lines" 'BEGIN {
  printf "%-40s %12d %10.2f %12.0f\n", "append (" p " processes at once, with JVM start)", t, ns / 1e9, t / (ns / 1e9);
  printf "%-40s %12d\n", "lines on disk (must equal events)", l }'

# Through `sikifanso serve`: the journal as SSE to a client on loopback (server and client in one JVM), replayed with
# Last-Event-ID and live; then the latency from an operation's end (the append of its run, RUN_FINISHED last) to the
# SSE client receiving RUN_FINISHED, over RUNS runs (default 200).
"$JAVA" -cp "$CP" com.sikifanso.server.SseBenchMain "$N" "${3:-200}"
