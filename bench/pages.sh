#!/usr/bin/env bash
# Page speed with a large helpdesk: seeds 100,000 tickets (with follow-ups) into the embedded H2 database, then
# times the ticket list (first page, and a page deep in a filtered list) and a ticket page with 200 follow-ups.
# Usage: bench/pages.sh [--no-build] [--requests N] [--port N]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
SKIP_BUILD="${SKIP_BUILD:-0}"
REQUESTS="${REQUESTS:-200}"
PORT="${PORT:-18090}"
while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) SKIP_BUILD=1 ;;
		--requests) REQUESTS="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		*) echo "pages.sh: unknown option $1" >&2; exit 2 ;;
	esac
	shift
done

log() { printf '[pages] %s\n' "$*" >&2; }
[[ "$SKIP_BUILD" == 1 ]] || (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
WORK="$(mktemp -d)"
SERVER_PID=""
cleanup() {
	local rc=$?
	if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null; wait "$SERVER_PID" 2>/dev/null || true; fi
	rm -rf "$WORK"
	exit "$rc"
}
trap cleanup EXIT
cp "$ROOT/target/helpdesk.jar" "$WORK/helpdesk.jar"
ADMIN_PASSWORD="bench-admin-$RANDOM$RANDOM"
BASE="http://127.0.0.1:$PORT"

start() { # extra Spring Boot arguments...
	java -Xmx512m -jar "$WORK/helpdesk.jar" --server.port="$PORT" --helpdesk.data-dir="$WORK/data" \
		--helpdesk.admin.password="$ADMIN_PASSWORD" "$@" >"$WORK/server.log" 2>&1 &
	SERVER_PID=$!
	for _ in $(seq 1 300); do
		curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && return 0
		sleep 1
	done
	cat "$WORK/server.log" >&2
	exit 1
}
stop() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
admin() { curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -d "$2" "$BASE$1" >/dev/null; }

# The schema stops at V6 (before the keyword-search index) while the seed goes in, so that the next start upgrades
# a helpdesk full of tickets and V8 indexes their words, as it would on a real upgrade.
log "creating the schema up to V6, two queues and an agent"
start --spring.flyway.target=6
admin /api/v1/queues '{"title":"Hardware","slug":"hardware"}'
admin /api/v1/queues '{"title":"Software","slug":"software"}'
admin /api/v1/users '{"username":"agent","password":"agent-password-1","role":"agent","first_name":"Ada","last_name":"Agent"}'
stop

log "seeding 100,000 tickets with follow-ups"
unzip -q -j "$WORK/helpdesk.jar" 'BOOT-INF/lib/h2-*.jar' -d "$WORK"
time java -cp "$WORK"/h2-*.jar org.h2.tools.RunScript \
	-url "jdbc:h2:file:$WORK/data/helpdesk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" \
	-user sa -script "$BENCH_DIR/seed-h2.sql"

log "starting the seeded helpdesk: V7 and V8 build the keyword-search index"
SECONDS=0
start
log "upgraded and up after ${SECONDS}s"
stop

log "measuring ($REQUESTS sequential requests per page, after a warm-up, each after an untimed write)"
start
# The deep page: open tickets of priority 3 are those whose number ends in 7 (see seed-h2.sql), newest first is
# lowest number first, so the page after ticket 74,997 is page 301 of that list (7,500 tickets down).
python3 "$BENCH_DIR/pages.py" "$BASE" agent agent-password-1 "$REQUESTS" \
	"/tickets" \
	"/tickets?status=open&priority=3&sort=-created&after=74997&page=301" \
	"/tickets?q=floor+7&status=open" \
	"/tickets/1" \
	"/dashboard" | tee "$BENCH_DIR/results/pages-latest.txt"
