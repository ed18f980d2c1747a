#!/usr/bin/env bash
# Per-Tab completion latency: the bash completion function (`sikifanso completion bash`, names read
# from the state directory in the shell) against `sikifanso __complete` (one JVM start per Tab, what
# the scripts did before). Median of RUNS (default 20) Tabs for each command line, against a
# --gitops-only cluster with the agent-dev profile. Figures only: it never fails on time.
#   Usage: bench/completion.sh          (SIKIFANSO=path/to/bin/sikifanso to time another build)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-20}
SIKIFANSO=${SIKIFANSO:-./sikifanso}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export SIKIFANSO_HOME=$work/home
unset SIKIFANSO_CLUSTER
"$SIKIFANSO" cluster create bench --gitops-only --profile agent-dev >/dev/null 2>&1
"$SIKIFANSO" completion bash >"$work/sikifanso.bash"

lines=("" "-c " "-c bench app enable " "-c bench app disable " "app enable --profile agent-dev,"
  "-c bench agent create x --allow qdrant,")
median() { sort -n | awk '{v[NR]=$1} END {if (NR%2) print v[(NR+1)/2]; else print int((v[NR/2]+v[NR/2+1])/2)}'; }

# A Tab in bash: fill COMP_WORDS, call the completion function (in this shell, as bash does).
shell_tab_us() {
  bash --norc -c '
    source "$1"; shift
    read -r -a words <<<"$1"; [[ $1 == *" " || -z $1 ]] && words+=("")
    COMP_WORDS=(sikifanso "${words[@]}"); COMP_CWORD=${#words[@]}
    for ((i = 0; i < $2; i++)); do
      s=$EPOCHREALTIME; _sikifanso; e=$EPOCHREALTIME
      echo $(( (${e/./} - ${s/./}) ))
    done' _ "$work/sikifanso.bash" "$1" "$RUNS" | median
}

jvm_tab_ms() {
  local i s e words
  read -r -a words <<<"$1"; [[ $1 == *" " || -z $1 ]] && words+=("")
  for ((i = 0; i < 5; i++)); do
    s=$EPOCHREALTIME; "$SIKIFANSO" __complete -- "${words[@]}" >/dev/null 2>&1; e=$EPOCHREALTIME
    echo $(( (${e/./} - ${s/./}) / 1000 ))
  done | median
}

echo "$(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg); median per Tab"
printf '%-46s %14s %18s\n' "sikifanso WORDS<Tab>" "bash function" "__complete (JVM)"
for l in "${lines[@]}"; do
  printf '%-46s %11s us %15s ms\n' "sikifanso $l" "$(shell_tab_us "$l")" "$(jvm_tab_ms "$l")"
done
