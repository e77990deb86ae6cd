#!/usr/bin/env bash
# boot-and-install.sh - boot time of the civicgrid Karaf distribution against plain
# Apache Karaf 4.4.10, and the time to bring in the mediation plug-in at run time.
#
# Usage (from anywhere; needs the artifacts already built, it never runs mvn):
#   bench/boot-and-install.sh              # RUNS=5: civicgrid, plain, civicgrid, plain, ...
#   RUNS=10 bench/boot-and-install.sh
#   QUICK=1 bench/boot-and-install.sh      # 1 run each: CI smoke test
#
# Optional environment:
#   DIST_TGZ   civicgrid distribution (default karaf-dist/target/civicgrid-karaf-dist-*.tar.gz)
#   KARAF_TGZ  plain Karaf (default ~/.m2/.../apache-karaf/4.4.10/apache-karaf-4.4.10.tar.gz)
#   KAR        plug-in KAR (default features/mediation/target/civicgrid-mediation-features-*.kar)
#   BOOT_TIMEOUT (s, default 300), INSTALL_TIMEOUT (s, default 120)
#   IDLE_MAX   e.g. 20: before each launch wait (at most 180 s) until the machine is <= 20 % busy
#
# Every run unpacks a fresh copy under bench/target/boot-and-install/<stamp>/ (ports
# 18181/18101/11099/14444 for civicgrid, 28101/21099/24444 for plain Karaf), launches it
# with `setsid bin/start`, measures, kills the whole process group and deletes the copy.
# Each run's karaf.log is kept in that folder under logs/.
# Writes bench/results/boot-and-install-<UTC>.md and prints a summary.
# Exit status: 0 if every run reached every milestone, 1 otherwise.

set -uo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")

RUNS=${RUNS:-5}
[ "${QUICK:-0}" = 1 ] && RUNS=1
BOOT_TIMEOUT=${BOOT_TIMEOUT:-300}
INSTALL_TIMEOUT=${INSTALL_TIMEOUT:-120}
DIST_TGZ=${DIST_TGZ:-$(ls "$REPO_DIR"/karaf-dist/target/civicgrid-karaf-dist-*.tar.gz 2>/dev/null | head -1)}
KARAF_TGZ=${KARAF_TGZ:-$HOME/.m2/repository/org/apache/karaf/apache-karaf/4.4.10/apache-karaf-4.4.10.tar.gz}
KAR=${KAR:-$(ls "$REPO_DIR"/features/mediation/target/civicgrid-mediation-features-*.kar 2>/dev/null | head -1)}

PLUGIN_BSN=org.civicgrid.plugin.mediation
FEATURE=civicgrid-mediation
CG_HTTP=18181 CG_SSH=18101 CG_RMIREG=11099 CG_RMISRV=14444
PK_SSH=28101 PK_RMIREG=21099 PK_RMISRV=24444
HEALTH_URL="http://localhost:$CG_HTTP/api/health"
PLUGIN_URL="http://localhost:$CG_HTTP/api/mediation/disputes?region=1405"

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
WORK="$BENCH_DIR/target/boot-and-install/$STAMP"
LOGS="$WORK/logs"
RESULTS="$BENCH_DIR/results/boot-and-install-$STAMP.md"
RAW="$WORK/raw.tsv"          # one line per run, see header written below
NOTES="$WORK/notes.txt"      # bundle changes, log errors: copied into the results file

PGID=""                      # process group of the instance currently running
FAILED=0

# ---------------------------------------------------------------- helpers
log()  { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }
die()  { log "ERROR: $*"; exit 1; }
now()  { date +%s.%N; }
after() { awk -v t="$(now)" -v s="$1" 'BEGIN { printf "%.3f", t + s }'; }   # deadline S seconds from now
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }   # secs START END
note() { printf '%s\n' "$*" >> "$NOTES"; }

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# SSH to a Karaf shell with the bench key; command in $2.
kssh() {
  ssh -n -p "$1" -i "$WORK/client_key" -o IdentitiesOnly=yes -o BatchMode=yes \
      -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
      -o ConnectTimeout=5 bench@localhost "$2"
}

# Java processes started from this bench's scratch folder (whatever their group).
bench_java_pids() {
  ps -eo pid=,args= | awk -v d="-Dkaraf.home=$WORK/" '$2 ~ /java$/ && index($0, d) { print $1 }'
}

