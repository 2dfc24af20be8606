#!/usr/bin/env bash
# Where the warm log engine spends its time, down to the instruction, without hsdis: a small JVMTI agent
# (jit-profile/codedump.c, built here with gcc) saves the machine code of each method as the JIT installs it,
# perf samples the scan threads, and jit-profile/annotate.py matches samples to methods and instructions
# (objdump disassembles). Needs gcc, perf and objdump; the 1 GiB log from bench/log-throughput.sh.
#   bench/jit-profile.sh [RUNS] [METHODS_TO_DISASSEMBLE]      (defaults 6 and 4)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-6}
out=bench/out/jit-profile
log=bench/out/u_ex261124.log
[ -f "$log" ] || { echo "no $log: run bench/log-throughput.sh first" >&2; exit 1; }
mkdir -p "$out"
java_home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
gcc -O2 -shared -fPIC -I"$java_home/include" -I"$java_home/include/linux" bench/jit-profile/codedump.c -o "$out/libcodedump.so"
./mvnw -q -B ${MVN_OFFLINE:+-o} -pl core test-compile dependency:build-classpath -Dmdep.outputFile="$PWD/bench/out/cp.txt" -Dmdep.includeScope=test >/dev/null
cp="$PWD/core/target/classes:$PWD/core/target/test-classes:$(cat bench/out/cp.txt)"
cat "$log" > /dev/null   # warm the page cache
(cd "$out" && perf record -q -e cpu-clock -F 10000 -o perf.data -- \
  java -agentpath:"$PWD/libcodedump.so" -cp "$cp" io.arr502.core.log.LogBench warm "$OLDPWD/$log" "$runs")
python3 bench/jit-profile/annotate.py "$out" arr502-log-scan "${2:-4}"
