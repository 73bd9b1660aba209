#!/usr/bin/env bash
# Inbound mail benchmark: a backlog of N messages (half new tickets, half replies to them) taken in through HTTP push
# (POST /api/v1/mail/inbound) and through a queue's mailbox folder, with notifications queued to a local SMTP sink.
# See bench/README.md. Usage: bench/inbound.sh [--no-build] [--messages N] [--concurrency N] [--port N]
#                                              [--channels "http folder imap"] [--jvm-opts "..."] [--app-args "..."]
#                                              [--warmup N] [--client wrk|java]
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
WARMUP="${WARMUP:-0}"
CLIENT="${CLIENT:-wrk}"

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
		--warmup) WARMUP="$2"; shift ;;
		--client) CLIENT="$2"; shift ;;
		-h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "inbound.sh: unknown option: $1" >&2; exit 2 ;;
	esac
	shift
done

GREENMAIL_VERSION="${GREENMAIL_VERSION:-2.1.13}"
if [[ " $CHANNELS " == *" imap "* ]]; then
	# GreenMail's IMAP test server offers STARTTLS with a self-signed certificate
	APP_ARGS="$APP_ARGS --helpdesk.inbox.trust-all-certificates=true"
fi

# shellcheck source=bench/server.sh
source "$BENCH_DIR/server.sh"

[[ " $CHANNELS " == *" http "* && $CLIENT == wrk ]] && need_wrk
LOAD_BEFORE="$(cut -d' ' -f1 /proc/loadavg)"
REPORT=()
# HTTP push with wrk and bench/inbound.lua (the default): the same messages as InboundLoad.java sends, the same report.
# wrk runs for its whole -d, so each phase is interrupted once every wrk thread has written that it is done.
http_wrk() { # http BASE USER PASSWORD QUEUE N CONCURRENCY
	local base="$2" user="$3" password="$4" queue="$5" n="$6" concurrency="$7" phase seconds total=0 threads=2
	local half=$((n / 2)) run="wrk$RANDOM$RANDOM" done_file="$DATA_DIR/wrk-done" out_file="$DATA_DIR/wrk-out" pid
	(( concurrency < threads )) && threads="$concurrency"
	echo "channel=http messages=$n new=$half replies=$half client=wrk"
	for phase in 0 1; do
		rm -f "$done_file"
		BENCH_COUNT="$half" BENCH_REPLY="$phase" BENCH_RUN="$run" BENCH_THREADS="$threads" BENCH_DONE_FILE="$done_file" \
			BENCH_PATH="/api/v1/mail/inbound?queue=$queue" \
			BENCH_AUTHORIZATION="Basic $(printf '%s:%s' "$user" "$password" | base64 -w0)" \
			"${RUN[@]}" wrk -t"$threads" -c"$concurrency" -d600s --timeout 30s -s "$BENCH_DIR/inbound.lua" "$base" \
			>"$out_file" 2>&1 &
		pid=$!
		until [[ -f $done_file && $(wc -l <"$done_file") -ge $threads ]]; do
			kill -0 "$pid" 2>/dev/null || { cat "$out_file" >&2; return 1; }
			sleep 0.02
		done
		kill -INT "$pid"
		wait "$pid" || true
		seconds="$(awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); v[kv[1]] = kv[2]}
			if (first == "" || v["first"] < first) first = v["first"]; if (v["last"] > last) last = v["last"]}
			END {printf "%.3f", last - first}' "$done_file")"
		total="$(awk -v a="$total" -v b="$seconds" 'BEGIN {print a + b}')"
		awk -v p="$([[ $phase == 0 ]] && echo new_tickets || echo replies)" -v s="$seconds" -v n="$half" \
			'BEGIN {printf "%-12s %.1f s, %.0f messages/s\n", p ":", s, n / s}'
		awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); if (kv[1] != "thread" && kv[1] != "first" && kv[1] != "last") c[kv[1]] += kv[2]}}
			END {printf "  answered=%d created=%d followup=%d other=%d failed=%d\n", c["answered"], c["created"], c["followup"], c["other"], c["failed"]}' "$done_file"
		sed -n 's/^BENCH \(latency_ms.*\)/  \1/p' "$out_file"
	done
	awk -v s="$total" -v n="$n" 'BEGIN {printf "overall:     %.1f s, %.0f messages/s\n", s, n / s}'
}

measure() { # channel -> appends the load client's report, with the server's CPU per message
	local channel="$1" cpu0 cpu1 out
	shift
	cpu0="$(server_cpu_ms)"
	if [[ $channel == http && $CLIENT == wrk ]]; then
		out="$(http_wrk "$@")" || { printf '%s\n' "$out" >&2; die "$channel run failed"; }
	else
		out="$("${RUN[@]}" java -Xmx256m "$BENCH_DIR/InboundLoad.java" "$@")" || { printf '%s\n' "$out" >&2; die "$channel run failed"; }
	fi
	cpu1="$(server_cpu_ms)"
	printf '%s\n' "$out" >&2
	REPORT+=("$out" "server_cpu_ms_per_message=$(awk -v c=$((cpu1 - cpu0)) -v n="$MESSAGES" 'BEGIN {printf "%.2f", c / n}')")
	local queued start=$SECONDS
	queued="$(metric helpdesk_mail_queued)"
	# the mails the channel caused are sent before the next channel is measured, so that it does not pay for them
	await_outbox
	REPORT+=("mails queued in the outbox after $channel: $queued; sent to the sink $((SECONDS - start)) s later")
	# what became of the messages (every reply threaded onto its ticket: as many follow-ups as new tickets)
	local outcomes="" result now
	for result in created followup duplicate ignored quarantined; do
		now="$(inbound "$result")"
		outcomes+=" $result=$((now - ${TAKEN_BEFORE[$result]:-0}))"
		TAKEN_BEFORE[$result]="$now"
	done
	REPORT+=("outcomes of $channel:$outcomes")
}

