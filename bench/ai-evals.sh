#!/usr/bin/env bash
# The AI operator's diagnoses of known faults, scored: an app Degraded for a missing dependency, an image that
# cannot be pulled, an agent over its quota, a network policy that blocks a service an agent needs. Each runs on a
# prepared cluster (fabric8's mock API server in CRUD mode holding what the fault leaves: the Application's health
# and message, a Warning event), asked read-only "why is X unhealthy?"; the answer's score is the share of the known
# cause's key terms it names, with whether it gathered evidence with tools first, its tokens and cost estimate.
#   With ANTHROPIC_API_KEY set: the real Messages API (ANTHROPIC_BASE_URL, SIKIFANSO_AI_MODEL honoured). This cannot
#   run in CI here (no network but the package registries): run it on a machine that reaches the API.
#   Without it: the scripted Messages API server plays the model, answering rightly and, as a control, wrongly,
#   so the harness and its scoring are exercised (right answers score 1.00, the control 0.00).
# Figures only: it never fails on a score.   Usage: bench/ai-evals.sh
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -o test-compile >&2 || ./mvnw -q -B test-compile >&2
CP_FILE=target/ai-evals-bench.classpath
if [ ! -s "$CP_FILE" ] || [ pom.xml -nt "$CP_FILE" ]; then
  ./mvnw -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
fi
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
"$JAVA" -cp "target/test-classes:target/classes:$(cat "$CP_FILE")" \
  -Dsikifanso.log.level=error \
  com.sikifanso.ai.AiEvalBench
