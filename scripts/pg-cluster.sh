#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the tests and benchmarks, run as the `postgres` user on a
# loopback port. Usage:
#   scripts/pg-cluster.sh start [DIR] [PORT]   # prints the URL to use as TEST_DATABASE_URL
#   scripts/pg-cluster.sh stop  [DIR]
# DIR (default /tmp/spejl-pg) holds the data, the socket and the log; it is removed by `stop`.
set -euo pipefail
cmd=${1:-start}
dir=${2:-/tmp/spejl-pg}
port=${3:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$bin" ] || { echo "PostgreSQL server binaries not found (apt-get install -y postgresql)" >&2; exit 1; }
as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }

case "$cmd" in
start)
	mkdir -p "$dir"
	chown postgres: "$dir" 2>/dev/null || true
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		as_pg "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log"
	fi
	# Durability is not tested against this cluster (that is SQLite's kill -9 test), so fsync is off.
	as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
		start >/dev/null
	echo "postgres://postgres@127.0.0.1:$port/postgres"
	;;
stop)
	[ -f "$dir/data/PG_VERSION" ] && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null || true
	rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop [DIR] [PORT]" >&2
	exit 2
	;;
esac
