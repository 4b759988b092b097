# Sourced by run.sh for `--versus <peer> [pattern]` (forbidden-apis or spotbugs): run() only registers the scenarios
# whose input is one of the Maven Central jars, and versus_loop times the peer and Headroom on each jar in one
# alternating loop (the order turns round every round), ROUNDS times, then prints medians and ratios.
ROUNDS=${ROUNDS:-5}
V="$WORK/versus"
mkdir -p "$V"

# The artifacts (group:artifact:version...) and their dependencies as a class path, resolved by Maven from a
# throwaway pom in the folder: again whenever the pom changes (another version), else kept. The pom and its class path
# are kept only once Maven has resolved it, so a failed resolution is tried again on the next run.
classpath_of() { # folder, then the artifacts
  local folder=$1 gav g a v
  shift
  mkdir -p "$folder"
  {
    printf '<project xmlns="http://maven.apache.org/POM/4.0.0">\n  <modelVersion>4.0.0</modelVersion>\n'
    printf '  <groupId>benchmarks</groupId>\n  <artifactId>%s</artifactId>\n  <version>1</version>\n' "${folder##*/}"
    printf '  <dependencies>\n'
    for gav in "$@"; do
      IFS=: read -r g a v <<< "$gav"
      printf '    <dependency><groupId>%s</groupId><artifactId>%s</artifactId><version>%s</version></dependency>\n' \
        "$g" "$a" "$v"
    done
    printf '  </dependencies>\n</project>\n'
  } > "$folder/pom.next"
  if [ ! -s "$folder/classpath.txt" ] || ! cmp -s "$folder/pom.next" "$folder/pom.xml"; then
    mvn -B -q -f "$folder/pom.next" dependency:build-classpath -Dmdep.outputFile=classpath.next >&2 || return 1
    mv -f "$folder/classpath.next" "$folder/classpath.txt"
    mv -f "$folder/pom.next" "$folder/pom.xml"
  fi
  rm -f "$folder/pom.next"
  cat "$folder/classpath.txt"
}

case $VERSUS in
  forbidden-apis)
    FORBIDDEN_APIS=$(fetch de.thetaphi:forbiddenapis:3.10)
    JAVA_MAJOR=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
    # Three of its bundled signature sets, for the running JDK.
    SIGNATURES=jdk-unsafe-$JAVA_MAJOR,jdk-deprecated-$JAVA_MAJOR,jdk-non-portable
    ;;
  spotbugs)
    # SpotBugs 4.9.8 and the libraries it runs on; run at its defaults (default effort, every detector of its own,
    # the JVM's default heap) as its command line runs it.
    SPOTBUGS_CLASSPATH=$(classpath_of "$V/versus-spotbugs" com.github.spotbugs:spotbugs:4.9.8)
    ;;
esac

# The peers look up the classes a scanned class refers to: the jars' own dependencies (Guava's failureaccess and
# annotations) go on forbidden-apis' -c and SpotBugs' -auxclasspath.
CLASSPATH_OF_JARS=$(classpath_of "$V/versus-classpath" com.google.guava:guava:33.4.8-jre \
  org.jctools:jctools-core:4.0.5 org.agrona:agrona:1.23.1)

unpack_launcher

SCENARIOS=()
declare -A SCENARIO_ARGS
run() { # name, then headroom check arguments (the last one the jar)
  local name=$1; shift
  echo "$name" | grep -qE -- "$ONLY" || return 0
  case "${*: -1}" in "$JCTOOLS" | "$AGRONA" | "$GUAVA") ;; *) return 0 ;; esac
  SCENARIOS+=("$name")
  SCENARIO_ARGS[$name]=$(printf '%q ' "$@")
}

