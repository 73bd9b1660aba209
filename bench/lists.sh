#!/usr/bin/env bash
# Staff pages of a big helpdesk under load: the ticket list (first page of the default filter), a page deep in a
# filtered list (one queue, closed tickets, page 200 reached through the "next" links), the ticket page (a random
# ticket each time) and the dashboard, as a signed-in agent, on a database that bench/seed.sh filled.
# Usage: bench/lists.sh (--h2 DIR | --postgres DBNAME) [--no-build] [--duration N] [--warmup N] [--connections N]
#                       [--writes N] [--pages "list deep ticket dashboard"] [--deep-page N] [--jvm-opts "..."]
#                       [--profile DIR]
# See bench/README.md ("A million tickets").
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
JAR="${JAR:-$ROOT/target/helpdesk.jar}"
SKIP_BUILD="${SKIP_BUILD:-0}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
WRITES="${WRITES:-5}"
PAGES="${PAGES:-list deep ticket dashboard}"
DEEP_PAGE="${DEEP_PAGE:-200}"
PORT="${PORT:-18480}"
# a server that has run a while has its hot code compiled by C2: plain JVM defaults, and a warm-up per page
JVM_OPTS="${JVM_OPTS-}"
APP_ARGS="${APP_ARGS:-}"
WAIT_IDLE="${WAIT_IDLE:-0}"
NICE="${NICE:-}"
PROFILE_DIR="${PROFILE_DIR:-}"
STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-300}"
ASYNC_PROFILER="${ASYNC_PROFILER:-/tmp/ap/ap/linux-x64/libasyncProfiler.so}"
PG_HOST="${PG_HOST:-127.0.0.1}"
PG_PORT="${PG_PORT:-5432}"
PG_USER="${PG_USER:-postgres}"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-admin-password}"
AGENT="${AGENT:-agent01}"
AGENT_PASSWORD="${AGENT_PASSWORD:-bench-agent-password}"
H2_DIR=""
PG_DB=""

while [[ $# -gt 0 ]]; do
	case "$1" in
		--h2) H2_DIR="$2"; shift ;;
		--postgres) PG_DB="$2"; shift ;;
		--no-build) SKIP_BUILD=1 ;;
		--duration) DURATION="$2"; shift ;;
		--warmup) WARMUP="$2"; shift ;;
		--connections) CONNECTIONS="$2"; shift ;;
		--writes) WRITES="$2"; shift ;;
		--pages) PAGES="$2"; shift ;;
		--deep-page) DEEP_PAGE="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		--jvm-opts) JVM_OPTS="$2"; shift ;;
		--wait-idle) WAIT_IDLE="$2"; shift ;;
		--profile) PROFILE_DIR="$2"; shift ;;
		-h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "lists.sh: unknown option: $1" >&2; exit 2 ;;
	esac
	shift
done
[[ -n "$H2_DIR" || -n "$PG_DB" ]] || { echo "lists.sh: say which database: --h2 DIR or --postgres DBNAME" >&2; exit 2; }
if [[ -n "$H2_DIR" ]]; then
	[[ -f "$H2_DIR/helpdesk.mv.db" ]] || { echo "lists.sh: no helpdesk in $H2_DIR (bench/seed.sh --h2 $H2_DIR)" >&2; exit 2; }
	KEEP_DATA_DIR="$(cd "$H2_DIR" && pwd)"
	DB_NAME="H2 $KEEP_DATA_DIR"
else
	APP_ARGS="--spring.datasource.url=jdbc:postgresql://$PG_HOST:$PG_PORT/$PG_DB --spring.datasource.username=$PG_USER $APP_ARGS"
	DB_NAME="PostgreSQL $PG_DB"
fi

# shellcheck source=bench/server.sh
source "$BENCH_DIR/server.sh"
need_wrk

# ---------------------------------------------------------------- sign in as an agent
JAR_COOKIES="$(mktemp)"
login_page="$(curl -fsS -c "$JAR_COOKIES" -b "$JAR_COOKIES" "$BASE/login")"
csrf="$(grep -o 'name="_csrf" content="[^"]*"' <<<"$login_page" | head -1 | sed 's/.*content="//; s/"$//')"
[[ -n "$csrf" ]] || die "no CSRF token on /login"
landed="$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$JAR_COOKIES" -b "$JAR_COOKIES" \
	--data-urlencode "username=$AGENT" --data-urlencode "password=$AGENT_PASSWORD" --data-urlencode "_csrf=$csrf" \
	"$BASE/login")"
[[ "$landed" != *"/login"* ]] || die "could not sign in as $AGENT (was the database seeded by bench/seed.sh?)"
COOKIE="$(awk '$6 == "SESSION" {print "SESSION=" $7}' "$JAR_COOKIES")"
rm -f "$JAR_COOKIES"
[[ -n "$COOKIE" ]] || die "no session cookie after signing in"
page() { curl -fsS -H "Cookie: $COOKIE" "$BASE$1"; }

# the highest ticket id: the first row of every ticket sorted by id, descending
MAX_ID="$(page "/tickets?status=open&status=reopened&status=resolved&status=closed&status=duplicate&sort=-id&size=25" \
	| grep -o 'href="/tickets/[0-9]*"' | head -1 | grep -o '[0-9]*')"
[[ -n "$MAX_ID" ]] || die "could not find the highest ticket id"
QUEUE_ID="$(curl -fsS -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/queues" | tr '{' '\n' | grep '"slug":"q3"' | json_id)"
[[ -n "$QUEUE_ID" ]] || QUEUE_ID=1

