#!/usr/bin/env bash
# Installs what galley needs on Debian/Ubuntu: Chromium for PDFs, EPUBCheck and a
# Java runtime for the tests, poppler-utils for pdffonts/pdftotext, then npm packages.
set -euo pipefail
packages=(chromium epubcheck default-jre-headless poppler-utils)
missing=()
for p in "${packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi
if [ -n "${CI:-}" ]; then npm ci; else npm install; fi