other_java() { ps -eo pid=,args= | awk -v d="-Dkaraf.home=$WORK/" '$2 ~ /java$/ && !index($0, d)' | grep -c .; }
# CPU accounting from /proc, to tell how much of the machine others used while we booted.
HZ=$(getconf CLK_TCK 2>/dev/null || echo 100); NCPU=$(nproc)
cpu_busy() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9; exit }' /proc/stat; }   # jiffies, all CPUs
bench_java_jiffies() { local p; for p in $(bench_java_pids); do awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null; done | awk '{ s += $1 } END { print s + 0 }'; }
# others_pct BUSY0 BUSY1 SECONDS: % of all CPUs used by everything but the bench's java in that window.
others_pct() { awk -v b0="$1" -v b1="$2" -v j="$(bench_java_jiffies)" -v t="$3" -v hz="$HZ" -v n="$NCPU" \
  'BEGIN { if (t !~ /^[0-9.]+$/ || t <= 0) { print "NA"; exit } v = (b1 - b0 - j) / (hz * t * n) * 100; printf "%.0f", (v < 0 ? 0 : v) }'; }

# With IDLE_MAX=<percent>, wait (at most 180 s) before a launch until the machine is less busy than that.
wait_idle() {
  [ -n "${IDLE_MAX:-}" ] || return 0
  local end=$(( $(date +%s) + 180 )) b0 b1 pct
  while :; do
    b0=$(cpu_busy); sleep 2; b1=$(cpu_busy)
    pct=$(awk -v d=$(( b1 - b0 )) -v hz="$HZ" -v n="$NCPU" 'BEGIN { printf "%.0f", d / (hz * 2 * n) * 100 }')
    [ "$pct" -le "$IDLE_MAX" ] && return 0
    [ "$(date +%s)" -ge "$end" ] && { log "machine still ${pct}% busy after 180 s, launching anyway"; return 0; }
    sleep 3
  done
}

group_alive() { [ -n "$PGID" ] && kill -0 -- "-$PGID" 2>/dev/null; }

# Kill the instance's process group, then make sure no bench java process is left.
stop_instance() {
  if group_alive; then
    kill -TERM -- "-$PGID" 2>/dev/null
    for _ in $(seq 1 150); do group_alive || break; sleep 0.1; done
    group_alive && { log "process group $PGID still alive after 15 s, SIGKILL"; kill -KILL -- "-$PGID" 2>/dev/null; sleep 0.5; }
  fi
  PGID=""
  local left; left=$(bench_java_pids)
  if [ -n "$left" ]; then
    log "left-over bench java process(es) $left, SIGKILL"; note "- left-over java process(es) after a stop: $left (killed)"
    for p in $left; do kill -KILL "$p" 2>/dev/null; done
    sleep 0.5
  fi
}
trap 'stop_instance' EXIT
trap 'log "interrupted"; exit 130' INT TERM

# Unpack a tarball into $2 and return (echo) its top folder.
unpack() {
  local tgz=$1 dest=$2 top
  mkdir -p "$dest"
  top=$(tar tzf "$tgz" | head -1 | cut -d/ -f1)
  tar xzf "$tgz" -C "$dest" && echo "$dest/$top"
}

# set_cfg FILE KEY VALUE: replace "KEY = old" (any spacing) and check it took.
set_cfg() {
  sed -i -E "s|^($2[[:space:]]*=[[:space:]]*).*|\1$3|" "$1"
  grep -Eq "^$2[[:space:]]*=[[:space:]]*$3\$" "$1" || die "could not set $2 in $1"
}

# Ports, bench user key and a pre-made SSH host key (the same one for both products,
# so neither pays the ~1.5 s RSA host-key generation on its first SSH login).
configure() {
  local home=$1 http=$2 sshp=$3 rmireg=$4 rmisrv=$5
  [ -n "$http" ] && set_cfg "$home/etc/org.ops4j.pax.web.cfg" org.osgi.service.http.port "$http"
  set_cfg "$home/etc/org.apache.karaf.shell.cfg" sshPort "$sshp"
  set_cfg "$home/etc/org.apache.karaf.management.cfg" rmiRegistryPort "$rmireg"
  set_cfg "$home/etc/org.apache.karaf.management.cfg" rmiServerPort "$rmisrv"
  printf '\nbench=%s,_g_:admingroup\n' "$(awk '{print $2}' "$WORK/client_key.pub")" >> "$home/etc/keys.properties"
  grep -q '^_g_\\:admingroup' "$home/etc/keys.properties" ||
    printf '_g_\\:admingroup = group,admin,manager,viewer,systembundles,ssh\n' >> "$home/etc/keys.properties"
  cp "$WORK/host_key" "$home/etc/host.key"
  for p in $http $sshp $rmireg $rmisrv; do
    port_in_use "$p" && die "port $p is already in use: another Karaf running?"
  done
}

