#!/usr/bin/env bash
# Lint benchmark: the 1,485 AWS managed policies linted by ONE `ecsrole lint` process (release build),
# against parliament 1.6.4 on the same files, also as one process (`parliament --directory`).
#
# Prints, for each tool: median wall time, median CPU time (user+sys: steadier than wall time when
# other processes share the 2 cores) and peak RSS over N runs (RUNS=N, default 7), then the ratio.
# Goals: ecsrole <= 0.10 s, >= 100x faster than parliament, <= 40 MB peak RSS.
#
# parliament 1.6.4 crashes on two of the files (SageMakerStudioEMRContainersSystemNamespaceRolePolicy,
# SageMakerStudioProjectUserRolePolicy), so they are excluded from its run (--exclude_pattern);
# ecsrole lints all 1,485, which only makes the comparison harder for ecsrole.
#
# Afterwards: scripts/compare-parliament.py compares the overlapping findings (COMPARE=0 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-7}
CORPUS=Tests/IAMKitTests/Fixtures/managed
[ -d "$CORPUS" ] || CORPUS=../shared/corpus/managed
[ -d "$CORPUS" ] || { echo "bench-lint: no managed-policy corpus (Tests/IAMKitTests/Fixtures/managed)" >&2; exit 2; }
EXCLUDE='.*SageMakerStudio(EMRContainersSystemNamespaceRolePolicy|ProjectUserRolePolicy).*'

echo "bench-lint: building release"
bash scripts/build-release.sh >/dev/null
BIN=.build/release/ecsrole

VENV=.tmp/parliament-venv
if [ ! -x "$VENV/bin/parliament" ]; then
  echo "bench-lint: installing parliament 1.6.4 into $VENV"
  mkdir -p .tmp
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q 'parliament==1.6.4'
fi

# measure NAME CMD...: runs CMD $RUNS times (output discarded; exit codes 0/1 both mean "ran"), prints
# "NAME wall_median cpu_median rss_max_kb". Timed from Python (perf_counter, and getrusage of each
# child): GNU time's %e has 10 ms steps, too coarse for a 0.10 s goal.
measure() {
  local name=$1; shift
  python3 - "$name" "$RUNS" "$@" <<'PY'
import os, resource, statistics, subprocess, sys, time
name, runs, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
wall, cpu, rss = [], [], 0
for _ in range(runs):
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    wall.append(time.perf_counter() - t0)
    cpu.append(ru.ru_utime + ru.ru_stime)
    rss = max(rss, ru.ru_maxrss)
print(f"{name} {statistics.median(wall):.4f} {statistics.median(cpu):.4f} {rss}")
PY
}

n=$(find "$CORPUS" -name '*.json' | wc -l | tr -d ' ')
echo "bench-lint: $n policies in $CORPUS, $RUNS runs each"
# Sanity: the run must lint every file without an unreadable one (exit 2) or a crash.
set +e; "$BIN" lint "$CORPUS" --format json >/dev/null; rc=$?; set -e
[ $rc -le 1 ] || { echo "bench-lint: ecsrole lint exited $rc on the corpus" >&2; exit 1; }

E=$(measure ecsrole "$BIN" lint "$CORPUS" --format json)
P=$(measure parliament "$VENV/bin/parliament" --directory "$CORPUS" --include_policy_extension json --exclude_pattern "$EXCLUDE" --json)

python3 - "$E" "$P" <<'PY'
import sys
e = sys.argv[1].split(); p = sys.argv[2].split()
ew, ec, er = float(e[1]), float(e[2]), int(e[3])
pw, pc, pr = float(p[1]), float(p[2]), int(p[3])
print(f"ecsrole    : median wall {ew:.4f} s, median cpu {ec:.4f} s, peak RSS {er/1024:.1f} MB (1,485 files, one process)")
print(f"parliament : median wall {pw:.3f} s, median cpu {pc:.3f} s, peak RSS {pr/1024:.1f} MB (1,483 files, one process)")
print(f"ratio      : {pw/max(ew,1e-3):.0f}x faster (wall), {pc/max(ec,1e-3):.0f}x (cpu)")
ok = [("wall <= 0.10 s", ew <= 0.10), (">= 100x faster (wall)", pw / max(ew, 1e-3) >= 100), ("peak RSS <= 40 MB", er <= 40 * 1024)]
print("goals      : " + ", ".join(f"{n}: {'met' if v else 'MISSED'}" for n, v in ok))
PY

if [ "${COMPARE:-1}" = 1 ]; then
  python3 scripts/compare-parliament.py --ecsrole "$BIN" --parliament "$VENV/bin/parliament" --corpus "$CORPUS"
fi
