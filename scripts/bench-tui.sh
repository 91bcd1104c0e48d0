#!/usr/bin/env bash
# Terminal UI benchmarks (release build; not part of the test run):
#  1. headless keystroke cost: 200x60, 60,000-item list, typing a 10-char fuzzy query and deleting
#     it, several rounds; per keystroke reduce+render+diff p50/p99 (goal p99 <= 2 ms);
#  2. launch-to-first-frame of the release binary in tmux (goal <= 40 ms), median of N runs.
#     The binary writes the wall-clock time of its first flushed frame to ECSROLE_FIRST_FRAME_FILE;
#     the shell records the time just before starting it.
# Usage: scripts/bench-tui.sh [rounds=30] [launches=15]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS="${1:-30}"
LAUNCHES="${2:-15}"
bash scripts/build-release.sh >/dev/null
BIN="$PWD/.build/release/ecsrole"

echo "== keystroke benchmark (release, headless)"
"$BIN" tui-demo --bench --rounds "$ROUNDS"

echo "== launch to first frame (release, tmux 120x40)"
SOCK="ecsrole-bench-$$"
TMP="$(mktemp -d)"
cleanup() {
  local path; path="$(tmux -L "$SOCK" display-message -p '#{socket_path}' 2>/dev/null || true)"
  tmux -L "$SOCK" kill-server 2>/dev/null || true
  [ -n "$path" ] && rm -f "$path"
  rm -rf "$TMP"
}
trap cleanup EXIT
tmux -L "$SOCK" -f /dev/null new-session -d -x 120 -y 40 \
  env -i PATH=/usr/bin:/bin HOME=/tmp LANG=C.UTF-8 TERM=screen-256color PS1='$ ' bash --norc --noprofile
tmux -L "$SOCK" set-option -g escape-time 0
wait_for() {  # wait_for FILE-or-PATTERN kind
  for _ in $(seq 1 400); do
    if [ "$2" = file ]; then [ -s "$1" ] && return 0
    else tmux -L "$SOCK" capture-pane -p | grep -q "$1" && return 0; fi
    sleep 0.025
  done
  echo "timeout waiting for $1" >&2; tmux -L "$SOCK" capture-pane -p >&2; return 1
}
times=()
for i in $(seq 1 "$LAUNCHES"); do
  rm -f "$TMP/start" "$TMP/frame" "$TMP/done"
  tmux -L "$SOCK" send-keys -l "clear; date +%s%N > $TMP/start; ECSROLE_FIRST_FRAME_FILE=$TMP/frame $BIN tui-demo; echo ok > $TMP/done"
  tmux -L "$SOCK" send-keys Enter
  wait_for "$TMP/frame" file
  tmux -L "$SOCK" send-keys q
  wait_for "$TMP/done" file
  t=$(( ($(cat "$TMP/frame") - $(cat "$TMP/start")) / 1000 ))
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | awk -v n="$LAUNCHES" '
  { a[NR] = $1 } END {
    med = (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    printf "launch-to-first-frame over %d runs: median %.1f ms, min %.1f ms, max %.1f ms\n", n, med / 1000, a[1] / 1000, a[n] / 1000 }'
