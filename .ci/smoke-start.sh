#!/usr/bin/env bash
# Starts the whole federation the way a newcomer does (`npm start`, no DATABASE_URL, a fresh
# embedded data directory), asks the gateway for the full picture, kills a subgraph and waits for
# the launcher to bring it back, asks again, and stops it with SIGTERM; then starts it again on the
# same data directory (no re-seeding) and stops it with Ctrl-C. Each time everything, PostgreSQL
# included, must go down cleanly.
set -euo pipefail
cd "$(dirname "$0")/.."

unset DATABASE_URL AIRPORTS_DATABASE_URL CUSTOMS_DATABASE_URL DRUGS_DATABASE_URL ROUTES_DATABASE_URL
export EMBEDDED_PG_DIR="$PWD/.data/ci-smoke-$$"
export EMBEDDED_PG_PORT="${EMBEDDED_PG_PORT:-54329}"
rm -rf "$EMBEDDED_PG_DIR"
log="$(mktemp)"
pid=""

# As root from a folder the `postgres` user cannot reach, the data directory is placed elsewhere
# and the log says where.
data_dir() {
  sed -n 's/.*its data directory is \([^ ]*\) instead.*/\1/p' "$log" | tail -n 1 | grep . || echo "$EMBEDDED_PG_DIR"
}

cleanup() {
  [ -n "$pid" ] && kill -TERM -- "-$pid" 2>/dev/null || true
  sleep 3
  dir="$(data_dir)"
  pkill -INT -f "postgres -D $dir" 2>/dev/null || true
  sleep 1
  rm -rf "$EMBEDDED_PG_DIR" "$dir"
}
trap cleanup EXIT

start_federation() {
  : >"$log"
  started=$(date +%s.%N)
  setsid npm start >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 300); do
    grep -q 'tradegraph is up' "$log" && return 0
    if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "npm start exited before it was up"; exit 1; fi
    sleep 1
  done
  cat "$log"; echo "npm start was not up within 300 s"; exit 1
}

ask_full_picture() {
  node -e '
    const { FULL_PICTURE_QUERY } = require("./dist/gateway/explorer/full-picture-query.js");
    const { SHOWCASE } = require("./dist/scripts/demo/showcase.js");
    (async () => {
      const started = Number(process.argv[1]);
      // A shipment is for signed-in callers: a token minted as the README says.
      const token = require("node:child_process")
        .execFileSync(process.execPath, ["dist/scripts/token.js", "--sub", "smoke", "--scope", "trade:read"])
        .toString().trim();
      const res = await fetch("http://127.0.0.1:4000/graphql", {
        method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: FULL_PICTURE_QUERY, variables: { awb: SHOWCASE.cellTherapy } }),
      });
      const body = await res.json();
      const s = body.data && body.data.shipment;
      if (body.errors || !s || !s.manifest || !s.legs.length || !s.arrival || !s.consolidatedImport) {
        console.error(JSON.stringify(body, null, 2));
        process.exit(1);
      }
      const secs = (Date.now() / 1000 - started).toFixed(1);
      console.log(`full picture of ${s.awb} answered ${secs} s after npm start: ${s.legs.length} leg(s), clearance ${s.clearance.status}, consolidated import ${s.consolidatedImport.status}`);
      const explorer = await fetch("http://127.0.0.1:4000/");
      if (!(await explorer.text()).includes("query Picture")) { console.error("explorer page missing"); process.exit(1); }
    })().catch((e) => { console.error(e); process.exit(1); });
  ' "$started" || { cat "$log"; exit 1; }
}

# A subgraph killed outright is restarted by the launcher; the full picture answers again.
kill_a_subgraph() {
  drugs=$(sed -n 's/.*\[start\] drugs running (pid \([0-9]*\)).*/\1/p' "$log" | tail -n 1)
  [ -n "$drugs" ] || { cat "$log"; echo "the launcher did not say which process serves drugs"; exit 1; }
  kill -KILL "$drugs"
  for _ in $(seq 1 60); do grep -q '\[start\] drugs is back' "$log" && break; sleep 1; done
  grep -q '\[start\] drugs is back' "$log" || { cat "$log"; echo "the launcher did not restart the killed subgraph"; exit 1; }
  grep '\[start\] drugs exited' "$log"
}

# $1: how the stop is sent; $2: the kill target.
stop_and_check() {
  stopping=$(date +%s.%N)
  kill "$1" -- "$2"
  for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "npm start did not stop on $1"; exit 1; fi
  wait "$pid" || { rc=$?; [ "$1" = -INT ] && [ "$rc" = 130 ] || { tail -n 30 "$log"; echo "npm start exited with $rc after $1"; exit 1; }; }
  pid=""
  echo "stopped $(awk "BEGIN { printf \"%.1f\", $(date +%s.%N) - $stopping }") s after $1"
  if pg_isready -h 127.0.0.1 -p "$EMBEDDED_PG_PORT" -q 2>/dev/null; then
    echo "embedded PostgreSQL still running after $1"; exit 1
  fi
  if pgrep -f "dist/(subgraphs|gateway|scripts)/" >/dev/null; then
    pgrep -af "dist/(subgraphs|gateway|scripts)/"; echo "processes left behind after $1"; exit 1
  fi
  if grep -q "idle client error" "$log"; then
    cat "$log"; echo "the database went down before the subgraphs closed their connections"; exit 1
  fi
  grep -q '\[start\] stopped' "$log" || { cat "$log"; echo "the launcher did not report a clean stop"; exit 1; }
}

echo "--- first start, fresh data directory; stopped with SIGTERM to npm (a process manager)"
start_federation
grep -q 'seeded 5000 shipments' "$log" || { cat "$log"; echo "the first start did not seed"; exit 1; }
ask_full_picture
kill_a_subgraph
ask_full_picture
stop_and_check -TERM "$pid"

echo "--- second start, same data directory; stopped with Ctrl-C (SIGINT to the process group)"
start_federation
if grep -q 'seeding the demo world' "$log"; then cat "$log"; echo "the second start seeded again"; exit 1; fi
ask_full_picture
stop_and_check -INT "-$pid"
echo "embedded default: OK"
