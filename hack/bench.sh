#!/usr/bin/env bash
# Runs the benchmarks (tools/Benchmarks; docs/performance.md says what each measures) against a real
# kube-apiserver and the Latitude simulator on loopback, and writes their tables into docs/performance.md.
#   ./hack/bench.sh                  # every scenario at full size (about 10–15 minutes on 2 cores)
#   ./hack/bench.sh --quick          # small sizes: checks that every scenario still runs; prints, writes nothing
#   ./hack/bench.sh --only latency   # one scenario (see --help); updates only its section
# Installs what it needs first (hack/prerequisites.sh), as hack/test.sh does.
set -euo pipefail
cd "$(dirname "$0")/.."

. hack/prerequisites.sh

dotnet build tools/Benchmarks/Benchmarks.csproj -c Release -v quiet -nologo 2>&1 | tail -3
exec dotnet tools/Benchmarks/bin/Release/net10.0/BucketOperator.Benchmarks.dll "$@"
