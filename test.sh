#!/usr/bin/env bash
# Runs every test: installs the Node tools the tests drive (Azurite, ...) from the lock file, then the .NET suites.
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# No install scripts: none of the tools needs one, and some of their dependencies' (native builds, notices) would
# reach the network.
if [ -f tests/package-lock.json ]; then
  npm ci --prefix tests --ignore-scripts --no-audit --no-fund --loglevel=error
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test RolePlay.sln -c Release "$@" 2>&1 | tee "$log" || status=$?

# One closing line for the whole run, summed over the test projects.
awk '/(Passed|Failed)!/ && /Total:/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  f += $(i + 1) + 0
         if ($i == "Passed:")  p += $(i + 1) + 0
         if ($i == "Skipped:") s += $(i + 1) + 0
       }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
