#!/usr/bin/env bash
# Keeps the OpenAPI document true: starts `insider-clusters serve` on a free 127.0.0.1 port over a
# small synthetic store, runs schemathesis (every check, bounded examples) with a pro key, then
# once without a key (the preview envelope), stops the server and exits with schemathesis' status.
# Usage: .ci/schemathesis.sh PATH/TO/insider-clusters
set -uo pipefail
bin=${1:?usage: .ci/schemathesis.sh PATH/TO/insider-clusters}
examples=${SCHEMATHESIS_MAX_EXAMPLES:-60}
work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; fi
    rm -rf "$work"
}
trap cleanup EXIT

export INSIDER_CLUSTERS_AS_OF=2026-11-30
"$bin" dev-seed --storage "$work" --filings 3000 --issuers 20 || { echo "schemathesis: seeding the store failed" >&2; exit 1; }
key=$("$bin" api-key create --tier pro --name schemathesis --storage "$work" | head -n 1)
case "$key" in ick_*) ;; *) echo "schemathesis: api-key create printed no key" >&2; exit 1 ;; esac

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
INSIDER_API_RATE_LIMIT=off "$bin" serve --host 127.0.0.1 --port "$port" --storage "$work" 2>"$work/server.log" &
server_pid=$!
for _ in $(seq 1 100); do
    curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
curl -fsS "http://127.0.0.1:$port/healthz" || { echo "schemathesis: server did not start" >&2; cat "$work/server.log" >&2; exit 1; }
echo

status=0
run() {
    schemathesis run "http://127.0.0.1:$port/api/v1/insider/openapi.json" \
        --checks all --max-examples "$examples" --seed 20261130 --workers 2 \
        --no-color --generation-database none --request-timeout 10 "$@" || status=1
}
echo "schemathesis: with a pro key"
run -H "X-SentiSense-API-Key: $key"
echo "schemathesis: without a key (preview envelope)"
run --exclude-checks ignored_auth
if [ "$status" -ne 0 ]; then
    echo "schemathesis: server log (last 40 lines)" >&2
    tail -n 40 "$work/server.log" >&2
fi
exit "$status"
