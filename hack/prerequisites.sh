# Sourced by hack/test.sh and hack/run-local.sh from the repository root. Installs what both need
# (idempotent, fast when already there) and exports CONTROL_PLANE_BIN:
#   - etcd + kube-apiserver/kube-controller-manager v1.20.2 (hack/install-control-plane.sh; ~10 min the first time)
#   - node, npm and s3rver, the S3 server behind the Latitude simulator (hack/s3)
#   - @bufbuild/cel, which evaluates the CRD's CEL rules in the tests (hack/cel)
#   - lua5.1 and lua-dkjson, to run the Argo CD health check (config/argocd) in the tests
#   - kubectl (Debian's kubernetes-client when none is on the PATH), to render config/default in the tests
#   - buildah, podman and runc, which build and run the container image (hack/image.sh)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
apt_install() {
  echo "[prerequisites] installing $* from Debian" >&2
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null
}

command -v dotnet >/dev/null || { echo "dotnet (SDK 10) is required: https://dot.net" >&2; exit 1; }
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  apt_install nodejs npm
fi

if ! command -v lua5.1 >/dev/null || ! dpkg -s lua-dkjson >/dev/null 2>&1; then
  apt_install lua5.1 lua-dkjson
fi

# The manifests tests render config/default with kubectl's kustomize (any version from Debian 12's 1.20 on).
if ! command -v kubectl >/dev/null; then
  apt_install kubernetes-client
fi

# The container image test builds the image without a daemon and runs it (hack/image.sh).
if ! command -v buildah >/dev/null || ! command -v podman >/dev/null || ! command -v runc >/dev/null; then
  apt_install buildah podman runc
fi

CONTROL_PLANE_BIN="$(./hack/install-control-plane.sh | tail -1)"
export CONTROL_PLANE_BIN
echo "[prerequisites] control plane: $("$CONTROL_PLANE_BIN/kube-apiserver" --version), $(etcd --version | head -1)"

[ -d hack/s3/node_modules/s3rver ] || (cd hack/s3 && npm ci --no-audit --no-fund --loglevel=error)
[ -d hack/cel/node_modules/@bufbuild/cel ] || (cd hack/cel && npm ci --no-audit --no-fund --loglevel=error)
