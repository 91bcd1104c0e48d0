#!/usr/bin/env bash
# `make bench`: runs every scripts/bench-*.sh in name order; fails when any of them fails.
set -uo pipefail
cd "$(dirname "$0")/.."
status=0
shopt -s nullglob
for b in scripts/bench-*.sh; do
  echo "== $b"
  bash "$b" "$@" || { echo "bench: $b failed" >&2; status=1; }
done
exit $status