# Launch bin/start in a new session; sets T0 (launch time) and PGID (its process group).
launch() {
  local home=$1
  rm -f "$home/.bench-sid"
  T0=$(now)
  setsid bash -c 'echo $$ > "$1/.bench-sid"; exec "$1/bin/start"' _ "$home" > "$home/.bench-start.out" 2>&1 &
  for _ in $(seq 1 100); do [ -s "$home/.bench-sid" ] && break; sleep 0.02; done
  PGID=$(cat "$home/.bench-sid" 2>/dev/null) || die "bin/start did not come up in $home"
}

# wait_http URL DEADLINE INTERVAL -> echoes the time of the first 200, fails on timeout/crash.
wait_http() {
  local code
  while :; do
    code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 ${CURL_USER:+-u "$CURL_USER"} "$1")
    [ "$code" = 200 ] && { now; return 0; }
    group_alive || { echo "karaf-died"; return 1; }
    awk -v d="$2" -v n="$(now)" 'BEGIN { exit !(n > d) }' && { echo "timeout(last=$code)"; return 1; }
    sleep "$3"
  done
}

# wait_not_200 URL DEADLINE: until the URL stops answering 200 (after an uninstall).
wait_not_200() {
  while [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 ${CURL_USER:+-u "$CURL_USER"} "$1")" = 200 ]; do
    awk -v d="$2" -v n="$(now)" 'BEGIN { exit !(n > d) }' && return 1
    sleep 0.1
  done
}

# wait_shell PORT DEADLINE -> time at which `bundle:list` over SSH first lists bundles.
wait_shell() {
  local out
  while :; do
    out=$(kssh "$1" 'bundle:list -t 0 --no-format' 2>/dev/null) && grep -q Active <<<"$out" && { now; return 0; }
    group_alive || { echo "karaf-died"; return 1; }
    awk -v d="$2" -v n="$(now)" 'BEGIN { exit !(n > d) }' && { echo timeout; return 1; }
    sleep 0.25
  done
}

snapshot() {
  kssh "$1" 'bundle:list -t 0 --no-format -s' 2>/dev/null > "$2"
  grep -q Active "$2" || note "- bundle:list over SSH gave no bundles for $(basename "$2") in $(basename "$(dirname "$2")")"
}

# bundle_changes BEFORE AFTER: bundles other than the plug-in whose id or state changed,
# or that appeared / disappeared. Prints nothing when nothing changed.
bundle_changes() {
  awk -F'\t' -v skip="$PLUGIN_BSN" '
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

# Bundles that the features service stopped, refreshed or uninstalled, other than the
# plug-in, in karaf.log after line $2 (catches a stop+start that a snapshot would miss).
touched_in_log() {
  tail -n +"$(( $2 + 1 ))" "$1" | awk -F' [|] ' -v skip="$PLUGIN_BSN" '
    $4 ~ /FeaturesServiceImpl/ {
      if ($6 ~ /^(Stopping|Refreshing|Uninstalling|Restarting) bundles:/) { what = $6; next }
      if (what != "" && $6 ~ /^  [^ ]/ && index($6, skip) == 0) { m = $6; gsub(/^ +/, "", m); print what " " m; next }
      what = ""
    }' | sort -u
}

# Epoch seconds of the first karaf.log line whose logger matches $2 and message matches $3.
log_time() {
  local ts
  ts=$(awk -F' [|] ' -v lg="$2" -v msg="$3" '$4 ~ lg && $6 ~ msg { print $1; exit }' "$1")
  [ -n "$ts" ] || { echo NA; return; }
  ts=${ts%% *}; ts=${ts/T/ }; ts=${ts/,/.}
  date -d "$ts" +%s.%N
}

# Boot phases read from karaf.log, in seconds since launch t0:
# features resolution start, resolution done, bundles installed, features boot Done.
# The boot features' round is the one that adds the most features: civicgrid's features service first logs a small
# round of its own (for `wrap`), which the first match would take for it.
boot_phases() {
  local f=$1 t0=$2 out="" t round
  round=$(awk -F' [|] ' '$4 ~ /FeaturesServiceImpl/ && $6 ~ /^Adding features:/ && length($6) > max { max = length($6); n = NR } END { print n + 0 }' "$f")
  [ "$round" -gt 0 ] && { tail -n +"$round" "$f" > "$f.boot-round"; f="$f.boot-round"; }
  for pat in 'Adding features:' 'Changes to perform:' 'Starting bundles:' '^Done[.]$'; do
    t=$(log_time "$f" FeaturesServiceImpl "$pat")
    if [ "$t" = NA ]; then out+=" NA"; else out+=" $(secs "$t0" "$t")"; fi
  done
  [ "$round" -gt 0 ] && rm -f "$f"
  echo $out
}

# "... in N ms" reported by the first karaf.log line whose logger matches $2 and message $3, as seconds.
app_secs() {
  awk -F' [|] ' -v lg="$2" -v msg="$3" '$4 ~ lg && $6 ~ msg {
      if (match($6, / in [0-9]+ ms/)) { printf "%.2f\n", substr($6, RSTART + 4, RLENGTH - 7) / 1000; found = 1 }
      exit }
    END { if (!found) print "NA" }' "$1"
}

