#!/usr/bin/env python3
"""Counts bad line breaks in generated ITA documents as LibreOffice prints them.

Usage: scripts/line-check.py [--words FILE] [--org NAME ...] [--verbose] FILE_OR_FOLDER...

Each DOCX and ODT (a folder: every one inside it, recursively) is converted to PDF
with LibreOffice headless (a PDF given directly is read as it is); the text of each
page is read with poppler (`pdftotext -bbox-layout`) line by line, and in every
text block each line end is checked against the start of the next line:

  number  a number, score or year split ("25 / 68", "100. / 00"); a break at the space
          after a comma between two items of a list ("๑๘ ม.ค. ๖๔, / ๕ ก.พ. ๖๔") is not one
  year    "พ.ศ." ending a line with its year on the next
  date    a month name ending a line with its year on the next (four digits, or two
          after an abbreviation: "มี.ค. / ๖๔")
  word    a word of the keep-whole list or a month name split (เจ้า / หน้าที่)
  org     the organisation's name split (from the file name KIND_ORG_YEAR.ext,
          or --org); a name longer than fifteen letters may break between the
          listed words inside it and the rest (เทศบาลเมือง / ศรีสะเกษ)
  joiner  a line of the PDF text that still holds a word joiner (U+2060), a zero
          width space or a no-break space: the PDF would not find the plain words
  spaced  a line printed letter-spaced over the width (LibreOffice justifies Thai
          by spreading a line's letters: "ห น่ ว ย ง า น ภ า ค รั ฐ ...")

Prints one line per file with its page count and counts, then the totals; with
--verbose every finding with its page. Exit status 1 when anything is found.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_WORDS = os.path.join(HERE, "..", "Sources", "ITAKit", "Resources", "linebreak", "th-keep-whole.txt")
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
          "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
          "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
DIGIT = "0-9๐-๙"
JOINERS = "\u2060\u00a0\u200d\ufeff\u200b"
XHTML = "{http://www.w3.org/1999/xhtml}"


def read_words(path):
    words = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                words.append(line)
    return words


def org_from_name(path):
    """KIND_ORG_YEAR[_ร่าง].ext -> ORG (the name may itself hold underscores)."""
    stem = os.path.splitext(os.path.basename(path))[0]
    parts = stem.split("_")
    years = [i for i, p in enumerate(parts) if re.fullmatch(r"[0-9๐-๙]{4}", p) and i >= 2]
    return "_".join(parts[1:years[-1]]) if years else None


def convert(files, out_dir):
    """Converts DOCX/ODT files to PDF, one LibreOffice run per format (same stems would collide)."""
    pdfs = {}
    profile = tempfile.mkdtemp(prefix="lo-linecheck-")
    for ext in ("docx", "odt"):
        dest = os.path.join(out_dir, ext)
        os.makedirs(dest, exist_ok=True)
        pdf_of = {f: os.path.join(dest, os.path.splitext(os.path.basename(f))[0] + ".pdf") for f in files}
        batch = [f for f in files if f.lower().endswith("." + ext)]
        # A PDF kept from an earlier run and newer than its document is read again, not rebuilt.
        todo = [f for f in batch if not (os.path.exists(pdf_of[f]) and os.path.getmtime(pdf_of[f]) > os.path.getmtime(f))]
        if todo:
            subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless",
                            "--convert-to", "pdf", "--outdir", dest] + todo,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        for f in batch:
            pdf = pdf_of[f]
            if os.path.exists(pdf):
                pdfs[f] = pdf
            else:
                print(f"{f}: LibreOffice wrote no PDF", file=sys.stderr)
    return pdfs


def pages(pdf):
    """Lines per page, each (text, xMin, xMax, baseline, height).

    poppler's own lines split Thai at combining marks (a tone mark becomes a "line" of its own), so
    the words of a block are grouped again by their baseline and ordered left to right; words that
    touch are joined without a space."""
    xml = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True).stdout
    root = ET.fromstring(xml)
    out = []
    for page in root.iter(XHTML + "page"):
        lines = []
        for block in page.iter(XHTML + "block"):
            words = [(float(w.get("yMax")), float(w.get("xMin")), float(w.get("xMax")), w.text or "",
                      float(w.get("yMax")) - float(w.get("yMin")))
                     for w in block.iter(XHTML + "word")]
            rows = []
            for w in sorted(words):
                if rows and abs(rows[-1][0] - w[0]) < 2.0:
                    rows[-1][1].append(w)
                else:
                    rows.append([w[0], [w]])
            for y, ws in rows:
                ws.sort(key=lambda w: w[1])
                # A gap wider than 0.4 line heights parts two table cells that poppler put in one
                # block: each side is a line of its own.
                height = max(w[4] for w in ws)
                pieces = [[ws[0]]]
                for w in ws[1:]:
                    if w[1] - max(v[2] for v in pieces[-1]) > 0.4 * height:
                        pieces.append([w])
                    else:
                        pieces[-1].append(w)
                for piece in pieces:
                    text, right = "", None
                    for _, x0, x1, t, _ in piece:
                        if right is not None and x0 - right > 1.5:
                            text += " "
                        text += t
                        right = x1 if right is None else max(right, x1)
                    lines.append((text, piece[0][1], right, y, max(w[4] for w in piece)))
        out.append(lines)
    return out


def paragraphs(path, spaced=False):
    """The text of every paragraph of a DOCX or ODT, as one string (paragraphs on their own lines);
    without spaces, or with every run of white space as one space when spaced."""
    with zipfile.ZipFile(path) as z:
        if path.lower().endswith(".docx"):
            names = [n for n in z.namelist() if re.match(r"word/(document|header\d*|footer\d*)\.xml$", n)]
            para, text_tags = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}p", None
        else:
            names = ["content.xml", "styles.xml"]
            para, text_tags = None, ("{urn:oasis:names:tc:opendocument:xmlns:text:1.0}p",
                                     "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}h")
        out = []
        for n in names:
            root = ET.fromstring(z.read(n))
            for el in root.iter():
                if (para and el.tag == para) or (text_tags and el.tag in text_tags):
                    out.append("".join(el.itertext()))
    if spaced:
        return "\n".join(re.sub(r"\s+", " ", skeleton(t.replace("\u00a0", " "))) for t in out)
    return "\n".join(skeleton(t).replace(" ", "") for t in out)


def list_break(a_end, b_start, spaced):
    """Whether a line ending in a number and a comma or semicolon, before a line starting with a
    number, broke at the space between two items of a list ("๑๘ ม.ค. ๖๔, / ๕ ก.พ. ๖๔"), as the
    source's spaced text shows, rather than inside a number ("1, / 250")."""
    m1 = re.search(rf"([{DIGIT}]+[,;])$", a_end.rstrip())
    m2 = re.match(rf"[{DIGIT}]+", b_start.lstrip())
    if not (m1 and m2 and spaced):
        return False
    return (m1.group(1) + " " + m2.group(0)) in spaced and (m1.group(1) + m2.group(0)) not in spaced


