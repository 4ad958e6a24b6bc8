#!/usr/bin/env bash
# The local environment, until Ctrl+C: a real control plane (etcd + kube-apiserver v1.20.2 + controller-manager),
# the Latitude API simulator on http://127.0.0.1:8099 backed by a real S3 server (s3rver), config/crd and
# config/rbac installed, the operator running in-process as its service account, and config/samples applied.
# Prints the samples as `kubectl get objectbuckets` would, why any is not ready, and each generated Secret's key
# names (never values). Writes .local/kubeconfig. Ctrl+C (or SIGTERM) stops and removes everything.
set -euo pipefail
cd "$(dirname "$0")/.."

. hack/prerequisites.sh

dotnet build tools/LocalEnvironment -v quiet -nologo -clp:ErrorsOnly
# The built program, not `dotnet run`, so Ctrl+C and SIGTERM reach it and it can stop the servers.
exec dotnet tools/LocalEnvironment/bin/Debug/net10.0/BucketOperator.LocalEnvironment.dll
