#!/usr/bin/env bash
# The one way to build the release binary (make run, make release and every benchmark use it).
# --static-swift-stdlib links the Swift runtime and Foundation into the binary: start-up drops from
# ~22 ms to ~15 ms (no loading of ~60 shared libraries) and the binary runs when copied elsewhere.
# FoundationNetworking and FoundationXML are not linked at all (libcurl is loaded on first use by
# Sources/CCurl, XML is read by AWSKit's XMLReader): their ~35 shared libraries cost ~6 ms per start.
# -no-pie: a position-dependent executable has no ~140,000 relative relocations to apply (and dirty
# pages for) at every start: 6 ms less CPU and 3.6 MB less memory per run, measured on `lint`.
# -cross-module-optimization: IAMKit's generic and inlinable code is specialised where ExecRoleKit,
# App and the CLI call it (without it, calls across modules stay unspecialised): 3–5 % less CPU on
# the lint benchmark.
# -enforce-exclusivity=unchecked: no run-time exclusivity checks (swift_beginAccess on every access
# to a class's or a global's stored `var`): 1.6 % fewer instructions on the lint benchmark. Debug
# and test builds keep the checks, so the test suite still catches an overlapping access.
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift build -c release --product ecsrole --static-swift-stdlib -Xlinker -no-pie -Xswiftc -cross-module-optimization -Xswiftc -enforce-exclusivity=unchecked "$@"
