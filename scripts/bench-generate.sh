#!/usr/bin/env bash
# Whole-process time of `ecsrole generate` for one task definition, release build.
# Prints the median (and p90) of N runs. Goal: median <= 15 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-50}"
bash scripts/build-release.sh >/dev/null
BIN=.build/release/ecsrole
TD=Tests/ExecRoleKitTests/Fixtures/taskdefs/aws-samples-firelens/cloudwatchlogs__task-definition-cloudwatch.json
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
python3 - "$BIN" "$TD" "$OUT" "$N" <<'PY'
import subprocess, sys, time, statistics
binary, td, out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
cmd = [binary, "generate", "--taskdef", td, "--account", "111122223333", "--region", "us-west-2", "--out", out, "--force"]
subprocess.run(cmd, check=True, capture_output=True)  # warm the page cache
times = []
for _ in range(n):
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True)
    times.append((time.perf_counter() - t) * 1000)
times.sort()
print(f"generate (7 files, whole process, release): median {statistics.median(times):.1f} ms, "
      f"p90 {times[int(len(times) * 0.9) - 1]:.1f} ms, min {times[0]:.1f} ms over {n} runs (goal <= 15 ms)")
PY
