#!/usr/bin/env bash
# The JSON API under load, as an integrator uses it with a personal API token (Authorization: Bearer):
#   list    GET /api/v1/tickets?limit=50 (the first page, newest first) on the helpdesk it runs on;
#   create  POST /api/v1/tickets with a JSON body (no submitter, so no mail: the API's own cost);
#   feed    GET /api/v1/changes?limit=1000 followed from the start of the log, several passes, one reader.
# With --h2 DIR it measures a helpdesk seeded by bench/seed.sh (kept; run list before create adds to it), otherwise a
# fresh one. Usage: bench/api.sh [--h2 DIR] [--no-build] [--duration N] [--warmup N] [--connections N]
#                                [--parts "list create feed"] [--jvm-opts "..."] [--nice N]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
JAR="$ROOT/target/helpdesk.jar"
SKIP_BUILD="${SKIP_BUILD:-0}"
DURATION="${DURATION:-30}"
WARMUP="${WARMUP:-20}"
CONNECTIONS="${CONNECTIONS:-16}"
PARTS="${PARTS:-list create feed}"
PORT="${PORT:-18480}"
JVM_OPTS="${JVM_OPTS--XX:TieredStopAtLevel=1}"
APP_ARGS="${APP_ARGS:-}"
WAIT_IDLE="${WAIT_IDLE:-0}"
NICE="${NICE:-}"
H2_DIR=""

while [[ $# -gt 0 ]]; do
	case "$1" in
		--h2) H2_DIR="$2"; shift ;;
		--no-build) SKIP_BUILD=1 ;;
		--duration) DURATION="$2"; shift ;;
		--warmup) WARMUP="$2"; shift ;;
		--connections) CONNECTIONS="$2"; shift ;;
		--parts) PARTS="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		--jvm-opts) JVM_OPTS="$2"; shift ;;
		--nice) NICE="$2"; shift ;;
		-h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "api.sh: unknown option: $1" >&2; exit 2 ;;
	esac
	shift
done
if [[ -n "$H2_DIR" ]]; then
	[[ -f "$H2_DIR/helpdesk.mv.db" ]] || { echo "api.sh: no helpdesk in $H2_DIR (bench/seed.sh --h2 $H2_DIR)" >&2; exit 2; }
	KEEP_DATA_DIR="$(cd "$H2_DIR" && pwd)"
	ADMIN_PASSWORD="${ADMIN_PASSWORD:-bench-admin-password}" # the one bench/seed.sh gives
fi

# shellcheck source=bench/server.sh
source "$BENCH_DIR/server.sh"
need_wrk

TOKEN="$(admin_post /api/v1/me/tokens '{"name":"bench/api.sh","scopes":["read","write"]}' \
	| grep -o '"token" *: *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/')"
[[ -n "$TOKEN" ]] || die "could not create an API token"
QUEUE_ID="$(curl -fsS -u "admin:$ADMIN_PASSWORD" "$BASE/api/v1/queues" | json_id)"
if [[ -z "$QUEUE_ID" ]]; then
	QUEUE_ID="$(admin_post /api/v1/queues '{"title":"API","slug":"api"}' | json_id)"
fi
NEWEST="$(curl -fsS -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/tickets?limit=1&sort=-id" | json_id)"
log "token created; queue $QUEUE_ID; the newest ticket is #${NEWEST:-none}"

field() { awk -v k="$1" '/^BENCH p50=/ {for (i = 2; i <= NF; i++) {split($i, kv, "="); if (kv[1] == k) print kv[2]}}'; }
ROWS=()
measure() { # name path [body expect]
	local name="$1" path="$2" body="${3:-}" expect="${4:-200}" out cpu0 cpu1 requests rate
	local env=(BENCH_AUTHORIZATION="Bearer $TOKEN" BENCH_EXPECT="$expect")
	[[ -z "$body" ]] || env+=(BENCH_BODY="$body") # pages.lua posts whenever BENCH_BODY is set
	run() { env "${env[@]}" "${RUN[@]}" wrk -t2 -c"$CONNECTIONS" -d"$1s" --latency -s "$BENCH_DIR/pages.lua" "$BASE$path"; }
	log "$name: warm-up ${WARMUP}s"
	run "$WARMUP" >/dev/null
	log "$name: ${DURATION}s at $CONNECTIONS connections"
	cpu0="$(server_cpu_ms)"
	out="$(run "$DURATION")"
	cpu1="$(server_cpu_ms)"
	requests="$(awk '/requests in/ {print $1}' <<<"$out")"
	rate="$(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
	ROWS+=("$(printf '%-8s %9s %8s %8s %8s %9s %8s %10s' "$name" "$rate" "$(field p50 <<<"$out")" \
		"$(field p95 <<<"$out")" "$(field p99 <<<"$out")" "$requests" \
		"$(awk '/^BENCH non200=/ {split($2, kv, "="); print kv[2]}' <<<"$out")" \
		"$(awk -v c=$((cpu1 - cpu0)) -v n="$requests" 'BEGIN {printf "%.3f", c / n}')")")
}

FEED=""
for part in $PARTS; do
	case "$part" in
		list) measure list "/api/v1/tickets?limit=50" ;;
		create) measure create "/api/v1/tickets" \
			"{\"queue\":$QUEUE_ID,\"title\":\"Bench ticket\",\"description\":\"Created by bench/api.sh. The printer on the third floor is out of toner again.\",\"priority\":3}" 201 ;;
		feed)
			log "feed: following the change log from the start, three passes"
			cpu0="$(server_cpu_ms)"
			FEED="$(python3 - "$BASE" "$TOKEN" <<'PY'
import json, sys, time, urllib.request
base, token = sys.argv[1], sys.argv[2]
for n in range(1, 4):
    cursor, total, seen, start = "0", 0, set(), time.time()
    while True:
        request = urllib.request.Request(f"{base}/api/v1/changes?limit=1000&after={cursor}",
                                         headers={"Authorization": "Bearer " + token})
        page = json.load(urllib.request.urlopen(request))
        seen.update(change["position"] for change in page["changes"])
        total += len(page["changes"])
        cursor = page["next_cursor"]
        if not page["has_more"]:
            break
    elapsed = time.time() - start
    print(f"pass {n}: {total} changes ({len(seen)} unique) in {elapsed:.2f} s, {total / elapsed:.0f} changes/s")
PY
)"
			cpu1="$(server_cpu_ms)"
			FEED="$FEED"$'\n'"server CPU over the three passes: $((cpu1 - cpu0)) ms" ;;
		*) die "unknown part $part (list, create, feed)" ;;
	esac
done

mkdir -p "$RESULTS_DIR"
{
	echo "# helpdesk JSON API benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) CPUs; $(java -version 2>&1 | head -1)"
	echo "# ${KEEP_DATA_DIR:+seeded helpdesk $KEEP_DATA_DIR, }newest ticket #${NEWEST:-none} at the start; wrk -t2 -c$CONNECTIONS -d${DURATION}s after ${WARMUP}s warm-up; JVM: -Xmx512m $JVM_OPTS${NICE:+; nice $NICE}"
	echo "# load average at the end: $(cut -d' ' -f1 /proc/loadavg)"
	if (( ${#ROWS[@]} > 0 )); then
		printf '%-8s %9s %8s %8s %8s %9s %8s %10s\n' part req/s p50_ms p95_ms p99_ms requests errors cpu_ms/req
		printf '%s\n' "${ROWS[@]}"
	fi
	[[ -z "$FEED" ]] || echo "$FEED"
} | tee "$RESULTS_DIR/api-$(date -u +%Y%m%dT%H%M%SZ).txt"
