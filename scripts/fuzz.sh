#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/Targets) with --sanitize=fuzzer and AddressSanitizer in their own
# build folder and runs each for FUZZ_SECONDS on a copy of its seed corpus (Fuzz/corpus/<target>).
#   scripts/fuzz.sh [TARGET...]      targets: tags package data (default: all)
# FUZZ_SECONDS (default 60) per target, FUZZ_JOBS parallel jobs per target (default 1), FUZZ_FLAGS more
# libFuzzer flags. A crash, a hang (over 10 s on one input) or memory past 2 GB stops the target with
# its input saved in .build-fuzz/findings/<target>/; the run ends with status 1.
set -uo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
build=.build-fuzz
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(tags package data)

product() { case "$1" in tags) echo FuzzTags;; package) echo FuzzPackage;; data) echo FuzzData;; *) echo "unknown fuzz target '$1' (tags, package, data)" >&2; exit 64;; esac; }
maxlen() { case "$1" in tags) echo 4096;; package) echo 65536;; data) echo 8192;; esac; }

# --sanitize=fuzzer tells SwiftPM the executables take libFuzzer's main; swiftc keeps only the last
# -sanitize flag, so the one that adds AddressSanitizer comes after it.
for t in "${targets[@]}"; do
  p=$(product "$t") || exit 64
  echo "== building $p"; mkdir -p "$build"
  ITAREPORT_FUZZ=1 swift build -c release --build-path "$build" --product "$p" --sanitize=fuzzer \
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address >"$build/build-$t.log" 2>&1 \
    || { cat "$build/build-$t.log" >&2; exit 1; }
done

status=0
for t in "${targets[@]}"; do
  p=$(product "$t")
  work="$build/corpus/$t"
  findings="$build/findings/$t"
  mkdir -p "$work" "$findings"
  echo "== fuzzing $t for ${seconds}s (corpus $work, seeds Fuzz/corpus/$t, findings $findings)"
  # The Swift backtracer would catch the crash before libFuzzer saves the input.
  SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 \
    "$build/release/$p" "$work" "Fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len="$(maxlen "$t")" -artifact_prefix="$findings/" -print_final_stats=1 ${FUZZ_FLAGS:-} 2>&1 \
    | grep -v -E '^#[0-9]+\s+(NEW|REDUCE|pulse)' > "$build/fuzz-$t.log"
  rc=${PIPESTATUS[0]}
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs|SUMMARY|ERROR' "$build/fuzz-$t.log" | sed "s/^/  $t: /"
  if [ "$rc" != 0 ]; then
    echo "  $t: FAILED (status $rc); log $build/fuzz-$t.log; inputs:" $(ls "$findings") >&2
    status=1
  else
    echo "  $t: clean"
  fi
done
exit $status
