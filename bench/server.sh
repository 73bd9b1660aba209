#!/usr/bin/env bash
# Shared by the benchmarks (run.sh, inbound.sh): builds the jar, starts a local SMTP sink and the server on a private
# copy of the jar and a fresh data directory, and cleans both up on exit. The caller sets ROOT, BENCH_DIR,
# RESULTS_DIR, JAR, SKIP_BUILD, PORT, JVM_OPTS, APP_ARGS, WAIT_IDLE and NICE first; afterwards BASE, ADMIN_PASSWORD,
# SERVER_PID, DATA_DIR, SINK_COUNT and RUN (the command prefix for nice) are set. A caller that measures an existing
# helpdesk (bench/lists.sh) sets KEEP_DATA_DIR to its data directory, which is then used and kept, and ADMIN_PASSWORD
# to the password its administrator already has.

log() { printf '[bench] %s\n' "$*" >&2; }
die() { printf '[bench] ERROR: %s\n' "$*" >&2; exit 1; }
command -v curl >/dev/null || die "curl is required"

# ---------------------------------------------------------------- 1. build
if [[ "$SKIP_BUILD" != "1" ]]; then
	log "building the jar (./mvnw -B -q package -DskipTests)"
	(cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi
[[ -f "$JAR" ]] || die "$JAR not found (build it, or run without --no-build)"

# ---------------------------------------------------------------- 3. server
idle_percent() { # over one second, from /proc/stat
	local a b
	a=($(head -1 /proc/stat)); sleep 1; b=($(head -1 /proc/stat))
	local total=0 i
	for i in 1 2 3 4 5 6 7 8; do total=$((total + b[i] - a[i])); done
	echo $(( total > 0 ? 100 * (b[4] - a[4] + b[5] - a[5]) / total : 100 ))
}
if (( WAIT_IDLE > 0 )); then
	idle_deadline=$((SECONDS + WAIT_IDLE))
	until (( $(idle_percent) >= 80 )); do
		if (( SECONDS >= idle_deadline )); then log "the machine is still busy after ${WAIT_IDLE}s; going ahead"; break; fi
		sleep 2
	done
fi
RUN=()
AUTOGROUP_NICE=""
if [[ -n "$NICE" ]]; then
	RUN=(nice -n "$NICE")
	[[ "$NICE" != -* || "$(id -u)" == "0" ]] || die "--nice $NICE needs root (negative nice levels)"
	# With sched_autogroup (the Debian default) nice only ranks processes within their session's group, so
	# give this session's group (this script, the server, wrk) the same level against other sessions.
	# The level is restored on exit (the group outlives this script: it is the caller's whole session).
	if [[ -w /proc/self/autogroup ]]; then
		AUTOGROUP_NICE="$(awk '{print $3}' /proc/self/autogroup)"
		echo "$NICE" >/proc/self/autogroup 2>/dev/null || log "could not set the autogroup nice level"
	fi
fi

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
start_port="$PORT"
while port_busy "$PORT"; do
	PORT=$((PORT + 1))
	(( PORT < start_port + 100 )) || die "no free port in $start_port..$PORT"
done
[[ "$PORT" == "$start_port" ]] || log "port $start_port is busy, using $PORT"

# Each run's folder goes in a folder of its own with ext4's "top of a directory hierarchy" flag (chattr +T), so that
# the file system spreads the runs over its block groups. Without it, a run's files land next to those the run before
# deleted, and on ext4 without a journal (as on the machine the benchmarks were written on) every file created in the
# next five minutes first steps over each of those recently deleted inodes: 0.65 ms per new file instead of 0.03.
BENCH_TMP="${TMPDIR:-/tmp}/helpdesk-bench"
mkdir -p "$BENCH_TMP"
chattr +T "$BENCH_TMP" 2>/dev/null || true # other file systems: nothing to do
WORK_DIR="$(mktemp -d -p "$BENCH_TMP" run.XXXXXX)"
DATA_DIR="${KEEP_DATA_DIR:-$WORK_DIR}"
# Run a private copy of the jar: other people rebuilding target/ must not pull it from under the running server.
RUN_JAR="$WORK_DIR/helpdesk-bench.jar"
cp "$JAR" "$RUN_JAR"
ADMIN_PASSWORD="${ADMIN_PASSWORD:-$(head -c 18 /dev/urandom | base64 | tr -d '/+=' )x1}"
BASE="http://127.0.0.1:$PORT"
mkdir -p "$RESULTS_DIR"
SERVER_LOG="$RESULTS_DIR/server.log"
SERVER_PID=""
SINK_PID=""
SINK_COUNT="$WORK_DIR/sink-count"

cleanup() {
	local rc=$? extra
	for extra in ${EXTRA_PIDS:-}; do kill "$extra" 2>/dev/null || true; done
	if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID" 2>/dev/null || true
		for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$SERVER_PID" 2>/dev/null || true
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	if [[ -n "$SINK_PID" ]] && kill -0 "$SINK_PID" 2>/dev/null; then
		kill "$SINK_PID" 2>/dev/null || true
		wait "$SINK_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK_DIR"
	if [[ -n "$AUTOGROUP_NICE" ]]; then echo "$AUTOGROUP_NICE" >/proc/self/autogroup 2>/dev/null || true; fi
	exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The local SMTP sink the server delivers to (bench/SmtpSink.java, run by the JDK's source launcher: nothing to
# download). It accepts and discards every mail and counts them.
SMTP_PORT=$((PORT + 1000))
while port_busy "$SMTP_PORT"; do SMTP_PORT=$((SMTP_PORT + 1)); done
"${RUN[@]}" java -Xmx64m -XX:TieredStopAtLevel=1 "$BENCH_DIR/SmtpSink.java" "$SMTP_PORT" "$SINK_COUNT" \
	>"$RESULTS_DIR/smtp-sink.log" 2>&1 &
SINK_PID=$!
deadline=$((SECONDS + 60))
until port_busy "$SMTP_PORT"; do
	kill -0 "$SINK_PID" 2>/dev/null || { cat "$RESULTS_DIR/smtp-sink.log" >&2; die "the SMTP sink exited during start-up"; }
	(( SECONDS < deadline )) || die "the SMTP sink did not listen on $SMTP_PORT within 60 s"
	sleep 0.2
done
log "SMTP sink on port $SMTP_PORT (pid $SINK_PID)"

# The JSON API's rate limits (600 requests a minute per caller by default) would cut a benchmark's single caller
# short: off unless the caller sets HELPDESK_API_RATE_LIMIT_ENABLED=true or passes --app-args with the setting.
export HELPDESK_API_RATE_LIMIT_ENABLED="${HELPDESK_API_RATE_LIMIT_ENABLED:-false}"
# shellcheck disable=SC2086  # JVM_OPTS and APP_ARGS are word-split on purpose
log "starting the server on port $PORT (JVM: -Xmx512m $JVM_OPTS; app: $APP_ARGS; API rate limits enabled: $HELPDESK_API_RATE_LIMIT_ENABLED; log: $SERVER_LOG)"
"${RUN[@]}" java -Xmx512m $JVM_OPTS -jar "$RUN_JAR" \
	--server.port="$PORT" \
	--helpdesk.data-dir="$DATA_DIR" \
	--helpdesk.admin.password="$ADMIN_PASSWORD" \
	--spring.mail.host=127.0.0.1 --spring.mail.port="$SMTP_PORT" \
	$APP_ARGS >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

STARTUP_TIMEOUT="${STARTUP_TIMEOUT:-90}"
deadline=$((SECONDS + STARTUP_TIMEOUT))
until curl -fsS "$BASE/actuator/health" 2>/dev/null | grep -q '"status":"UP"'; do
	kill -0 "$SERVER_PID" 2>/dev/null || { tail -40 "$SERVER_LOG" >&2; die "the server exited during start-up"; }
	(( SECONDS < deadline )) || { tail -40 "$SERVER_LOG" >&2; die "the server was not UP within $STARTUP_TIMEOUT s"; }
	sleep 0.5
done
log "server UP (pid $SERVER_PID) after $((SECONDS - (deadline - STARTUP_TIMEOUT))) s"


# ---------------------------------------------------------------- helpers for the caller
admin_post() { # path json -> body; fails on a non-2xx answer
	local out status
	out="$(curl -sS -u "admin:$ADMIN_PASSWORD" -H 'Content-Type: application/json' -w '\n%{http_code}' \
		-X POST "$BASE$1" --data "$2")"
	status="${out##*$'\n'}"
	out="${out%$'\n'*}"
	[[ "$status" =~ ^2 ]] || die "POST $1 answered $status: $out"
	printf '%s' "$out"
}
json_id() { grep -o '"id" *: *[0-9]*' | head -1 | grep -o '[0-9]*$' || true; }

# CPU time (user+system, ms) the server has used so far: a cost per request that is less sensitive to
# other processes on the machine than req/s.
server_cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{printf "%d", ($14 + $15) * 1000 / hz}' "/proc/$SERVER_PID/stat"; }

metric() { # name -> integer value from /actuator/prometheus (as admin), empty when unavailable
	{ curl -fsS -u "admin:$ADMIN_PASSWORD" "$BASE/actuator/prometheus" 2>/dev/null || true; } \
		| awk -v m="$1" '$1 == m && !done {printf "%d", $2; done = 1}'
}

need_wrk() { # installs wrk from Debian when it is missing
	if ! command -v wrk >/dev/null; then
		log "wrk not found; installing it from Debian (apt-get install -y wrk)"
		SUDO=""
		if [[ "$(id -u)" != "0" ]]; then
			if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
				die "wrk is missing and apt-get needs root; install it yourself: apt-get install -y wrk"
			fi
		fi
		command -v apt-get >/dev/null || die "wrk is missing and apt-get is not available; install wrk (https://github.com/wg/wrk) and retry"
		if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y wrk >/dev/null 2>&1; then
			DEBIAN_FRONTEND=noninteractive $SUDO apt-get update >/dev/null \
				&& DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y wrk >/dev/null \
				|| die "could not install wrk with apt-get; install it yourself (apt-get install -y wrk) and retry"
		fi
		command -v wrk >/dev/null || die "wrk still not on PATH after apt-get install"
	fi
}
