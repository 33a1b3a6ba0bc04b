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
# As the postgres user: directly, from root with runuser, or with password-less sudo.
as_pg() {
	if [ "$(id -un)" = postgres ]; then "$@"
	elif [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"
	else sudo -n -u postgres -- "$@"
	fi
}
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo -n -- "$@"; fi; }

case "$cmd" in
start)
	mkdir -p "$dir"
	[ "$(id -un)" = postgres ] || as_root chown postgres: "$dir" 2>/dev/null || true
	if ! as_pg test -f "$dir/data/PG_VERSION"; then
		# The log is written by the postgres user, which owns the directory now.
		if ! as_pg bash -c 'exec "$@" >"$0" 2>&1' "$dir/initdb.log" "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8; then
			echo "PostgreSQL test cluster: initdb in $dir/data failed (run as root, or the postgres user must be able to write there):" >&2
			as_pg tail -n 20 "$dir/initdb.log" >&2 || true
			exit 1
		fi
	fi
	# Durability is not tested against this cluster (that is SQLite's kill -9 test), so fsync is off.
	# Waits up to 120 s for the server (a loaded machine starts it slowly).
	if ! as_pg "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 120 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" \
		start >/dev/null; then
		echo "PostgreSQL test cluster: the server did not start on 127.0.0.1:$port (is the port taken?); its log:" >&2
		as_pg tail -n 20 "$dir/server.log" >&2 || true
		exit 1
	fi
	echo "postgres://postgres@127.0.0.1:$port/postgres"
	;;
stop)
	as_pg test -f "$dir/data/PG_VERSION" && as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 120 stop >/dev/null 2>&1 || true
	# The directory belongs to the postgres user now.
	as_pg rm -rf "$dir" 2>/dev/null || rm -rf "$dir"
	;;
*)
	echo "usage: $0 start|stop [DIR] [PORT]" >&2
	exit 2
	;;
esac
