#!/usr/bin/env bash
#
# Builds the platform and starts it on the embedded database (H2 under run/civicgrid/data/), with the
# Jincheng (1405) divisions loaded on first start, then prints the URL to open.
#
#   scripts/start.sh              build, (re)install into run/civicgrid, start
#   SKIP_BUILD=1 scripts/start.sh start what was built last
#   scripts/stop.sh               stop it
#
# run/civicgrid keeps its etc/ (your configuration) and data/ (the database, logs) between runs; the
# program files (bin/, lib/, system/) are replaced by the new build. Delete run/ for a fresh start.
set -euo pipefail
cd "$(dirname "$0")/.."
TOP=$(pwd)
HOME_DIR="$TOP/run/civicgrid"
PORT=${CIVICGRID_HTTP_PORT:-8181}

command -v java >/dev/null || { echo "Java 17 is needed (java not found)." >&2; exit 1; }
command -v mvn >/dev/null || { echo "Apache Maven 3.8+ is needed (mvn not found)." >&2; exit 1; }

if [ "${SKIP_BUILD:-}" != "1" ]; then
  echo "Building (mvn install, tests skipped: run 'mvn -B verify' for them)..."
  mvn -B -q install -DskipTests
fi
ARCHIVE=$(ls "$TOP"/karaf-dist/target/civicgrid-karaf-dist-*.tar.gz 2>/dev/null | head -1)
[ -n "$ARCHIVE" ] || { echo "No distribution archive in karaf-dist/target: build first." >&2; exit 1; }

if [ -f "$HOME_DIR/data/port" ] && curl -s -o /dev/null "http://localhost:$PORT/api/health"; then
  echo "civicgrid is already running: stop it first with scripts/stop.sh" >&2
  exit 1
fi

mkdir -p "$HOME_DIR"
UNPACK=$(mktemp -d)
tar xzf "$ARCHIVE" -C "$UNPACK" --strip-components=1
for part in bin lib system deploy; do
  rm -rf "${HOME_DIR:?}/$part"
  cp -a "$UNPACK/$part" "$HOME_DIR/$part"
done
if [ ! -d "$HOME_DIR/etc" ]; then
  cp -a "$UNPACK/etc" "$HOME_DIR/etc"
  [ "$PORT" = 8181 ] || sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $PORT/" "$HOME_DIR/etc/org.ops4j.pax.web.cfg"
fi
rm -rf "$UNPACK"

echo "Starting civicgrid in $HOME_DIR ..."
STARTED=$(date +%s)
setsid "$HOME_DIR/bin/start" </dev/null >/dev/null 2>&1
for _ in $(seq 1 480); do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$PORT/api/health" || true)
  if [ "$code" = 200 ]; then
    echo
    echo "civicgrid is up after $(( $(date +%s) - STARTED )) s."
    echo
    echo "  Open:      http://localhost:$PORT/api/health"
    echo "  Regions:   http://localhost:$PORT/api/regions/1405/children"
    echo "  API:       http://localhost:$PORT/api/openapi.json"
    echo "  Log:       $HOME_DIR/data/log/karaf.log"
    echo "  Stop:      scripts/stop.sh"
    exit 0
  fi
  sleep 0.5
done
echo "civicgrid did not become healthy within 4 minutes; see $HOME_DIR/data/log/karaf.log" >&2
curl -s "http://localhost:$PORT/api/health" >&2 || true
exit 1
