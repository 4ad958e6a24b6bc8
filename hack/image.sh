#!/usr/bin/env bash
# The operator's container image, built from the Dockerfile without a daemon (buildah) and run with podman + runc.
#   hack/image.sh                  builds it (skipped when nothing it is made from changed); prints its size, and its
#                                  name as the last line of standard output
#   hack/image.sh podman ARGS...   podman on the same image store, e.g.
#                                  hack/image.sh podman run --rm localhost/latitude-bucket-operator:dev --help
# Registry images cannot be pulled here, so the build passes local stand-ins for the Dockerfile's SDK_IMAGE and
# RUNTIME_IMAGE, made once from this machine's files: a shell plus the installed .NET SDK, and only the native
# libraries .NET needs (glibc, libstdc++, libgcc_s, OpenSSL 3, zlib, CA certificates), as in the runtime-deps image.
# Images live in a store of their own (vfs: works where overlay mounts are not allowed), apart from any other podman
# use on the machine. Environment: IMAGE (name to build), CONTAINER_STORE (store directory).
set -euo pipefail
cd "$(dirname "$0")/.."
PATH="$PATH:/usr/sbin:/sbin" # ldconfig

image="${IMAGE:-localhost/latitude-bucket-operator:dev}"
store="${CONTAINER_STORE:-${XDG_CACHE_HOME:-$HOME/.cache}/latitude-operator/containers}"
# runc, and no default ulimits: crun and podman's ulimit defaults fail in sandboxes such as gVisor.
export CONTAINERS_CONF="$PWD/hack/containers.conf"
store_flags=(--storage-driver vfs --root "$store/storage" --runroot "$store/run")

for tool in buildah podman runc; do
  command -v "$tool" >/dev/null || {
    echo "$tool is required to build and run the image: apt-get install -y buildah podman runc (hack/prerequisites.sh does)" >&2
    exit 1
  }
done

if [ "${1:-}" = podman ]; then
  shift
  exec podman "${store_flags[@]}" "$@"
fi

say() { echo "[image] $*" >&2; }

# Copies host files into a root filesystem at the same paths, following symbolic links to their content.
copy_into() {
  local rootfs="$1"; shift
  cp -L --parents "$@" "$rootfs"
}

# The host's path of a shared library the dynamic loader would pick.
library() {
  local path
  path="$(ldconfig -p | awk -v name="$1" '$1 == name && !found { print $NF; found = 1 }')"
  [ -n "$path" ] || { echo "[image] no $1 on this machine" >&2; return 1; }
  echo "$path"
}

# A root filesystem laid out like a merged-/usr distribution, with the native libraries .NET needs and CA certificates.
base_rootfs() {
  local rootfs="$1" name path
  mkdir -p "$rootfs"/usr/{bin,sbin,lib,lib64} "$rootfs"/{etc,tmp} "$rootfs/usr/lib/ssl"
  for name in bin sbin lib lib64; do ln -s "usr/$name" "$rootfs/$name"; done
  chmod 1777 "$rootfs/tmp"
  for name in libc.so.6 libdl.so.2 libm.so.6 libpthread.so.0 librt.so.1 libgcc_s.so.1 libstdc++.so.6 libssl.so.3 libcrypto.so.3 libz.so.1; do
    path="$(library "$name")"
    copy_into "$rootfs" "$path"
  done
  copy_into "$rootfs" "$(ldd /bin/sh | awk '/ld-linux/ { print $1 }')" /etc/ssl/certs/ca-certificates.crt
  ln -s /etc/ssl/certs/ca-certificates.crt "$rootfs/usr/lib/ssl/cert.pem"
  ln -s /etc/ssl/certs "$rootfs/usr/lib/ssl/certs"
  printf 'root:x:0:0:root:/root:/usr/sbin/nologin\napp:x:1654:1654::/home/app:/usr/sbin/nologin\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\napp:x:1654:\n' >"$rootfs/etc/group"
}

