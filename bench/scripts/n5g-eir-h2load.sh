#!/usr/bin/env bash
# N5g-eir throughput and latency beside a bare Netty h2c baseline, in one run.
#
# Starts two JVMs on 127.0.0.1: the N5g-eir server over a trivial in-memory check, and a bare
# Netty h2c server answering a constant (org.ceir.bench.sbi.H2cTarget). Warms both, then
# alternates measured h2load rounds between them, so that both see the same machine. Prints
# requests/s at saturation (median of the rounds), the ratio N5g-eir / baseline (of the medians,
# and the median of each round's ratio), p50/p99 latency at a steady offered load from h2load's
# per-request log, and each server's CPU time per request (from /proc), the figure a shared
# machine blurs least.
#
# Needs h2load (Debian: apt-get install nghttp2-client) and Java 17+; builds bench/target/benchmarks.jar
# when it is missing or older than the sources.
#
# Usage: bench/scripts/n5g-eir-h2load.sh [ROUNDS] [REQUESTS_PER_ROUND]
#   env: CLIENTS (h2load -c, 4), STREAMS (h2load -m, 64), SERVER_THREADS (1), H2LOAD_THREADS (1),
#        WARMUP (requests per server before measuring, 600000: C2 needs them, more so on a busy
#        machine), LATENCY_RATE (req/s offered while latency is logged, 20000), LATENCY_SECONDS (10),
#        BASE_PORT (18081: the baseline gets BASE_PORT+1), JAVA_OPTS
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
rounds="${1:-5}"
requests="${2:-300000}"
clients="${CLIENTS:-4}"
streams="${STREAMS:-64}"
server_threads="${SERVER_THREADS:-1}"
h2load_threads="${H2LOAD_THREADS:-1}"
warmup="${WARMUP:-600000}"
latency_rate="${LATENCY_RATE:-20000}"
latency_seconds="${LATENCY_SECONDS:-10}"
port_eir="${BASE_PORT:-18081}"
port_base="$((port_eir + 1))"

command -v h2load >/dev/null || { echo "h2load is missing: apt-get install nghttp2-client" >&2; exit 1; }
if [ ! -f "$jar" ] || [ -n "$(find "$root"/*/src/main "$root"/*/pom.xml "$root/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "building $jar…" >&2
  (cd "$root" && mvn -B -ntp -q -pl bench -am package -DskipTests) >&2
fi

work="$(mktemp -d -t n5g-eir-bench.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

declare -A pid_of
start() { # kind port
  java ${JAVA_OPTS:-} -Xms512m -Xmx512m -XX:+UseParallelGC -cp "$jar" org.ceir.bench.sbi.H2cTarget "$1" "$2" \
    "$server_threads" >"$work/$1.out" 2>&1 &
  pids+=("$!")
  pid_of[$1]="$!"
  for _ in $(seq 1 100); do
    grep -q '^listening' "$work/$1.out" && return 0
    sleep 0.1
  done
  cat "$work/$1.out" >&2
  echo "the $1 server did not start" >&2
  exit 1
}

uris() { # port: 1,000 requests for distinct devices, the same for both servers
  awk -v port="$1" 'BEGIN { srand(5); for (i = 0; i < 1000; i++)
    printf "http://127.0.0.1:%d/n5g-eir-eic/v1/equipment-status?pei=imei-35209900%07d&supi=imsi-40001%010d&gpsi=msisdn-99450%07d\n",
      port, int(rand() * 10000000), int(rand() * 10000000000), int(rand() * 10000000) }'
}

ticks() { # pid -> CPU clock ticks the process has used (user + system)
  awk '{ print $14 + $15 }' "/proc/$1/stat"
}

