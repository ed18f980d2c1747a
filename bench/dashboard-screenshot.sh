#!/usr/bin/env bash
# Regenerates docs/dashboard.png, the README's screenshot of the dashboard's overview: a cluster served against
# fabric8's mock API server (a stand-in Argo CD makes its Applications) photographed by headless Chromium at
# 1280x800 (DashboardScreenshotMain, src/test/node/dashboard-check.mjs). Needs node and /usr/bin/chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B test-compile
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile="$cpfile" >/dev/null
JAVA=java
[ -n "${JAVA_HOME:-}" ] && JAVA="$JAVA_HOME/bin/java"
mkdir -p docs
"$JAVA" -Dbasedir="$PWD" -cp "target/classes:target/test-classes:$(cat "$cpfile")" \
  com.sikifanso.dashboard.DashboardScreenshotMain docs/dashboard.png
