#!/usr/bin/env bash
# Installs everything (with the test extras and Debian's chromium for the browser test),
# runs the evaluation gate over ../shared (skipped when absent), then the test suite.
set -uo pipefail
cd "$(dirname "$0")/.."
if ! { command -v chromium && command -v chromedriver; } >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver) >/dev/null 2>&1 \
      || echo "scripts/test.sh: chromium could not be installed; the browser test will skip" >&2
  fi
fi
bash scripts/install.sh test || exit 1
.venv/bin/python eval/gate.py
gate=$?
.venv/bin/python -m pytest -q -p no:cacheprovider
tests=$?
[ "$gate" -eq 0 ] || echo "scripts/test.sh: the evaluation gate failed (see above)" >&2
exit $(( gate || tests ))
