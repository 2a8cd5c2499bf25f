#!/usr/bin/env python3
"""Compares documents generated from our data files with the real documents they stand for.

    scripts/compare-seeds.py SEED_FOLDER [--binary .build/debug/itareport] [--examples Examples]

SEED_FOLDER holds the text of real documents (one .txt each). Each is paired with the data file of
Examples/ that names the same organisation, the same kind of document (O34, O35 or analysis report)
and the same fiscal year; a real document without such a data file is listed as unpaired. The data
file is generated (its own document, DOCX) and the two texts are compared:

- indicators: each indicator of the assessed year's catalog with its score, as a table prints it (a
  number, the name or an alias, the score) or a citation does ("ตัวชี้วัดที่ 2 … ได้ 99.03"), in the
  original and in ours;
- scores: every number with two decimals in the original, and whether ours prints it;
- measures: each measure title of the data file, how much of it (share of its character trigrams)
  the closest passage of the original holds, and whether ours prints it;
- headings: each numbered heading of the original ("1. …", "ประเด็นที่ 1 …"), and how much of it the
  closest paragraph of ours holds.

Our data files word measures in our own words, so a measure "matches" from 0.5 of its trigrams on.
Prints a report and a summary line per document; exits 1 when a paired document differs in an
indicator's score or lacks a score of the original.
"""
import argparse
import glob
import html
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import yaml

THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
SCORE = re.compile(r"(?<![\d.])(\d{1,3}\.\d{2})(?![\d.])")


def normalize(text):
    """Arabic digits, tags and entities gone, one space for any run of spaces, word joiners removed."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", text)).translate(THAI_DIGITS)
    text = text.replace("\u2060", "").replace("\u00a0", " ").replace("\u200b", "")
    return re.sub(r"\t+", "\t", re.sub(r" +", " ", text))


def trigrams(s):
    s = re.sub(r"\s+", "", s)
    return {s[i:i + 3] for i in range(max(0, len(s) - 2))}


def containment(needle, hay_grams):
    g = trigrams(needle)
    return len(g & hay_grams) / len(g) if g else 0.0


def best_passage(needle, passages):
    """The passage holding most of `needle`'s trigrams, and that share."""
    best, share = "", 0.0
    for p in passages:
        c = containment(needle, trigrams(p))
        if c > share:
            best, share = p, c
    return best, share


def docx_paragraphs(path):
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    out = []
    for p in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
        t = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
        t = normalize(t).strip()
        if t:
            out.append(t)
    return out


def document_kind(seed_text):
    head = seed_text[:400]
    if "รายงานผลการดำเนินการ" in head:
        return "o35"
    if "สู่การพัฒนา" in head:
        return "analysis"
    if "มาตรการส่งเสริม" in head:
        return "o34"
    return None


def load_data(path):
    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    fy = str(data.get("fiscal_year", "")).translate(THAI_DIGITS)
    return data, fy


def pair(seed_text, examples):
    kind = document_kind(seed_text)
    head = seed_text[:600]
    for path in examples:
        data, fy = load_data(path)
        name = (data.get("organization") or {}).get("name", "")
        if name and name in seed_text and data.get("document") == kind and fy and fy in head:
            return path, data
    return None, None


def catalog_names(year):
    path = os.path.join("Sources/ITAKit/Resources/catalog", f"{year}.yaml")
    if not os.path.exists(path):
        return {}
    with open(path, encoding="utf-8") as f:
        cat = yaml.safe_load(f)
    return {i["number"]: [i["name"]] + list(i.get("aliases", [])) for i in cat.get("indicators", [])}


def indicator_scores(text, names):
    """Each indicator's score as a table prints it (a number, the name, the score in the next cell),
    else as a citation does ("ตัวชี้วัดที่ 2 … ได้ 99.03"); the first found counts."""
    out = {}
    for n, variants in names.items():
        for v in variants:
            m = re.search(r"(?<![\d.])\d{1,2}\s*\.?\s*" + re.escape(v) + r"\s{0,5}(\d{1,3}(?:\.\d{1,2})?)(?![\d.])", text)
            if m:
                out[n] = f"{float(m.group(1)):.2f}"
                break
    for m in re.finditer(r"ตัวชี้วัดที่\s*(\d{1,2})(?!\d)[^\d]{0,60}?ได้(?:คะแนน)?\s*(\d{1,3}\.\d{2})(?![\d.])", text):
        out.setdefault(int(m.group(1)), m.group(2))
    return {n: s for n, s in out.items() if n in names}


