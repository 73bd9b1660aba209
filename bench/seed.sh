#!/usr/bin/env bash
# A big helpdesk to measure: N tickets (default 1,000,000) with three follow-ups each, in 20 queues worked by 30 agents,
# on the embedded H2 database (a data directory, as helpdesk.data-dir) or on PostgreSQL (a new database).
# Usage: bench/seed.sh (--h2 DIR | --postgres DBNAME) [--tickets N] [--threads N] [--no-build]
# See bench/README.md ("A million tickets").
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
JAR="${JAR:-$ROOT/target/helpdesk.jar}"
SKIP_BUILD="${SKIP_BUILD:-0}"
TICKETS="${TICKETS:-1000000}"
THREADS="${THREADS:-2}"
PORT="${PORT:-18380}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
# the accounts of a seeded helpdesk (bench/lists.sh signs in with them)
ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-admin-password}"
AGENT_PASSWORD="${AGENT_PASSWORD:-bench-agent-password}"
H2_DIR=""
PG_DB=""

while [[ $# -gt 0 ]]; do
	case "$1" in
		--h2) H2_DIR="$2"; shift ;;
		--postgres) PG_DB="$2"; shift ;;
		--tickets) TICKETS="$2"; shift ;;
		--threads) THREADS="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		--no-build) SKIP_BUILD=1 ;;
		-h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "seed.sh: unknown option: $1" >&2; exit 2 ;;
	esac
	shift
done

log() { printf '[seed] %s\n' "$*" >&2; }
die() { printf '[seed] ERROR: %s\n' "$*" >&2; exit 1; }
[[ -n "$H2_DIR" || -n "$PG_DB" ]] || die "say where: --h2 DIR or --postgres DBNAME"
[[ -z "$H2_DIR" || -z "$PG_DB" ]] || die "one database at a time: --h2 or --postgres"
[[ "$TICKETS" =~ ^[0-9]+$ ]] || die "--tickets wants a number"

