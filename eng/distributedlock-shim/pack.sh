#!/usr/bin/env bash
# Rebuilds eng/packages/patched.distributedlock.postgres.1.3.3.nupkg from the nuspec beside this script.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet pack "$here/Shim.csproj" -o "$here/../packages" -p:NoBuild=true --nologo
