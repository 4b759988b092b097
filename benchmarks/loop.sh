# Sourced by run.sh for the modes that time runs in an alternating loop (--versus, --doubling); each sets V, the
# directory its files go to, first.

timed() { # tool, name, then the command: appends "wall KiB exit" to $V/<name>.<tool>
  local tool=$1 name=$2; shift 2
  local status=0
  /usr/bin/time -f '%e %M' -o "$V/time" "$@" > "$V/$name.$tool.out" 2> "$V/$name.$tool.err" || status=$?
  echo "$(tail -n 1 "$V/time") $status" >> "$V/$name.$tool"
}

median() { # column of file
  awk -v c="$1" '{ print $c }' "$2" | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The distribution's launcher, unpacked afresh into $V/dist (its archive cache, $V/cache, starts empty); none when
# the zip is not built or HEADROOM_JAR names another build.
unpack_launcher() {
  LAUNCHER=
  local zip
  zip=$(ls analyzer/cli/target/headroom-*.zip 2>/dev/null | head -n 1 || true)
  if [ -n "$zip" ] && [ -z "${HEADROOM_JAR:-}" ]; then
    rm -rf "$V/dist" "$V/cache"
    mkdir -p "$V/dist"
    unzip -q "$zip" -d "$V/dist"
    LAUNCHER=$(ls -d "$V"/dist/headroom-*/bin/headroom)
  fi
}