versus_loop() {
  local name round tool
  for name in "${SCENARIOS[@]}"; do rm -f "$V/$name".*; done
  for round in $(seq 1 "$ROUNDS"); do
    # The peer reads the whole jar whatever the roots: timed once per jar and round, that time in each of its scenarios.
    local -A peer_timed=()
    for name in "${SCENARIOS[@]}"; do
      eval "set -- ${SCENARIO_ARGS[$name]}"
      local jar=${*: -1}
      local tools=(peer headroom launcher)
      [ $((round % 2)) = 0 ] && tools=(launcher headroom peer)
      for tool in "${tools[@]}"; do
        case $tool in
          peer) if [ -n "${peer_timed[$jar]:-}" ]; then
                  tail -n 1 "$V/${peer_timed[$jar]}.peer" >> "$V/$name.peer"
                elif [ "$VERSUS" = spotbugs ]; then
                  timed "$tool" "$name" java -cp "$SPOTBUGS_CLASSPATH" edu.umd.cs.findbugs.FindBugs2 -quiet \
                    -auxclasspath "$CLASSPATH_OF_JARS" -output "$V/$name.spotbugs.txt" "$jar"
                else
                  timed "$tool" "$name" java -jar "$FORBIDDEN_APIS" -d "$jar" -c "$CLASSPATH_OF_JARS" -b "$SIGNATURES"
                fi
                peer_timed[$jar]=${peer_timed[$jar]:-$name} ;;
          headroom) XDG_CACHE_HOME=$(cache_home) timed "$tool" "$name" java -jar "$HEADROOM" check --format json -o "$V/$name.headroom.json" "$@" ;;
          launcher) [ -z "$LAUNCHER" ] || XDG_CACHE_HOME="$V/cache" timed "$tool" "$name" "$LAUNCHER" check --format json -o "$V/$name.launcher.json" "$@" ;;
        esac
      done
      echo "round $round $name done" >&2
    done
  done
  local peer_label=fa-s
  [ "$VERSUS" = spotbugs ] && peer_label=sb-s
  printf '%-24s %7s %6s %5s | %7s %6s %5s %6s %5s | %7s %6s %5s %6s %5s %s\n' scenario "$peer_label" MiB exit \
    headroom MiB exit x-wall x-mem bin/hr MiB exit x-wall x-mem same-report
  for name in "${SCENARIOS[@]}"; do
    local fa_s fa_k hr_s hr_k ln_s=- ln_k=- ln_exit=- same=-
    fa_s=$(median 1 "$V/$name.peer"); fa_k=$(median 2 "$V/$name.peer")
    hr_s=$(median 1 "$V/$name.headroom"); hr_k=$(median 2 "$V/$name.headroom")
    if [ -n "$LAUNCHER" ]; then
      ln_s=$(median 1 "$V/$name.launcher"); ln_k=$(median 2 "$V/$name.launcher")
      ln_exit=$(tail -n 1 "$V/$name.launcher" | awk '{ print $3 }')
      cmp -s "$V/$name.headroom.json" "$V/$name.launcher.json" && same=yes || same=NO
    fi
    awk -v n="$name" -v fs="$fa_s" -v fk="$fa_k" -v fe="$(tail -n 1 "$V/$name.peer" | awk '{ print $3 }')" \
        -v hs="$hr_s" -v hk="$hr_k" -v he="$(tail -n 1 "$V/$name.headroom" | awk '{ print $3 }')" \
        -v ls="$ln_s" -v lk="$ln_k" -v le="$ln_exit" -v same="$same" 'BEGIN {
      printf "%-24s %7.2f %6d %5s | %7.2f %6d %5s %5.1fx %4.1fx | ", n, fs, fk / 1024, fe, hs, hk / 1024, he, hs / fs, hk / fk
      if (ls == "-") printf "%7s %6s %5s %6s %5s %s\n", "-", "-", "-", "-", "-", same
      else printf "%7.2f %6d %5s %5.1fx %4.1fx %s\n", ls, lk / 1024, le, ls / fs, lk / fk, same
    }'
  done
}
