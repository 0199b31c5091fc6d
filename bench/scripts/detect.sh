#!/usr/bin/env bash
# Detection benchmark: a full run at N/4, N/2 and N subscribers x 90 days, and DuckDB over the
# same triplets in Parquet. Usage: bench/scripts/detect.sh [SUBSCRIBERS] (default 1000000).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
(cd "$root" && mvn -B -ntp -q -pl bench -am package -DskipTests)
dir="$(mktemp -d -t ceir-detect-bench.XXXXXX)"
chmod 755 "$dir"   # under root the embedded PostgreSQL runs as nobody
trap 'rm -rf "$dir"' EXIT
java -Xmx6g -cp "$root/bench/target/benchmarks.jar" org.ceir.bench.detect.DetectBenchmark "${1:-1000000}" "$dir" \
  2> >(grep -v -e '^SLF4J' -e ' DEBUG ' -e ' INFO ' >&2)
