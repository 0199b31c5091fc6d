#!/usr/bin/env bash
# Issue 3's import figures: end-to-end import of an operator file beside raw COPY of the same rows
# (unlogged, unindexed table, same server, same run), 1M and 10M rows by default, heap capped at 1 GiB.
#   bench/scripts/ingest-import.sh [ROWS…] [--db ADMIN_JDBC_URL]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
(cd "$root" && mvn -B -ntp -q -pl bench -am package -DskipTests)
exec java -Xmx1g -XX:+UseParallelGC -cp "$root/bench/target/benchmarks.jar" \
  org.ceir.bench.ingest.OperatorImportBenchmark "$@"