def headings(seed_lines):
    out = []
    for line in seed_lines:
        line = line.strip()
        # Table rows (cells apart by tabs or bars) are not headings.
        if "\t" in line or "|" in line or len(line) > 180:
            continue
        if re.match(r"^\d{1,2}\.\s*\S", line) or re.match(r"^ประเด็นที่\s*\d", line):
            out.append(line)
    seen, unique = set(), []
    for h in out:
        if h not in seen:
            seen.add(h)
            unique.append(h)
    return unique


def generate(binary, data_path, folder):
    env = dict(os.environ)
    env.setdefault("ITAREPORT_TEMPLATES", os.path.abspath("Templates"))
    r = subprocess.run([binary, "generate", data_path, "--format", "docx", "--output", folder],
                       capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise RuntimeError(f"generate {data_path} failed:\n{r.stderr}")
    docs = sorted(glob.glob(os.path.join(folder, "*.docx")))
    if len(docs) != 1:
        raise RuntimeError(f"expected one document from {data_path}, got {docs}")
    return docs[0]


def compare(seed_path, data_path, data, binary):
    raw = open(seed_path, encoding="utf-8").read()
    seed = normalize(raw)
    seed_lines = [l for l in seed.split("\n") if l.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        ours_paras = docx_paragraphs(generate(binary, data_path, tmp))
    ours = "\n".join(ours_paras)
    problems = 0
    print(f"== {os.path.basename(seed_path)} ↔ {data_path} ({data.get('document')}, fiscal year {load_data(data_path)[1]})")

    # Indicators
    year = str((data.get("assessment") or {}).get("year", "")).translate(THAI_DIGITS)
    names = catalog_names(year)
    theirs_ind, ours_ind = indicator_scores(seed, names), indicator_scores(ours, names)
    same_ind = [n for n in theirs_ind if ours_ind.get(n) == theirs_ind[n]]
    print(f"  indicators: {len(theirs_ind)} in the original with a score, {len(same_ind)} the same in ours")
    for n in sorted(theirs_ind):
        if ours_ind.get(n) != theirs_ind[n]:
            problems += 1
            print(f"    indicator {n} {names[n][0]}: original {theirs_ind[n]}, ours {ours_ind.get(n, 'not printed')}")

    # Scores
    theirs_scores = sorted(set(SCORE.findall(seed)), key=float)
    ours_scores = set(SCORE.findall(ours))
    missing = [s for s in theirs_scores if s not in ours_scores]
    print(f"  scores: {len(theirs_scores)} distinct in the original, {len(theirs_scores) - len(missing)} printed by ours"
          + (f"; not printed: {', '.join(missing)}" if missing else ""))
    problems += len(missing)

    # Measures
    passages = [p for p in re.split(r"[\t|\n]|  +|▪|(?<=\s)\d{1,2}\.(?=\S)", seed) if len(p.strip()) > 8]
    measures = data.get("measures") or []
    found = 0
    print(f"  measures: {len(measures)} in our data file")
    for i, m in enumerate(measures, 1):
        title = normalize(str(m.get("title", "")))
        best, share = best_passage(title, passages)
        printed = re.sub(r"\s+", "", title) in re.sub(r"\s+", "", ours)
        found += share >= 0.5
        print(f"    {i:2}. {share:4.0%} of the title in the original, {'printed' if printed else 'NOT PRINTED'} by ours: {title[:70]}")
        if not printed:
            problems += 1
    print(f"    {found} of {len(measures)} titles found in the original (≥ 50% of their trigrams)")

    # Headings
    hs = headings(seed_lines)
    matched = 0
    for h in hs:
        _, share = best_passage(h, ours_paras)
        matched += share >= 0.7
        print(f"    heading {share:4.0%}: {h[:90]}")
    print(f"  headings: {len(hs)} numbered headings in the original, {matched} found in ours (≥ 70% of their trigrams)")
    print(f"  summary: indicators {len(same_ind)}/{len(theirs_ind)}, scores {len(theirs_scores) - len(missing)}/{len(theirs_scores)}, "
          f"measures {found}/{len(measures)}, headings {matched}/{len(hs)}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("seeds")
    ap.add_argument("--binary", default=".build/debug/itareport")
    ap.add_argument("--examples", default="Examples")
    a = ap.parse_args()
    examples = sorted(glob.glob(os.path.join(a.examples, "*.yaml")))
    problems = 0
    for seed_path in sorted(glob.glob(os.path.join(a.seeds, "*.txt"))):
        text = normalize(open(seed_path, encoding="utf-8").read())
        data_path, data = pair(text, examples)
        if not data_path:
            print(f"== {os.path.basename(seed_path)}: no data file of the same organisation, document and year (unpaired)")
            continue
        problems += compare(seed_path, data_path, data, a.binary)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
