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
row "arr502 LogBench (full analysis, 2 threads, JVM start)" "$(best java -cp "$cp" io.arr502.core.log.LogBench analyze "$log")"
# C2 compiles a branch it has not seen yet as a trap; the first 502.3 line would throw the scan loop's code away
row "arr502 LogBench, -XX:PerMethodTrapLimit=0" "$(best java -XX:PerMethodTrapLimit=0 -cp "$cp" io.arr502.core.log.LogBench analyze "$log")"
if [ -f check/target/check_arr502.jar ]; then
  row "java -jar check_arr502.jar logs --window all (full verdict)" "$(best java -jar check/target/check_arr502.jar logs "$log" --window all -t 120)"
  row "java -Xmx64m -jar check_arr502.jar (same)" "$(best java -Xmx64m -jar check/target/check_arr502.jar logs "$log" --window all -t 120)"
  row "check/bin/check_arr502 (launcher: C1 only, AppCDS; same)" "$(best check/bin/check_arr502 logs "$log" --window all -t 120)"
fi

echo
echo "agreement:"
java -cp "$cp" io.arr502.core.log.LogBench analyze "$log"
mawk "$awk_prog" "$log" | sort

if [ -f check/target/check_arr502.jar ]; then
  echo
  echo "incremental: the scheduled check (launcher, 15 min window, state) on the ${size_mib} MiB file"
  inc="$out/incremental"
  rm -rf "$inc" && mkdir -p "$inc/state"
  cp check/target/check_arr502.jar check/bin/check_arr502 "$inc/"
  cp "$log" "$inc/u_ex261124.log"
  # the generated log starts 2026-11-24 00:00 and repeats; pin "now" inside it so the window has requests
  run_check() { "$inc/check_arr502" logs "$inc/u_ex261124.log" --window 15m --now 2026-11-24T00:05:00Z --state-dir "$inc/state" -t 60; }
  s=$(date +%s.%N); run_check > /dev/null || true; e=$(date +%s.%N)
  echo "first run (one-time AppCDS training + full read): $(echo "$e - $s" | bc -l) s"
  # the training runs in the background after the first run: time the later runs once its archive is there
  for _ in $(seq 120); do
    if ls "$inc"/*.jsa > /dev/null 2>&1 && ! ls -d "$inc"/*.training > /dev/null 2>&1; then break; fi
    sleep 0.5
  done
  printf '%-58s %9.3f\n' "nothing new (best of 3)" "$(best run_check)"
  b=999
  for _ in 1 2 3; do
    head -c 1048576 "$out/seed.log" | sed '1,4d' | head -n -1 >> "$inc/u_ex261124.log"
    s=$(date +%s.%N); run_check > /dev/null || true; e=$(date +%s.%N)
    b=$(echo "$e - $s" | bc -l | awk -v b="$b" '{ print ($1 < b) ? $1 : b }')
  done
  printf '%-58s %9.3f\n' "1 MiB appended, then the check (best of 3)" "$b"
  if command -v check_logfiles > /dev/null || [ -x /usr/lib/nagios/plugins/check_logfiles ]; then
    cl=$(command -v check_logfiles || echo /usr/lib/nagios/plugins/check_logfiles)
    "$cl" --logfile "$inc/u_ex261124.log" --criticalpattern ' 502 3 ' --seekfilesdir "$inc" --protocolsdir "$inc" > /dev/null || true
    printf '%-58s %9.3f\n' "check_logfiles, nothing new (best of 3)" "$(best "$cl" --logfile "$inc/u_ex261124.log" --criticalpattern ' 502 3 ' --seekfilesdir "$inc" --protocolsdir "$inc")"
  fi
fi
