#!/usr/bin/env bash
# Stops the platform started by scripts/start.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
HOME_DIR="$(pwd)/run/civicgrid"
[ -x "$HOME_DIR/bin/stop" ] || { echo "Nothing installed in $HOME_DIR." >&2; exit 1; }
"$HOME_DIR/bin/stop" && echo "civicgrid stopped."
