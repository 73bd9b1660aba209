#!/usr/bin/env bash
# The floor under the outbox: what Jakarta Mail alone spends per mail, and what the benchmarks' SMTP sink spends
# receiving it (bench/SmtpFloor.java against bench/SmtpSink.java, both on this machine). See bench/README.md.
# Usage: bench/smtp-floor.sh [--mails N]   (default 20,000 per round, two rounds)
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
MAILS=20000
while [[ $# -gt 0 ]]; do
	case "$1" in
		--mails) MAILS="$2"; shift ;;
		-h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
		*) echo "smtp-floor.sh: unknown option: $1" >&2; exit 2 ;;
	esac
	shift
done
WORK="$(mktemp -d -t smtp-floor.XXXXXX)"
SINK_PID=""
trap '[[ -n "$SINK_PID" ]] && kill "$SINK_PID" 2>/dev/null; rm -rf "$WORK"' EXIT
# the helpdesk's own Jakarta Mail (Angus) jars, as Maven resolves them
(cd "$ROOT" && ./mvnw -q dependency:build-classpath -Dmdep.includeGroupIds=jakarta.mail,org.eclipse.angus,jakarta.activation \
	-Dmdep.outputFile="$WORK/cp.txt" >/dev/null)
PORT=19777
while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
java -Xmx64m -XX:TieredStopAtLevel=1 "$BENCH_DIR/SmtpSink.java" "$PORT" "$WORK/count" >"$WORK/sink.log" 2>&1 &
SINK_PID=$!
deadline=$((SECONDS + 60))
until (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do
	kill -0 "$SINK_PID" 2>/dev/null || { cat "$WORK/sink.log" >&2; echo "smtp-floor.sh: the SMTP sink did not start" >&2; exit 1; }
	(( SECONDS < deadline )) || { echo "smtp-floor.sh: the SMTP sink did not listen on $PORT within 60 s" >&2; exit 1; }
	sleep 0.2
done
ticks() { awk '{print $14 + $15}' "/proc/$SINK_PID/stat"; }
java -cp "$(cat "$WORK/cp.txt")" "$BENCH_DIR/SmtpFloor.java" "$PORT" "$MAILS" build-only
t0="$(ticks)"
java -cp "$(cat "$WORK/cp.txt")" "$BENCH_DIR/SmtpFloor.java" "$PORT" "$MAILS"
t1="$(ticks)"
awk -v t=$((t1 - t0)) -v n=$((2 * MAILS)) -v hz="$(getconf CLK_TCK)" \
	'BEGIN { printf "sink: %d mails received, CPU %.3f ms per mail\n", n, 1000 * t / hz / n }'
