#!/usr/bin/env bash
# Runs the Bicep CLI with all arguments passed through, e.g.
#   scripts/bicep.sh build infra/main.bicep --stdout
#   scripts/bicep.sh lint infra/main.bicep
#
# Where bicep comes from, first match wins (the choice is printed on stderr):
#   1. $BICEP_BIN, if set to an executable;
#   2. `bicep` on PATH;
#   3. the Bicep CLI that the Azure CLI manages (`az bicep`: ~/.azure/bin/bicep); if az exists but
#      has none yet, `az bicep install` is tried unless downloads are off;
#   4. the project cache: .tools/bicep/<version>/ (restored from NuGet by step 5 earlier);
#   5. a restore of the NuGet package Azure.Bicep.CommandLine.<rid> with the .NET SDK
#      (`dotnet restore` of a throwaway project into .tools/bicep/<version>/).
#
# Environment:
#   BICEP_VERSION      NuGet package version for step 5 (default below).
#   BICEP_TOOLS_DIR    cache folder for steps 4-5 (default <repo>/.tools/bicep).
#   BICEP_NO_DOWNLOAD  1 = never download (skips `az bicep install` and the NuGet restore).
#   BICEP_SKIP_PATH    1 = ignore bicep on PATH and az (steps 2-3); for tests of this script.
#
# Exit codes: whatever bicep returns; 3 when no Bicep CLI can be had (tests/infra skip on 3);
# 2 when BICEP_BIN is set but is no executable.
set -euo pipefail

readonly EXIT_NO_BICEP=3
readonly DEFAULT_BICEP_VERSION="0.49.2"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_root="$(cd "$script_dir/.." && pwd)"
version="${BICEP_VERSION:-$DEFAULT_BICEP_VERSION}"
tools_dir="${BICEP_TOOLS_DIR:-$repo_root/.tools/bicep}"
no_download="${BICEP_NO_DOWNLOAD:-0}"
skip_path="${BICEP_SKIP_PATH:-0}"

say() { printf 'bicep.sh: %s\n' "$*" >&2; }

run() {
  # $1 = binary, $2 = where it came from; the rest is passed to bicep unchanged.
  local bin="$1" source="$2"
  shift 2
  say "using $source ($bin)"
  exec "$bin" "$@"
}

nuget_rid() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=osx ;;
    *) return 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) return 1 ;;
  esac
  # linux-musl (Alpine) has its own package; the glibc one does not run there.
  if [[ "$os" == linux ]] && ldd --version 2>&1 | grep -qi musl; then
    os=linux-musl
  fi
  printf '%s-%s' "$os" "$arch"
}

# 1. explicit binary
if [[ -n "${BICEP_BIN:-}" ]]; then
  if [[ -x "$BICEP_BIN" ]]; then
    run "$BICEP_BIN" "BICEP_BIN" "$@"
  fi
  say "BICEP_BIN=$BICEP_BIN is not an executable file (unset it to search PATH, az and NuGet)"
  exit 2
fi

# 2. bicep on PATH
if [[ "$skip_path" != 1 ]] && command -v bicep >/dev/null 2>&1; then
  run "$(command -v bicep)" "bicep on PATH" "$@"
fi

# 3. the Azure CLI's bicep. `az bicep build` takes different arguments (--file), so run the
#    binary az manages rather than `az bicep …`, which keeps the arguments identical.
if [[ "$skip_path" != 1 ]] && command -v az >/dev/null 2>&1; then
  az_bicep="${AZURE_CONFIG_DIR:-$HOME/.azure}/bin/bicep"
  if [[ ! -x "$az_bicep" && "$no_download" != 1 ]]; then
    say "az found without its Bicep CLI; trying 'az bicep install'"
    timeout 120 az bicep install >&2 || say "'az bicep install' failed"
  fi
  if [[ -x "$az_bicep" ]]; then
    run "$az_bicep" "az bicep" "$@"
  fi
fi

# 4. project cache, 5. NuGet restore
rid="$(nuget_rid)" || {
  say "no Bicep CLI: none on PATH, no az, and no NuGet package for $(uname -s)/$(uname -m)"
  exit "$EXIT_NO_BICEP"
}
package="Azure.Bicep.CommandLine.$rid"
package_lower="$(printf '%s' "$package" | tr '[:upper:]' '[:lower:]')"
cache="$tools_dir/$version"
cached_bin="$cache/packages/$package_lower/$version/tools/bicep"

if [[ -f "$cached_bin" ]]; then
  [[ -x "$cached_bin" ]] || chmod +x "$cached_bin"
  run "$cached_bin" "NuGet $package $version, cached in ${cache#"$repo_root"/}" "$@"
fi

if [[ "$no_download" == 1 ]]; then
  say "no Bicep CLI: none on PATH, no az bicep, nothing cached in $cache, and BICEP_NO_DOWNLOAD=1"
  exit "$EXIT_NO_BICEP"
fi
if ! command -v dotnet >/dev/null 2>&1; then
  say "no Bicep CLI: none on PATH, no az bicep, nothing cached in $cache, and no .NET SDK (dotnet) to restore $package"
  say "install one of: the Bicep CLI (https://aka.ms/bicep-install), the Azure CLI, or the .NET SDK"
  exit "$EXIT_NO_BICEP"
fi

mkdir -p "$cache"
# One restore at a time (parallel test workers may arrive together).
exec 9>"$cache/.lock"
if command -v flock >/dev/null 2>&1; then flock 9; fi
if [[ ! -f "$cached_bin" ]]; then
  say "restoring $package $version from NuGet into ${cache#"$repo_root"/} (first run only)"
  project_dir="$(mktemp -d)"
  cat >"$project_dir/restore.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <!-- Throwaway project: only downloads the package that carries the bicep executable. -->
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <DisableImplicitFrameworkReferences>true</DisableImplicitFrameworkReferences>
  </PropertyGroup>
  <ItemGroup>
    <PackageDownload Include="$package" Version="[$version]" />
  </ItemGroup>
</Project>
EOF
  if ! DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 \
    timeout 600 dotnet restore "$project_dir/restore.csproj" --packages "$cache/packages" --nologo >&2; then
    rm -rf "$project_dir"
    say "no Bicep CLI: 'dotnet restore' of $package $version failed (is the NuGet source reachable?)"
    exit "$EXIT_NO_BICEP"
  fi
  rm -rf "$project_dir"
  if [[ ! -f "$cached_bin" ]]; then
    say "no Bicep CLI: $package $version restored but $cached_bin is missing"
    exit "$EXIT_NO_BICEP"
  fi
  chmod +x "$cached_bin"
  # The extracted binary is all that is needed; the .nupkg copy doubles the disk use.
  rm -f "$cache/packages/$package_lower/$version/"*.nupkg
fi
exec 9>&-
run "$cached_bin" "NuGet $package $version, restored into ${cache#"$repo_root"/}" "$@"
