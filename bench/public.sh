#!/usr/bin/env bash
# Public pages under load: the customer portal's start page (/, with the public submission form) and the sign-in
# page (/login), as visitors who have not signed in see them. See bench/README.md.
# Usage: bench/public.sh [--no-build] [--duration N] [--warmup N] [--connections N] [--port N] [--jvm-opts "..."]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
JAR="$ROOT/target/helpdesk.jar"
SKIP_BUILD="${SKIP_BUILD:-0}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-18280}"
JVM_OPTS="${JVM_OPTS--XX:TieredStopAtLevel=1}"
APP_ARGS="${APP_ARGS:-}"
WAIT_IDLE="${WAIT_IDLE:-0}"
NICE="${NICE:-}"

while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) SKIP_BUILD=1 ;;
		--duration) DURATION="$2"; shift ;;
		--warmup) WARMUP="$2"; shift ;;
		--connections) CONNECTIONS="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		--jvm-opts) JVM_OPTS="$2"; shift ;;
		-h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "public.sh: unknown option: $1" >&2; exit 2 ;;
	esac
	shift
done

# shellcheck source=bench/server.sh
source "$BENCH_DIR/server.sh"
need_wrk

# a public queue, so that / shows the submission form as it does on a real site
admin_post /api/v1/queues '{"title":"Public","slug":"public","allow_public_submission":true}' >/dev/null

ROWS=()
for path in / /login; do
	wrk -t2 -c"$CONNECTIONS" -d"${WARMUP}s" "$BASE$path" >/dev/null 2>&1 || true
	cpu0="$(server_cpu_ms)"
	out="$("${RUN[@]}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$BASE$path")"
	cpu1="$(server_cpu_ms)"
	rps="$(awk '/^Requests\/sec:/ {print $2}' <<<"$out")"
	p50="$(awk '/Latency Distribution/ {d=1} d && $1=="50%" {print $2; exit}' <<<"$out")"
	p99="$(awk '/Latency Distribution/ {d=1} d && $1=="99%" {print $2; exit}' <<<"$out")"
	requests="$(awk '/requests in/ {print $1; exit}' <<<"$out")"
	non2xx="$(awk -F': *' '/Non-2xx or 3xx responses/ {print $2}' <<<"$out")"
	ROWS+=("$(printf '%-8s %10s %9s %9s %9s %8s %9s' "$path" "$rps" "$p50" "$p99" "$requests" "${non2xx:-0}" \
		"$(awk -v c=$((cpu1 - cpu0)) -v n="$requests" 'BEGIN {printf "%.3f", c / n}')")")
done
{
	echo "# helpdesk public pages, $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) CPUs; wrk -t2 -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up; JVM: -Xmx512m $JVM_OPTS"
	echo "# load average before/after: $(cut -d' ' -f1 /proc/loadavg)"
	printf '%-8s %10s %9s %9s %9s %8s %9s\n' page req/s p50 p99 requests non-2xx cpu_ms/req
	printf '%s\n' "${ROWS[@]}"
} | tee "$RESULTS_DIR/public-latest.txt"
