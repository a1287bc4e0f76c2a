#!/usr/bin/env bash
# The production benchmark suite (issue 9): generate data at one scale, then run the load
# scenarios against the server jar and the nearby query as plain SQL with pgbench.
#
#   mvn -q -o -B -Pbench -DskipTests package      # server and bench jars
#   bench/run-suite.sh district|region|country [scenario ...]
#
# Scenarios (all by default, in this order): coldstart nearby nearby-unique detail pgbench storm
# bookings. "nearby" asks around 10,000 sampled positions again and again, as kiosks and phones at
# the same places do (the server's response cache answers most; the line gives its hit ratio);
# "nearby-unique" moves every position by up to 200 m, so that every question is new. With RATE
# set (requests/s), both pace their connections to about that rate instead of saturating the
# machine, so that latency is measured at that load.
# Subscription fan-out runs on its own server (bench/run-suite.sh live, see LiveBench).
# Results: one "SUITE ..." line per scenario on stdout and in $SUITE_DIR/results/summary.txt.
#
# Environment: SUITE_DIR (default /tmp/pm-suite-<scale>: the data directory, several GB at
# country scale; delete it when done), PORT (18095), PGPORT (15495), DURATION (seconds a
# scenario, 20), WARMUP (seconds of unmeasured load before each wrk scenario, 10: the JIT),
# CONNECTIONS (wrk connections, 32), HEAP (server heap, 1g),
# POINTS / ACTIVITIES (override the scale's sizes), KEEP=1 (leave the server running).
set -euo pipefail
cd "$(dirname "$0")/.."

SCALE=${1:?usage: bench/run-suite.sh district|region|country|live [scenario ...]}
shift
case $SCALE in
  district) POINTS=${POINTS:-0} ACTIVITIES=${ACTIVITIES:-0} ;;
  region) POINTS=${POINTS:-50000} ACTIVITIES=${ACTIVITIES:-1000000} ;;
  country) POINTS=${POINTS:-1000000} ACTIVITIES=${ACTIVITIES:-10000000} ;;
  live)
    ulimit -n "$(ulimit -Hn)" 2>/dev/null || true   # each side holds one socket a subscriber
    LIVE_BENCH_HEAP=${HEAP:-1g} exec java -cp bench/target/practice-map-bench.jar \
      org.practicemap.bench.live.LiveBench server/target/practice-map.jar \
      "${LEVELS:-1000,5000,10000}" "${DURATION:-20}"
    ;;
  *) echo "unknown scale $SCALE" >&2; exit 2 ;;
esac
SCENARIOS=${*:-coldstart nearby nearby-unique detail pgbench storm bookings}

PORT=${PORT:-18095}
PGPORT=${PGPORT:-15495}
DIR=${SUITE_DIR:-/tmp/pm-suite-$SCALE}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
HEAP=${HEAP:-1g}
URL=postgresql://postgres@127.0.0.1:$PGPORT/practicemap
PGBIN=/usr/lib/postgresql/15/bin
JAR=server/target/practice-map.jar
BENCH_JAR=bench/target/practice-map-bench.jar
OUT=$DIR/results
mkdir -p "$OUT"
SUMMARY=$OUT/summary.txt

say() { echo "SUITE scale=$SCALE $*" | tee -a "$SUMMARY"; }
sql() { "$PGBIN/psql" -qAtX "$URL" -c "$1"; }
now_ms() { date +%s%3N; }

start_server() {
  local t0
  t0=$(now_ms)
  PORT=$PORT DATA_DIR=$DIR/data EMBEDDED_PG_PORT=$PGPORT DEMO_DATA=true \
    RATE_LIMIT_PER_IP_MINUTE=0 BOOKING_LIMIT_PER_PHONE_HOUR=0 BOOKING_LIMIT_PER_IP_HOUR=0 \
    WS_MAX_CONNECTIONS_PER_IP=0 \
    java -Xms256m "-Xmx$HEAP" -XX:+UseG1GC -jar "$JAR" >>"$OUT/server.log" 2>&1 &
  echo $! >"$DIR/server.pid"
  until curl -sf -o /dev/null "http://127.0.0.1:$PORT/health"; do
    kill -0 "$(cat "$DIR/server.pid")" 2>/dev/null || { echo "server died, see $OUT/server.log" >&2; exit 1; }
    sleep 0.1
  done
  STARTED_MS=$(($(now_ms) - t0))
}

