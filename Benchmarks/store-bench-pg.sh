#!/usr/bin/env bash
# StoreBench with PostgreSQL beside SQLite: starts a throwaway PostgreSQL cluster (.ci/postgres.sh,
# with fsync on, as a real server runs), runs the release StoreBench against it, and stops the
# cluster and removes its folder however the run ends.
#
#   Benchmarks/store-bench-pg.sh [work-dir] [quarters]        (defaults: $TMPDIR/store-bench 8)
#   STORE_BENCH_POSTGRES_QUARTERS=2 Benchmarks/store-bench-pg.sh   # fewer quarters on PostgreSQL
set -uo pipefail
cd "$(dirname "$0")"
. ../.ci/postgres.sh
trap stop_postgres EXIT
trap 'exit 130' INT TERM

swift build -c release --product StoreBench || exit 1
PG_EXTRA_OPTIONS="-c fsync=on" start_postgres || exit 1
STORE_BENCH_POSTGRES_URL="$TRADE_STORE_TEST_POSTGRES_URL" "$(swift build -c release --show-bin-path)/StoreBench" "$@"
