#!/usr/bin/env bash
# Inbound mail benchmark: a backlog of N messages (half new tickets, half replies to them) taken in through HTTP push
# (POST /api/v1/mail/inbound) and through a queue's mailbox folder, with notifications queued to a local SMTP sink.
# See bench/README.md. Usage: bench/inbound.sh [--no-build] [--messages N] [--concurrency N] [--port N]
#                                              [--channels "http folder"] [--jvm-opts "..."] [--app-args "..."]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
JAR="$ROOT/target/helpdesk.jar"

SKIP_BUILD="${SKIP_BUILD:-0}"
MESSAGES="${MESSAGES:-10000}"
CONCURRENCY="${CONCURRENCY:-8}"
PORT="${PORT:-18180}"
CHANNELS="${CHANNELS:-http folder}"
JVM_OPTS="${JVM_OPTS--XX:TieredStopAtLevel=1}"
APP_ARGS="${APP_ARGS:-}"
WAIT_IDLE="${WAIT_IDLE:-0}"
NICE="${NICE:-}"

while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) SKIP_BUILD=1 ;;
		--messages) MESSAGES="$2"; shift ;;
		--concurrency) CONCURRENCY="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		--channels) CHANNELS="$2"; shift ;;
		--jvm-opts) JVM_OPTS="$2"; shift ;;
		--app-args) APP_ARGS="$2"; shift ;;
		--wait-idle) WAIT_IDLE="$2"; shift ;;
		-h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "inbound.sh: unknown option: $1" >&2; exit 2 ;;
	esac
	shift
done

# shellcheck source=bench/server.sh
source "$BENCH_DIR/server.sh"

LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
REPORT=()
measure() { # channel -> appends the load client's report, with the server's CPU per message
	local channel="$1" cpu0 cpu1 out
	shift
	cpu0="$(server_cpu_ms)"
	out="$("${RUN[@]}" java -Xmx256m "$BENCH_DIR/InboundLoad.java" "$@")" || { printf '%s\n' "$out" >&2; die "$channel run failed"; }
	cpu1="$(server_cpu_ms)"
	printf '%s\n' "$out" >&2
	REPORT+=("$out" "server_cpu_ms_per_message=$(awk -v c=$((cpu1 - cpu0)) -v n="$MESSAGES" 'BEGIN {printf "%.2f", c / n}')")
	local queued start=$SECONDS
	queued="$(metric helpdesk_mail_queued)"
	# the mails the channel caused are sent before the next channel is measured, so that it does not pay for them
	while [[ "$(metric helpdesk_mail_queued)" != "0" ]] && (( SECONDS - start < 600 )); do sleep 1; done
	REPORT+=("mails queued in the outbox after $channel: $queued; sent to the sink $((SECONDS - start)) s later")
}

for channel in $CHANNELS; do
	case "$channel" in
		http)
			admin_post /api/v1/queues '{"title":"Inbound HTTP","slug":"inhttp","new_ticket_cc":"team@bench.example"}' >/dev/null
			log "http: $MESSAGES messages, $CONCURRENCY at a time"
			measure http http "$BASE" admin "$ADMIN_PASSWORD" inhttp "$MESSAGES" "$CONCURRENCY"
			;;
		folder)
			DROP="$DATA_DIR/maildrop"
			mkdir -p "$DROP"
			admin_post /api/v1/queues "{\"title\":\"Inbound folder\",\"slug\":\"infolder\",\"new_ticket_cc\":\"team@bench.example\",\"allow_email_submission\":true,\"email_box_type\":\"local\",\"email_box_local_dir\":\"$DROP\",\"email_box_interval\":10}" >/dev/null
			log "folder: $MESSAGES messages into $DROP"
			measure folder folder "$DROP" "$MESSAGES"
			;;
		*) die "unknown channel $channel (http, folder)" ;;
	esac
done

{
	echo "# helpdesk inbound mail benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(free -h | awk '/^Mem:/ {print $2}') RAM, $(java -version 2>&1 | head -1); JVM: -Xmx512m $JVM_OPTS; app: $APP_ARGS"
	echo "# load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1 /proc/loadavg)"
	printf '%s\n' "${REPORT[@]}"
} | tee "$RESULTS_DIR/inbound-latest.txt"