if [[ "$SKIP_BUILD" != 1 ]]; then
	log "building the jar"
	(cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi
[[ -f "$JAR" ]] || die "$JAR not found (build it, or run without --no-build)"

WORK="$(mktemp -d -t helpdesk-seed.XXXXXX)"
SERVER_PID=""
cleanup() {
	local rc=$?
	if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
	rm -rf "$WORK"
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
cp "$JAR" "$WORK/helpdesk.jar"
unzip -q -j "$WORK/helpdesk.jar" 'BOOT-INF/lib/h2-*.jar' 'BOOT-INF/lib/postgresql-*.jar' -d "$WORK/lib"

if [[ -n "$H2_DIR" ]]; then
	[[ ! -e "$H2_DIR/helpdesk.mv.db" ]] || die "$H2_DIR already holds a helpdesk; remove it first (rm -r $H2_DIR)"
	mkdir -p "$H2_DIR"
	H2_DIR="$(cd "$H2_DIR" && pwd)"
	DB_ARGS=(--helpdesk.data-dir="$H2_DIR")
	# as the helpdesk opens it (application.properties), with a bigger page cache for the bulk load
	JDBC_URL="jdbc:h2:file:$H2_DIR/helpdesk;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=524288"
	JDBC_USER=sa
	WHERE="H2 data directory $H2_DIR"
else
	command -v psql >/dev/null || die "psql is needed to create the database"
	PSQL=(psql -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -v ON_ERROR_STOP=1 -qAt)
	exists="$("${PSQL[@]}" -d postgres -c "select 1 from pg_database where datname = '$PG_DB'")"
	[[ -z "$exists" ]] || die "database $PG_DB exists; drop it first (dropdb -h $PG_HOST -U $PG_USER $PG_DB)"
	"${PSQL[@]}" -d postgres -c "create database \"$PG_DB\""
	JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB"
	JDBC_USER="$PG_USER"
	mkdir -p "$WORK/data"
	DB_ARGS=(--helpdesk.data-dir="$WORK/data" --spring.datasource.url="$JDBC_URL"
		--spring.datasource.username="$PG_USER" --spring.datasource.password="${PG_PASSWORD:-}")
	WHERE="PostgreSQL database $PG_DB"
fi

BASE="http://127.0.0.1:$PORT"
start() {
	java -Xmx512m -jar "$WORK/helpdesk.jar" --server.port="$PORT" --helpdesk.admin.password="$ADMIN_PASSWORD" \
		--helpdesk.escalation.enabled=false --helpdesk.inbox.poll-enabled=false "${DB_ARGS[@]}" \
		>>"$WORK/server.log" 2>&1 &
	SERVER_PID=$!
	# UP, and the administrator exists (a first start creates it once the server is up)
	for _ in $(seq 1 600); do
		curl -fsS -o /dev/null -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/queues" 2>/dev/null && return 0
		kill -0 "$SERVER_PID" 2>/dev/null || break
		sleep 0.5
	done
	tail -40 "$WORK/server.log" >&2
	die "the helpdesk did not start"
}
stop() { kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""; }
admin() { # path json
	curl -fsS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -d "$2" "$BASE$1" >/dev/null \
		|| die "POST $1 $2 failed"
}

log "creating the schema (the helpdesk's migrations), 20 queues and 30 agents on the $WHERE"
start
QUEUES=(Hardware Software Network Printing "E-Mail" Accounts Telephony Facilities Purchasing Security \
	"HR Systems" Finance Warehouse "Sales Tools" Website Mobile Servers Backup Training Einkauf)
for i in "${!QUEUES[@]}"; do
	admin /api/v1/queues "{\"title\":\"${QUEUES[$i]}\",\"slug\":\"q$((i + 1))\"}"
done
FIRST=(Ada Ben Chloe Dmitri Elif Farid Grete Hiro Ines Jonas Kemal Lotte Mads Nia Olga Pavel Quinn Rosa Sami Tara \
	Uwe Vera Wim Xenia Yara Zeno Alma Bodo Cleo Dana)
for i in $(seq 1 30); do
	admin /api/v1/users "$(printf '{"username":"agent%02d","password":"%s","role":"agent","first_name":"%s","last_name":"Agent","email":"agent%02d@bench.example"}' \
		"$i" "$AGENT_PASSWORD" "${FIRST[$((i - 1))]}" "$i")"
done
stop

log "seeding $TICKETS tickets"
SECONDS=0
java -Xmx2g -cp "$(echo "$WORK"/lib/*.jar | tr ' ' ':')" "$BENCH_DIR/Seed.java" "$JDBC_URL" "$JDBC_USER" \
	"${PG_PASSWORD:-}" "$TICKETS" "$THREADS"
SEED_SECONDS=$SECONDS
if [[ -n "$H2_DIR" ]]; then
	# the tickets went in with SQL, past the change log: the search index the schema step left is empty and would
	# believe itself current; without it, the helpdesk rebuilds the index from the tables when it starts
	rm -rf "$H2_DIR/search-index"
fi

log "starting the helpdesk on the seeded database: it must take it and number new tickets after the seeded ones"
SECONDS=0
start
log "up after ${SECONDS} s"
new_id="$(curl -fsS --data "user=admin&password=$ADMIN_PASSWORD&queue=q1&title=Seed+check&submitter_email=check@bench.example" \
	"$BASE/api/create_ticket/")" || die "create_ticket failed on the seeded database"
(( new_id > TICKETS )) || die "the new ticket got id $new_id, inside the seeded ids"
curl -fsS --data "user=admin&password=$ADMIN_PASSWORD&ticket=$new_id&confirm=yes" "$BASE/api/delete_ticket/" >/dev/null \
	|| die "delete_ticket failed"
stop

if [[ -n "$H2_DIR" ]]; then
	size="$(du -sh "$H2_DIR" | cut -f1)"
else
	size="$("${PSQL[@]}" -d postgres -c "select pg_size_pretty(pg_database_size('$PG_DB'))")"
fi
log "done: $TICKETS tickets in ${SEED_SECONDS} s on the $WHERE ($size); a new ticket got id $new_id"
log "sign in as admin / $ADMIN_PASSWORD or agent01..agent30 / $AGENT_PASSWORD"
