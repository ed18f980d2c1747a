#!/usr/bin/env bash
# Creates N agent sandboxes (default 200) in a throwaway cluster, then lists them.
# Prints time per create and for `agent list`; target: list of 200 agents <= 0.5 s.
# Figures only: it never fails on time.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-200}
./sikifanso --version >/dev/null            # builds on first use
BIN=$(ls -d target/sikifanso-*/bin/sikifanso | head -n1)
export SIKIFANSO_HOME=$(mktemp -d)
trap 'rm -rf "$SIKIFANSO_HOME"' EXIT
"$BIN" cluster create bench --gitops-only >/dev/null

ms() { date +%s%N | cut -b1-13; }
start=$(ms)
for i in $(seq 1 "$N"); do
  "$BIN" -c bench agent create "agent-$i" >/dev/null
done
create_total=$(( $(ms) - start ))

list_runs=()
for _ in 1 2 3 4 5; do
  s=$(ms); "$BIN" -c bench agent list >/dev/null; list_runs+=($(( $(ms) - s )))
done
list_median=$(printf '%s\n' "${list_runs[@]}" | sort -n | sed -n 3p)
rows=$(( $("$BIN" -c bench agent list | wc -l) - 1 ))

printf '%-34s %10s %10s\n' "measure" "ms" "target"
printf '%-34s %10d %10s\n' "agent create (mean of $N)" $(( create_total / N )) "-"
printf '%-34s %10d %10s\n' "agent list, $rows agents (median of 5)" "$list_median" "500"
