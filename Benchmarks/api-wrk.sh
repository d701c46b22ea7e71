#!/usr/bin/env bash
# The Insider Trading API under load (a benchmark, not a test): a synthetic store of 300,000 filings
# loaded through TradeStore.load (`insider-clusters dev-seed`), a pro key, and wrk (Debian package
# `wrk`) on loopback with 1 thread and 32 connections for 20 s against
#   1. the baseline: a minimal Hummingbird route returning a constant body (APIBaseline),
#   2. /api/v1/insider/cluster-buys?lookbackDays=90,
#   3. /api/v1/insider/trades/BUSY?lookbackDays=90 (the busiest ticker),
#   4. the baseline again with a constant body of the cluster-buys answer's size (the bytes' own cost),
#   5. /cluster-buys without a key (the 3-entry preview: the server's per-request cost on a small body),
# all in the same run. Usage: Benchmarks/api-wrk.sh [STORE_DIR]  (a store seeded before is reused)
# Environment: FILINGS (300000), ISSUERS (6000), DURATION (20s), CONNECTIONS (32).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
filings=${FILINGS:-300000}
issuers=${ISSUERS:-6000}
duration=${DURATION:-20s}
connections=${CONNECTIONS:-32}
store=${1:-$root/.build-bench-store}

echo "bench: release builds"
swift build -c release --package-path "$root" --product insider-clusters 2>&1 | tail -n 1
swift build -c release --package-path "$root/Benchmarks" --product APIBaseline 2>&1 | tail -n 1
bin=$(swift build -c release --package-path "$root" --show-bin-path)/insider-clusters
baseline=$(swift build -c release --package-path "$root/Benchmarks" --show-bin-path)/APIBaseline

export INSIDER_CLUSTERS_AS_OF=2026-11-30
marker="$store/.seeded-$filings-$issuers-v2"
if [ ! -f "$marker" ]; then
    rm -rf "$store"
    echo "bench: seeding $filings synthetic filings into $store"
    /usr/bin/time -f "bench: seeded in %e s, max RSS %M KiB" "$bin" dev-seed --storage "$store" --filings "$filings" --issuers "$issuers"
    touch "$marker"
fi
key=$("$bin" api-key create --tier pro --name bench --storage "$store" | head -n 1)

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
base_port=$(free_port); api_port=$(free_port)
"$baseline" "$base_port" >/dev/null 2>&1 &
base_pid=$!
INSIDER_API_RATE_LIMIT=off "$bin" serve --host 127.0.0.1 --port "$api_port" --storage "$store" 2>"$store/access.log" &
api_pid=$!
trap 'kill -TERM $base_pid $api_pid 2>/dev/null; wait $base_pid $api_pid 2>/dev/null' EXIT
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$api_port/healthz" >/dev/null 2>&1 && curl -fsS "http://127.0.0.1:$base_port/constant" >/dev/null 2>&1 && break
    sleep 0.1
done

clusters="http://127.0.0.1:$api_port/api/v1/insider/cluster-buys?lookbackDays=90"
trades="http://127.0.0.1:$api_port/api/v1/insider/trades/BUSY?lookbackDays=90"
for url in "$clusters" "$trades"; do
    /usr/bin/time -f "bench: first (uncached) answer of ${url#*insider/} in %e s" curl -fsS -o /dev/null -H "X-SentiSense-API-Key: $key" "$url"
done
cluster_bytes=$(curl -fsS -H "X-SentiSense-API-Key: $key" "$clusters" | wc -c)
echo "bench: cluster-buys body $cluster_bytes bytes ($(curl -fsS -H "X-SentiSense-API-Key: $key" "$clusters" | grep -o '"ticker"' | wc -l) issuers), trades body $(curl -fsS -H "X-SentiSense-API-Key: $key" "$trades" | wc -c) bytes ($(curl -fsS -H "X-SentiSense-API-Key: $key" "$trades" | grep -o '"ticker"' | wc -l) trades)"

run() {
    echo "== $1"
    shift
    wrk -t1 -c"$connections" -d"$duration" --latency "$@" | grep -E 'Requests/sec|Latency  |  50%|  99%|Non-2xx|Socket errors'
}
run "baseline: minimal Hummingbird route, constant body" "http://127.0.0.1:$base_port/constant"
run "cluster-buys?lookbackDays=90, pro key" -H "X-SentiSense-API-Key: $key" "$clusters"
run "trades/BUSY?lookbackDays=90, pro key" -H "X-SentiSense-API-Key: $key" "$trades"
run "baseline: constant body of $cluster_bytes bytes" "http://127.0.0.1:$base_port/constant?bytes=$cluster_bytes"
run "cluster-buys?lookbackDays=90, no key (preview)" "http://127.0.0.1:$api_port/api/v1/insider/cluster-buys?lookbackDays=90"
echo "bench: access log lines written: $(wc -l < "$store/access.log")"
