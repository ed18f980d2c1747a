#!/usr/bin/env bash
# Activity journal throughput: events/s appended (one process; then P processes at once on one journal),
# read back and encoded as SSE. Uses the test classes (JournalBenchMain, JournalAppenderMain).
# Then the cluster state feed's latencies, and the resident memory of `events -f -o json` after
# EVENTS_FOLLOW_COUNT (100 000) events appended. Figures only: it never fails on time.
# Usage: bench/events.sh [N events, default 20000] [P processes, default 4] [state changes, default 40] [SSE runs, default 200]
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

# The cluster state feed (agui/state): open to first STATE_SNAPSHOT, and an Argo CD Application's change to its
# STATE_DELTA in the journal, against fabric8's mock API server (no real API server here).
"$JAVA" -cp "$CP" com.sikifanso.agui.state.StateFeedBench "${3:-40}"

# Resident memory of `sikifanso events -f -o json >/dev/null` after 100 000 events appended to its journal by
# another process (the follower keeps nothing per event: it must stay flat). Same JVM options as the launcher.
M=${EVENTS_FOLLOW_COUNT:-100000}
home="$work/home"
SIKIFANSO_HOME="$home" "$JAVA" -cp "$CP" com.sikifanso.Main cluster create benchev --gitops-only >/dev/null 2>&1
journal="$home/clusters/benchev"   # a cluster, whose journal starts with that run
# exec: $! is then the JVM itself, whose /proc entries are read below.
( exec env SIKIFANSO_HOME="$home" "$JAVA" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:InitialHeapSize=16m \
  -cp "$CP" com.sikifanso.Main -c benchev events -f -o json >/dev/null 2>"$work/follow.err" ) &
follower=$!
trap 'kill "$follower" 2>/dev/null; rm -rf "$work" "$cpfile"' EXIT
# It is following once it holds the journal open.
until ls -l /proc/"$follower"/fd 2>/dev/null | grep -q 'activity.jsonl'; do sleep 0.2; done
kib() { awk -v k="$1" '$1 == k":" { print $2 }' /proc/"$follower"/status; }
idle_rss=$(kib VmRSS)
start=$(date +%s%N)
"$JAVA" -cp "$CP" com.sikifanso.agui.journal.JournalAppenderMain "$journal" bench "$M" 200 8388608 4 >/dev/null
# Caught up when its CPU time stands still for 2 s (a follower with nothing to read re-checks every 250 ms,
# a tick or two); its reads are positioned reads, so /proc/PID/fdinfo's offset says nothing.
ticks() {
  kill -0 "$follower" 2>/dev/null || { echo "events -f ended: $(cat "$work/follow.err")" >&2; exit 1; }
  awk '{ print $14 + $15 }' /proc/"$follower"/stat
}
prev=$(ticks)
while sleep 2; now=$(ticks); [ $(( now - prev )) -gt 5 ]; do prev=$now; done
ns=$(( $(date +%s%N) - start ))
awk -v m="$M" -v ns="$ns" -v idle="$idle_rss" -v rss="$(kib VmRSS)" -v hwm="$(kib VmHWM)" 'BEGIN {
  printf "%-40s %12d %10.2f %12.0f\n", "appended, followed by events -f -o json", m, ns / 1e9, m / (ns / 1e9);
  printf "%-40s %9.1f MiB\n", "events -f RSS before (VmRSS)", idle / 1024;
  printf "%-40s %9.1f MiB\n", "events -f RSS after " m " (VmRSS)", rss / 1024;
  printf "%-40s %9.1f MiB\n", "events -f peak RSS (VmHWM)", hwm / 1024 }'

# Through `sikifanso serve`: the journal as SSE to a client on loopback (server and client in one JVM), replayed with
# Last-Event-ID and live; then the latency from an operation's end (the append of its run, RUN_FINISHED last) to the
# SSE client receiving RUN_FINISHED, over the fourth argument runs (default 200).
"$JAVA" -cp "$CP" com.sikifanso.server.SseBenchMain "$N" "${4:-200}"
