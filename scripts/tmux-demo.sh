#!/usr/bin/env bash
# Runs `ecsrole tui-demo` in a private, detached tmux server, sends the given tmux keys one by one
# (waiting for the screen to settle after each), and prints the final screen. For debugging the
# real-terminal tests by hand:  scripts/tmux-demo.sh j j / k m s Escape
# Env: BIN (default .build/debug/ecsrole), WIDTH/HEIGHT (120x40), DEMO_ARGS (extra flags).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-$PWD/.build/debug/ecsrole}"
[ -x "$BIN" ] || { echo "tmux-demo: $BIN not found; run swift build first" >&2; exit 2; }
SOCK="ecsrole-demo-$$"
cleanup() {
  local path; path="$(tmux -L "$SOCK" display-message -p '#{socket_path}' 2>/dev/null || true)"
  tmux -L "$SOCK" kill-server 2>/dev/null || true
  [ -n "$path" ] && rm -f "$path"
}
trap cleanup EXIT
tmux -L "$SOCK" -f /dev/null new-session -d -x "${WIDTH:-120}" -y "${HEIGHT:-40}" \
  env LANG="${LANG:-C.UTF-8}" TERM=screen-256color "$BIN" tui-demo ${DEMO_ARGS:-}
tmux -L "$SOCK" set-option -g escape-time 0
settle() {  # poll every 50 ms until two captures in a row are equal (10 s cap)
  local prev="" cur
  for _ in $(seq 1 200); do
    cur="$(tmux -L "$SOCK" capture-pane -p)"
    [ -n "$cur" ] && [ "$cur" = "$prev" ] && return 0
    prev="$cur"; sleep 0.05
  done
}
settle
for key in "$@"; do tmux -L "$SOCK" send-keys "$key"; settle; done
tmux -L "$SOCK" capture-pane -p
