#!/usr/bin/env bash
# S13 load: ceir's S13 server (with a trivial in-memory check) beside a bare Netty server that
# answers every ECR with a canned ECA, driven by the same pipelined client in the same run.
# Rounds alternate the two; the medians and their ratios are printed at the end:
#   - checks/s and latency (p50, p99) as the client sees them;
#   - the server's CPU time per check (user + system, from /proc), which a busy machine disturbs
#     far less than throughput: the fairest comparison of what each server costs.
#
#   bench/scripts/diameter-load.sh                 # 5 rounds of 10 s, 2 connections x 128 in flight
#   ROUNDS=3 SECONDS_PER_ROUND=20 CONNECTIONS=4 WINDOW=64 SERVER_THREADS=1 JVM_OPTS="-Xmx2g" bench/scripts/diameter-load.sh
#
# Everything runs on 127.0.0.1: client and servers share this machine's cores, so the absolute
# figures depend on the machine and its load.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/bench/target/benchmarks.jar"
rounds="${ROUNDS:-5}"
seconds="${SECONDS_PER_ROUND:-10}"
warmup="${WARMUP_SECONDS:-5}"
connections="${CONNECTIONS:-2}"
window="${WINDOW:-128}"
threads="${SERVER_THREADS:-1}"
# Serial GC for all three JVMs: on two shared cores its young collections (a few MB live) pause
# least, and ceir's S13 server allocates ~0.9 KB per check where the canned one allocates nothing.
read -r -a jvm <<<"${JVM_OPTS:--Xms1g -Xmx1g -XX:+UseSerialGC}"
ticks_per_second="$(getconf CLK_TCK)"

if [ ! -f "$jar" ] || [ -n "$(find "$root"/*/src/main "$root"/*/pom.xml -newer "$jar" -print -quit)" ]; then
  echo "building $jar…" >&2
  (cd "$root" && mvn -B -ntp -q -pl bench -am package -DskipTests) >&2
fi

work="$(mktemp -d -t diameter-load.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

# Starts a server in this shell (so that its PID is ours to stop) and sets <kind>_pid and <kind>_port.
start_server() {
  local kind="$1" port=""
  java "${jvm[@]}" -cp "$jar" org.ceir.bench.diameter.DiameterLoadServer "$kind" 0 "$threads" \
      >"$work/$kind.out" 2>"$work/$kind.err" &
  pids+=("$!")
  printf -v "${kind}_pid" '%s' "$!"
  for _ in $(seq 300); do
    port="$(sed -n 's/^listening //p' "$work/$kind.out")"
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "the $kind server did not start:" >&2; cat "$work/$kind.err" >&2; exit 1; }
  printf -v "${kind}_port" '%s' "$port"
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

start_server canned
start_server s13
echo "canned baseline on :$canned_port, ceir S13 on :$s13_port; $rounds rounds of ${seconds}s (+${warmup}s warm-up)," \
     "$connections connections x $window in flight, $threads server thread(s), $(nproc) cores," \
     "load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

for round in $(seq "$rounds"); do
  if (( round % 2 )); then order="canned s13"; else order="s13 canned"; fi
  for kind in $order; do
    pid_var="${kind}_pid"; port_var="${kind}_port"
    before="$(cpu_ticks "${!pid_var}")"
    line="$(java "${jvm[@]}" -cp "$jar" org.ceir.bench.diameter.DiameterLoadClient "${!port_var}" "$connections" \
            "$window" "$seconds" "$warmup" 2>>"$work/client.err" | grep '^RESULT')"
    after="$(cpu_ticks "${!pid_var}")"
    total="$(echo "$line" | tr ' ' '\n' | sed -n 's/^total=//p')"
    cpu_ns="$(awk -v t=$((after - before)) -v hz="$ticks_per_second" -v n="$total" 'BEGIN { printf "%.0f", t * 1e9 / hz / n }')"
    echo "round $round $kind: ${line#RESULT } server_cpu_ns_per_check=$cpu_ns" >&2
    echo "$kind ${line#RESULT } cpu_ns=$cpu_ns" >>"$work/results"
  done
done

median() { # kind field
  grep "^$1 " "$work/results" | tr ' ' '\n' | sed -n "s/^$2=//p" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'
}
c_rate="$(median canned checks_per_s)"; s_rate="$(median s13 checks_per_s)"
c_cpu="$(median canned cpu_ns)"; s_cpu="$(median s13 cpu_ns)"
printf '\n%-26s %10s %8s %8s %16s\n' "median of $rounds rounds" "checks/s" "p50 µs" "p99 µs" "server CPU/check"
printf '%-26s %10s %8s %8s %13s ns\n' "canned ECA (bare Netty)" "$c_rate" "$(median canned p50_us)" \
       "$(median canned p99_us)" "$c_cpu"
printf '%-26s %10s %8s %8s %13s ns\n' "ceir S13" "$s_rate" "$(median s13 p50_us)" "$(median s13 p99_us)" "$s_cpu"
awk -v s="$s_rate" -v c="$c_rate" -v sc="$s_cpu" -v cc="$c_cpu" 'BEGIN {
  printf "ratio ceir/canned: throughput %.2f (goal >= 0.80), CPU efficiency %.2f (canned CPU / ceir CPU)\n", s / c, cc / sc
  printf "ceir S13: %.0f checks/s (goal >= 150000)\n", s }'
errors="$(grep '^s13 ' "$work/results" | tr ' ' '\n' | sed -n 's/^errors=//p' | awk '{s += $1} END {print s + 0}')"
echo "ceir S13 error answers: $errors"
