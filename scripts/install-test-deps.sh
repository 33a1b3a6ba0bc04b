#!/usr/bin/env bash
# What the tests need besides npm packages, checked before any test runs (`npm test`, `.ci/run`):
# Chromium drives the browser tests; pdftotext reads the printed counsellor report back, which needs a
# font Chromium only recommends (fonts-liberation); PostgreSQL's server runs the second database for
# the repository, service and HTTP tests, in a throw-away cluster run as the `postgres` user.
#
# Usage: scripts/install-test-deps.sh [--no-postgres]
#   --no-postgres   leave PostgreSQL out (SPEJL_TEST_POSTGRES=skip, or TEST_DATABASE_URL names a server)
#
# What is missing is installed with apt-get when this runs as root or with password-less sudo on
# Debian or Ubuntu. Otherwise it stops at once (exit 1) with the exact command to run. Exit 0 means
# everything is there. Safe to run again: what is installed is not installed twice.
set -euo pipefail

postgres=yes
for arg in "$@"; do
	case "$arg" in
	--no-postgres) postgres=no ;;
	*)
		echo "install-test-deps: unknown option $arg (usage: scripts/install-test-deps.sh [--no-postgres])" >&2
		exit 2
		;;
	esac
done

say() { echo "--- $*" >&2; }
chromium_ok() {
	if [ -n "${CHROMIUM_PATH:-}" ]; then [ -x "$CHROMIUM_PATH" ]; else [ -x /usr/bin/chromium ]; fi
}
postgres_ok() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }

missing() {
	local m=()
	chromium_ok || m+=(chromium)
	command -v pdftotext >/dev/null 2>&1 || m+=(poppler-utils)
	[ -d /usr/share/fonts/truetype/liberation ] || m+=(fonts-liberation)
	if [ "$postgres" = yes ]; then postgres_ok || m+=(postgresql); fi
	echo "${m[*]:-}"
}

if [ -n "${CHROMIUM_PATH:-}" ] && ! chromium_ok; then
	say "CHROMIUM_PATH=$CHROMIUM_PATH is not an executable file"
	exit 1
fi

# As root: directly, or with password-less sudo; empty when neither is possible.
as_root=()
can_root=no
if [ "$(id -u)" -eq 0 ]; then
	can_root=yes
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
	can_root=yes
	as_root=(sudo -n DEBIAN_FRONTEND=noninteractive)
fi

read -r -a need <<<"$(missing)"
if [ ${#need[@]} -gt 0 ]; then
	command="apt-get install -y ${need[*]}"
	if ! command -v apt-get >/dev/null 2>&1; then
		say "the tests need ${need[*]} (Debian package names), and this machine has no apt-get: install them with its package manager, or set CHROMIUM_PATH to a Chromium; SPEJL_TEST_POSTGRES=skip leaves PostgreSQL out"
		exit 1
	fi
	if [ "$can_root" = no ]; then
		say "the tests need ${need[*]}; install them first (as root), then run the tests again:"
		echo "    sudo apt-get update && sudo $command" >&2
		[[ " ${need[*]} " != *" postgresql "* ]] || say "(or leave PostgreSQL out: SPEJL_TEST_POSTGRES=skip npm test)"
		exit 1
	fi
	say "installing ${need[*]} with apt-get"
	export DEBIAN_FRONTEND=noninteractive
	# A mirror can be briefly unreachable: try a few times before giving up.
	for try in 1 2 3; do
		if "${as_root[@]}" apt-get update -qq && "${as_root[@]}" apt-get install -y -qq "${need[@]}" >/dev/null; then
			break
		fi
		if [ "$try" -eq 3 ]; then
			say "apt-get could not install ${need[*]}; run it yourself and read what it says: sudo $command"
			exit 1
		fi
		say "apt-get failed, trying again in 10 s"
		sleep 10
	done
	read -r -a still <<<"$(missing)"
	if [ ${#still[@]} -gt 0 ]; then
		say "still missing after apt-get: ${still[*]}"
		[[ " ${still[*]} " != *" chromium "* ]] || say "Chromium must be at /usr/bin/chromium (on Ubuntu, where chromium is a snap, set CHROMIUM_PATH=/snap/bin/chromium)"
		exit 1
	fi
fi

# The throw-away PostgreSQL cluster (scripts/pg-cluster.sh) runs as the postgres user, which the
# postgresql package creates; switching to it takes root or password-less sudo.
if [ "$postgres" = yes ]; then
	if ! id -u postgres >/dev/null 2>&1; then
		say "there is no postgres user to run the PostgreSQL test cluster (Debian's postgresql package creates it): sudo apt-get install -y postgresql"
		exit 1
	fi
	if [ "$(id -un)" != postgres ] && [ "$can_root" = no ]; then
		say "the PostgreSQL test cluster runs as the postgres user, which needs root or password-less sudo; instead name a server you can use, or leave PostgreSQL out:"
		echo "    TEST_DATABASE_URL=postgres://USER@HOST:PORT/postgres npm test" >&2
		echo "    SPEJL_TEST_POSTGRES=skip npm test" >&2
		exit 1
	fi
fi
exit 0
