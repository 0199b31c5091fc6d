#!/usr/bin/env bash
# Issue 9's figure: list export of a generated 10-million-IMEI register, time and heap peak, beside
# COPY TO baselines of the register's IMEIs and of the lists' rows (same server, same run).
#   bench/scripts/lists-export.sh [--imeis N] [--rounds R]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
(cd "$root" && mvn -B -ntp -q -pl bench -am package -DskipTests)
exec java -Xmx1g -XX:+UseParallelGC -cp "$root/bench/target/benchmarks.jar" \
  org.ceir.bench.lists.ListExportBenchmark "$@"