# Commits a root filesystem as an image; extra arguments go to `buildah config`.
commit_rootfs() {
  local rootfs="$1" name="$2" container; shift 2
  container="$(buildah "${store_flags[@]}" from scratch)"
  buildah "${store_flags[@]}" copy --quiet "$container" "$rootfs" / >/dev/null
  buildah "${store_flags[@]}" config "$@" "$container"
  buildah "${store_flags[@]}" commit --quiet --rm "$container" "$name" >/dev/null
}

has_image() { buildah "${store_flags[@]}" images --quiet "$1" >/dev/null 2>&1; }

sdk_version="$(dotnet --version)"
sdk_stand_in="localhost/latitude-operator-stand-in/dotnet-sdk:$sdk_version"
runtime_stand_in="localhost/latitude-operator-stand-in/dotnet-runtime-deps:$(ldd --version | awk 'NR == 1 { print $NF }')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if ! has_image "$runtime_stand_in"; then
  say "making the runtime stand-in $runtime_stand_in from this machine's libraries"
  base_rootfs "$work/runtime"
  commit_rootfs "$work/runtime" "$runtime_stand_in"
fi

if ! has_image "$sdk_stand_in"; then
  say "making the SDK stand-in $sdk_stand_in from this machine's .NET SDK (copies about 650 MB)"
  dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  base_rootfs "$work/sdk"
  copy_into "$work/sdk" "$(readlink -f /bin/sh)"
  ln -s "$(basename "$(readlink -f /bin/sh)")" "$work/sdk/usr/bin/sh"
  mkdir -p "$work/sdk/usr/share" "$work/sdk/root"
  cp -a "$dotnet_root" "$work/sdk/usr/share/dotnet"
  ln -s ../share/dotnet/dotnet "$work/sdk/usr/bin/dotnet"
  # As the SDK image does, except for ICU: the stand-in runs the SDK in invariant mode instead of carrying ICU.
  # NUGET_CERT_REVOCATION_MODE as on this machine, whose package mirror cannot be checked for revocation online.
  commit_rootfs "$work/sdk" "$sdk_stand_in" \
    --env PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin --env HOME=/root \
    --env DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 --env DOTNET_NOLOGO=1 --env DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    --env NUGET_CERT_REVOCATION_MODE="${NUGET_CERT_REVOCATION_MODE:-online}" --workingdir /
fi

# What the image is made of, as the Dockerfile copies it (.dockerignore leaves out bin/ and obj/), plus both bases.
inputs="$({
  find Dockerfile global.json Directory.Build.props Directory.Packages.props .editorconfig src -type f \
    -not -path '*/bin/*' -not -path '*/obj/*' -print0 | sort -z | xargs -0 sha256sum
  buildah "${store_flags[@]}" images --quiet --no-trunc "$sdk_stand_in"
  buildah "${store_flags[@]}" images --quiet --no-trunc "$runtime_stand_in"
} | sha256sum | cut -c1-64)"

if [ "$(buildah "${store_flags[@]}" inspect --type image --format '{{index .ImageAnnotations "latitude.sh/build-inputs"}}' "$image" 2>/dev/null)" = "$inputs" ]; then
  say "$image is up to date"
else
  say "building $image (SDK_IMAGE=$sdk_stand_in, RUNTIME_IMAGE=$runtime_stand_in)"
  started=$SECONDS
  buildah "${store_flags[@]}" bud --isolation chroot --quiet \
    --build-arg SDK_IMAGE="$sdk_stand_in" --build-arg RUNTIME_IMAGE="$runtime_stand_in" \
    --annotation latitude.sh/build-inputs="$inputs" --tag "$image" . >&2
  # The image it replaced, now nameless; the store is this script's own, so nothing else is removed.
  buildah "${store_flags[@]}" rmi --prune >/dev/null
  say "built in $((SECONDS - started)) s"
fi

say "$image: $(podman "${store_flags[@]}" image inspect --format '{{.Size}}' "$image" | awk '{ printf "%.1f MB", $1 / 1e6 }') uncompressed"
echo "$image"
