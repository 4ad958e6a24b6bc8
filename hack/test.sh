#!/usr/bin/env bash
# Runs every test. Installs what the tests need first (hack/prerequisites.sh: etcd, kube-apiserver,
# s3rver; idempotent, fast when already there).
# Extra arguments go to `dotnet test` (e.g. --filter FullyQualifiedName~Watch).
set -euo pipefail
cd "$(dirname "$0")/.."

. hack/prerequisites.sh

# A full run builds the container image first (minutes when cold, a second when nothing changed): its test's fixture
# would build it otherwise, and the hang timeout below counts fixture setup as a silent test.
if [ $# -eq 0 ]; then
  ./hack/image.sh >/dev/null || echo "[test] the image build failed; ContainerImageTests will say why" >&2
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
