#!/usr/bin/env bash
# JMH benchmarks of headroom-collections against the JDK, fastutil and Agrona: throughput and, with the GC
# profiler, bytes allocated per operation. Not part of the build (it takes minutes).
# Usage: benchmarks/collections.sh [JMH options], e.g. benchmarks/collections.sh 'map.*'
# Defaults: one fork, 3 warm-up and 5 measurement iterations of 1 s, -prof gc.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q install -DskipTests -pl collections -am
mvn -B -q -f benchmarks/collections/pom.xml package dependency:build-classpath \
  -Dmdep.outputFile=target/classpath.txt
CP="benchmarks/collections/target/classes:$(cat benchmarks/collections/target/classpath.txt)"
if [ $# -eq 0 ]; then
  set -- -f 1 -wi 3 -w 1s -i 5 -r 1s -prof gc
fi
java -cp "$CP" org.openjdk.jmh.Main "$@"
