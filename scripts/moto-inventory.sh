#!/bin/sh
# Runs `ecsrole inventory` against a throw-away moto_server seeded like AWSKit's tests
# (signature checking on, a read-only IAM user). Only 127.0.0.1 is touched.
# Usage: scripts/moto-inventory.sh [extra ecsrole inventory args]   (needs: moto_server, python3+boto3)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
work=$(mktemp -d)
(cd "$work" && exec timeout 600 moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1) &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
i=0
until python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/moto-api/', timeout=1)" 2>/dev/null; do
  i=$((i + 1)); [ "$i" -lt 150 ] || { echo "moto_server did not start" >&2; exit 1; }; sleep 0.1
done
python3 "$root/Tests/AWSKitTests/Fixtures/moto/seed.py" "http://127.0.0.1:$port" >"$work/seed.json"
keys=$(python3 -c "import json; d=json.load(open('$work/seed.json'))['lister']; print(d['accessKeyId'], d['secretAccessKey'])")
set -- "$@"
AWS_ACCESS_KEY_ID=${keys% *} AWS_SECRET_ACCESS_KEY=${keys#* } AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_REGION=us-east-1 \
  "$root/.build/debug/ecsrole" inventory "$@"
