#!/usr/bin/env bash
# Installs the Debian packages CapacityHub needs: 'run' for the local system,
# 'test' for the test suite (real gRPC peers, h2load, a browser, kubectl tooling).
set -euo pipefail
profile=${1:-test}

# The gateway sets certificates (PDF) in these fonts: Latin, Thai and Japanese names.
packages=(fonts-dejavu-core fonts-thai-tlwg fonts-ipafont-gothic)
if [ "$profile" = test ]; then
  # The browser tests render Japanese and Thai interface text: Noto CJK beside the Thai fonts above.
  packages+=(fonts-noto-cjk python3-grpcio python3-grpc-tools python3-h2 python3-aiosmtpd poppler-utils grpc-proto nghttp2-client chromium chromium-driver yamllint)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (dotnet on PATH)." >&2; exit 1; }
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo=sudo
echo "Installing: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
