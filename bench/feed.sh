#!/usr/bin/env bash
# The change feed under load: fills the change log with create_ticket through the legacy API (wrk, as bench/run.sh),
# then follows GET /api/v1/changes from the start with limit=1000 as an integrator's mirror would, and reports
# changes/s and the server CPU per change. See bench/README.md.
# Usage: bench/feed.sh [--no-build] [--fill-seconds N] [--port N] [--jvm-opts "..."]
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
RESULTS_DIR="$BENCH_DIR/results"
JAR="$ROOT/target/helpdesk.jar"
SKIP_BUILD="${SKIP_BUILD:-0}"
FILL_SECONDS="${FILL_SECONDS:-30}"
PORT="${PORT:-18380}"
JVM_OPTS="${JVM_OPTS--XX:TieredStopAtLevel=1}"
APP_ARGS="${APP_ARGS:-}"
WAIT_IDLE="${WAIT_IDLE:-0}"
NICE="${NICE:-}"

while [[ $# -gt 0 ]]; do
	case "$1" in
		--no-build) SKIP_BUILD=1 ;;
		--fill-seconds) FILL_SECONDS="$2"; shift ;;
		--port) PORT="$2"; shift ;;
		--jvm-opts) JVM_OPTS="$2"; shift ;;
		-h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "feed.sh: unknown option: $1" >&2; exit 2 ;;
	esac
	shift
done

# shellcheck source=bench/server.sh
source "$BENCH_DIR/server.sh"
need_wrk

queue="$(admin_post /api/v1/queues '{"title":"Feed","slug":"feed"}' | json_id)"
admin_post /api/v1/users '{"username":"bench","password":"bench-password-1","role":"agent","all_queues":true}' >/dev/null
log "filling the change log for ${FILL_SECONDS}s"
BENCH_METHOD=create_ticket BENCH_QUEUE="$queue" wrk -t2 -c16 -d"${FILL_SECONDS}s" -s "$BENCH_DIR/legacy.lua" "$BASE" \
	>/dev/null 2>&1 || true
cpu0="$(server_cpu_ms)"
out="$(python3 - "$BASE" "$ADMIN_PASSWORD" <<'PY'
import base64, json, sys, time, urllib.request
base, password = sys.argv[1], sys.argv[2]
auth = "Basic " + base64.b64encode(f"admin:{password}".encode()).decode()
cursor, total, seen, start = "0", 0, set(), time.time()
while True:
    request = urllib.request.Request(f"{base}/api/v1/changes?limit=1000&after={cursor}", headers={"Authorization": auth})
    page = json.load(urllib.request.urlopen(request))
    for change in page["changes"]:
        seen.add(change["position"])
    total += len(page["changes"])
    cursor = page["next_cursor"]
    if not page["has_more"]:
        break
elapsed = time.time() - start
print(f"{total} {len(seen)} {elapsed:.3f} {total / elapsed:.0f}")
PY
)"
cpu1="$(server_cpu_ms)"
read -r total unique seconds rate <<<"$out"
{
	echo "# helpdesk change feed, $(date -u +%Y-%m-%dT%H:%M:%SZ); $(nproc) CPUs; filled by ${FILL_SECONDS}s of create_ticket; one reader, limit=1000; JVM: -Xmx512m $JVM_OPTS"
	echo "# load average: $(cut -d' ' -f1 /proc/loadavg)"
	printf '%-10s %-10s %-9s %-10s %s\n' changes unique seconds changes/s cpu_ms/change
	printf '%-10s %-10s %-9s %-10s %s\n' "$total" "$unique" "$seconds" "$rate" \
		"$(awk -v c=$((cpu1 - cpu0)) -v n="$total" 'BEGIN {printf "%.4f", c / n}')"
} | tee "$RESULTS_DIR/feed-$(date -u +%Y%m%dT%H%M%SZ).txt"
