#!/usr/bin/env bash
# Reproducible throughput/latency benchmark of the legacy form-POST API (create_ticket, list_queues).
# See bench/README.md. Usage: bench/run.sh [--no-build] [--duration N] [--port N] [--connections N]
#                                          [--threads N] [--warmup N] [--jvm-opts "..."] [--app-args "..."]
#                                          [--wait-idle SECONDS] [--nice N] [--h2 DIR] [--create-only]
# --h2 DIR: on a data directory that bench/seed.sh filled (kept, and each run adds its tickets to it), not a new one.
# --create-only: measure create_ticket alone (list_queues is skipped).
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"

SKIP_BUILD="${SKIP_BUILD:-0}"
DURATION="${DURATION:-15}"
WARMUP="${WARMUP:-5}"
PORT="${PORT:-18080}"
CONNECTIONS="${CONNECTIONS:-16}"
THREADS="${THREADS:-2}"
# JVM flags for the server. -Xmx512m is always passed; these come on top (see README for measured variants).
JVM_OPTS="${JVM_OPTS--XX:TieredStopAtLevel=1}"
# Extra Spring Boot arguments for the server, e.g. "--server.tomcat.threads.max=32".
APP_ARGS="${APP_ARGS:-}"
# Wait up to this many seconds for the machine to be >= 80 % idle before the server starts (0: don't wait).
WAIT_IDLE="${WAIT_IDLE:-0}"
# Run the server and wrk at this nice level (e.g. -10, needs root) so that other work on a shared machine
# disturbs the measurement less. Empty: the normal priority.
NICE="${NICE:-}"
JAR="$ROOT/target/helpdesk.jar"

usage() {
	sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
	exit "${1:-0}"
}

while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) SKIP_BUILD=1 ;;
		--create-only) SKIP_LIST_QUEUES=1 ;;
		--duration) DURATION="$2"; shift ;;
		--warmup) WARMUP="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		--connections) CONNECTIONS="$2"; shift ;;
		--threads) THREADS="$2"; shift ;;
		--jvm-opts) JVM_OPTS="$2"; shift ;;
		--app-args) APP_ARGS="$2"; shift ;;
		--wait-idle) WAIT_IDLE="$2"; shift ;;
		--nice) NICE="$2"; shift ;;
		--h2) KEEP_DATA_DIR="$2"; shift ;;
		-h|--help) usage 0 ;;
		*) echo "run.sh: unknown option: $1" >&2; usage 2 ;;
	esac
	shift
done

if ! [[ "$DURATION" =~ ^[0-9]+$ ]] || (( DURATION < 10 )); then
	echo "run.sh: --duration must be a whole number of seconds, at least 10 (got '$DURATION')" >&2
	exit 2
fi

if [[ -n "${KEEP_DATA_DIR:-}" ]]; then
	[[ -f "$KEEP_DATA_DIR/helpdesk.mv.db" ]] || { echo "run.sh: no H2 database in $KEEP_DATA_DIR (fill it with bench/seed.sh)" >&2; exit 2; }
	KEEP_DATA_DIR="$(cd "$KEEP_DATA_DIR" && pwd)" # H2 refuses a relative file path
	# the administrator bench/seed.sh made; a big database takes longer to open
	export ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-admin-password}" STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-300}"
fi
# a queue and an agent of this run's own, so that runs on a kept data directory do not collide
FIXTURE="bench$(date +%s)"

# steps 1 (build) and 3 (server, with the SMTP sink) are in server.sh, shared with inbound.sh
# shellcheck source=bench/server.sh
source "$BENCH_DIR/server.sh"

# ---------------------------------------------------------------- 2. tools
need_wrk

# ---------------------------------------------------------------- 4. fixtures

QUEUE_ID="$(admin_post /api/v1/queues \
	'{"title":"'"$FIXTURE"'","slug":"'"$FIXTURE"'","new_ticket_cc":"bench-team@example.test"}' | json_id)"
[[ -n "$QUEUE_ID" ]] || die "could not read the new queue's id"
admin_post /api/v1/users \
	'{"username":"'"$FIXTURE"'","password":"bench-password-1","role":"agent","email":"'"$FIXTURE"'@example.test"}' >/dev/null
