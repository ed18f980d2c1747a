#!/usr/bin/env bash
# Sync orchestrator overhead per app when every Application is already Synced and Healthy
# (statuses flip at once), against fabric8's mock API server; APPS apps (default 20), median of RUNS
# (default 9) in-process runs. Figures only: it never fails on time.   Usage: bench/sync.sh [APPS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile >&2 || ./mvnw -q -B test-compile >&2
CP_FILE=target/bench.classpath
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$JAVA" -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  -Dsikifanso.log.level=error \
  com.sikifanso.argocd.SyncBench "${1:-20}" "${2:-9}"
