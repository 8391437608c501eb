#!/usr/bin/env bash
# Installs the Debian packages Garde's tests and tools need and npm cannot provide:
# Chromium (renderer tests), Orthanc + DICOMweb/GDCM plugins (real PACS), dcmtk and GDCM tools
# (reference DICOM peers and decoders), pydicom's test files (real DICOM corpus), Xvfb, gcc.
# Idempotent: packages already present are skipped; nothing is done when all are there.
set -euo pipefail

PACKAGES=(chromium fonts-liberation orthanc orthanc-dicomweb orthanc-gdcm dcmtk libgdcm-tools python3-pydicom xvfb gcc libc6-dev nginx-light openssl dicom3tools)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present (${#PACKAGES[@]})"
  exit 0
fi

echo "system packages: installing ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
if [ -n "$SUDO" ] && ! command -v sudo >/dev/null 2>&1; then
  echo "system packages: missing ${missing[*]} and not root and no sudo; install them as root" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "system packages: done"
