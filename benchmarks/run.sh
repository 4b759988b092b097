#!/usr/bin/env bash
# Times whole Headroom runs on real jars from Maven Central and on the running JDK's own java.base.
# Usage: mvn -B -q package -DskipTests && benchmarks/run.sh
# Prints one line per scenario: wall time, CPU time (user and system, all threads), peak memory, Headroom's
# exit code and the report's summary counts. A run that crashes (exit 4) or writes no report shows '-'
# counts: an old report is never read. HEADROOM_JAR=<jar> times another build (for a side-by-side run).
# Every run is in a 1 GiB heap (-Xmx1g, what a CI runner can give; issue 15): HEAP=<option> times another,
# HEAP= the JVM's default.
# ARGS=<options> adds them to every check (split at blanks): ARGS='--threads 1' times the analyses on one thread.
# An argument runs only the scenarios whose names match it (a grep -E pattern): run.sh '^(sample|jctools)'.
# Each build keeps its own cache directory (the IPET's solutions, the JDK's scans) in benchmarks/target/cache/<a digest
# of its jar>, warm from its second run on: two builds timed side by side must not replace each other's files (each
# would find the other's, read nothing and solve and scan everything again). COLD=1 empties it before every run.
#
# benchmarks/run.sh --versus forbidden-apis [pattern] runs forbidden-apis 3.10 (fetched from Maven Central)
# and Headroom on the same jar in one alternating loop, ROUNDS times (default 5), and prints the medians of
# wall time and peak memory and their ratios per scenario (the scenarios whose input is a jar). Headroom runs
# twice per round: as above (java -jar, the JVM's default flags) and through the distribution's bin/headroom
# (its start-up flags; its class-data archive in benchmarks/target/cache, written in the second round).
# benchmarks/run.sh --versus spotbugs [pattern] does the same with SpotBugs 4.9.8 at its defaults (and its libraries,
# resolved by Maven) in forbidden-apis' place. A peer reads the whole jar whatever the roots, so it is timed once per
# jar and round, and that time stands in each of the jar's scenarios.
#
# benchmarks/run.sh --doubling times the generated jars of 25,000 and 50,000 classes (every method a root) one after
# the other, ROUNDS times (default 3), through bin/headroom and through java -jar in ${HEAP:--Xmx1g}, and prints the
# median times, their ratio and each round's (issue 15: twice the input at most twice the time).
#
# benchmarks/run.sh --timing-phase [pattern] runs benchmarks/TimingPhase.java on the four wide scans
# (jctools-every-method, agrona-every-method, guava-every-method, java.base-java.util): in one JVM per scenario
# (-Xmx3g, HEAP=<option> for another) everything up to the timing analysis is built once, then the timing
# analysis alone runs with the IPET and with the longest path only (-Dheadroom.internal.ipet=off), alternating,
# ROUNDS times (default 5) after a warm-up of each. It prints the median wall and CPU time per mode and their
# ratios, the roots bounded, the bounds the IPET tightened, any root whose IPET bound is above the longest path's
# (loudly), and the integer programs solved; each scenario's output stays in benchmarks/target/<name>.timing-phase.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSUS=
TIMING_PHASE=
DOUBLING=
if [ "${1:-}" = --doubling ]; then
  DOUBLING=1
  shift
fi
if [ "${1:-}" = --timing-phase ]; then
  TIMING_PHASE=1
  shift
fi
if [ "${1:-}" = --versus ]; then
  case "${2:-}" in
    forbidden-apis | spotbugs) VERSUS=$2 ;;
    *) echo "usage: benchmarks/run.sh --versus forbidden-apis|spotbugs [pattern]" >&2; exit 2 ;;
  esac
  shift 2
fi
HEADROOM=${HEADROOM_JAR:-analyzer/cli/target/headroom.jar}
WORK=benchmarks/target
mkdir -p "$WORK/jars"
[ -f "$HEADROOM" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }
CACHE_HOME="$WORK/cache/$(sha256sum "$HEADROOM" | cut -c1-16)"
cache_home() { # the build's cache home, emptied first under COLD=1
  [ "${COLD:-}" != 1 ] || rm -rf "$CACHE_HOME/headroom"
  echo "$CACHE_HOME"
}

fetch() { # groupId:artifactId:version
  local file="$WORK/jars/$(echo "$1" | cut -d: -f2)-$(echo "$1" | cut -d: -f3).jar"
  [ -f "$file" ] || mvn -B -q dependency:copy -Dartifact="$1" -DoutputDirectory="$WORK/jars" >&2
  echo "$file"
}
generated() { # classes: the jar of that many generated classes (benchmarks/GeneratedJar.java), written when missing
  local file="$WORK/jars/generated-$1.jar"
  [ -f "$file" ] || java -cp "$HEADROOM" benchmarks/GeneratedJar.java "$file" "$1" >&2
  echo "$file"
}
# shellcheck source=loop.sh
. benchmarks/loop.sh
if [ -n "$DOUBLING" ]; then # the generated jars only: nothing fetched
  # shellcheck source=doubling.sh
  . benchmarks/doubling.sh
  doubling_loop
  exit 0
