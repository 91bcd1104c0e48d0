#!/usr/bin/env bash
# Keystroke benchmark of the wizard: filter typing on the Logs step over 60,000 log groups.
# Prints p50/p99 of reduce+render+diff per keystroke (release build; target p99 <= 2 ms).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build-release.sh >/dev/null
./.build/release/ecsrole wizard --bench
