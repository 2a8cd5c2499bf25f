#!/usr/bin/env python3
"""Compares the documents two builds of itareport write for every example, part by part.

    scripts/compare-outputs.py OLD_BINARY NEW_BINARY [DATA_FILE ...]
    scripts/compare-outputs.py --folders OLD_FOLDER NEW_FOLDER

Generates each data file (run from the project folder: the shipped templates are Templates/ unless
ITAREPORT_TEMPLATES says otherwise) (default: Examples/*.yaml) with both programs into two temporary folders,
then compares every DOCX and ODT: the list of parts and each part's bytes. Parts that only carry the
time of writing (docProps/core.xml, meta.xml) are compared with their dates removed. Prints one line
per document ("same" or the parts that differ, with the first differing text of each) and exits 1
when any document differs.
"""
import glob
import os
import re
import subprocess
import sys
import tempfile
import zipfile

DATED_PARTS = {"docProps/core.xml", "meta.xml"}
DATES = re.compile(rb"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?")


def generate(binary, files, folder):
    env = dict(os.environ)
    env.setdefault("ITAREPORT_TEMPLATES", os.path.abspath("Templates"))
    for f in files:
        r = subprocess.run([binary, "generate", f, "--output", folder], capture_output=True, text=True, env=env)
        if r.returncode != 0:
            print(f"{binary} generate {f} failed:\n{r.stderr}", file=sys.stderr)
            sys.exit(2)


def part_bytes(z, name):
    data = z.read(name)
    return DATES.sub(b"<date>", data) if name in DATED_PARTS else data


def first_difference(a, b):
    n = next((i for i, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    lo = max(0, n - 60)
    return (a[lo:n + 60].decode("utf-8", "replace"), b[lo:n + 60].decode("utf-8", "replace"))


def compare(old, new):
    differ = 0
    names = sorted(f for f in set(os.listdir(old)) | set(os.listdir(new)) if not f.startswith("."))
    for name in names:
        a, b = os.path.join(old, name), os.path.join(new, name)
        if not (os.path.exists(a) and os.path.exists(b)):
            print(f"{name}: only in {'old' if os.path.exists(a) else 'new'}")
            differ += 1
            continue
        za, zb = zipfile.ZipFile(a), zipfile.ZipFile(b)
        pa, pb = za.namelist(), zb.namelist()
        changed = [p for p in pa if p in pb and part_bytes(za, p) != part_bytes(zb, p)]
        if pa == pb and not changed:
            print(f"{name}: same")
            continue
        differ += 1
        print(f"{name}: DIFFERENT")
        if pa != pb:
            print(f"  parts only in old: {sorted(set(pa) - set(pb))}; only in new: {sorted(set(pb) - set(pa))}"
                  + ("" if set(pa) != set(pb) else " (same parts, other order)"))
        for p in changed:
            x, y = first_difference(part_bytes(za, p), part_bytes(zb, p))
            print(f"  {p}:\n    old …{x}…\n    new …{y}…")
    print(f"{len(names)} documents, {differ} different")
    return differ


def main(argv):
    if len(argv) >= 3 and argv[0] == "--folders":
        return 1 if compare(argv[1], argv[2]) else 0
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    old_bin, new_bin = argv[0], argv[1]
    files = argv[2:] or sorted(glob.glob("Examples/*.yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        old, new = os.path.join(tmp, "old"), os.path.join(tmp, "new")
        generate(old_bin, files, old)
        generate(new_bin, files, new)
        return 1 if compare(old, new) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
