#!/usr/bin/env bash
# Starts the local environment: a real control plane (etcd + kube-apiserver v1.20.2 + controller-manager),
# the Latitude API simulator on http://127.0.0.1:8099 backed by a real S3 server, and the ObjectBucket CRD.
# Writes .local/kubeconfig. Ctrl+C stops and removes everything.
set -euo pipefail
cd "$(dirname "$0")/.."
CONTROL_PLANE_BIN="$(./hack/install-control-plane.sh | tail -1)"
export CONTROL_PLANE_BIN
[ -d hack/s3/node_modules/s3rver ] || (cd hack/s3 && npm ci --no-audit --no-fund --loglevel=error)
dotnet build tools/LocalEnvironment -v quiet -nologo -clp:ErrorsOnly
# The built program, not `dotnet run`, so Ctrl+C and SIGTERM reach it and it can stop the servers.
exec dotnet tools/LocalEnvironment/bin/Debug/net10.0/BucketOperator.LocalEnvironment.dll
