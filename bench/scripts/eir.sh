#!/usr/bin/env bash
# The check engine's figures: decisions per second on one core (per CPU-second, alternating with the
# baseline, and in JMH with -prof gc) beside a bare primitive-map lookup; heap per listed IMEI (heap limited to 1 GiB) beside bare long[]+int[]; and
# commit-to-check latency beside polling alone.
# Usage: bench/scripts/eir.sh [IMEIS] (default 10000000). The register is generated in an embedded
# PostgreSQL once per size under $CEIR_BENCH_DIR (default /tmp/ceir-bench-eir) and reused.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
imeis="${1:-10000000}"
dir="${CEIR_BENCH_DIR:-/tmp/ceir-bench-eir}"
mkdir -p "$dir" && chmod 755 "$dir"   # under root the embedded PostgreSQL runs as nobody
(cd "$root" && mvn -B -ntp -q -pl bench -am package -DskipTests)
jar="$root/bench/target/benchmarks.jar"
quiet() { grep -v -e '^SLF4J' -e ' DEBUG ' -e ' INFO '; }

echo "== heap per listed IMEI ($imeis IMEIs, -Xmx1g)"
java -Xmx1g -XX:+UseParallelGC -cp "$jar" org.ceir.bench.eir.RegisterMemory "$imeis" "$dir" 2> >(quiet >&2)

echo "== decisions per CPU-second of one thread ($imeis IMEIs), alternating with the baseline"
java -Xmx4g -XX:+UseParallelGC -XX:+UseTransparentHugePages -cp "$jar" org.ceir.bench.eir.CheckThroughput \
  "$imeis" 30 "$dir" 2> >(quiet >&2)

echo "== the same in JMH, wall-clock, with -prof gc ($imeis IMEIs)"
java -Dceir.bench.dir="$dir" -jar "$jar" CheckBenchmark -p imeis="$imeis" -prof gc 2> >(quiet >&2) \
  | grep -E '^(Benchmark|CheckBenchmark)' | grep -v -e 'gc.count' -e 'gc.time'

echo "== commit to first check that sees it (1000000 IMEIs)"
java -cp "$jar" org.ceir.bench.eir.ChangeLatency 200 1000000 "$dir" 2> >(quiet >&2)
