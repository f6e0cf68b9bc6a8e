#!/bin/bash
# reindex-bench.sh measures reindexing on the bench corpus and prints a table:
# time and peak RSS of a build from scratch, of a no-change run and of a run
# with 1% of articles changed (made in a temp copy), and, with kerko serve
# running under a steady load of searches, how long after kerko index
# returns the server answers from the new generation, plus the latency and
# failures of those searches.
#
#   scripts/reindex-bench.sh [CORPUS_DIR]   (default: $KERKO_SHARED/bench/corpus or ../shared/bench/corpus)
#
# KERKO_BENCH_INDEX_FLAGS adds flags to every kerko index (say --no-nice, to
# compare search latency without the build's lower CPU priority).
#
# Needs GNU time (/usr/bin/time; Debian package "time"), curl and python3.
# The load is kerko-bench http (internal/loadgen), two connections.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
corpus=${1:-${KERKO_SHARED:-$root/../shared}/bench/corpus}
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $serve_pid $load_pid 2>/dev/null || true; rm -rf "$work"' EXIT
serve_pid= load_pid=
port=${KERKO_BENCH_PORT:-18931}
base=http://127.0.0.1:$port
kerko=$work/kerko
(cd "$root" && go build -o "$kerko" ./cmd/kerko)
bench=$work/kerko-bench
(cd "$root" && go build -o "$bench" ./cmd/kerko-bench)
idx=$work/index

# A copy with every 100th article changed: a marker word appended to its body.
changed=$(python3 - "$corpus" "$work/changed" <<'PY'
import json, os, sys, glob
src, dst = sys.argv[1], sys.argv[2]
os.makedirs(dst)
n = total = 0
for f in sorted(glob.glob(os.path.join(src, '*.jsonl'))):
    with open(f) as inp, open(os.path.join(dst, os.path.basename(f)), 'w') as out:
        for line in inp:
            total += 1
            if total % 100 == 0 and line.strip():
                d = json.loads(line); d['body'] += ' kerkobenchmarker'; line = json.dumps(d, ensure_ascii=False) + '\n'; n += 1
            out.write(line)
print(n)
PY
)

rows=()
run() { # name, args...: one kerko index run, timed
  local name=$1; shift
  /usr/bin/time -f '%e %M' -o "$work/time" "$kerko" index --index "$idx" --json ${KERKO_BENCH_INDEX_FLAGS:-} "$@" > "$work/json"
  read -r secs rss < "$work/time"
  local docs; docs=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d["docs"], d["added"], d["updated"], d["deleted"], d["unchanged"])' "$work/json")
  rows+=("$(printf '%-28s %8.2f %9d  %s' "$name" "$secs" $((rss/1024)) "$docs")")
}
total() { curl -s "$base/api/search?q=kerkobenchmarker" | python3 -c 'import json,sys; print(json.load(sys.stdin)["total"])' 2>/dev/null || echo err; }
served_after() { # want: seconds from publication (CURRENT's mtime) to the server's log of the swap
  local want=$1
  for _ in $(seq 1200); do [ "$(total)" = "$want" ] && break; sleep 0.05; done
  python3 - "$idx/CURRENT" "$work/serve.err" <<'PY'
import os, sys, re, datetime
published = os.stat(sys.argv[1]).st_mtime
gen = open(sys.argv[1]).read().strip()
for line in open(sys.argv[2]):
    m = re.match(r'time=(\S+) .*serving new index generation.*generation=' + gen, line)
    if m:
        t = datetime.datetime.fromisoformat(m.group(1).replace('Z', '+00:00')).timestamp()
        print(f"{t - published:.2f}")
        break
else:
    print("never")
PY
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run "full build from scratch" --corpus "$corpus"
run "incremental, nothing changed" --corpus "$corpus"

"$kerko" serve --index "$idx" --addr 127.0.0.1:$port > "$work/serve.out" 2> "$work/serve.err" &
serve_pid=$!
for _ in $(seq 200); do curl -sf "$base/healthz" > /dev/null && break; sleep 0.1; done
# Two connections search without pause until told to stop.
printf '%s\n' "Kazakhstan Turkey" "türkiye" > "$work/queries"
"$bench" http -url "$base" -conns 2 -duration 60m -warmup 0 -unique 0 -queries "$work/queries" > "$work/load" 2>&1 &
load_pid=$!

run "incremental, 1% changed" --corpus "$work/changed"
pickup_inc=$(served_after "$changed")
run "full rebuild, server running" --corpus "$corpus" --full
pickup_full=$(served_after 0)
kill -TERM $load_pid; wait $load_pid || true; load_pid=  # it prints its table on SIGTERM
server_rss=$(grep VmHWM /proc/$serve_pid/status | awk '{print int($2/1024)}')

echo
printf '%-28s %8s %9s  %s\n' "run" "seconds" "peak MiB" "docs added updated deleted unchanged"
printf '%s\n' "${rows[@]}"
echo
echo "server swapped in the new generation ${pickup_inc}s after the 1% run published it, ${pickup_full}s after the full rebuild published it"
echo "server peak RSS ${server_rss} MiB"
echo "searches during reindexing (kerko-bench http):"
cat "$work/load"
grep -v "level=INFO" "$work/serve.err" | head -20 || true
grep -c "serving new index generation" "$work/serve.err" | sed 's/^/generations the server moved to: /'
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