# The sum of every "... in N ms" of the karaf.log lines whose message matches $2, as seconds (NA if none).
app_secs_sum() {
  awk -F' [|] ' -v msg="$2" '$6 ~ msg && match($6, / in [0-9]+ ms/) { s += substr($6, RSTART + 4, RLENGTH - 7); n++ }
    END { if (n) printf "%.2f\n", s / 1000; else print "NA" }' "$1"
}

# Distinct ERROR messages of a karaf.log (logger + first 150 chars of the message).
log_errors() {
  awk -F' [|] ' '$2 ~ /ERROR/ { print $4 ": " substr($6, 1, 150) }' "$1" | sed 's/  */ /g' | sort | uniq -c
}

median() { sort -n | awk '$1 ~ /^[0-9.]+$/ { a[n++] = $1 } END { if (!n) { print "NA"; exit }
  print (n % 2 ? a[int(n/2)] : sprintf("%.2f", (a[n/2-1] + a[n/2]) / 2)) }'; }
col() { awk -F'\t' -v p="$1" -v c="$2" '$2 == p { print $c }' "$RAW"; }   # col PRODUCT COLUMN
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a ~ /^[0-9.]+$/ && b ~ /^[0-9.]+$/ && b > 0) printf "%.2f", a / b; else print "NA" }'; }

# ---------------------------------------------------------------- one run of each product
run_civicgrid() {
  local i=$1 dir="$WORK/run-$i-civicgrid" home t0 th ts mark t1 t2 t3 rc load phases
  local f_cmd=NA f_200=NA k_200=NA feat_chg=NA kar_chg=NA pre_code
  load="$(cut -d' ' -f1 /proc/loadavg) / $(other_java)"
  home=$(unpack "$DIST_TGZ" "$dir"); [ -d "$home/bin" ] || die "cannot unpack $DIST_TGZ"
  configure "$home" "$CG_HTTP" "$CG_SSH" "$CG_RMIREG" "$CG_RMISRV"
  cp "$KAR" "$dir/plugin.kar"                       # same filesystem: the drop is one rename

  wait_idle
  local busy0 others; busy0=$(cpu_busy)
  CURL_USER=""; launch "$home"; t0=$T0
  local deadline; deadline=$(after "$BOOT_TIMEOUT")
  wait_shell "$CG_SSH" "$deadline" > "$dir/shell.t" &   # shell readiness, polled alongside
  local shell_pid=$!
  th=$(wait_http "$HEALTH_URL" "$deadline" 0.2); rc=$?
  others=$(others_pct "$busy0" "$(cpu_busy)" "$(secs "$t0" "$(now)")")
  wait "$shell_pid"; ts=$(cat "$dir/shell.t")
  if [ $rc -ne 0 ]; then
    log "civicgrid run $i: /api/health never answered 200 ($th)"; FAILED=1; th=NA
  else th=$(secs "$t0" "$th"); fi
  [[ $ts =~ ^[0-9] ]] && ts=$(secs "$t0" "$ts") || { log "civicgrid run $i: shell not ready ($ts)"; ts=NA; FAILED=1; }

  if [ "$th" != NA ] && [ "$ts" != NA ]; then
    local klog="$home/data/log/karaf.log"
    # The plug-in's API needs a signed-in user with a mediation role: create one, as a site would.
    CURL_USER="bench-mediator:bench-password-1"
    kssh "$CG_SSH" "civicgrid:user-add --role MEDIATOR --region 1405 bench-mediator bench-password-1" \
      > "$dir/user-add.out" 2>&1 || note "- run $i: civicgrid:user-add failed: $(head -c 300 "$dir/user-add.out")"
    pre_code=$(curl -s -o /dev/null -w '%{http_code}' -u "$CURL_USER" "$PLUGIN_URL")
    [ "$pre_code" = 200 ] && note "- run $i: $PLUGIN_URL answered 200 before the plug-in was installed"

    # 1) feature:install over SSH
    snapshot "$CG_SSH" "$dir/bundles-0.txt"
    mark=$(wc -l < "$klog")
    t1=$(now)
    kssh "$CG_SSH" "feature:install $FEATURE" > "$dir/feature-install.out" 2>&1; rc=$?
    t2=$(now); f_cmd=$(secs "$t1" "$t2")
    [ $rc -ne 0 ] && note "- run $i: feature:install exited $rc: $(head -c 300 "$dir/feature-install.out")"
    t3=$(wait_http "$PLUGIN_URL" "$(after "$INSTALL_TIMEOUT")" 0.1) \
      && f_200=$(secs "$t1" "$t3") || { log "run $i: plug-in never answered 200 after feature:install ($t3)"; FAILED=1; }
    snapshot "$CG_SSH" "$dir/bundles-1.txt"
    feat_chg=$( { bundle_changes "$dir/bundles-0.txt" "$dir/bundles-1.txt"; touched_in_log "$klog" "$mark"; } )
    [ -n "$feat_chg" ] && note "- run $i, feature:install changed other bundles:" && note "$(sed 's/^/    - /' <<<"$feat_chg")"
    feat_chg=$(grep -c . <<<"$feat_chg")

    # 2) feature:uninstall, then the KAR dropped into deploy/
    kssh "$CG_SSH" "feature:uninstall $FEATURE" > "$dir/feature-uninstall.out" 2>&1 \
      || note "- run $i: feature:uninstall failed: $(head -c 300 "$dir/feature-uninstall.out")"
    wait_not_200 "$PLUGIN_URL" "$(after 60)" \
      || note "- run $i: plug-in URL still answered 200 60 s after feature:uninstall"
    snapshot "$CG_SSH" "$dir/bundles-2.txt"
    local unchg; unchg=$(bundle_changes "$dir/bundles-0.txt" "$dir/bundles-2.txt")
    [ -n "$unchg" ] && note "- run $i, after feature:uninstall other bundles differ from before the install:" \
      && note "$(sed 's/^/    - /' <<<"$unchg")"
    mark=$(wc -l < "$klog")
    t1=$(now)
    mv "$dir/plugin.kar" "$home/deploy/$(basename "$KAR")"
    t3=$(wait_http "$PLUGIN_URL" "$(after "$INSTALL_TIMEOUT")" 0.1) \
      && k_200=$(secs "$t1" "$t3") || { log "run $i: plug-in never answered 200 after the KAR drop ($t3)"; FAILED=1; }
    snapshot "$CG_SSH" "$dir/bundles-3.txt"
    kar_chg=$( { bundle_changes "$dir/bundles-2.txt" "$dir/bundles-3.txt"; touched_in_log "$klog" "$mark"; } )
    [ -n "$kar_chg" ] && note "- run $i, KAR drop changed other bundles:" && note "$(sed 's/^/    - /' <<<"$kar_chg")"
    kar_chg=$(grep -c . <<<"$kar_chg")
  else
    FAILED=1
  fi

  stop_instance
  finish_run "$i" civicgrid "$home" "$t0" "$th" "$ts" "$f_cmd" "$f_200" "$k_200" "$feat_chg" "$kar_chg" "$load" "$others"
}

