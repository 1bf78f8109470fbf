#!/usr/bin/env bash
# Runs the whole platform locally: PostgreSQL, RabbitMQ, five services and the gateway.
set -euo pipefail
cd "$(dirname "$0")/../.."
bash deploy/local/prerequisites.sh
exec dotnet run --project AppHost -- "$@"
