#!/usr/bin/env bash
# A batch of N organisations from a CSV of scores (made here, scores varied), timed beside the libzip floor.
#   scripts/bench-batch.sh [N] [JOBS] [BASE] [ITAREPORT]
#     N organisations (default 200), JOBS workers (default 2), BASE the base data file
#     (default Examples/sisaket-o35-2568.yaml: O34, O35 and the analysis report, each DOCX and ODT),
#     ITAREPORT the program (default .build/release/itareport).
#   BATCH_REPORT=o34,o35 writes those reports only (default: every report the base can fill).
# Prints organisations, files, wall time, CPU seconds per file, files per second, peak memory, and the
# ratio of the batch's CPU per file to the floor's: the CPU libzip alone takes to write each kind of file
# the batch wrote (bench/zipfloor.c: the template's untouched parts copied raw, the filled parts written
# from the batch's own output), averaged over the files written. CPU time, not wall time, is compared,
# so other work on the machine changes the ratio little. Needs /usr/bin/time, python3, cc and libzip.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
n=${1:-200}
jobs=${2:-2}
base=$(realpath "${3:-$here/Examples/sisaket-o35-2568.yaml}")
bin=$(realpath "${4:-$here/.build/release/itareport}")
floor_bin="$here/.build/zipfloor"
floor_count=${FLOOR_COUNT:-200}
if [ ! -x "$floor_bin" ] || [ "$here/bench/zipfloor.c" -nt "$floor_bin" ]; then
  mkdir -p "$here/.build"
  cc -O2 -Wall "$here/bench/zipfloor.c" $(pkg-config --cflags --libs libzip) -o "$floor_bin"
fi
work=$(mktemp -d /tmp/itareport-bench-batch.XXXXXX)
trap 'rm -rf "$work"' EXIT

python3 - "$n" > "$work/scores.csv" <<'EOF'
import random, sys
random.seed(13)
kinds = ["เทศบาลตำบล", "เทศบาลเมือง", "องค์การบริหารส่วนตำบล"]
for i in range(int(sys.argv[1])):
    scores = ",".join("%.2f" % random.uniform(55, 100) for _ in range(10))
    print("%s%s %d,อำเภอที่ %d,ศรีสะเกษ,%s" % (kinds[i % 3], "ทดสอบ", i + 1, i % 22 + 1, scores))
EOF

/usr/bin/time -f "%e %U %S %M" -o "$work/time" \
  "$bin" batch "$work/scores.csv" --base "$base" --output "$work/out" --jobs "$jobs" ${BATCH_REPORT:+--report "$BATCH_REPORT"} > "$work/stdout" 2> "$work/stderr" \
  || { cat "$work/stdout" "$work/stderr" >&2; echo "bench-batch: the batch failed" >&2; exit 1; }
read -r wall user sys rss < "$work/time"

# The floor of each kind of file written (template, filled file from the first organisation), in CPU
# seconds per document, and how many files of that kind the batch wrote.
python3 - "$work/out" "$here/Templates" > "$work/kinds" <<'EOF'
import glob, json, os, sys
out, templates = sys.argv[1], sys.argv[2]
counts, sample = {}, {}
for m in sorted(glob.glob(os.path.join(out, "*", "manifest.json"))):
    for f in json.load(open(m))["files"]:
        fmt = f["format"]
        if fmt not in ("docx", "odt"):
            continue
        years = [int(p.rsplit("-", 1)[1].split(".")[0]) for p in glob.glob(os.path.join(templates, "%s-*.%s" % (f["item"], fmt)))]
        year = max([y for y in years if y <= f["fiscal_year"]] or [min(years)])
        key = os.path.join(templates, "%s-%d.%s" % (f["item"], year, fmt))
        counts[key] = counts.get(key, 0) + 1
        sample.setdefault(key, os.path.join(os.path.dirname(m), f["path"]))
for key in sorted(counts):
    print(key, counts[key], sample[key], sep="\t")
EOF
: > "$work/floors"
while IFS=$'\t' read -r template count filled; do
  /usr/bin/time -f "%U %S" -o "$work/ftime" "$floor_bin" "$template" "$filled" "$floor_count" > /dev/null
  read -r fu fs < "$work/ftime"
  echo "$(basename "$template") $count $fu $fs" >> "$work/floors"
done < "$work/kinds"

python3 - "$n" "$jobs" "$wall" "$user" "$sys" "$rss" "$floor_count" "$work/floors" "$work/stdout" <<'EOF'
import sys
n, jobs = int(sys.argv[1]), int(sys.argv[2])
wall, user, sys_, rss = float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
floor_count = int(sys.argv[7])
rows = [l.split() for l in open(sys.argv[8]) if l.strip()]
files = sum(int(r[1]) for r in rows)
summary = open(sys.argv[9]).readline().strip()
cpu = (user + sys_) / files
floor = sum(int(r[1]) * (float(r[2]) + float(r[3])) / floor_count for r in rows) / files
print("organisations:   %d (%d jobs)" % (n, jobs))
print("files:           %d (DOCX and ODT)" % files)
print("wall time:       %.1f s" % wall)
print("CPU:             %.1f s = %.1f ms per file (%.1f%% of %d cores busy)" % (user + sys_, cpu * 1e3, 100 * (user + sys_) / wall / jobs, jobs))
print("files/s:         %.1f" % (files / wall))
print("peak RSS:        %.0f MB" % (rss / 1024))
for r in rows:
    print("floor %-20s %5s files, %.2f ms CPU per document" % (r[0], r[1], (float(r[2]) + float(r[3])) / floor_count * 1e3))
print("floor (weighted): %.2f ms CPU per file" % (floor * 1e3))
print("batch / floor:   %.2f x (goal: 4 x or less)" % (cpu / floor))
full = 31400  # 7,850 local governments x O34 and O35 x DOCX and ODT
print("31,400 files:    %.1f min at this run's files/s; %.1f min of CPU, %.1f min with %d cores kept busy" % (
    full / (files / wall) / 60, full * cpu / 60, full * cpu / 60 / jobs, jobs))
print("batch said:      %s" % summary)
EOF
