# The operator's image. The SDK stage publishes src/Operator self-contained (the .NET runtime travels with the
# app, untrimmed: trimming fails on the CRD schema builder's reflection); the runtime stage is a base with only
# the native libraries .NET needs (no shell, no package manager, no .NET install). It runs as UID/GID 65532 and
# needs no writable path, so the root filesystem can be mounted read-only.
# Both bases are build arguments: hack/image.sh passes local stand-ins where the registry cannot be reached.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0-noble-chiseled

FROM --platform=$BUILDPLATFORM ${SDK_IMAGE} AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Build.targets Directory.Packages.props .editorconfig ./
COPY src/ src/
# The package cache outlives the build, so a rebuild after a code change restores nothing from the network.
RUN --mount=type=cache,id=latitude-bucket-operator-nuget,target=/root/.nuget/packages \
    dotnet publish src/Operator/Operator.csproj -c Release -a "$TARGETARCH" --self-contained -o /app

FROM ${RUNTIME_IMAGE}
COPY --from=build /app /app
# Numeric, so the kubelet can check runAsNonRoot without a passwd entry.
USER 65532:65532
ENTRYPOINT ["/app/latitude-bucket-operator"]
