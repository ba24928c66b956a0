#!/usr/bin/env bash
# Installs everything, then runs the main job on the bundled demo corpus and prints what it found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
rm -f demo.db demo.db-wal demo.db-shm
# Exit status 1 would mean some demo inputs were rejected: the demo corpus has none.
.venv/bin/warwire ingest --db demo.db demo/corpus
.venv/bin/warwire export --db demo.db events --format geojson --output demo-events.geojson
echo "Store: demo.db — browse it with: .venv/bin/warwire serve --db demo.db"
