#!/usr/bin/env bash
# Generates a ~1 GiB realistic IIS log (seeded) once, then times on the same warm file:
# our engine (whole JVM process, start included), wc -l, grep -c ' 502 3 ', and a field-aware
# awk that counts 502.3 by sc-win32-status. Usage: bench/log-throughput.sh [MiB] [heap]
set -euo pipefail
cd "$(dirname "$0")/.."
MIB=${1:-1024}
HEAP=${2:-64m}
OUT=${BENCH_DIR:-/tmp/arr502-bench}
LOG="$OUT/W3SVC1/u_ex261120.log"
mkdir -p "$OUT/W3SVC1"

[ -f core/target/classes/io/arr502/core/log/LogBench.class ] && [ -f core/target/test-classes/io/arr502/core/log/BenchLogWriter.class ] \
  || ./mvnw -B -q -pl core test-compile
M2=${MAVEN_REPO:-$HOME/.m2/repository}
DEPS=$(find "$M2/org/hdrhistogram" "$M2/com/fasterxml/jackson/core" -name '*.jar' ! -name '*sources*' | tr '\n' ':')
CP="core/target/classes:$DEPS"

if [ ! -f "$LOG" ] || [ "$(stat -c %s "$LOG")" -lt $(( (MIB - 1) * 1048576 )) ]; then
  echo "generating ${MIB} MiB log in $LOG"
  java -cp "core/target/test-classes:$CP" io.arr502.core.log.BenchLogWriter "$LOG" "$MIB"
fi
SIZE=$(stat -c %s "$LOG")
cat "$LOG" > /dev/null   # warm the page cache

t() { # label, command...
  local label=$1; shift
  local s e out
  s=$(date +%s.%N); out=$("$@" 2>&1 | tail -1 || true); e=$(date +%s.%N)
  awk -v l="$label" -v s="$s" -v e="$e" -v b="$SIZE" -v o="$out" \
    'BEGIN { d = e - s; printf "| %-34s | %7.2f s | %6.2f GB/s | %s\n", l, d, b / d / 1e9, o }'
}

echo "file: $LOG ($SIZE bytes), cores: $(nproc)"
echo "| tool | time | throughput | output |"
echo "|---|---|---|---|"
t "arr502 LogEngine (2 threads, -Xmx$HEAP)" java -Xmx"$HEAP" -Xshare:auto -XX:TieredStopAtLevel=4 -cp "$CP" io.arr502.core.log.LogBench "$LOG" 2
t "arr502 LogEngine (1 thread)" java -Xmx"$HEAP" -cp "$CP" io.arr502.core.log.LogBench "$LOG" 1
t "wc -l" wc -l "$LOG"
t "grep -c ' 502 3 '" grep -c ' 502 3 ' "$LOG"
AWK=$(command -v mawk || command -v awk)
t "$(basename "$AWK") 502.3 by win32 (field-aware)" "$AWK" '
  /^#Fields:/ { delete ix; for (i = 2; i <= NF; i++) ix[$i] = i - 1; next }
  /^#/ { next }
  / 502 / { if ($ix["sc-status"] == 502 && $ix["sc-substatus"] == 3) c[$ix["sc-win32-status"]]++ }
  END { for (k in c) printf "%s=%d ", k, c[k]; print "" }' "$LOG"

# Incremental: a state run over the whole file, then 1 MiB appended, then the timed run.
STATE="$OUT/arr502.state"
rm -f "$STATE"
java -Xmx"$HEAP" -cp "$CP" io.arr502.core.log.LogBench "$LOG" 1 "$STATE" > /dev/null
tail -c 1048576 "$LOG" | tail -n +2 >> "$LOG"
t "arr502 incremental (+1 MiB, state)" java -Xmx"$HEAP" -Xshare:auto -XX:TieredStopAtLevel=1 -cp "$CP" io.arr502.core.log.LogBench "$LOG" 1 "$STATE"
echo "(incremental row: GB/s column is relative to the whole file; 'bytes=' shows what was read)"