run_plain() {
  local i=$1 dir="$WORK/run-$i-plain" home t0 ts load
  load="$(cut -d' ' -f1 /proc/loadavg) / $(other_java)"
  home=$(unpack "$KARAF_TGZ" "$dir"); [ -d "$home/bin" ] || die "cannot unpack $KARAF_TGZ"
  configure "$home" "" "$PK_SSH" "$PK_RMIREG" "$PK_RMISRV"
  wait_idle
  local busy0 others; busy0=$(cpu_busy)
  launch "$home"; t0=$T0
  ts=$(wait_shell "$PK_SSH" "$(after "$BOOT_TIMEOUT")") \
    && ts=$(secs "$t0" "$ts") || { log "plain run $i: shell not ready ($ts)"; ts=NA; FAILED=1; }
  others=$(others_pct "$busy0" "$(cpu_busy)" "$(secs "$t0" "$(now)")")
  stop_instance
  finish_run "$i" plain "$home" "$t0" "$ts" "$ts" NA NA NA NA NA "$load" "$others"
}

# Keep the log, record the raw line, delete the unpacked copy.
finish_run() {
  local i=$1 product=$2 home=$3 t0=$4 ready=$5; shift 5
  local klog="$LOGS/run-$i-$product-karaf.log" phases errs
  cp "$home/data/log/karaf.log" "$klog" 2>/dev/null || : > "$klog"
  local ds; ds=$(log_time "$klog" DataSourceRegistration 'Creating DataSource')
  [ "$ds" = NA ] || ds=$(secs "$t0" "$ds")
  # The core's own first-start work: every core module's schema migration (they run one after the other, as each
  # module's DataSource reference is satisfied), loading the city's divisions, and (on a background thread, after
  # the platform is ready) generating the demo grids.
  phases="$(boot_phases "$klog" "$t0") $(app_secs_sum "$klog" '^Schema of org[.]civicgrid[.]core[.]') $(app_secs "$klog" '' '^Loaded [0-9]+ divisions')"
  local demo; demo=$(app_secs "$klog" '' '^Generated [0-9]+ demo grids')
  errs=$(log_errors "$klog")
  [ -n "$errs" ] && note "- run $i $product, ERROR lines in karaf.log (count, logger: message):" \
    && note "$(sed 's/^ */    - /' <<<"$errs")"
  # columns: 1 run, 2 product, 3 ready, 4 shell, 5 f_cmd, 6 f_200, 7 k_200, 8 feat_chg, 9 kar_chg, 10 load,
  # 11-14 phases (features start, resolved, installed, Done.), 15 core schema migrations (sum over the core's
  # modules), 16 region load, 17 errors, 18 warns, 19 DataSource created (all times in s since launch, 15/16 durations
  # as logged by civicgrid), 20 % of the machine's CPU used by other processes from launch to ready, 21 demo grids
  # generated in (s, as logged; a background thread after ready)
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$i" "$product" "$ready" \
    "$1" "$2" "$3" "$4" "$5" "$6" "$7" ${phases} \
    "$(grep -c '| ERROR |' "$klog")" "$(grep -c '| WARN  |' "$klog")" "$ds" "$8" "$demo" >> "$RAW"
  for b in "$(dirname "$home")"/bundles-*.txt "$(dirname "$home")"/feature-*.out; do
    [ -f "$b" ] && cp "$b" "$LOGS/run-$i-$product-$(basename "$b")"
  done
  rm -rf "$(dirname "$home")"
  log "$product run $i: ready ${ready}s$( [ "$product" = civicgrid ] && echo ", shell ${1}s, feature:install->200 ${3}s, KAR->200 ${4}s")"
}

