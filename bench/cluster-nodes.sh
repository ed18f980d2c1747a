#!/usr/bin/env bash
# Node-layer figures on the real Docker engine with the stand-in k3s image (no real k3s can run
# here): time of `cluster create` and `cluster delete` for 1 server and for 1 server + 2 agents,
# and of `cluster info` listing 3 clusters. Each figure is a whole CLI run (JVM start included),
# median of RUNS. create uses --skip-bootstrap: the stand-in never answers as an API server.
# With Debian's docker-registry installed, also `cluster create` that first pulls the node image
# from a registry on 127.0.0.1 (removed from the engine before each run), and the image cache: image prefetch cold and
# warm, and cluster create from the cache (--offline) against create after a cold prefetch.
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
REGISTRY_PID=
HTTP_PID=
CACHE_IMAGES=()
cleanup() {
  for c in $("${CLI[@]}" cluster info -o json 2>/dev/null | grep -o '"name" *: *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/'); do
    "${CLI[@]}" cluster delete "$c" --yes >/dev/null 2>&1 || true
  done
  [ -z "$REGISTRY_PID" ] || { kill "$REGISTRY_PID" 2>/dev/null || true; }
  [ -z "${PULL_IMAGE:-}" ] || docker rmi -f "$PULL_IMAGE" >/dev/null 2>&1 || true
  [ -z "$HTTP_PID" ] || { kill "$HTTP_PID" 2>/dev/null || true; }
  for n in "${CACHE_IMAGES[@]}"; do docker rmi -f "$n" >/dev/null 2>&1 || true; done
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

# The image cache (image prefetch, cluster create --offline) with the stand-in: a GitOps repo whose platform charts and
# rag apps come from a local Helm repository (python3's http.server) serving the workload-images stand-in chart under
# their names and versions, naming four small images in the local registry. Cold: prefetch into an empty cache (pulls
# and saves) + create; warm: prefetch with everything cached (the registry stopped) + create --offline.
cache_lines=()
cache_bench() {
  local W=$SIKIFANSO_HOME/cachebench n hport index app f chart version colds=() warms=() creates=() offs=() bytes
  mkdir -p "$W/served" "$W/charts"
  for n in platform init app job; do
    CACHE_IMAGES+=("127.0.0.1:$PORT/cache/$n:v1")
    sh src/test/resources/k3s-standin/build-image.sh "127.0.0.1:$PORT/cache/$n:v1" >/dev/null
    docker push "127.0.0.1:$PORT/cache/$n:v1" >/dev/null
  done
  hport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  index="apiVersion: v1"$'\n'"entries:"$'\n'
  publish() { # chart version
    rm -rf "${W:?}/charts/$1"; cp -r src/test/resources/helm-standin/workload-images "$W/charts/$1"
    printf 'apiVersion: v2\nname: %s\nversion: "%s"\n' "$1" "$2" > "$W/charts/$1/Chart.yaml"
    tar -C "$W/charts" -czf "$W/served/$1-$2.tgz" "$1"
    index+="  $1:"$'\n'"  - {apiVersion: v2, name: $1, version: \"$2\", urls: [\"http://127.0.0.1:$hport/$1-$2.tgz\"]}"$'\n'
  }
  "${CLI[@]}" cluster create bench-src --gitops-only >/dev/null 2>&1
  local R=$SIKIFANSO_HOME/clusters/bench-src/gitops
  publish cilium "$(sed -n 's/^targetRevision: "\(.*\)"/\1/p' src/main/resources/infra/cilium.yaml)"
  publish argo-cd "$(sed -n 's/^targetRevision: "\(.*\)"/\1/p' src/main/resources/infra/argocd.yaml)"
  printf 'k3sImage: %s\n' "$IMAGE" > "$R/infra/platform.yaml"
  printf 'repoURL: http://127.0.0.1:%s/\n' "$hport" | tee "$R/infra/cilium.yaml" > "$R/infra/argocd.yaml"
  printf 'testImages: {main: %s, init: %s}\n' "${CACHE_IMAGES[0]}" "${CACHE_IMAGES[1]}" > "$R/infra/cilium-values.yaml"
  printf 'testImages: {main: %s}\n' "${CACHE_IMAGES[0]}" > "$R/infra/argocd-values.yaml"
  for app in qdrant text-embeddings-inference unstructured cnpg-operator postgresql prometheus-stack; do
    f=$R/catalog/$app.yaml
    chart=$(sed -n 's/^chart: //p' "$f"); version=$(sed -n 's/^targetRevision: "\{0,1\}\([^"]*\)"\{0,1\}/\1/p' "$f")
    publish "$chart" "$version"
    sed -i "s|^repoURL: .*|repoURL: http://127.0.0.1:$hport/|" "$f"
    printf 'testImages: {main: %s%s}\n' "${CACHE_IMAGES[2]}" "$([ "$app" = qdrant ] && echo ", cron: ${CACHE_IMAGES[3]}")" \
      > "$R/catalog/values/$app.yaml"
  done
  printf '%s' "$index" > "$W/served/index.yaml"
  (cd "$W/served" && exec python3 -m http.server "$hport" --bind 127.0.0.1 >/dev/null 2>&1) &
  HTTP_PID=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$hport/index.yaml" >/dev/null 2>&1 && break; sleep 0.1; done
  for i in $(seq 1 "$RUNS"); do
    rm -rf "$SIKIFANSO_HOME/images"
    for n in "${CACHE_IMAGES[@]}"; do docker rmi -f "$n" >/dev/null 2>&1 || true; done
    colds+=("$(timed "${CLI[@]}" image prefetch --profile rag -c bench-src)")
    creates+=("$(timed "${CLI[@]}" cluster create bench-cold --profile rag --image "$IMAGE" --skip-bootstrap --no-switch-context)")
    "${CLI[@]}" cluster delete bench-cold --yes >/dev/null 2>&1
  done
  bytes=$(du -sb "$SIKIFANSO_HOME/images/tarballs" | cut -f1)
  kill "$REGISTRY_PID" 2>/dev/null || true; REGISTRY_PID=   # warm runs can pull nothing
  for n in "${CACHE_IMAGES[@]}"; do docker rmi -f "$n" >/dev/null 2>&1 || true; done
  for i in $(seq 1 "$RUNS"); do
    warms+=("$(timed "${CLI[@]}" image prefetch --profile rag -c bench-src)")
    offs+=("$(timed "${CLI[@]}" cluster create bench-warm --profile rag --image "$IMAGE" --offline --skip-bootstrap --no-switch-context)")
    "${CLI[@]}" cluster delete bench-warm --yes >/dev/null 2>&1
  done
  cache_lines+=("$(printf '%-44s %10d' "image prefetch rag, cold: 4 images, $((bytes / 1000)) kB" "$(median "${colds[@]}")")")
  cache_lines+=("$(printf '%-44s %10d' "cluster create --profile rag after it" "$(median "${creates[@]}")")")
  cache_lines+=("$(printf '%-44s %10d' "cold create: prefetch + create" "$(( $(median "${colds[@]}") + $(median "${creates[@]}") ))")")
  cache_lines+=("$(printf '%-44s %10d' "image prefetch rag, warm: cached, no registry" "$(median "${warms[@]}")")")
  cache_lines+=("$(printf '%-44s %10d' "warm create: create --offline from cache" "$(median "${offs[@]}")")")
}

"${CLI[@]}" --version >/dev/null   # warm the file cache once
read -r c1 d1 < <(measure_pair bench-one 0)
read -r c3 d3 < <(measure_pair bench-three 2)

pull_line="(docker-registry not installed: apt-get install docker-registry)"
if [ -x /usr/bin/docker-registry ]; then
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  mkdir -p "$SIKIFANSO_HOME/registry"
  printf 'version: 0.1\nlog: {level: warn}\nstorage: {filesystem: {rootdirectory: %s}}\nhttp: {addr: 127.0.0.1:%s}\n' \
    "$SIKIFANSO_HOME/registry/data" "$PORT" > "$SIKIFANSO_HOME/registry/config.yml"
  /usr/bin/docker-registry serve "$SIKIFANSO_HOME/registry/config.yml" >"$SIKIFANSO_HOME/registry/log" 2>&1 &
  REGISTRY_PID=$!
  for _ in $(seq 1 50); do curl -fs "http://127.0.0.1:$PORT/v2/" >/dev/null 2>&1 && break; sleep 0.1; done
  PULL_IMAGE=127.0.0.1:$PORT/rancher/k3s:bench
  sh src/test/resources/k3s-standin/build-image.sh "$PULL_IMAGE" >/dev/null
  docker push "$PULL_IMAGE" >/dev/null
  size=$(docker image inspect -f '{{.Size}}' "$PULL_IMAGE")
  pulls=()
  for i in $(seq 1 "$RUNS"); do
    docker rmi -f "$PULL_IMAGE" >/dev/null
    pulls+=("$(timed "${CLI[@]}" cluster create bench-pull --image "$PULL_IMAGE" --skip-bootstrap --no-switch-context)")
    "${CLI[@]}" cluster delete bench-pull --yes >/dev/null 2>&1
  done
  pull_line=$(printf '%-44s %10d' "cluster create, 1 server, pulling $((size / 1000)) kB" "$(median "${pulls[@]}")")
  cache_bench
fi

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
echo "$pull_line"
for l in "${cache_lines[@]}"; do echo "$l"; done
