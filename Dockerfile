# First draft. Builds a .NET project of this repository into a small, non-root image whose root
# filesystem can be mounted read-only (mount an emptyDir at /tmp). The operator host (src/Operator) is
# the default; until it lands, build the simulator with:
#   docker build --build-arg PROJECT=tools/LatitudeSimulator/LatitudeSimulator.csproj \
#                --build-arg ENTRY=BucketOperator.LatitudeSimulator.dll -t latitude-simulator .
# Not built in CI: the development machines have no container engine.
ARG DOTNET_VERSION=10.0

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_VERSION} AS build
ARG PROJECT=src/Operator/Operator.csproj
WORKDIR /src
COPY . .
RUN dotnet publish "$PROJECT" -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}
ARG ENTRY=BucketOperator.Operator.dll
ENV ENTRY=${ENTRY} \
    DOTNET_EnableDiagnostics=0 \
    DOTNET_gcServer=0
WORKDIR /app
COPY --from=build /app .
# The numeric UID lets Kubernetes verify runAsNonRoot without resolving names.
USER 64198:64198
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet /app/${ENTRY} \"$@\"", "--"]
