#!/usr/bin/env bash
# Throughput of the arr502 log engine against wc -l, grep and a field-aware awk, on one warm 1 GiB
# IIS log (generated, seeded). Every timing includes process start (the JVM's too), best of 3.
#   bench/log-throughput.sh [SIZE_MIB]        (default 1024)
set -euo pipefail
cd "$(dirname "$0")/.."
size_mib=${1:-1024}
out=bench/out
mkdir -p "$out"
log="$out/u_ex261124.log"

./mvnw -q -B -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/$out/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="core/target/classes:core/target/test-classes:$(cat "$out/cp.txt")"

if [ ! -f "$log" ] || [ "$(stat -c %s "$log")" -lt $((size_mib * 1024 * 1024)) ]; then
  # generate 64 MiB of realistic lines, then repeat them up to the size (throughput does not care that time repeats)
  java -cp "$cp" io.arr502.core.log.LogBench generate "$out/seed.log" 64
  : > "$log"
  while [ "$(stat -c %s "$log")" -lt $((size_mib * 1024 * 1024)) ]; do cat "$out/seed.log" >> "$log"; done
fi
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null   # warm the page cache

best() { # best wall time of 3 runs, seconds
  local b=999999
  for _ in 1 2 3; do
    local s e
    s=$(date +%s.%N); "$@" > "$out/last-output.txt"; e=$(date +%s.%N)  # not /dev/null: GNU grep stops at the first match there
    b=$(echo "$e - $s" | bc -l | awk -v b="$b" '{ print ($1 < b) ? $1 : b }')
  done
  echo "$b"
}

# the exact peer: counts 502.3 by win32 from the sc-status/sc-substatus/sc-win32-status columns of this field set
awk_prog='/ 502 / { if ($16 == 502 && $17 == 3) c[$18]++ } END { for (k in c) print k, c[k] }'

printf '%-58s %9s %9s %7s\n' "command (${size_mib} MiB, warm, best of 3)" "seconds" "GB/s" "× wc"
t_wc=$(best wc -l "$log")
row() { printf '%-58s %9.3f %9.2f %7.2f\n' "$1" "$2" "$(echo "$bytes / $2 / 1000000000" | bc -l)" "$(echo "$2 / $t_wc" | bc -l)"; }
row "wc -l" "$t_wc"
row "grep -c ' 502 3 ' (inexact)" "$(best grep -c ' 502 3 ' "$log")"
row "mawk field-aware 502.3 by win32" "$(best mawk "$awk_prog" "$log")"
row "arr502 LogBench (full analysis, 2 threads, JVM start)" "$(best java -XX:+UseParallelGC -cp "$cp" io.arr502.core.log.LogBench analyze "$log")"
if [ -f check/target/check_arr502.jar ]; then
  row "check_arr502 logs --window all (full verdict)" "$(best java -jar check/target/check_arr502.jar logs "$log" --window all -t 120)"
  row "check_arr502, -Xmx64m" "$(best java -Xmx64m -jar check/target/check_arr502.jar logs "$log" --window all -t 120)"
fi

echo
echo "agreement:"
java -cp "$cp" io.arr502.core.log.LogBench analyze "$log"
mawk "$awk_prog" "$log" | sort

echo
echo "incremental: 1 MiB appended to the ${size_mib} MiB file"
state="$out/state.json"
rm -f "$state" "$state.lock"
java -cp "$cp" io.arr502.core.log.LogBench analyze "$log" "$state" >/dev/null
head -c 1048576 "$out/seed.log" | sed '1,4d' | head -n -1 >> "$log"
s=$(date +%s.%N); java -XX:TieredStopAtLevel=1 -cp "$cp" io.arr502.core.log.LogBench analyze "$log" "$state"; e=$(date +%s.%N)
echo "incremental run wall time: $(echo "$e - $s" | bc -l) s"