run() { # kind port requests [h2load options…] -> prints req/s; appends the server's CPU us/request to $work/cpu-KIND
  local kind="$1" port="$2" n="$3" before
  shift 3
  before="$(ticks "${pid_of[$kind]}")"
  h2load -n "$n" -c "$clients" -m "$streams" -t "$h2load_threads" -i "$work/uris-$port.txt" "$@" \
    >"$work/h2load.out" 2>&1 || { cat "$work/h2load.out" >&2; exit 1; }
  if ! grep -q ' 0 failed, 0 errored' "$work/h2load.out" || ! grep -q "status codes: $n 2xx" "$work/h2load.out"; then
    cat "$work/h2load.out" >&2
    echo "$kind: not every request succeeded with 2xx" >&2
    exit 1
  fi
  awk -v t="$(( $(ticks "${pid_of[$kind]}") - before ))" -v hz="$(getconf CLK_TCK)" -v n="$n" \
    'BEGIN { print t * 1000000 / hz / n }' >>"$work/cpu-$kind"
  sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' "$work/h2load.out"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

percentiles() { # log files... -> "p50 p99" in microseconds
  cat "$@" | cut -f3 | sort -n | awk '{ v[NR] = $1 } END { printf "%d %d\n", v[int(NR * 0.50)], v[int(NR * 0.99)] }'
}

uris "$port_eir" >"$work/uris-$port_eir.txt"
uris "$port_base" >"$work/uris-$port_base.txt"
start n5g-eir "$port_eir"
start constant "$port_base"

echo "warming up both servers with $warmup requests each…" >&2
for _ in 1 2 3; do
  run n5g-eir "$port_eir" "$((warmup / 3))" >/dev/null
  run constant "$port_base" "$((warmup / 3))" >/dev/null
done

: >"$work/rps-n5g-eir"
: >"$work/rps-constant"
: >"$work/cpu-n5g-eir"
: >"$work/cpu-constant"
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then # alternate which goes first, so neither always follows the other
    run constant "$port_base" "$requests" >>"$work/rps-constant"
    run n5g-eir "$port_eir" "$requests" >>"$work/rps-n5g-eir"
  else
    run n5g-eir "$port_eir" "$requests" >>"$work/rps-n5g-eir"
    run constant "$port_base" "$requests" >>"$work/rps-constant"
  fi
  echo "round $round: baseline $(tail -1 "$work/rps-constant") req/s, n5g-eir $(tail -1 "$work/rps-n5g-eir") req/s" >&2
done

# Latency at a steady offered load below saturation (at saturation it is only queueing: Little's
# law). Measured apart because h2load's per-request log slows h2load itself, unevenly.
echo "latency at $latency_rate req/s offered…" >&2
for kind in n5g-eir constant; do
  port="$([ "$kind" = n5g-eir ] && echo "$port_eir" || echo "$port_base")"
  run "$kind" "$port" "$((latency_rate * latency_seconds))" --rps="$((latency_rate / clients))" \
    --log-file="$work/$kind-latency.log" >/dev/null
done

eir="$(median <"$work/rps-n5g-eir")"
base="$(median <"$work/rps-constant")"
read -r eir50 eir99 <<<"$(percentiles "$work/n5g-eir-latency.log")"
read -r base50 base99 <<<"$(percentiles "$work/constant-latency.log")"
echo "h2load -n $requests -c $clients -m $streams -t $h2load_threads; server threads $server_threads; $rounds rounds; $(nproc) cores"
eir_cpu="$(median <"$work/cpu-n5g-eir")"
base_cpu="$(median <"$work/cpu-constant")"
printf '%-30s %12s %10s %10s %14s\n' "server" "req/s (med)" "p50 (us)" "p99 (us)" "CPU us/req (med)"
printf '%-30s %12.0f %10d %10d %14.2f\n' "bare Netty h2c (constant)" "$base" "$base50" "$base99" "$base_cpu"
printf '%-30s %12.0f %10d %10d %14.2f\n' "N5g-eir (trivial check)" "$eir" "$eir50" "$eir99" "$eir_cpu"
awk -v e="$eir" -v b="$base" 'BEGIN { printf "ratio of the medians, N5g-eir / baseline: %.2f (goal >= 0.80)\n", e / b }'
# Each round's pair ran back to back, so its ratio is less disturbed by a busy machine's swings.
paste "$work/rps-n5g-eir" "$work/rps-constant" | awk '{ print $1 / $2 }' | median \
  | awk '{ printf "median of the per-round ratios: %.2f\n", $1 }'
# Server CPU per request is what a busy machine disturbs least: baseline's / ours is the share of
# the bare server's throughput this one would reach on the same cores.
awk -v e="$eir_cpu" -v b="$base_cpu" 'BEGIN { printf "CPU per request, baseline / N5g-eir: %.2f\n", b / e }'