fi
JCTOOLS=$(fetch org.jctools:jctools-core:4.0.5)
AGRONA=$(fetch org.agrona:agrona:1.23.1)
GUAVA=$(fetch com.google.guava:guava:33.4.8-jre)
JAVA_HOME_RUNNING=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')
JAVA_BASE="$WORK/java.base"
if [ -z "$VERSUS" ] && [ ! -d "$JAVA_BASE/java.base" ]; then
  "$JAVA_HOME_RUNNING/bin/jimage" extract --dir "$JAVA_BASE" --include 'regex:/java.base/.*' "$JAVA_HOME_RUNNING/lib/modules"
fi
ONLY=${1:-.}

if [ -n "$VERSUS" ]; then
  # shellcheck source=versus.sh
  . benchmarks/versus.sh
elif [ -n "$TIMING_PHASE" ]; then
  run() { # name, then headroom check arguments; only the wide scans
    local name=$1; shift
    case "$name" in jctools-every-method|agrona-every-method|guava-every-method|java.base-java.util) ;; *) return 0 ;; esac
    echo "$name" | grep -qE -- "$ONLY" || return 0
    java ${HEAP--Xmx3g} -cp "$HEADROOM" benchmarks/TimingPhase.java "$name" "$@" | tee "$WORK/$name.timing-phase"
  }
else
  printf '%-34s %8s %8s %8s %5s %6s %8s %8s %9s\n' scenario seconds cpu-s MiB exit roots methods classes findings
fi
[ -n "$VERSUS" ] || [ -n "$TIMING_PHASE" ] || run() { # name, then headroom check arguments
  local name=$1; shift
  echo "$name" | grep -qE -- "$ONLY" || return 0
  local out="$WORK/$name.json"
  rm -f "$out"
  local status=0
  XDG_CACHE_HOME=$(cache_home) /usr/bin/time -f '%e %M %U %S' -o "$WORK/$name.time" java ${HEAP--Xmx1g} -jar "$HEADROOM" check --format json -o "$out" ${ARGS:-} "$@" 2> "$WORK/$name.err" || status=$?
  read -r secs kib user sys < <(tail -n 1 "$WORK/$name.time")
  local cpu
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  if [ ! -s "$out" ] || [ "$status" -gt 1 ]; then
    printf '%-34s %8s %8s %8d %5s %6s %8s %8s %9s   %s\n' "$name" "$secs" "$cpu" $((kib / 1024)) "$status" - - - - "$(head -c 200 "$WORK/$name.err")"
    return
  fi
  summary() { grep -m1 -A7 '"summary"' "$out" | sed -n "s/.*\"$1\": \([0-9]*\).*/\1/p"; }
  local findings=$(( $(summary errors) + $(summary warnings) + $(summary suppressed) ))
  printf '%-34s %8s %8s %8d %5s %6s %8s %8s %9s\n' "$name" "$secs" "$cpu" $((kib / 1024)) "$status" "$(summary roots)" "$(summary methods)" "$(summary classes)" "$findings"
}

run sample-telemetry          sample-projects/telemetry-mistakes/target/classes
run jctools-queue-offers      --root 'org.jctools.queues.*ArrayQueue#offer' --root 'org.jctools.queues.*ArrayQueue#poll' "$JCTOOLS"
run agrona-ring-buffers       --root 'org.agrona.concurrent.ringbuffer.*RingBuffer#write' --root 'org.agrona.concurrent.ringbuffer.*RingBuffer#read' "$AGRONA"
run guava-immutable-list      --root 'com.google.common.collect.ImmutableList#*' --root 'com.google.common.base.Strings#*' --group-by location "$GUAVA"
run jctools-every-method      --root 'org.jctools.**#*' --group-by location "$JCTOOLS"
run agrona-every-method       --root 'org.agrona.**#*' --group-by location "$AGRONA"
run guava-every-method        --root 'com.google.common.**#*' --group-by location "$GUAVA"
run java.base-3-classes       --root 'java.util.ArrayList#*' --root 'java.util.HashMap#*' --root 'java.lang.String#*' --group-by location "$JAVA_BASE/java.base"
run java.base-java.util       --root 'java.util.**#*' --group-by location "$JAVA_BASE/java.base"
# 50,000 generated classes (benchmarks/GeneratedJar.java), every method a root, in a 1 GiB heap
GENERATED="$WORK/jars/generated-50000.jar"
[ -z "$VERSUS$TIMING_PHASE" ] && echo generated-50000-every-method | grep -qE -- "$ONLY" && generated 50000 > /dev/null
run generated-50000-every-method --root 'gen.**#*' --group-by location "$GENERATED"
run generated-50000-every-method-rta --root 'gen.**#*' --group-by location --dispatch rta "$GENERATED"
[ -z "$VERSUS" ] || versus_loop
