# Sourced by run.sh for `--doubling`: the generated jars of 25,000 and 50,000 classes (benchmarks/GeneratedJar.java),
# every method a root, timed one after the other ROUNDS times (default 3; the order turns round every round) through
# the distribution's bin/headroom (its flags for inputs of this size) and through `java -jar` in ${HEAP:--Xmx1g}.
# Prints each tool's median wall time and peak memory per size, the ratio of the medians and each round's ratio
# (issue 15 asks that twice the input take at most twice the time), and whether the last round's reports of the two
# tools are byte-identical; the reports (0.35 and 0.7 GB) are deleted then.
ROUNDS=${ROUNDS:-3}
V="$WORK/doubling"
mkdir -p "$V"
SIZES=(25000 50000)
SMALL=${SIZES[0]}
LARGE=${SIZES[1]}
declare -A JAR_OF
for n in "${SIZES[@]}"; do JAR_OF[$n]=$(generated "$n"); done
unpack_launcher
if [ -n "$LAUNCHER" ]; then
  # Its class-data archive written before the loop (on the second run with this installation; inputs this large get
  # an archive of their own), on one root of the smaller jar.
  for _ in 1 2; do
    XDG_CACHE_HOME="$V/cache" "$LAUNCHER" check --format json -o "$V/warm-up.json" --root 'gen.p0.C0#*' \
      "${JAR_OF[$SMALL]}" > /dev/null 2>&1 || true
  done
fi

doubling_loop() {
  local round n tool order
  for n in "${SIZES[@]}"; do rm -f "$V/generated-$n".*; done
  for round in $(seq 1 "$ROUNDS"); do
    order=("${SIZES[@]}")
    [ $((round % 2)) = 0 ] && order=("$LARGE" "$SMALL")
    for n in "${order[@]}"; do
      for tool in launcher headroom; do
        local args=(check --format json -o "$V/generated-$n.$tool.json" --root 'gen.**#*' --group-by location
                    "${JAR_OF[$n]}")
        case $tool in
          launcher) [ -z "$LAUNCHER" ] || XDG_CACHE_HOME="$V/cache" timed "$tool" "generated-$n" "$LAUNCHER" "${args[@]}" ;;
          headroom) XDG_CACHE_HOME=$(cache_home) timed "$tool" "generated-$n" java ${HEAP--Xmx1g} -jar "$HEADROOM" "${args[@]}" ;;
        esac
      done
      echo "round $round generated-$n done" >&2
    done
  done
  local same=-
  if [ -n "$LAUNCHER" ]; then
    same=yes
    for n in "${SIZES[@]}"; do
      cmp -s "$V/generated-$n.launcher.json" "$V/generated-$n.headroom.json" || same=NO
    done
  fi
  rm -f "$V"/generated-*.json
  echo "reports of bin/headroom and java -jar the same: $same"
  printf '%-30s %8s %6s %8s %6s %6s  %s\n' tool "$SMALL-s" MiB "$LARGE-s" MiB ratio "ratio by round"
  for tool in launcher headroom; do
    local small_times="$V/generated-$SMALL.$tool" large_times="$V/generated-$LARGE.$tool"
    [ -s "$small_times" ] || continue
    local small large rounds label
    small=$(median 1 "$small_times")
    large=$(median 1 "$large_times")
    rounds=$(paste -d' ' <(awk '{ print $1 }' "$small_times") <(awk '{ print $1 }' "$large_times") \
      | awk '{ printf "%s%.2f", (NR > 1 ? " " : ""), $2 / $1 }')
    label=$([ "$tool" = launcher ] && echo "bin/headroom" || echo "java -jar ${HEAP--Xmx1g}")
    awk -v t="$label" -v s="$small" -v sk="$(median 2 "$small_times")" -v l="$large" \
        -v lk="$(median 2 "$large_times")" -v r="$rounds" \
        'BEGIN { printf "%-30s %8.2f %6d %8.2f %6d %5.2fx  %s\n", t, s, sk / 1024, l, lk / 1024, l / s, r }'
  done
}
