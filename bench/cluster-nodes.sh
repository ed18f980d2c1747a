#!/usr/bin/env bash
# Node-layer figures on the real Docker engine with the stand-in k3s image (no real k3s can run
# here): time of `cluster create` and `cluster delete` for 1 server and for 1 server + 2 agents,
# and of `cluster info` listing 3 clusters. Each figure is a whole CLI run (JVM start included),
# median of RUNS. create uses --skip-bootstrap: the stand-in never answers as an API server.
# Figures only: it never fails on time.   Usage: bench/cluster-nodes.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java
IMAGE=sikifanso/k3s-standin:test

docker info >/dev/null 2>&1 || { echo "no Docker engine answers; start dockerd (bash .ci/run does)" >&2; exit 1; }
docker image inspect "$IMAGE" >/dev/null 2>&1 || sh src/test/resources/k3s-standin/build-image.sh "$IMAGE" >/dev/null

JAR=$(ls target/sikifanso-*/sikifanso.jar 2>/dev/null | head -n1 || true)
if [ -z "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -type f -print -quit)" ]; then
  ./mvnw -q -B -DskipTests package >&2
  JAR=$(ls target/sikifanso-*/sikifanso.jar | head -n1)
fi
if [ -x ./sikifanso ]; then CLI=(./sikifanso); else CLI=("$JAVA" -jar "$JAR"); fi

export SIKIFANSO_HOME=$(mktemp -d)
export KUBECONFIG=$SIKIFANSO_HOME/kubeconfig
unset SIKIFANSO_CLUSTER
cleanup() {
  for c in $("${CLI[@]}" cluster info -o json 2>/dev/null | sed -n 's/.*"clusterName" *: *"\([^"]*\)".*/\1/p'); do
    "${CLI[@]}" cluster delete "$c" --yes >/dev/null 2>&1 || true
  done
  rm -rf "$SIKIFANSO_HOME"
}
trap cleanup EXIT

ms() { date +%s%N | cut -b1-13; }
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
timed() { local s; s=$(ms); "$@" >/dev/null 2>"$SIKIFANSO_HOME/last.err" || { cat "$SIKIFANSO_HOME/last.err" >&2; exit 1; }; echo $(( $(ms) - s )); }

measure_pair() { # name agents -> "create_median delete_median"
  local creates=() deletes=() i
  for i in $(seq 1 "$RUNS"); do
    creates+=("$(timed "${CLI[@]}" cluster create "$1" --image "$IMAGE" --agents "$2" --skip-bootstrap --no-switch-context)")
    deletes+=("$(timed "${CLI[@]}" cluster delete "$1" --yes)")
  done
  echo "$(median "${creates[@]}") $(median "${deletes[@]}")"
}

"${CLI[@]}" --version >/dev/null   # warm the file cache once
read -r c1 d1 < <(measure_pair bench-one 0)
read -r c3 d3 < <(measure_pair bench-three 2)

for c in bench-a bench-b bench-c; do
  "${CLI[@]}" cluster create "$c" --image "$IMAGE" --skip-bootstrap --no-switch-context >/dev/null 2>&1
done
infos=()
for i in 1 2 3 4 5; do infos+=("$(timed "${CLI[@]}" cluster info)"); done
rows=$(( $("${CLI[@]}" cluster info | wc -l) - 1 ))

echo "cli: ${CLI[*]}   ($("$JAVA" -version 2>&1 | head -n1); $(nproc) CPUs; $(docker version -f 'Docker {{.Server.Version}}'))"
printf '%-44s %10s\n' "measure (median of $RUNS, whole CLI run)" "ms"
printf '%-44s %10d\n' "cluster create, 1 server" "$c1"
printf '%-44s %10d\n' "cluster delete, 1 server" "$d1"
printf '%-44s %10d\n' "cluster create, 1 server + 2 agents" "$c3"
printf '%-44s %10d\n' "cluster delete, 1 server + 2 agents" "$d3"
printf '%-44s %10d\n' "cluster info, $rows clusters (median of 5)" "$(median "${infos[@]}")"
