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

if [ ! -x /usr/bin/time ]; then
  echo "bench-lint: installing GNU time (apt)"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq time >/dev/null
fi

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
# "NAME wall_median cpu_median rss_max_kb".
measure() {
  local name=$1; shift
  local t; t=$(mktemp)
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S %M' -o "$t" -a "$@" >/dev/null 2>&1 || true
  done
  python3 - "$name" "$t" <<'PY'
import statistics, sys
name, path = sys.argv[1], sys.argv[2]
rows = [list(map(float, l.split())) for l in open(path) if l.strip() and l.split()[0][0].isdigit()]
wall = statistics.median(r[0] for r in rows)
cpu = statistics.median(r[1] + r[2] for r in rows)
rss = max(r[3] for r in rows)
print(f"{name} {wall:.3f} {cpu:.3f} {int(rss)}")
PY
  rm -f "$t"
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
print(f"ecsrole    : median wall {ew:.3f} s, median cpu {ec:.3f} s, peak RSS {er/1024:.1f} MB (1,485 files, one process)")
print(f"parliament : median wall {pw:.3f} s, median cpu {pc:.3f} s, peak RSS {pr/1024:.1f} MB (1,483 files, one process)")
print(f"ratio      : {pw/max(ew,1e-3):.0f}x faster (wall), {pc/max(ec,1e-3):.0f}x (cpu)")
ok = [("wall <= 0.10 s", ew <= 0.10), (">= 100x faster (wall)", pw / max(ew, 1e-3) >= 100), ("peak RSS <= 40 MB", er <= 40 * 1024)]
print("goals      : " + ", ".join(f"{n}: {'met' if v else 'MISSED'}" for n, v in ok))
PY

if [ "${COMPARE:-1}" = 1 ]; then
  python3 scripts/compare-parliament.py --ecsrole "$BIN" --parliament "$VENV/bin/parliament" --corpus "$CORPUS"
fi
