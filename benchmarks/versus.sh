# Sourced by run.sh for `--versus forbidden-apis [pattern]`: run() only registers the scenarios whose input is
# one of the Maven Central jars, and versus_loop times forbidden-apis and Headroom on each jar in one
# alternating loop (the order turns round every round), ROUNDS times, then prints medians and ratios.
FORBIDDEN_APIS=$(fetch de.thetaphi:forbiddenapis:3.10)
JAVA_MAJOR=$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')
# Three of its bundled signature sets, for the running JDK.
SIGNATURES=jdk-unsafe-$JAVA_MAJOR,jdk-deprecated-$JAVA_MAJOR,jdk-non-portable
ROUNDS=${ROUNDS:-5}
V="$WORK/versus"
mkdir -p "$V"

# forbidden-apis looks up every class a scanned class refers to: the jars' own dependencies (Guava's
# failureaccess and annotations) go on its -c, resolved by Maven from a throwaway pom.
if [ ! -s "$V/classpath.txt" ]; then
  cat > "$V/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>benchmarks</groupId>
  <artifactId>versus-classpath</artifactId>
  <version>1</version>
  <dependencies>
    <dependency><groupId>com.google.guava</groupId><artifactId>guava</artifactId><version>33.4.8-jre</version></dependency>
    <dependency><groupId>org.jctools</groupId><artifactId>jctools-core</artifactId><version>4.0.5</version></dependency>
    <dependency><groupId>org.agrona</groupId><artifactId>agrona</artifactId><version>1.23.1</version></dependency>
  </dependencies>
</project>
POM
  mvn -B -q -f "$V/pom.xml" dependency:build-classpath -Dmdep.outputFile=classpath.txt >&2
fi
CLASSPATH_OF_JARS=$(cat "$V/classpath.txt")

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
    for name in "${SCENARIOS[@]}"; do
      eval "set -- ${SCENARIO_ARGS[$name]}"
      local jar=${*: -1}
      local tools=(forbidden-apis headroom launcher)
      [ $((round % 2)) = 0 ] && tools=(launcher headroom forbidden-apis)
      for tool in "${tools[@]}"; do
        case $tool in
          forbidden-apis) timed "$tool" "$name" java -jar "$FORBIDDEN_APIS" -d "$jar" -c "$CLASSPATH_OF_JARS" -b "$SIGNATURES" ;;
          headroom) XDG_CACHE_HOME=$(cache_home) timed "$tool" "$name" java -jar "$HEADROOM" check --format json -o "$V/$name.headroom.json" "$@" ;;
          launcher) [ -z "$LAUNCHER" ] || XDG_CACHE_HOME="$V/cache" timed "$tool" "$name" "$LAUNCHER" check --format json -o "$V/$name.launcher.json" "$@" ;;
        esac
      done
      echo "round $round $name done" >&2
    done
  done
  printf '%-24s %7s %6s %5s | %7s %6s %5s %6s %5s | %7s %6s %5s %6s %5s %s\n' scenario fa-s MiB exit \
    headroom MiB exit x-wall x-mem bin/hr MiB exit x-wall x-mem same-report
  for name in "${SCENARIOS[@]}"; do
    local fa_s fa_k hr_s hr_k ln_s=- ln_k=- ln_exit=- same=-
    fa_s=$(median 1 "$V/$name.forbidden-apis"); fa_k=$(median 2 "$V/$name.forbidden-apis")
    hr_s=$(median 1 "$V/$name.headroom"); hr_k=$(median 2 "$V/$name.headroom")
    if [ -n "$LAUNCHER" ]; then
      ln_s=$(median 1 "$V/$name.launcher"); ln_k=$(median 2 "$V/$name.launcher")
      ln_exit=$(tail -n 1 "$V/$name.launcher" | awk '{ print $3 }')
      cmp -s "$V/$name.headroom.json" "$V/$name.launcher.json" && same=yes || same=NO
    fi
    awk -v n="$name" -v fs="$fa_s" -v fk="$fa_k" -v fe="$(tail -n 1 "$V/$name.forbidden-apis" | awk '{ print $3 }')" \
        -v hs="$hr_s" -v hk="$hr_k" -v he="$(tail -n 1 "$V/$name.headroom" | awk '{ print $3 }')" \
        -v ls="$ln_s" -v lk="$ln_k" -v le="$ln_exit" -v same="$same" 'BEGIN {
      printf "%-24s %7.2f %6d %5s | %7.2f %6d %5s %5.1fx %4.1fx | ", n, fs, fk / 1024, fe, hs, hk / 1024, he, hs / fs, hk / fk
      if (ls == "-") printf "%7s %6s %5s %6s %5s %s\n", "-", "-", "-", "-", "-", same
      else printf "%7.2f %6d %5s %5.1fx %4.1fx %s\n", ls, lk / 1024, le, ls / fs, lk / fk, same
    }'
  done
}