stop_server() {
  [ -f "$DIR/server.pid" ] || return 0
  local pid
  pid=$(cat "$DIR/server.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$DIR/server.pid"
}
[ -n "${KEEP:-}" ] || trap stop_server EXIT

server_up() { [ -f "$DIR/server.pid" ] && kill -0 "$(cat "$DIR/server.pid")" 2>/dev/null; }

ensure_server() {
  server_up && return 0
  local fresh=no
  [ -d "$DIR/data" ] || fresh=yes
  start_server
  say "scenario=start fresh_data_dir=$fresh ms=$STARTED_MS"
  if [ "$POINTS" -gt 0 ] && [ ! -f "$DIR/generated" ]; then
    local t0
    t0=$(now_ms)
    "$PGBIN/psql" -X "$URL" -v points="$POINTS" -v activities="$ACTIVITIES" \
      -f bench/suite/generate.sql >"$OUT/generate.log" 2>&1
    say "scenario=generate points=$POINTS activities=$ACTIVITIES seconds=$((($(now_ms) - t0) / 1000))" \
      "points|activities|upcoming|size: $(grep -A2 database_size "$OUT/generate.log" | tail -1 | tr -s ' ')"
    touch "$DIR/generated"
  fi
  prepare_inputs
}

# Inputs for the load scripts, sampled once per data set: positions around which people ask
# (random points), activity IDs for detail pages, bookable activity IDs.
prepare_inputs() {
  [ -f "$DIR/positions.txt" ] && return 0
  local gid="replace(replace(rtrim(encode(convert_to('Activity:' || id, 'UTF8'), 'base64'), '='), '+', '-'), '/', '_')"
  sql "SELECT lat || ' ' || lng FROM point WHERE on_map ORDER BY random() LIMIT 10000" >"$DIR/positions.txt"
  sql "SELECT $gid FROM activity WHERE ends_at > now() AND cancelled_at IS NULL ORDER BY random() LIMIT 10000" >"$DIR/activity-ids.txt"
  sql "SELECT $gid FROM activity WHERE starts_at > now() + interval '1 day' AND cancelled_at IS NULL
       AND capacity IS NOT NULL AND has_waitlist ORDER BY random() LIMIT 2000" >"$DIR/bookable-ids.txt"
}

# CPU time in clock ticks (1/100 s) spent so far by the server's JVM and by its PostgreSQL (the
# postmaster's live children plus what its exited children used): a measure of cost per request
# that the other load on a shared machine does not change much, unlike req/s.
cpu_ticks() {
  local jvm=0 pg=0 pm
  if server_up; then jvm=$(awk '{print $14 + $15}' "/proc/$(cat "$DIR/server.pid")/stat"); fi
  pm=$(head -1 "$DIR/data/pg/postmaster.pid")
  pg=$(awk '{print $16 + $17}' "/proc/$pm/stat")
  for child in $(ps --ppid "$pm" -o pid=); do
    pg=$((pg + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0)))
  done
  echo "$jvm $pg"
}

# "server_cpu_ms=… pg_cpu_ms=…" per request, from two cpu_ticks snapshots and a request count.
cpu_per_request() {
  local before=($1) after=($2) n=$3
  awk -v j=$((after[0] - before[0])) -v p=$((after[1] - before[1])) -v n="$n" \
    'BEGIN {printf "server_cpu_ms_per_req=%.2f pg_cpu_ms_per_req=%.2f", j * 10 / n, p * 10 / n}'
}

