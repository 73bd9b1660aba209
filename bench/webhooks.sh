#!/usr/bin/env bash
# Webhook fan-out benchmark: an endpoint at a local receiver (bench/WebhookBench.java) receives the `created` change
# of N tickets opened through the legacy API; the receiver checks every signature and counts unique delivery ids,
# which must come to N with no bad signature. See bench/README.md.
# Usage: bench/webhooks.sh [--no-build] [--changes N] [--concurrency N] [--port N] [--jvm-opts "..."] [--app-args "..."]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
JAR="$ROOT/target/helpdesk.jar"

SKIP_BUILD="${SKIP_BUILD:-0}"
CHANGES="${CHANGES:-10000}"
CONCURRENCY="${CONCURRENCY:-8}"
PORT="${PORT:-18280}"
JVM_OPTS="${JVM_OPTS--XX:TieredStopAtLevel=1}"
APP_ARGS="${APP_ARGS:-}"
WAIT_IDLE="${WAIT_IDLE:-0}"
NICE="${NICE:-}"
DRAIN_TIMEOUT="${DRAIN_TIMEOUT:-600}"

while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) SKIP_BUILD=1 ;;
		--changes) CHANGES="$2"; shift ;;
		--concurrency) CONCURRENCY="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		--jvm-opts) JVM_OPTS="$2"; shift ;;
		--app-args) APP_ARGS="$2"; shift ;;
		--wait-idle) WAIT_IDLE="$2"; shift ;;
		-h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "webhooks.sh: unknown option: $1" >&2; exit 2 ;;
	esac
	shift
done
[[ "$CHANGES" =~ ^[0-9]+$ ]] && (( CHANGES > 0 )) || { echo "webhooks.sh: --changes must be a positive number" >&2; exit 2; }

# the receiver is on this machine: a private target
APP_ARGS="$APP_ARGS --helpdesk.webhooks.allow-private-targets=true"

# shellcheck source=bench/server.sh
source "$BENCH_DIR/server.sh"

RECEIVER_PORT=$((PORT + 2000))
while port_busy "$RECEIVER_PORT"; do RECEIVER_PORT=$((RECEIVER_PORT + 1)); done
SECRET="whsec_bench_$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
"${RUN[@]}" java -Xmx128m "$BENCH_DIR/WebhookBench.java" receive "$RECEIVER_PORT" "$SECRET" \
	>"$RESULTS_DIR/webhook-receiver.log" 2>&1 &
RECEIVER_PID=$!
EXTRA_PIDS="$RECEIVER_PID"
deadline=$((SECONDS + 60))
until port_busy "$RECEIVER_PORT"; do
	kill -0 "$RECEIVER_PID" 2>/dev/null || { cat "$RESULTS_DIR/webhook-receiver.log" >&2; die "the receiver exited"; }
	(( SECONDS < deadline )) || die "the receiver did not listen on $RECEIVER_PORT within 60 s"
	sleep 0.2
done
log "receiver on port $RECEIVER_PORT (pid $RECEIVER_PID)"

QUEUE_ID="$(admin_post /api/v1/queues '{"title":"Webhook bench","slug":"webhook-bench"}' | json_id)"
[[ -n "$QUEUE_ID" ]] || die "could not read the new queue's id"
admin_post /api/v1/webhooks "{\"url\":\"http://127.0.0.1:$RECEIVER_PORT/hook\",\"events\":[\"created\"],\"secret\":\"$SECRET\"}" >/dev/null
log "endpoint registered; opening $CHANGES tickets, $CONCURRENCY at a time"

stats() { curl -fsS "http://127.0.0.1:$RECEIVER_PORT/stats"; }
cpu0="$(server_cpu_ms)"
start_ms="$(date +%s%3N)"
LOAD="$("${RUN[@]}" java -Xmx256m "$BENCH_DIR/WebhookBench.java" load "$BASE" admin "$ADMIN_PASSWORD" "$QUEUE_ID" \
	"$CHANGES" "$CONCURRENCY")"
made_ms="$(date +%s%3N)"
log "load: $LOAD"
read -r _ unique_then _ _ _ <<<"$(stats)"

deadline=$((SECONDS + DRAIN_TIMEOUT))
while :; do
	read -r requests unique bad first last <<<"$(stats)"
	(( unique >= CHANGES )) && break
	(( SECONDS < deadline )) || die "only $unique of $CHANGES deliveries arrived within $DRAIN_TIMEOUT s after the load"
	sleep 0.5
done
cpu1="$(server_cpu_ms)"
# a little longer, to see any duplicate that would still come
sleep 3
read -r requests unique bad first last <<<"$(stats)"

created="$(sed -E 's/.*created=([0-9]+).*/\1/' <<<"$LOAD")"
total_s="$(awk -v a="$start_ms" -v b="$last" 'BEGIN {printf "%.1f", (b - a) / 1000}')"
trail_s="$(awk -v a="$made_ms" -v b="$last" 'BEGIN {printf "%.1f", (b - a) / 1000}')"
{
	echo "webhooks: changes=$CHANGES created=$created received_requests=$requests unique_delivery_ids=$unique bad_signatures=$bad"
	echo "webhooks: load $LOAD; delivered while the load ran: $unique_then"
	echo "webhooks: last delivery ${trail_s}s after the last change; all $unique in ${total_s}s from the first change" \
		"($(awk -v n="$unique" -v s="$total_s" 'BEGIN {printf "%.0f", n / s}') deliveries/s);" \
		"server CPU $(awk -v c=$((cpu1 - cpu0)) -v n="$CHANGES" 'BEGIN {printf "%.2f", c / n}') ms per ticket with its delivery"
} | tee "$RESULTS_DIR/webhooks.txt"
(( unique == CHANGES && requests == CHANGES && bad == 0 && created == CHANGES )) \
	|| die "loss, duplicates or bad signatures: see above"
