#!/usr/bin/env bash
# A throwaway PostgreSQL cluster: in a temporary folder, on a free loopback port, owned by an
# unprivileged user (the server refuses root), with a random password.
#
# Sourced (.ci/run, Benchmarks/store-bench-pg.sh): defines start_postgres, which exports
# TRADE_STORE_TEST_POSTGRES_URL, and stop_postgres, which stops the server and removes its
# folder; the caller sets the trap. Run with a command, it starts a cluster, runs the command
# with the URL exported, and stops the cluster however the command ends:
#   .ci/postgres.sh swift test --skip-build --filter StoreCopy
pg_dir=""
pg_bin=""
as_pg_user() { if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$1"; else sh -c "$1"; fi; }
stop_postgres() {
    if [ -n "$pg_dir" ] && [ -d "$pg_dir" ]; then
        as_pg_user "'$pg_bin/pg_ctl' -D '$pg_dir/data' -m immediate stop" >/dev/null 2>&1 || true
        rm -rf "$pg_dir"
    fi
}
start_postgres() {
    pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
    [ -n "$pg_bin" ] && [ -x "$pg_bin/initdb" ] || { echo "ci: no PostgreSQL server binaries under /usr/lib/postgresql" >&2; return 1; }
    if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
        useradd --system --no-create-home postgres || return 1
    fi
    pg_dir=$(mktemp -d /tmp/ci-postgres.XXXXXX) || return 1
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir"
    chmod 700 "$pg_dir"
    local port password
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])') || return 1
    password=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
    printf '%s' "$password" > "$pg_dir/pw"
    [ "$(id -u)" -eq 0 ] && chown postgres "$pg_dir/pw"
    as_pg_user "'$pg_bin/initdb' -D '$pg_dir/data' -U postgres -E UTF8 --auth=scram-sha-256 --pwfile='$pg_dir/pw'" >"$pg_dir/initdb.log" 2>&1 \
        || { cat "$pg_dir/initdb.log" >&2; return 1; }
    as_pg_user "'$pg_bin/pg_ctl' -D '$pg_dir/data' -l '$pg_dir/server.log' -w -t 60 \
        -o \"-p $port -k $pg_dir -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off ${PG_EXTRA_OPTIONS:-}\" start" >/dev/null \
        || { cat "$pg_dir/server.log" >&2; return 1; }
    export TRADE_STORE_TEST_POSTGRES_URL="postgres://postgres:$password@127.0.0.1:$port/postgres"
    echo "ci: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $pg_dir)"
}

# Run directly with a command: the cluster lives exactly as long as the command.
if [ "${BASH_SOURCE[0]}" = "$0" ] && [ "$#" -gt 0 ]; then
    set -uo pipefail
    trap stop_postgres EXIT
    trap 'exit 130' INT TERM
    start_postgres || exit 1
    "$@"
    exit $?
fi