# ---------------------------------------------------------------- main
for f in "$DIST_TGZ" "$KARAF_TGZ" "$KAR"; do [ -f "$f" ] || die "missing artifact: ${f:-<none found>} (build first)"; done
for t in curl ssh ssh-keygen awk tar setsid sha256sum java; do command -v "$t" >/dev/null || die "needs $t"; done
mkdir -p "$LOGS" "$BENCH_DIR/results"
: > "$NOTES"
ssh-keygen -q -t rsa -b 2048 -N '' -f "$WORK/client_key" || die "ssh-keygen failed"
ssh-keygen -q -t rsa -b 2048 -m PKCS8 -N '' -f "$WORK/host_key" || die "ssh-keygen failed"

log "civicgrid: $DIST_TGZ"; log "plain:     $KARAF_TGZ"; log "plug-in:   $KAR"
# Copy the artifacts first: every run then uses the same bytes even if they are rebuilt meanwhile.
ARTIFACTS=""
for v in DIST_TGZ KARAF_TGZ KAR; do
  f=${!v}
  ARTIFACTS+="- \`$(basename "$f")\`: built $(date -u -r "$f" '+%Y-%m-%d %H:%M:%S UTC'), sha256 $(sha256sum "$f" | cut -c1-16)..."$'\n'
  cp "$f" "$WORK/" || die "cannot copy $f"
  printf -v "$v" '%s' "$WORK/$(basename "$f")"
done
OTHER_JAVA=$(other_java)
log "$RUNS run(s) each, alternating; scratch $WORK; $OTHER_JAVA other java process(es) running"
START_UTC=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
for i in $(seq 1 "$RUNS"); do
  run_civicgrid "$i"
  run_plain "$i"
done
END_UTC=$(date -u '+%Y-%m-%d %H:%M:%S UTC')
rm -f "$DIST_TGZ" "$KARAF_TGZ" "$KAR"          # the copies in $WORK; logs stay
LEFT=$(bench_java_pids | grep -c .)

# ---------------------------------------------------------------- report
M_CG=$(col civicgrid 3 | median); M_CGS=$(col civicgrid 4 | median); M_PK=$(col plain 3 | median)
M_FC=$(col civicgrid 5 | median); M_F2=$(col civicgrid 6 | median); M_K2=$(col civicgrid 7 | median)
# Per-run boot phase durations (7 columns, NA where not applicable), then their medians:
# 1 launch -> features service start, 2 resolve, 3 install, 4 start bundles (civicgrid: until the
# DataSource is created; plain: until Done.), 5 core schema migrations, 6 region load, 7 rest until ready.
phase_durations() {
  awk -F'\t' -v p="$1" 'function ok(x) { return x ~ /^[0-9.]+$/ }
    function d(a, b) { return (ok(a) && ok(b)) ? sprintf("%.2f", b - a) : "NA" }
    $2 == p {
      if (p == "civicgrid") {
        rest = (ok($3) && ok($19) && ok($15) && ok($16)) ? sprintf("%.2f", $3 - $19 - $15 - $16) : "NA"
        print $11, d($11, $12), d($12, $13), d($13, $19), $15, $16, rest
      } else print $11, d($11, $12), d($12, $13), d($13, $14), "NA", "NA", d($14, $3)
    }' "$RAW"
}
phase_medians() { for c in 1 2 3 4 5 6 7; do phase_durations "$1" | awk -v c="$c" '{ print $c }' | median; done | paste -sd' '; }
read -r C1 C2 C3 C4 C5 C6 C7 <<<"$(phase_medians civicgrid)"
read -r P1 P2 P3 P4 P5 P6 P7 <<<"$(phase_medians plain)"
M_DONE=$(col civicgrid 14 | median); M_DEMO=$(col civicgrid 21 | median)

