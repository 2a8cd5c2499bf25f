#!/usr/bin/env bash
# The install and the folder rules tried as a new user would, on a built tree:
#   scripts/check-new-user.sh [PREFIX]      (PREFIX default: a new temporary folder)
# make install PREFIX, then from another folder with only PREFIX/bin on PATH and no other environment:
# --version; generate of an example; bundle and batch run twice into the same folder keep a file of the
# user's; a batch killed with kill -9 leaves scratch files the next run removes; an organisation name of
# 70 Thai letters; a FIFO and /dev/zero as the data file. Prints one line per check and exits non-zero
# when any fails. INSTALL_TARGET=install-built installs the release build there is without building.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
prefix=${1:-$(mktemp -d /tmp/itareport-prefix.XXXXXX)}
work=$(mktemp -d /tmp/itareport-new-user.XXXXXX)
trap 'rm -rf "$work"' EXIT
failed=0
ok() { echo "ok      $*"; }
bad() { echo "FAILED  $*"; failed=1; }
# Runs the installed program with nothing but PREFIX/bin on PATH, from $work/user.
run() { (cd "$work/user" && env -i PATH="$prefix/bin" itareport "$@"); }

make -C "$here" "${INSTALL_TARGET:-install}" PREFIX="$prefix" > "$work/install.log" 2>&1 || { cat "$work/install.log"; bad "make install PREFIX=$prefix"; exit 1; }
ok "make ${INSTALL_TARGET:-install} PREFIX=$prefix"
mkdir -p "$work/user"
cp -R "$here/Examples/." "$work/user/"

v=$(run --version 2>&1) && [ -n "$v" ] && ok "itareport --version: $v" || bad "itareport --version: $v"

if run generate sisaket-2568.yaml --output docs > "$work/gen.log" 2>&1 && ls "$work/user/docs"/*.docx "$work/user/docs"/*.odt > /dev/null 2>&1; then
  ok "generate sisaket-2568.yaml: $(ls "$work/user/docs" | grep -c -E '\.(docx|odt)$') documents"
else
  bad "generate: $(cat "$work/gen.log")"
fi

# bundle twice into one folder, a signed scan of the user's in it between the runs.
run bundle sisaket-2568.yaml sisaket-o35-2568.yaml --format docx,odt --output sub > "$work/b1.log" 2>&1 || bad "bundle: $(tail -3 "$work/b1.log")"
echo "signed" > "$work/user/sub/O34-signed-scan.pdf"
run bundle sisaket-2568.yaml sisaket-o35-2568.yaml --format docx,odt --output sub > "$work/b2.log" 2>&1 || bad "bundle again: $(tail -3 "$work/b2.log")"
if [ -f "$work/user/sub/O34-signed-scan.pdf" ] && grep -q "O34-signed-scan.pdf" "$work/user/sub/manifest.json"; then
  ok "bundle run again keeps the user's file and names it in manifest.json"
else
  bad "bundle run again: the user's file is gone or not in the manifest"
fi

# batch twice, the user's file in an organisation's folder.
printf 'เทศบาลตำบลหนึ่ง,เมือง,ศรีสะเกษ,95,94,93,92,91,90,89,88,87,86\nเทศบาลตำบลสอง,เมือง,ศรีสะเกษ,85,84,83,82,81,80,79,78,77,76\n' > "$work/user/scores.csv"
run batch scores.csv --base sisaket-2568.yaml --output all --jobs 2 > "$work/c1.log" 2>&1 || bad "batch: $(tail -3 "$work/c1.log")"
echo "mine" > "$work/user/all/เทศบาลตำบลหนึ่ง/notes.txt"
run batch scores.csv --base sisaket-2568.yaml --output all --jobs 2 > "$work/c2.log" 2>&1 || bad "batch again: $(tail -3 "$work/c2.log")"
[ -f "$work/user/all/เทศบาลตำบลหนึ่ง/notes.txt" ] && ok "batch run again keeps the user's file" || bad "batch run again removed the user's file"

# kill -9 in the middle of a batch; the next run removes what it left.
python3 - "$work/user/many.csv" <<'EOF'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(60):
        f.write("เทศบาลตำบลทดสอบ%d,เมือง,ศรีสะเกษ,95,94,93,92,91,90,89,88,87,86\n" % i)
EOF
(cd "$work/user" && exec env -i PATH="$prefix/bin" itareport batch many.csv --base sisaket-2568.yaml --output killed --jobs 2 > /dev/null 2>&1) &
pid=$!
for _ in $(seq 1 200); do
  [ -n "$(find "$work/user/killed" -name '.itareport-*' 2>/dev/null | head -1)" ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
left=$(find "$work/user/killed" -name '.itareport-*' 2>/dev/null | wc -l)
run batch many.csv --base sisaket-2568.yaml --output killed --jobs 2 > "$work/k.log" 2>&1 || bad "batch after kill -9: $(tail -3 "$work/k.log")"
after=$(find "$work/user/killed" -name '.itareport-*' -o -name '.*.tmp*' 2>/dev/null | wc -l)
[ "$after" = 0 ] && ok "kill -9 left $left scratch file(s)/folder(s); the next run left none" || bad "after kill -9 and a new run, $after scratch file(s) remain"

# An organisation name of 70 Thai letters.
long=$(python3 -c 'print("องค์การบริหารส่วนตำบล" + "ก" * (70 - len("องค์การบริหารส่วนตำบล")))')
printf '%s,เมือง,ศรีสะเกษ,95,94,93,92,91,90,89,88,87,86\n' "$long" > "$work/user/long.csv"
if run batch long.csv --base sisaket-2568.yaml --output long --jobs 1 > "$work/l.log" 2>&1; then
  n=$(find "$work/user/long" -name '*.docx' | wc -l)
  ok "70-letter Thai name: $n DOCX written, longest file name $(find "$work/user/long" -type f -printf '%f\n' | LC_ALL=C awk '{ print length($0) }' | sort -n | tail -1) bytes"
else
  bad "70-letter Thai name: $(tail -3 "$work/l.log")"
fi

# A FIFO and /dev/zero as the data file: a plain message, at once.
mkfifo "$work/user/pipe.yaml"
msg=$(cd "$work/user" && timeout 10 env -i PATH="$prefix/bin" itareport generate pipe.yaml --output x 2>&1); rc=$?
[ $rc -ne 0 ] && [ $rc -ne 124 ] && echo "$msg" | grep -qiE "not a regular file|ไม่ใช่แฟ้มทั่วไป" && ok "FIFO: $msg" || bad "FIFO (exit $rc): $msg"
msg=$(cd "$work/user" && timeout 10 env -i PATH="$prefix/bin" itareport generate /dev/zero --output x 2>&1); rc=$?
[ $rc -ne 0 ] && [ $rc -ne 124 ] && echo "$msg" | grep -qiE "not a regular file|ไม่ใช่แฟ้มทั่วไป" && ok "/dev/zero: $msg" || bad "/dev/zero (exit $rc): $msg"

exit $failed
