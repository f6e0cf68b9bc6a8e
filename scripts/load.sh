#!/usr/bin/env bash
# Load and fault run on the whole bench corpus, against 127.0.0.1 only.
#
#   scripts/load.sh            # from the module root; ../shared must exist
#
# 1. builds kerko and kerko-bench, indexes ../shared/bench/corpus into
#    $IDX (default /tmp/kerko-bench-idx; reused when already there);
# 2. serves it on a free loopback port and runs `kerko-bench http`: $CONNS (64)
#    connections, the realistic mix (docs/performance.md) for $DURATION (2m);
#    prints req/s, p50/p99, server RSS and CPU;
# 3. runs the same load while `kerko index --full` publishes a new
#    generation, until $SETTLE (15s) after the server switched to it;
# 4. sends SIGTERM and checks exit status 0 within 10 s, then reopens the index.
#
# Exits non-zero when any request failed or a step did not behave.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=../shared/bench
IDX=${IDX:-/tmp/kerko-bench-idx}
CONNS=${CONNS:-64}
DURATION=${DURATION:-2m}
SETTLE=${SETTLE:-15}
if [ ! -d "$SHARED/corpus" ]; then
	echo "load.sh: $SHARED/corpus not found; nothing to load" >&2
	exit 0
fi
BIN=$(mktemp -d)
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$BIN"' EXIT
go build -o "$BIN/kerko" ./cmd/kerko
go build -o "$BIN/kerko-bench" ./cmd/kerko-bench

if [ ! -f "$IDX/CURRENT" ]; then
	echo "== indexing $SHARED/corpus into $IDX"
	"$BIN/kerko" index --index "$IDX" --corpus "$SHARED/corpus"
fi

"$BIN/kerko" serve --index "$IDX" --addr 127.0.0.1:0 >"$BIN/serve.out" 2>"$BIN/serve.err" &
SERVER=$!
for _ in $(seq 1 120); do grep -q serving "$BIN/serve.out" && break; sleep 0.5; done
ADDR=$(grep -o '127\.0\.0\.1:[0-9]*' "$BIN/serve.out")
echo "== server pid $SERVER on $ADDR: $(cat "$BIN/serve.out")"
LOAD=("$BIN/kerko-bench" http -url "http://$ADDR" -conns "$CONNS" -queries "$SHARED/peers/queries-real.txt" -pid "$SERVER" -warmup 0)

echo "== load: $CONNS connections for $DURATION"
"${LOAD[@]}" -duration "$DURATION"

echo "== load while kerko index --full publishes a new generation"
GEN_BEFORE=$(cat "$IDX/CURRENT")
"${LOAD[@]}" -duration 10m -seed 2 >"$BIN/load2.out" 2>&1 &
LOADER=$!
START=$(date +%s)
"$BIN/kerko" index --index "$IDX" --corpus "$SHARED/corpus" --full --quiet
GEN_AFTER=$(cat "$IDX/CURRENT")
echo "published $GEN_AFTER (was $GEN_BEFORE) after $(($(date +%s) - START))s under load"
sleep "$SETTLE" # the server follows CURRENT every second
kill -TERM "$LOADER"
STATUS=0
wait "$LOADER" || STATUS=$?
cat "$BIN/load2.out"
grep "new index generation" "$BIN/serve.err" || true
if grep -q "not served" "$BIN/serve.err"; then
	echo "load.sh: the server did not switch generations:" >&2
	cat "$BIN/serve.err" >&2
	exit 1
fi
[ "$STATUS" -eq 0 ] || { echo "load.sh: requests failed during reindexing" >&2; exit 1; }

echo "== SIGTERM"
T0=$(date +%s%N)
kill -TERM "$SERVER"
EXIT=0
wait "$SERVER" || EXIT=$?
MS=$((($(date +%s%N) - T0) / 1000000))
echo "server exited with status $EXIT after ${MS} ms"
[ "$EXIT" -eq 0 ] && [ "$MS" -lt 10000 ] || { echo "load.sh: unclean stop" >&2; exit 1; }
"$BIN/kerko" search --index "$IDX" oil | head -1
echo "load.sh: all steps passed"