log "queue '$FIXTURE' = $QUEUE_ID, agent '$FIXTURE' created"

if [[ -n "${KEEP_DATA_DIR:-}" ]]; then
	# a new ticket's id tells how many the seeded helpdesk held before this run
	HIGHEST_BEFORE="$(curl -fsS -X POST "$BASE/api/create_ticket/" --data \
		"user=$FIXTURE&password=bench-password-1&queue=$QUEUE_ID&title=Highest&priority=3")" || die "could not create a ticket"
	[[ "$HIGHEST_BEFORE" =~ ^[0-9]+$ ]] || die "create_ticket answered '$HIGHEST_BEFORE' instead of an id"
fi

# Sanity check: one request of each kind must answer 200 before we start hammering.
check() {
	local status
	status="$(curl -sS -o /dev/null -w '%{http_code}' -X POST "$BASE/api/$1/" --data "$2")"
	[[ "$status" == "200" ]] || die "POST /api/$1/ answered $status before the load test"
}
check create_ticket "user=$FIXTURE&password=bench-password-1&queue=$QUEUE_ID&title=Sanity&priority=3&submitter_email=sanity%40example.test"
check list_queues "user=$FIXTURE&password=bench-password-1"

# ---------------------------------------------------------------- 5. load
export BENCH_QUEUE="$QUEUE_ID" BENCH_USER="$FIXTURE" BENCH_PASSWORD=bench-password-1

# wrk latency -> milliseconds
to_ms() {
	awk -v v="$1" 'BEGIN {
		n = v; sub(/[a-z]+$/, "", n); u = v; sub(/^[0-9.]+/, "", u);
		f = (u == "us") ? 0.001 : (u == "ms") ? 1 : (u == "s") ? 1000 : (u == "m") ? 60000 : -1;
		if (f < 0) { print "?"; exit } printf "%.2f", n * f }'
}


LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
if awk -v l="$LOAD_BEFORE" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }'; then
	log "WARNING: load average is $LOAD_BEFORE on $(nproc) CPUs before the test; other processes will skew the numbers"
fi

