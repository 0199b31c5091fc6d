#!/usr/bin/env bash
# Response times of the public IMEI check page under load (wrk), beside baselines measured in the
# same run on the same server: a static file, and the check page without an IMEI (template only).
#
#   bench/scripts/web-check-wrk.sh    # DURATION=20s ROUNDS=3 THREADS=2 CONNECTIONS=32 PORT=18480
#
# Needs wrk (apt-get install wrk). The server is bench's WebLoadServer: embedded PostgreSQL, an
# in-memory register, the rate limit out of the way. Everything stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION=${DURATION:-20s}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PORT=${PORT:-18480}
ROUNDS=${ROUNDS:-3}

# wrk prints 812.00us, 7.13ms or 1.20s; this makes milliseconds.
to_ms() { awk '{v = $1; if (v ~ /us$/) {sub(/us$/, "", v); v /= 1000} else if (v ~ /ms$/) {sub(/ms$/, "", v)} else if (v ~ /s$/) {sub(/s$/, "", v); v *= 1000}; printf "%.2f\n", v}'; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 1; }

mvn -B -ntp -q -pl bench -am package -DskipTests
java -Xmx1g -cp bench/target/benchmarks.jar org.ceir.bench.web.WebLoadServer "$PORT" 2>/tmp/ceir-web-bench.log &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && break
  sleep 1
done

base="http://127.0.0.1:$PORT"
names=(static form check json)
urls=("$base/static/ceir.css" "$base/?lang=en" "$base/?lang=en&imei=352099001761481" "$base/api/v1/imei/352099001761481/status")

# Warm the JIT on every path first, so the first measured path is not the cold one.
for url in "${urls[@]}"; do wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$url" >/dev/null; done

# Rounds alternate the paths, so that a burst of load from elsewhere on the machine hits them all;
# each figure is the median over the rounds.
declare -A rps p50 p99
for round in $(seq 1 "$ROUNDS"); do
  for i in "${!names[@]}"; do
    out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency "${urls[$i]}")
    if grep -q Non-2xx <<<"$out"; then
      echo "${names[$i]}: some answers were not 2xx:" >&2
      echo "$out" >&2
      exit 1
    fi
    rps[${names[$i]}]+="$(awk '/^Requests\/sec/ {print $2}' <<<"$out") "
    p50[${names[$i]}]+="$(awk '$1 == "50%" {print $2}' <<<"$out" | to_ms) "
    p99[${names[$i]}]+="$(awk '$1 == "99%" {print $2}' <<<"$out" | to_ms) "
  done
done

printf '%-8s %12s %10s %10s %14s\n' path 'requests/s' 'p50 ms' 'p99 ms' 'rps vs static'
static_rps=$(median ${rps[static]})
for name in "${names[@]}"; do
  value=$(median ${rps[$name]})
  printf '%-8s %12s %10s %10s %14s\n' "$name" "$value" "$(median ${p50[$name]})" "$(median ${p99[$name]})" \
    "$(awk -v a="$value" -v b="$static_rps" 'BEGIN {printf "%.2f", a / b}')"
done
