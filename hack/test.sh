#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (idempotent, fast when already there):
#   - etcd + kube-apiserver/kube-controller-manager v1.20.2 (hack/install-control-plane.sh; ~10 min the first time)
#   - s3rver from npm, the S3 server behind the Latitude simulator (hack/s3)
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Watch).
set -euo pipefail
cd "$(dirname "$0")/.."

command -v dotnet >/dev/null || { echo "dotnet (SDK 10) is required: https://dot.net" >&2; exit 1; }
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "[test] installing nodejs and npm from Debian" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

bin="$(./hack/install-control-plane.sh | tail -1)"
export CONTROL_PLANE_BIN="$bin"
echo "[test] control plane: $("$bin/kube-apiserver" --version), $(etcd --version | head -1)"

if [ -f hack/s3/package.json ]; then
  [ -d hack/s3/node_modules/s3rver ] || (cd hack/s3 && npm ci --no-audit --no-fund --loglevel=error)
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
# A test that hangs fails the run after 5 minutes of inactivity, naming itself, instead of eating CI's budget.
dotnet test Operator.sln --logger "trx" --results-directory "$results" --blame-hang --blame-hang-timeout 5m "$@" || status=$?

# One plain summary line over every test assembly, for humans and CI.
command -v python3 >/dev/null && python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find(".//{*}Counters")
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error")) + int(c.get("timeout"))
    skipped += int(c.get("notExecuted"))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
exit $status