# the deep page: follow the list's own "next" links, as a person paging through would
DEEP="/tickets?queue=$QUEUE_ID&status=closed"
if [[ " $PAGES " == *" deep "* ]]; then
	log "walking to page $DEEP_PAGE of $DEEP"
	SECONDS=0
	for ((n = 1; n < DEEP_PAGE; n++)); do
		next="$(page "$DEEP" | grep -o 'id="next-page" rel="next" href="[^"]*"' | sed 's/.*href="//; s/"$//; s/&amp;/\&/g')"
		[[ -n "$next" ]] || die "page $n of the closed tickets of queue $QUEUE_ID has no next page"
		DEEP="$next"
	done
	log "page $DEEP_PAGE is $DEEP (${SECONDS} s to get there)"
fi

# ---------------------------------------------------------------- background writes
# A helpdesk of this size is never still: agents add follow-ups while others read. The writes also keep H2 from
# answering a repeated list query from the result it cached for the same statement.
if (( WRITES > 0 )); then
	(
		while :; do
			curl -sS -o /dev/null --data "user=$AGENT&password=$AGENT_PASSWORD&ticket=$(( (RANDOM * 32768 + RANDOM) % MAX_ID + 1 ))&message=Seen+by+the+list+benchmark.&public=0" \
				"$BASE/api/add_followup/" || true
			sleep "$(awk -v w="$WRITES" 'BEGIN {printf "%.3f", 1 / w}')"
		done
	) &
	EXTRA_PIDS="${EXTRA_PIDS:-} $!"
fi

# ---------------------------------------------------------------- measure
path_of() {
	case "$1" in
		list) echo "/tickets" ;;
		deep) echo "$DEEP" ;;
		ticket) echo "/tickets/{random}" ;;
		dashboard) echo "/dashboard" ;;
		*) die "unknown page $1 (list, deep, ticket, dashboard)" ;;
	esac
}
run_wrk() { # connections seconds path -> wrk output
	BENCH_PATH="$3" BENCH_MAX_ID="$MAX_ID" BENCH_COOKIE="$COOKIE" "${RUN[@]}" \
		wrk -t"$(( $1 > 1 ? 2 : 1 ))" -c"$1" -d"$2s" --latency -s "$BENCH_DIR/pages.lua" "$BASE${3%\{random\}}"
}
field() { awk -v k="$1" '/^BENCH p50=/ {for (i = 2; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) print kv[2]}}'; }

ROWS=()
for name in $PAGES; do
	path="$(path_of "$name")"
	log "$name: $path (warm-up ${WARMUP} s)"
	run_wrk "$CONNECTIONS" "$WARMUP" "$path" >/dev/null 2>&1 || true
	if [[ -n "$PROFILE_DIR" ]]; then
		mkdir -p "$PROFILE_DIR"
		jcmd "$SERVER_PID" JVMTI.agent_load "$ASYNC_PROFILER" '"start,event=cpu,interval=1000000,threads"' >/dev/null
	fi
	cpu0="$(server_cpu_ms)"
	out="$(run_wrk "$CONNECTIONS" "$DURATION" "$path")"
	cpu1="$(server_cpu_ms)"
	if [[ -n "$PROFILE_DIR" ]]; then
		jcmd "$SERVER_PID" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,file=$PROFILE_DIR/$name.html\"" >/dev/null
		jcmd "$SERVER_PID" JVMTI.agent_load "$ASYNC_PROFILER" "\"stop,file=$PROFILE_DIR/$name.collapsed\"" >/dev/null 2>&1 || true
	fi
	seq_out="$(run_wrk 1 "$(( DURATION / 2 > 5 ? DURATION / 2 : 5 ))" "$path")"
	rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
	requests="$(awk '/requests in/ {print $1; exit}' <<<"$out")"
	non200="$(awk -F= '/^BENCH non200=/ {print $2}' <<<"$out")"
	seq_non200="$(awk -F= '/^BENCH non200=/ {print $2}' <<<"$seq_out")"
	ROWS+=("$(printf '%-10s %9s %8s %8s %8s %10s %8s %8s %8s %8s %10s' "$name" "$rps" \
		"$(field p50 <<<"$out")" "$(field p95 <<<"$out")" "$(field p99 <<<"$out")" \
		"$(awk -v c=$((cpu1 - cpu0)) -v n="$requests" 'BEGIN {printf "%.2f", c / n}')" \
		"$(field p50 <<<"$seq_out")" "$(field p95 <<<"$seq_out")" "$(field p99 <<<"$seq_out")" \
		"$(awk '/^Requests\/sec:/ {print $2}' <<<"$seq_out")" "$((non200 + seq_non200))")")
	echo "$out" >"$RESULTS_DIR/wrk-lists-$name.txt"
done

{
	echo "# helpdesk staff pages, $(date -u +%Y-%m-%dT%H:%M:%SZ), $DB_NAME, highest ticket id $MAX_ID; $(nproc) CPUs"
	echo "# wrk -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up, then one connection for the latency of a page alone;"
	echo "# $WRITES follow-ups/s written meanwhile; JVM: -Xmx512m ${JVM_OPTS:-(defaults)}; load average now: $(cut -d' ' -f1-3 /proc/loadavg)"
	echo "# deep = $DEEP"
	printf '%-10s %9s %8s %8s %8s %10s %8s %8s %8s %8s %10s\n' page "req/s" p50_ms p95_ms p99_ms cpu_ms/req \
		"1c:p50" "1c:p95" "1c:p99" "1c:req/s" "non-200"
	printf '%s\n' "${ROWS[@]}"
} | tee "$RESULTS_DIR/lists-latest.txt"
