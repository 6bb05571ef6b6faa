#!/usr/bin/env bash
# Starts the whole federation the way a newcomer does (`npm start`, no DATABASE_URL, a fresh
# embedded data directory), asks the gateway for the full picture, then stops it with SIGTERM and
# checks that everything, PostgreSQL included, went down.
set -euo pipefail
cd "$(dirname "$0")/.."

unset DATABASE_URL AIRPORTS_DATABASE_URL CUSTOMS_DATABASE_URL DRUGS_DATABASE_URL ROUTES_DATABASE_URL
export EMBEDDED_PG_DIR="$PWD/.data/ci-smoke-$$"
export EMBEDDED_PG_PORT="${EMBEDDED_PG_PORT:-54329}"
rm -rf "$EMBEDDED_PG_DIR"
log="$(mktemp)"

started=$(date +%s.%N)
setsid npm start >"$log" 2>&1 &
pid=$!
cleanup() {
  kill -TERM -- "-$pid" 2>/dev/null || true
  rm -rf "$EMBEDDED_PG_DIR"
}
trap cleanup EXIT

for _ in $(seq 1 300); do
  grep -q 'tradegraph is up' "$log" && break
  if ! kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "npm start exited before it was up"; exit 1; fi
  sleep 1
done
grep -q 'tradegraph is up' "$log" || { cat "$log"; echo "npm start was not up within 300 s"; exit 1; }

node -e '
  const { FULL_PICTURE_QUERY } = require("./dist/gateway/explorer/full-picture-query.js");
  const { SHOWCASE } = require("./dist/scripts/demo/showcase.js");
  (async () => {
    const started = Number(process.argv[1]);
    const res = await fetch("http://127.0.0.1:4000/graphql", {
      method: "POST", headers: { "content-type": "application/json" },
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

kill -TERM -- "-$pid"
for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then cat "$log"; echo "npm start did not stop on SIGTERM"; exit 1; fi
wait "$pid" || { cat "$log"; echo "npm start exited non-zero after SIGTERM"; exit 1; }
if pg_isready -h 127.0.0.1 -p "$EMBEDDED_PG_PORT" -q 2>/dev/null; then
  echo "embedded PostgreSQL still running after shutdown"; exit 1
fi
tail -n 3 "$log"
echo "embedded default: OK"