declare -A TAKEN_BEFORE=()
inbound() { # result -> messages taken in with that result so far (helpdesk_mail_inbound_total)
	{ curl -fsS -u "admin:$ADMIN_PASSWORD" "$BASE/actuator/prometheus" 2>/dev/null || true; } \
		| awk -v r="result=\"$1\"" 'index($1, "helpdesk_mail_inbound_total{") == 1 && index($1, r) {printf "%d", $2; found = 1} END {if (!found) printf "0"}'
}

await_outbox() { # waits until the outbox is empty (at most 10 minutes)
	local start=$SECONDS
	while [[ "$(metric helpdesk_mail_queued)" != "0" ]] && (( SECONDS - start < 600 )); do sleep 1; done
}

if (( WARMUP > 0 )); then
	# the same work through HTTP into a queue of its own, not measured: the JIT compiles the ingestion path first
	admin_post /api/v1/queues '{"title":"Inbound warm-up","slug":"inwarm","new_ticket_cc":"team@bench.example"}' >/dev/null
	log "warm-up: $WARMUP messages through http"
	"${RUN[@]}" java -Xmx256m "$BENCH_DIR/InboundLoad.java" http "$BASE" admin "$ADMIN_PASSWORD" inwarm "$WARMUP" \
		"$CONCURRENCY" >/dev/null || die "warm-up failed"
	await_outbox
fi

for result in created followup duplicate ignored quarantined; do TAKEN_BEFORE[$result]="$(inbound "$result")"; done
for channel in $CHANNELS; do
	case "$channel" in
		http)
			QUEUE="$(admin_post /api/v1/queues '{"title":"Inbound HTTP","slug":"inhttp","new_ticket_cc":"team@bench.example"}' | json_id)"
			log "http: $MESSAGES messages, $CONCURRENCY at a time"
			measure http http "$BASE" admin "$ADMIN_PASSWORD" inhttp "$MESSAGES" "$CONCURRENCY"
			;;
		folder)
			DROP="$DATA_DIR/maildrop"
			mkdir -p "$DROP"
			QUEUE="$(admin_post /api/v1/queues "{\"title\":\"Inbound folder\",\"slug\":\"infolder\",\"new_ticket_cc\":\"team@bench.example\",\"allow_email_submission\":false,\"email_box_type\":\"local\",\"email_box_local_dir\":\"$DROP\",\"email_box_interval\":10}" | json_id)"
			log "folder: $MESSAGES messages into $DROP, then taken from it"
			measure folder folder "$BASE" admin "$ADMIN_PASSWORD" "$QUEUE" "$DROP" "$MESSAGES"
			;;
		imap)
			# a local IMAP server: GreenMail's standalone jar from Maven Central, on its test ports (SMTP 3025, IMAP 3143)
			(cd "$ROOT" && ./mvnw -B -q dependency:copy -Dartifact="com.icegreen:greenmail-standalone:$GREENMAIL_VERSION" \
				-DoutputDirectory="$DATA_DIR") || die "could not fetch greenmail-standalone $GREENMAIL_VERSION"
			java -Xmx1g -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 \
				-Dgreenmail.users=bench:bench-mail-pw@bench.example \
				-jar "$DATA_DIR/greenmail-standalone-$GREENMAIL_VERSION.jar" >"$RESULTS_DIR/greenmail.log" 2>&1 &
			EXTRA_PIDS="${EXTRA_PIDS:-} $!"
			deadline=$((SECONDS + 60))
			until port_busy 3143; do (( SECONDS < deadline )) || die "GreenMail did not listen on 3143"; sleep 0.5; done
			QUEUE="$(admin_post /api/v1/queues '{"title":"Inbound IMAP","slug":"inimap","new_ticket_cc":"team@bench.example","allow_email_submission":false,"email_box_type":"imap","email_box_host":"127.0.0.1","email_box_port":3143,"email_box_user":"bench","email_box_pass":"bench-mail-pw","email_box_interval":10}' | json_id)"
			log "imap: $MESSAGES messages delivered to GreenMail, then taken from its IMAP mailbox"
			measure imap imap "$BASE" admin "$ADMIN_PASSWORD" "$QUEUE" 3025 bench@bench.example "$MESSAGES"
			;;
		*) die "unknown channel $channel (http, folder, imap)" ;;
	esac
done

{
	echo "# helpdesk inbound mail benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
	echo "# $(nproc) CPUs, $(free -h | awk '/^Mem:/ {print $2}') RAM, $(java -version 2>&1 | head -1); JVM: -Xmx512m $JVM_OPTS; app: $APP_ARGS; warm-up: $WARMUP messages; HTTP client: $CLIENT"
	echo "# load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1 /proc/loadavg)"
	printf '%s\n' "${REPORT[@]}"
} | tee "$RESULTS_DIR/inbound-latest.txt"