def next_line(lines, a):
    """The line right under line a in the same column: below it by at most two line heights and
    overlapping it horizontally."""
    _, x0, x1, y, h = a
    best = None
    for b in lines:
        if b is a or not (0 < b[3] - y < 2.2 * h):
            continue
        if b[1] < x1 and b[2] > x0 and (best is None or b[3] < best[3]):
            best = b
    return best


MARKS = re.compile(r"[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def skeleton(s):
    """Text without Thai marks above and below the line, nor joiners: poppler places them out of
    order, so lines are compared on their base letters."""
    return MARKS.sub("", s).translate({ord(j): None for j in JOINERS})


def splits(word):
    """Every (head, tail) cut of a word's skeleton."""
    w = skeleton(word).replace(" ", "")
    return [(w[:i], w[i:]) for i in range(1, len(w))]


def whole_head(a_end, word, head):
    """A one-letter head is checked with its marks: "ไป / งบประมาณ" is not "ปี / งบประมาณ"."""
    if len(head) > 1:
        return True
    first = re.match(r".[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]*", word).group(0)
    return a_end.replace(" ", "").translate({ord(j): None for j in JOINERS}).endswith(first)


LONGEST_JOINED = 15


def name_cuts(name, words):
    """Where a name may end a line (skeleton heads): across the page itareport joins a name longer
    than fifteen letters in parts, the listed words inside it and the stretches between them
    ("เทศบาลเมือง / ศรีสะเกษ", "องค์การบริหารส่วนตำบล / วังทอง")."""
    if len(name) <= LONGEST_JOINED:
        return set()
    inside = sorted((w for w in words if len(w) < len(name)), key=len, reverse=True)
    cuts, k = set(), 0
    while k < len(name):
        w = next((w for w in inside if name.startswith(w, k)), None)
        if w is None:
            k += 1
            continue
        if k > 0:
            cuts.add(k)
        if k + len(w) < len(name):
            cuts.add(k + len(w))
        k += len(w)
    return {skeleton(name[:c]).replace(" ", "") for c in cuts}


def check_pair(a, b, words, orgs):
    """Findings where line a ends and line b starts."""
    found = []
    a_end, b_start = skeleton(a).rstrip(), skeleton(b).lstrip()
    if not a_end or not b_start:
        return found
    if re.search(rf"[{DIGIT}][.,:]?$", a_end) and re.match(rf"[{DIGIT}]", b_start) \
            and not re.match(rf"[{DIGIT}]+\.\s", b_start):
        found.append(("number", a_end[-12:] + " / " + b_start[:12]))
    if re.search(r"(พ\.ศ\.|ค\.ศ\.)$", a_end) and re.match(rf"[{DIGIT}]", b_start):
        found.append(("year", a_end[-12:] + " / " + b_start[:12]))
    if any(a_end.endswith(skeleton(m)) for m in MONTHS) and (re.match(rf"[{DIGIT}]{{4}}", b_start)
                                                   or (a_end.endswith(".") and re.match(rf"[{DIGIT}]{{2}}(?![{DIGIT}])", b_start))):
        found.append(("date", a_end[-12:] + " / " + b_start[:12]))
    a_tight, b_tight = skeleton(a_end).replace(" ", ""), skeleton(b_start).replace(" ", "")
    for kind, names in (("word", words + [m for m in MONTHS if not m.endswith(".")]), ("org", orgs)):
        for w in names:
            allowed = name_cuts(w, words) if kind == "org" else set()
            if any(a_tight.endswith(h) and b_tight.startswith(t) and whole_head(a_end, w, h)
                   for h, t in splits(w) if h not in allowed):
                found.append((kind, w + ": " + a_end[-15:] + " / " + b_start[:15]))
                break
    return found


BBOX_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def letter_spaced(bbox_xml, apart=15):
    """Lines whose letters are spread apart (LibreOffice justifying Thai), from `pdftotext -bbox`:
    poppler reads each letter as a word of its own. A line counts when at least `apart` words of
    one letter (marks aside) stand apart from the word before them. Returns (page, text) pairs."""
    found = []
    for n, page in enumerate(bbox_xml.split("<page ")[1:], 1):
        rows = {}
        for m in BBOX_WORD.finditer(page):
            rows.setdefault(round(float(m.group(3))), []).append((float(m.group(1)), float(m.group(2)), m.group(4)))
        for _, ws in sorted(rows.items()):
            ws.sort()
            count = sum(1 for a, b in zip(ws, ws[1:]) if b[0] - a[1] > 1.0 and len(MARKS.sub("", b[2])) <= 1)
            if count >= apart:
                found.append((n, " ".join(w[2] for w in ws)[:60]))
    return found


def check_pdf(pdf, words, orgs, source=None, spaced=None):
    """Findings per page. With the source document's text, a pair of lines counts only when the
    end of one and the start of the next are one run of text in a paragraph of the source (a line
    broken inside a paragraph, not two table rows)."""
    bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, check=True).stdout.decode("utf-8", "replace")
    findings = [(n, "spaced", t) for n, t in letter_spaced(bbox)]
    doc = pages(pdf)
    for n, lines in enumerate(doc, 1):
        for a in lines:
            if any(j in a[0] for j in JOINERS):
                findings.append((n, "joiner", a[0][:30]))
            b = next_line(lines, a)
            if b is None:
                continue
            tail = skeleton(a[0]).replace(" ", "")[-8:]
            head = skeleton(b[0]).replace(" ", "")[:8]
            if source is not None and (len(tail + head) < 5 or (tail + head) not in source):
                continue
            findings += [(n, k, t) for k, t in check_pair(a[0], b[0], words, orgs)
                         if not (k == "number" and list_break(skeleton(a[0]), skeleton(b[0]), spaced))]
    return len(doc), findings


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--words", default=DEFAULT_WORDS)
    ap.add_argument("--org", action="append", default=[])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--keep", help="folder to keep the PDFs in")
    args = ap.parse_args()
    words = read_words(args.words)
    files = []
    for p in args.paths:
        if os.path.isdir(p):
            for d, _, names in os.walk(p):
                files += [os.path.join(d, n) for n in sorted(names) if n.lower().endswith((".docx", ".odt"))]
        else:
            files.append(p)
    out_dir = args.keep or tempfile.mkdtemp(prefix="linecheck-")
    office = [f for f in files if not f.lower().endswith(".pdf")]
    pdfs = convert(office, out_dir) if office else {}
    pdfs.update({f: f for f in files if f.lower().endswith(".pdf")})
    kinds = ["number", "year", "date", "word", "org", "joiner", "spaced"]
    totals = dict.fromkeys(kinds, 0)
    for f in files:
        if f not in pdfs:
            continue
        orgs = args.org or ([org_from_name(f)] if org_from_name(f) else [])
        source = None if f.lower().endswith(".pdf") else paragraphs(f)
        spaced = None if f.lower().endswith(".pdf") else paragraphs(f, spaced=True)
        count, findings = check_pdf(pdfs[f], words, orgs, source, spaced)
        per = dict.fromkeys(kinds, 0)
        for _, k, _ in findings:
            per[k] += 1
            totals[k] += 1
        print(f"{os.path.basename(f)}: {count} pages, " + ", ".join(f"{k} {per[k]}" for k in kinds))
        if args.verbose:
            for page, k, text in findings:
                print(f"    p{page} {k}: {text}")
    print("total: " + ", ".join(f"{k} {totals[k]}" for k in kinds) + f"; all {sum(totals.values())}")
    return 1 if sum(totals.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
