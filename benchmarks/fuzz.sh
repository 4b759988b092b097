#!/usr/bin/env bash
# Fuzzes `headroom check --root '**#*'` with damaged copies of real classes: the running JDK's java.util and
# java.lang classes and every class of JCTools and Agrona (from Maven Central), mutated by flipped bytes,
# truncations, constant-pool references set to zero or out of range, bogus attribute lengths, and changed
# bytecodes, branch offsets, exception tables, max_stack and max_locals (ClassMutants, in the core's tests).
# Usage: mvn -B -q package -DskipTests && benchmarks/fuzz.sh [count (100000)] [seed (1)] [batch (50)]
# Many mutants run per JVM, in-process through the CLI's own entry point (ClassFuzz, in the CLI's tests):
# `batch` mutants of as many different classes per run, each run under a 60 s limit, a failing run repeated
# one mutant at a time to name the culprit. Then the inputs of every 100th run are checked again through the
# real jar, one JVM each. Prints the outcome counts and every failure (crash: exit 4 or an exception out of
# the CLI; hang; a class neither analysed nor named as skipped) with its reproducer; exits 1 on a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-100000}
SEED=${2:-1}
BATCH=${3:-50}
HEADROOM=${HEADROOM_JAR:-analyzer/cli/target/headroom.jar}
TESTS=analyzer/cli/target/test-classes:analyzer/core/target/test-classes
WORK=benchmarks/target/fuzz
[ -f "$HEADROOM" ] && [ -d analyzer/cli/target/test-classes ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
mkdir -p benchmarks/target/jars
jar_of() { # groupId:artifactId:version
  local file="benchmarks/target/jars/$(echo "$1" | cut -d: -f2)-$(echo "$1" | cut -d: -f3).jar"
  [ -f "$file" ] || mvn -B -q dependency:copy -Dartifact="$1" -DoutputDirectory=benchmarks/target/jars >&2
  echo "$file"
}
JCTOOLS=$(jar_of org.jctools:jctools-core:4.0.5)
AGRONA=$(jar_of org.agrona:agrona:1.23.1)
rm -rf "$WORK"
status=0
java -Xmx2g -Dfuzz.sampleEvery=$((BATCH * 100)) -cp "$HEADROOM:$TESTS" dev.headroom.cli.ClassFuzz \
  "$COUNT" "$SEED" 60000 "$BATCH" "$WORK" "$JCTOOLS" "$AGRONA" 2> "$WORK.stderr" || status=$?

# Spot check: the sampled runs' inputs through the real jar, a JVM each (exit 0 or 1: analysed; 2 or 3: refused
# with a one-line error; 4: a crash; 124: over the time limit).
checked=0
refused=0
crashed=0
for dir in "$WORK"/sample/run-*; do
  [ -d "$dir" ] || continue
  rc=0
  timeout 300 java -jar "$HEADROOM" check --root '**#*' --allow-no-roots --format json -o "$dir.json" "$dir" \
    > /dev/null 2> "$dir.stderr" || rc=$?
  checked=$((checked + 1))
  if [ "$rc" -eq 2 ] || [ "$rc" -eq 3 ]; then
    refused=$((refused + 1))
  elif [ "$rc" -gt 1 ]; then
    crashed=$((crashed + 1))
    echo "SPOT CHECK FAILURE: exit $rc on $dir: $(grep -v '^headroom: warning' "$dir.stderr" | head -c 300)"
  fi
done
echo "spot check through $HEADROOM: $checked runs, $refused refused (exit 2 or 3), $crashed crashed or hung"
[ "$crashed" -eq 0 ] || status=1
exit "$status"
