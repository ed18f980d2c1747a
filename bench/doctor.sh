#!/usr/bin/env bash
# Doctor wall time against fabric8's mock API server (CRUD) and a scripted Docker engine, with
# APPS enabled apps and AGENTS agents (default 20 and 20): checks one by one vs in parallel,
# median of RUNS (default 9) in-process runs (JVM start excluded). Target: parallel <= 2 s.
# Figures only: it never fails on time.   Usage: bench/doctor.sh [APPS] [AGENTS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile >&2 || ./mvnw -q -B test-compile >&2
CP_FILE=target/doctor-bench.classpath
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$JAVA" -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  -Dsikifanso.log.level=error \
  com.sikifanso.doctor.DoctorBench "${1:-20}" "${2:-20}" "${3:-9}"
