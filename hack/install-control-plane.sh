#!/usr/bin/env bash
# Provisions a local Kubernetes control plane for development and tests, from Debian packages only:
#   - etcd (Debian's etcd-server/etcd-client)
#   - kube-apiserver and kube-controller-manager v1.20.2, built from Debian's `kubernetes` source package
# The binaries are cached outside the repo (default ~/.cache/latitude-operator/control-plane) so a
# second run takes seconds. Safe to run any number of times.
#
# Prints the cache directory's bin path on the last line; tests find it through
# $CONTROL_PLANE_BIN or that default.
set -euo pipefail

CACHE="${CONTROL_PLANE_CACHE:-$HOME/.cache/latitude-operator/control-plane}"
BIN="$CACHE/bin"
VERSION="v1.20.2"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

log() { printf '[control-plane] %s\n' "$*" >&2; }

have_binaries() {
  [ -x "$BIN/kube-apiserver" ] && [ -x "$BIN/kube-controller-manager" ] &&
    "$BIN/kube-apiserver" --version 2>/dev/null | grep -q "$VERSION" &&
    command -v etcd >/dev/null && command -v etcdctl >/dev/null
}

if have_binaries; then
  log "cached: $("$BIN/kube-apiserver" --version), $(etcd --version | head -1)"
  echo "$BIN"
  exit 0
fi

# deb-src entries mirror the binary sources, so `apt-get source` can fetch the kubernetes tree.
if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
  log "enabling deb-src"
  $SUDO tee /etc/apt/sources.list.d/latitude-operator-deb-src.sources >/dev/null <<'SRC'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
fi

log "installing build dependencies and etcd"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
  golang-go rsync jq dpkg-dev etcd-server etcd-client \
  golang-github-modern-go-reflect2-dev golang-github-json-iterator-go-dev >/dev/null
# Debian starts etcd as a service on install; the tests run their own on free ports.
$SUDO systemctl disable --now etcd >/dev/null 2>&1 || true

WORK="$CACHE/src"
mkdir -p "$WORK" "$BIN"
TREE="$(find "$WORK" -maxdepth 1 -type d -name 'kubernetes-1.20*' | head -1)"
if [ -z "$TREE" ]; then
  log "fetching the kubernetes source package"
  (cd "$WORK" && apt-get source -qq kubernetes >/dev/null)
  TREE="$(find "$WORK" -maxdepth 1 -type d -name 'kubernetes-1.20*' | head -1)"
fi
[ -n "$TREE" ] || { log "apt-get source kubernetes produced no kubernetes-1.20* tree"; exit 1; }

# The vendored reflect2 (and json-iterator, which depends on it) use unsafe tricks that break under
# Go >= 1.18: the server panics on its first JSON decode. Debian's packaged versions are fixed.
for pkg in github.com/modern-go/reflect2 github.com/json-iterator/go; do
  src="/usr/share/gocode/src/$pkg"
  [ -d "$src" ] || { log "missing $src"; exit 1; }
  rsync -a --delete --exclude='*_test.go' "$src/" "$TREE/vendor/$pkg/"
done

log "building kube-apiserver and kube-controller-manager $VERSION (about 10 minutes on 2 cores)"
start=$(date +%s)
(
  cd "$TREE"
  export KUBE_GIT_VERSION="$VERSION" KUBE_GIT_TREE_STATE=clean KUBE_GIT_COMMIT=debian GOFLAGS=-mod=vendor
  make WHAT="cmd/kube-apiserver cmd/kube-controller-manager" >&2
)
out="$TREE/_output/bin"
[ -x "$out/kube-apiserver" ] || out="$(dirname "$(find "$TREE/_output" -type f -name kube-apiserver | head -1)")"
install -m 0755 "$out/kube-apiserver" "$out/kube-controller-manager" "$BIN/"
log "built in $(( $(date +%s) - start ))s: $("$BIN/kube-apiserver" --version)"
have_binaries || { log "build finished but binaries do not report $VERSION"; exit 1; }
echo "$BIN"