JAVA_V=$(java -version 2>&1 | head -3 | sed 's/^/    /')
MEM=$(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
{
  echo "# Boot and plug-in install: civicgrid vs plain Apache Karaf 4.4.10"
  echo
  echo "- Date: $START_UTC to $END_UTC"
  echo "- Machine: $(nproc) cores, $MEM memory, kernel $(uname -r), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Java:"; echo; echo "$JAVA_V"; echo
  echo "- Other java processes on the machine when the bench started: $OTHER_JAVA (not the bench's; they share the CPUs)"
  echo "- CPU used by other processes from launch to ready, median: civicgrid runs $(col civicgrid 20 | median) %, plain runs $(col plain 20 | median) % of the $NCPU CPUs${IDLE_MAX:+ (IDLE_MAX=$IDLE_MAX: each launch waited for the machine to be at most $IDLE_MAX % busy)}"
  echo "- Artifacts (copied once at the start, all runs use these):"; echo; printf '%s' "$ARTIFACTS"; echo
  echo "- Runs: $RUNS of each, alternating civicgrid / plain$( [ "$RUNS" = 1 ] && echo ' (QUICK smoke run: one sample, not a benchmark)')"
  echo "- Bench java processes left at the end: $LEFT"
  echo
  echo "## Method"
  echo
  echo "Each run unpacks a fresh copy (fresh data/, no cache), moves the ports off the defaults,"
  echo "adds an SSH public key for a \`bench\` user and the same pre-made RSA host key to both products,"
  echo "starts it with \`setsid bin/start\` and times from just before that call:"
  echo
  echo "- **civicgrid ready**: first HTTP 200 of \`GET /api/health\` (curl every 0.2 s)."
  echo "- **shell ready** (both): first SSH \`bundle:list -t 0 --no-format\` that lists bundles (every 0.25 s,"
  echo "  polled alongside the health check for civicgrid). For plain Karaf this is its ready time."
  echo "- **feature:install**: after health is green, \`ssh ... feature:install $FEATURE\`; the time the"
  echo "  SSH command returns (includes the SSH login) and the first 200 of \`/api/mediation/disputes?region=1405\` (curl every 0.1 s)."
  echo "- **KAR drop**: after \`feature:uninstall\` and the URL no longer answering 200, the KAR is renamed into"
  echo "  \`deploy/\` and timed to the first 200. Felix fileinstall polls deploy/ every 1 s, so up to 1 s of it is polling."
  echo "- **Other bundles changed**: \`bundle:list -t 0 --no-format -s\` before and after each install, compared by"
  echo "  symbolic name/version on id and state, plus any bundle the features service logged as stopped,"
  echo "  refreshed or uninstalled; the plug-in itself is left out. 0 means nothing else was touched."
  echo "- Boot phases from karaf.log timestamps (seconds since launch): features service starts"
  echo "  (\`Adding features\`), resolution done (\`Changes to perform\`), bundles installed (\`Starting bundles\`),"
  echo "  boot features done (\`Done.\`)."
  echo "- **Others' CPU %**: share of all CPUs used by processes other than the bench's Karaf JVM between launch"
  echo "  and ready (from /proc/stat; includes the bench's own curl/ssh polling, which is small). High means a noisy run."
  echo "- After each run the whole process group is killed (SIGTERM, SIGKILL after 15 s) and the copy deleted."
  echo
  echo "## Medians"
  echo
  echo "| figure | civicgrid | plain Karaf | civicgrid / plain |"
  echo "| --- | ---: | ---: | ---: |"
  echo "| launch to ready (civicgrid: /api/health 200; plain: shell) | ${M_CG} s | ${M_PK} s | $(ratio "$M_CG" "$M_PK") |"
  echo "| launch to SSH shell ready | ${M_CGS} s | ${M_PK} s | $(ratio "$M_CGS" "$M_PK") |"
  echo "| feature:install command returns | ${M_FC} s | | |"
  echo "| feature:install to first 200 | ${M_F2} s | | |"
  echo "| KAR into deploy/ to first 200 | ${M_K2} s | | |"
  echo
  echo "Boot phases (medians, seconds):"
  echo
  echo "| phase | civicgrid | plain Karaf |"
  echo "| --- | ---: | ---: |"
  echo "| launch to features service start (script, JVM, OSGi framework, startup bundles) | $C1 | $P1 |"
  echo "| resolving the boot features | $C2 | $P2 |"
  echo "| installing the boot bundles | $C3 | $P3 |"
  echo "| starting the boot bundles (civicgrid: until the \`civicgrid\` DataSource is created; plain: until \`Done.\`) | $C4 | $P4 |"
  echo "| schema migrations of the core's modules, one after the other (Liquibase, fresh H2; sum of what civicgrid logs) | $C5 | |"
  echo "| loading the region's divisions (as logged by civicgrid) | $C6 | |"
  echo "| rest until ready (civicgrid: remainder to /api/health 200; plain: \`Done.\` to SSH shell answering) | $C7 | $P7 |"
  echo "| (civicgrid, after ready, on a thread of its own: generating the demo grids, as logged) | $M_DEMO | |"
  echo
  echo "Rows are medians of each run's phase, so they need not add up exactly to the median total."
  echo "civicgrid's features service logs \`Done.\` at a median ${M_DONE} s after launch; depending on thread timing the"
  echo "migrations and the division load run before or after it. The demo grids are generated after ready, but on the same"
  echo "CPUs: they slow whatever runs next (the first SSH commands, a plug-in install)."
  echo
  echo "## Every run"
  echo
  echo "| run | product | ready s | shell s | feature:install cmd s | feature to 200 s | KAR to 200 s | other bundles changed (feature / KAR) | load avg / other java processes at start | others' CPU % during boot | phases: features start / resolved / installed / DataSource / Done. s | core migrations / division load / demo grids s | ERROR / WARN lines in karaf.log |"
  echo "| ---: | --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: | --- | --- | --- |"
  awk -F'\t' '{ chg = ($2 == "civicgrid") ? $8 " / " $9 : ""
    mig = ($2 == "civicgrid") ? $15 " / " $16 " / " $21 : ""
    printf "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s / %s / %s / %s / %s | %s | %s / %s |\n",
      $1, $2, $3, $4, ($5 == "NA" ? "" : $5), ($6 == "NA" ? "" : $6), ($7 == "NA" ? "" : $7), chg, $10, $20, $11, $12, $13, ($19 == "NA" ? "-" : $19), $14, mig, $17, $18 }' "$RAW"
  echo
  echo "## Notes from the runs"
  echo
  if [ -s "$NOTES" ]; then cat "$NOTES"; else echo "- none"; fi
  echo
  echo "WARN messages over all runs' karaf.log (count, product, logger: message; ids masked):"
  echo
  for pr in civicgrid plain; do
    cat "$LOGS"/run-*-"$pr"-karaf.log 2>/dev/null | awk -F' [|] ' -v pr="$pr" '$2 ~ /WARN/ { print pr " " $4 ": " substr($6, 1, 140) }'
  done | sed 's/  */ /g; s/[0-9a-f]\{8\}-[0-9a-f-]\{27\}/<id>/g; s/[0-9]\{4,\}/<n>/g' | sort | uniq -c | sort -rn |
    awk '{ n = $1; $1 = ""; print "- " n " x" $0 }' | sed 's/|/\\|/g'
  echo "- (the 404 lines are the bench's own polling of the plug-in URL before it is installed and after the uninstall)"
  echo
  echo "Per-run karaf.log copies and bundle lists: \`${LOGS#"$REPO_DIR"/}\` (not committed)."
} > "$RESULTS"

echo
echo "== boot-and-install: $RUNS run(s) each, medians =="
printf '  civicgrid launch -> /api/health 200 : %s s\n' "$M_CG"
printf '  civicgrid launch -> SSH shell ready : %s s\n' "$M_CGS"
printf '  plain Karaf launch -> shell ready   : %s s\n' "$M_PK"
printf '  ratio civicgrid/plain (ready, shell): %s, %s\n' "$(ratio "$M_CG" "$M_PK")" "$(ratio "$M_CGS" "$M_PK")"
printf '  feature:install -> 200             : %s s (command returned after %s s)\n' "$M_F2" "$M_FC"
printf '  KAR into deploy/ -> 200             : %s s\n' "$M_K2"
printf '  other bundles changed (per run, feature/KAR): %s\n' "$(awk -F'\t' '$2 == "civicgrid" { printf "%s/%s ", $8, $9 }' "$RAW")"
printf '  left-over bench java processes      : %s\n' "$LEFT"
echo "  results: ${RESULTS#"$REPO_DIR"/}"
[ "$LEFT" = 0 ] || FAILED=1
[ "$FAILED" = 0 ] || { echo "  SOME RUNS FAILED: see above and $RESULTS"; exit 1; }