# "hit=… miss=…" of the server's response cache so far, from /metrics.
cache_counts() {
  curl -s "http://127.0.0.1:$PORT/metrics" | awk '
    /^practicemap_response_cache_total\{outcome="hit"/ {h = $NF}
    /^practicemap_response_cache_total\{outcome="miss"/ {m = $NF}
    END {printf "%d %d", h, m}'
}

wrk_run() {
  local name=$1 script=$2
  shift 2
  local threads=$((CONNECTIONS < 2 ? 1 : 2)) line before requests cache_before cache_after
  wrk "-t$threads" "-c$CONNECTIONS" "-d${WARMUP:-10}s" -s "bench/suite/$script" "http://127.0.0.1:$PORT" -- "$@" >/dev/null
  cache_before=($(cache_counts))
  before=$(cpu_ticks)
  line=$(wrk "-t$threads" "-c$CONNECTIONS" "-d${DURATION}s" --timeout 10s -s "bench/suite/$script" \
    "http://127.0.0.1:$PORT" -- "$@" | tee "$OUT/$name.txt" | grep '^SUITE requests')
  requests=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
  after=$(cpu_ticks)
  cache_after=($(cache_counts))
  say "scenario=$name connections=$CONNECTIONS load=$(cut -d' ' -f1 /proc/loadavg) ${line#SUITE }" \
    "$(cpu_per_request "$before" "$after" "$requests")" \
    "$(awk -v h=$((cache_after[0] - cache_before[0])) -v m=$((cache_after[1] - cache_before[1])) \
      'BEGIN {if (h + m > 0) printf "cache_hit_ratio=%.3f", h / (h + m)}')"
}

for scenario in $SCENARIOS; do
  case $scenario in
    coldstart)
      # Start with the data directory as it is (initdb, migrations and the demo on the first
      # run), then once more on the existing directory: the restart of a replica.
      stop_server
      ensure_server
      stop_server
      start_server
      say "scenario=coldstart existing_data_dir=yes ms=$STARTED_MS"
      ;;
    nearby)
      ensure_server
      wrk_run nearby nearby.lua "$DIR/positions.txt" 3000 0 "${RATE:-0}" "$CONNECTIONS"
      ;;
    nearby-unique)
      ensure_server
      wrk_run nearby-unique nearby.lua "$DIR/positions.txt" 3000 200 "${RATE:-0}" "$CONNECTIONS"
      ;;
    detail)
      ensure_server
      wrk_run detail detail.lua "$DIR/activity-ids.txt"
      ;;
    bookings)
      ensure_server
      before=$(sql "SELECT count(*) FROM booking")
      wrk_run bookings book.lua "$DIR/bookable-ids.txt" "$(($(date +%s) % 1000))"
      say "scenario=bookings rows_written=$(($(sql "SELECT count(*) FROM booking") - before))" \
        "oversold_activities=$(sql "SELECT count(*) FROM activity WHERE capacity IS NOT NULL AND seats_taken > capacity")"
      ;;
    storm)
      ensure_server
      # A generated (or demo) activity without bookings, made a 100-seat event with a waiting list.
      id=$(sql "SELECT a.id FROM activity a WHERE a.starts_at > now() + interval '2 days' AND a.cancelled_at IS NULL
                AND a.capacity IS NOT NULL AND NOT EXISTS (SELECT 1 FROM booking b WHERE b.activity_id = a.id)
                ORDER BY a.id DESC LIMIT 1")
      sql "UPDATE activity SET capacity = 100, seats_taken = 0, has_waitlist = true WHERE id = $id" >/dev/null
      gid=$(sql "SELECT replace(replace(rtrim(encode(convert_to('Activity:' || $id, 'UTF8'), 'base64'), '='), '+', '-'), '/', '_')")
      line=$(java -cp "$BENCH_JAR" org.practicemap.bench.suite.BookingStorm --port "$PORT" \
        --activity "$gid" --attempts "${ATTEMPTS:-1000}" 2>>"$OUT/storm.err" | grep '^SUITE')
      say "${line#SUITE } activity=$id load=$(cut -d' ' -f1 /proc/loadavg)"
      say "scenario=storm-check $(sql "SELECT 'capacity=' || a.capacity || ' seats_taken=' || a.seats_taken
            || ' confirmed_seats=' || coalesce(sum(b.party_size) FILTER (WHERE b.status IN ('CONFIRMED', 'CHECKED_IN')), 0)
            || ' waitlisted=' || count(b.id) FILTER (WHERE b.status = 'WAITLISTED')
            || ' rows=' || count(b.id)
            || ' oversold=' || (coalesce(sum(b.party_size) FILTER (WHERE b.status IN ('CONFIRMED', 'CHECKED_IN')), 0) > a.capacity
                                OR a.seats_taken <> coalesce(sum(b.party_size) FILTER (WHERE b.status IN ('CONFIRMED', 'CHECKED_IN')), 0))
            FROM activity a LEFT JOIN booking b ON b.activity_id = a.id WHERE a.id = $id GROUP BY a.id")"
      ;;
    pgbench)
      ensure_server
      java -cp "$BENCH_JAR" org.practicemap.nearby.NearbySqlScript 3000 20 >"$DIR/nearby.sql"
      range=$(sql "SELECT min(id) || ' ' || max(id) FROM point WHERE on_map")
      rm -f "$OUT"/pgbench_log.*
      before=$(cpu_ticks)
      "$PGBIN/pgbench" -M prepared -n -f "$DIR/nearby.sql" -c "${PGBENCH_CLIENTS:-8}" -j 2 -T "$DURATION" \
        -D minid="${range% *}" -D maxid="${range#* }" -l --log-prefix="$OUT/pgbench_log" "$URL" \
        >"$OUT/pgbench.txt" 2>&1
      # Per-transaction log: the third column is the latency in microseconds.
      pct=$(cat "$OUT"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {
        printf "transactions=%d p50_ms=%.2f p99_ms=%.2f", NR, a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000}')
      sleep 1   # the backends of pgbench exit (and are counted) after it does
      after=$(cpu_ticks)
      say "scenario=pgbench clients=${PGBENCH_CLIENTS:-8} load=$(cut -d' ' -f1 /proc/loadavg)" \
        "tps=$(grep -o 'tps = [0-9.]*' "$OUT/pgbench.txt" | head -1 | cut -d' ' -f3) $pct" \
        "$(cpu_per_request "$before" "$after" "$(echo "$pct" | sed 's/transactions=\([0-9]*\).*/\1/')")"
      rm -f "$OUT"/pgbench_log.*
      ;;
    *) echo "unknown scenario $scenario" >&2; exit 2 ;;
  esac
done
