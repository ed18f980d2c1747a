#!/usr/bin/env bash
# Regenerates the README's captured screen of `sikifanso app browse`: the real launcher (./sikifanso) on a
# prepared cluster (--gitops-only, in a temporary SIKIFANSO_HOME) in a 110x34 tmux pane of its own, alloy enabled
# and then temporal staged (with what it needs), alloy staged off and postgresql refused (temporal needs it);
# capture-pane's plain text replaces the block between the README's catalog-browser markers. Then Esc: nothing is
# written. Needs tmux.
# Usage: docs/catalog-browser-screen.sh
set -euo pipefail
cd "$(dirname "$0")/.."
command -v tmux >/dev/null || { echo "tmux is needed (apt-get install tmux)" >&2; exit 1; }
home=$(mktemp -d)
socket="sikifanso-docs-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$home"' EXIT
export SIKIFANSO_HOME=$home
unset NO_COLOR SIKIFANSO_CLUSTER

./sikifanso cluster create demo --gitops-only >/dev/null
./sikifanso -c demo app enable alloy --no-wait >/dev/null

screen() { tmux -L "$socket" capture-pane -p -t docs; }
# waits (up to a minute) for the pane to show $1
await() {
  for _ in $(seq 1 600); do
    screen | grep -qF -- "$1" && return 0
    sleep 0.1
  done
  echo "the browser never showed: $1" >&2
  screen >&2
  exit 1
}

keys() { tmux -L "$socket" send-keys -t docs "$@"; }
# "/" and TEXT typed, then the keys named after it (Enter: keep the filter)
search() { local text=$1; shift; keys -l "/$text"; keys "$@"; }
clear_search() { keys -l "/"; keys Escape; await "   qdrant"; }

tmux -L "$socket" -f /dev/null new-session -d -s docs -x 110 -y 34 \
  "SIKIFANSO_HOME='$home' ./sikifanso -c demo app browse --no-wait; sleep 60"
await "[ apply: nothing staged ]"
search temporal Enter Enter
await "enable temporal, with what it needs"
clear_search
search alloy Enter Space
await "disable alloy"
clear_search
keys G Up Up Space   # postgresql, which temporal needs
await "cannot disable postgresql"
captured=$(screen | sed 's/[[:space:]]*$//')
keys Escape
await "cancelled: nothing written"

# the block between the markers becomes the captured screen
block=$(mktemp)
{
  echo '<!-- catalog-browser:begin (docs/catalog-browser-screen.sh writes this block) -->'
  echo '```text'
  printf '%s\n' "$captured"
  echo '```'
  echo '<!-- catalog-browser:end -->'
} >"$block"
awk -v block="$block" '
  /^<!-- catalog-browser:begin/ { while ((getline line < block) > 0) print line; skip = 1; next }
  /^<!-- catalog-browser:end -->/ { skip = 0; next }
  !skip { print }
' README.md >README.md.new
mv README.md.new README.md
rm -f "$block"
echo "README.md: catalog browser screen updated ($(printf '%s\n' "$captured" | wc -l) lines)"