FAILED=0
ROWS=()
run_wrk() { # legacy API method
	local name="$1" script="$BENCH_DIR/legacy.lua" out
	export BENCH_METHOD="$name" BENCH_TAG="warmup$RANDOM"
	log "$name: warm-up ${WARMUP}s"
	"${RUN[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" -s "$script" "$BASE" >/dev/null 2>&1 || true
	log "$name: ${DURATION}s at $CONNECTIONS connections, $THREADS threads"
	local cpu0 cpu1
	export BENCH_TAG="run$RANDOM"
	cpu0="$(server_cpu_ms)"
	out="$("${RUN[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$script" "$BASE" 2>&1)" \
		|| { printf '%s\n' "$out" >&2; die "wrk failed for $name"; }
	cpu1="$(server_cpu_ms)"
	printf '%s\n' "$out" >"$RESULTS_DIR/wrk-$name.txt"

	local rps p50 p99 non200 sock requests
	rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
	p50="$(to_ms "$(awk '/Latency Distribution/ {d=1} d && $1=="50%" {print $2; exit}' <<<"$out")")"
	p99="$(to_ms "$(awk '/Latency Distribution/ {d=1} d && $1=="99%" {print $2; exit}' <<<"$out")")"
	requests="$(awk '/requests in/ {print $1; exit}' <<<"$out")"
	non200="$(sed -n 's/^BENCH non200=\([0-9]*\).*/\1/p' <<<"$out")"
	non200="${non200:-$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' <<<"$out")}"
	non200="${non200:-0}"
	# "Socket errors: connect 0, read 0, write 0, timeout 0" (only printed when there are some)
	sock="$(awk '/Socket errors/ {gsub(/,/, ""); print $4 + $6 + $8 + $10}' <<<"$out")"
	sock="${sock:-0}"
	[[ -n "$rps" && "$p50" != "?" && "$p99" != "?" ]] || { printf '%s\n' "$out" >&2; die "could not parse wrk output for $name"; }
	if (( non200 > 0 || sock > 0 )); then
		FAILED=1
		grep '^BENCH status' <<<"$out" | sed 's/^BENCH /  /' >&2 || true
		grep 'Socket errors' <<<"$out" >&2 || true
	fi
	local cpu_per_req
	cpu_per_req="$(awk -v c=$((cpu1 - cpu0)) -v n="${requests:-0}" 'BEGIN { if (n > 0) printf "%.3f", c / n; else print "-" }')"
	ROWS+=("$(printf '%-14s %10s %8s %8s %9s %8s %8s %9s' "$name" "$rps" "$p50" "$p99" "$requests" "$non200" "$sock" "$cpu_per_req")")
}

# The keyword-search index and the mail outbox are worked off behind the requests: wait for both to catch up, so
# that their work is reported and does not fall into the next measurement.
sink_count() { cat "$SINK_COUNT" 2>/dev/null || echo 0; }
INDEX_NOTE=""
MAIL_NOTE=""
drain_background_work() {
	local start=$SECONDS cpu0 index_first mail_first index_n mail_n index_s="" mail_s="" sink0
	cpu0="$(server_cpu_ms)"
	sink0="$(sink_count)"
	index_first="$(metric helpdesk_search_backlog)"
	mail_first="$(metric helpdesk_mail_queued)"
	index_n="$index_first" mail_n="$mail_first"
	while (( SECONDS - start < 600 )); do
		[[ -z "$index_s" && "$index_n" == "0" ]] && index_s=$((SECONDS - start))
		[[ -z "$mail_s" && "$mail_n" == "0" ]] && mail_s=$((SECONDS - start))
		[[ -n "$index_s" && -n "$mail_s" ]] && break
		sleep 1
		index_n="$(metric helpdesk_search_backlog)"
		mail_n="$(metric helpdesk_mail_queued)"
	done
	local cpu=$(( $(server_cpu_ms) - cpu0 )) drained=$(( $(sink_count) - sink0 ))
	INDEX_NOTE="search index: ${index_first:-?} texts waiting when create_ticket ended; caught up ${index_s:-NOT} s later"
	[[ -n "$index_s" ]] || INDEX_NOTE="$INDEX_NOTE (NOT caught up: ${index_n:-?} still waiting)"
	MAIL_NOTE="mail: ${mail_first:-?} mails queued in the outbox when create_ticket ended; drained to 0 in ${mail_s:-NOT} s"
	if [[ -n "$mail_s" ]] && (( mail_s > 0 )); then
		MAIL_NOTE="$MAIL_NOTE ($(( drained / mail_s )) mails/s to the sink)"
	fi
	[[ -n "$mail_s" ]] || MAIL_NOTE="$MAIL_NOTE (NOT drained: ${mail_n:-?} still queued)"
	MAIL_NOTE="$MAIL_NOTE; the sink received $(sink_count) mails in all; server CPU while catching up: $cpu ms"
	log "$INDEX_NOTE"
	log "$MAIL_NOTE"
}

run_wrk create_ticket
drain_background_work
[[ -n "${SKIP_LIST_QUEUES:-}" ]] || run_wrk list_queues

# ---------------------------------------------------------------- 6. report
{
	echo "# helpdesk legacy API benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(free -h | awk '/^Mem:/ {print $2}') RAM, $(java -version 2>&1 | head -1)"
	echo "# wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s --latency (after ${WARMUP}s warm-up); JVM: -Xmx512m $JVM_OPTS; app: $APP_ARGS${NICE:+; nice $NICE}"
	if [[ -n "${KEEP_DATA_DIR:-}" ]]; then
		echo "# database: H2 $KEEP_DATA_DIR, highest ticket id before the run $HIGHEST_BEFORE"
	else
		echo "# database: a new H2 data directory"
	fi
	echo "# load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1 /proc/loadavg)"
	printf '%-14s %10s %8s %8s %9s %8s %8s %9s\n' endpoint req/s p50_ms p99_ms requests non-200 sock_err cpu_ms/req
	printf '%s\n' "${ROWS[@]}"
	echo "# $INDEX_NOTE"
	echo "# $MAIL_NOTE"
} | tee "$RESULTS_DIR/latest.txt"

if (( FAILED )); then
	log "FAILED: some requests were not answered 200 (see $RESULTS_DIR/wrk-*.txt and $SERVER_LOG)"
	exit 1
fi
