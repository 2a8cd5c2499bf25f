#!/usr/bin/env python3
"""Checks every document of the shipped examples as LibreOffice prints it, before anyone signs it.

Usage: scripts/print-check.py [--bin ITAREPORT] [--keep DIR] [--png] [--verbose] [DATA_FILE...]

Each data file (default: Examples/*.yaml) is generated with `itareport generate --report all` in DOCX
and ODT; each document is converted to PDF by LibreOffice headless and its pages read with poppler.
Counted per rendering:

  number, year, date, word, org, joiner, spaced   line ends and letter-spaced lines, as
             scripts/line-check.py counts them
  signature  a page whose signature block ("ลงชื่อ" and the "ณ วันที่" line above it) has nothing
             of the document above it (a table header repeated from the page before does not count)
  row        a table row split across pages: a line at the top of a page that continues a table
             cell's paragraph, or starts a later paragraph of the cell, from the foot of the page before
             (not counted when the row is taller than a page: it started at the top of the page before,
             or earlier; --verbose lists it)
  heading    a heading paragraph ending a page (its text is the last thing on the page)
  lost       a paragraph whose end is not in the PDF's text (cut off: a row that may not split and
             is taller than its page is clipped by LibreOffice)
  empty      a mostly empty page: its text ends above half the page (--empty-share) while the table it ends with goes on
             at the top of the next page (not counted when the row that goes on is taller than the room
             left on the page: a whole row that does not fit; --verbose lists it)
and per document:
  pages      DOCX and ODT page counts apart by more than one page and more than 10 %

Prints one line per rendering and the totals; --verbose each finding with its page. With --png the
pages are also written as PNG (pdftoppm -r 60) beside the PDFs in the --keep folder; --again checks
the documents and PDFs kept there by an earlier run (another build's) without generating them. Exit
status 1 when anything is found.
"""

import argparse
import glob
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, ".."))
_spec = importlib.util.spec_from_file_location("line_check", os.path.join(HERE, "line-check.py"))
lc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(lc)

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
LINE_KINDS = ["number", "year", "date", "word", "org", "joiner", "spaced"]
KINDS = LINE_KINDS + ["signature", "row", "heading", "lost", "empty", "pages"]


def tight(s):
    return lc.skeleton(s).replace(" ", "")


def org_name(data_file):
    """The organisation's name from the data file (YAML or JSON), without a YAML library when possible."""
    with open(data_file, encoding="utf-8") as f:
        text = f.read()
    try:
        import yaml
        data = yaml.safe_load(text)
        return (data.get("organization") or {}).get("name")
    except ImportError:
        m = re.search(r"organi[sz]ation:\s*\n\s+name:\s*(.+)", text)
        return m.group(1).strip() if m else None


def cells(path):
    """Table cells of a DOCX or ODT, each as the list of its paragraphs' tight texts (nested tables apart)."""
    out = []
    with zipfile.ZipFile(path) as z:
        if path.lower().endswith(".docx"):
            root = ET.fromstring(z.read("word/document.xml"))
            for tc in root.iter(W + "tc"):
                out.append([tight("".join(t.text or "" for t in p.iter(W + "t"))) for p in tc.findall(W + "p")])
        else:
            root = ET.fromstring(z.read("content.xml"))
            for tc in root.iter(TABLE + "table-cell"):
                paras = [p for p in tc if p.tag in (TEXT + "p", TEXT + "h")]
                for lst in tc.iter(TEXT + "list-item"):
                    paras += [p for p in lst if p.tag in (TEXT + "p", TEXT + "h")]
                out.append([tight("".join(p.itertext())) for p in paras])
    return [[p for p in c if p] for c in out if any(c)]


def tables(path):
    """Each table of a DOCX or ODT as its rows, each row the tight texts of its cells (a cell's paragraphs
    joined; a nested table's text is in its outer cell too)."""
    out = []
    with zipfile.ZipFile(path) as z:
        if path.lower().endswith(".docx"):
            root = ET.fromstring(z.read("word/document.xml"))
            for tbl in root.iter(W + "tbl"):
                out.append([[tight("".join(t.text or "" for t in tc.iter(W + "t"))) for tc in tr.findall(W + "tc")]
                            for tr in tbl.findall(W + "tr")])
        else:
            root = ET.fromstring(z.read("content.xml"))
            for tbl in root.iter(TABLE + "table"):
                trs = [tr for tr in tbl.iter(TABLE + "table-row")]
                out.append([[tight("".join(tc.itertext())) for tc in tr if tc.tag == TABLE + "table-cell"] for tr in trs])
    return out


def page_heights(pdf):
    """Each page's height in points (pdfinfo)."""
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf], capture_output=True, text=True, check=True).stdout
    return [float(m.group(1)) for m in re.finditer(r"^Page\s+\d+ size:\s+[\d.]+ x ([\d.]+)", info, re.M)]


def mostly_empty(doc, heights, tabs, share=0.5, fitting=None):
    """(page, text) of pages whose text ends above `share` of the page while the table the page ends with
    goes on at the top of the next page (under its repeated header). When the row that goes on (with a
    group heading row's next row, with a last row's signature row) is taller than the room left on the
    page (down to the lowest line of any page of that height), it could not have stayed: the finding
    goes to `fitting` instead."""

    def where(line):
        """(table, row) holding the line's text, when one row of one table holds it."""
        t = tight(line[0])
        if len(t) < 4:
            return None
        hits = [(k, r) for k, tab in enumerate(tabs) for r, row in enumerate(tab) if any(t in c for c in row)]
        return hits[0] if len(hits) == 1 else None

    def anywhere(line):
        t = tight(line[0])
        return len(t) >= 4 and {k for k, tab in enumerate(tabs) for row in tab if any(t in c for c in row)}

    floor = {}
    for lines, h in zip(doc, heights):
        b = body(lines)
        if b:
            floor[round(h)] = max(floor.get(round(h), 0), max(l[3] for l in b))
    found = []
    for i in range(len(doc) - 1):
        b = sorted(body(doc[i]), key=lambda l: l[3])
        if not b or b[-1][3] >= share * heights[i]:
            continue
        bottom = b[-1][3]
        ends = [anywhere(l) for l in reversed(b) if bottom - l[3] < 2.5 * l[4]]
        ends = set.union(*[e for e in ends if e]) if any(ends) else set()
        seen = {tight(l[0]) for l in b}
        fresh = sorted([l for l in body(doc[i + 1]) if tight(l[0]) not in seen], key=lambda l: l[3])
        if not fresh or not ends:
            continue
        top = fresh[0][3]
        first = [w for w in (where(l) for l in fresh if l[3] - top < 1.2 * l[4]) if w]
        if not first or first[0][0] not in ends:
            continue
        k, r = first[0]
        text = f"ends {round(100 * bottom / heights[i])} % down: {b[-1][0][:20]} / {fresh[0][0][:20]}"
        # What goes on as one piece: the row, with the row after it when it is a row of one cell across the
        # table (a group heading, kept with what it heads) or when the row after holds the signature (the
        # last row keeps with it). Its height on the next page: down to the lowest line only it holds.
        rows = [r]
        while rows[-1] + 1 < len(tabs[k]) and (
                (len(tabs[k][rows[-1]]) == 1 and len(tabs[k][0]) > 1)
                or any(tight("ลงชื่อ") in c for c in tabs[k][rows[-1] + 1])):
            rows.append(rows[-1] + 1)
        own = [l[3] for l in fresh if where(l) in {(k, x) for x in rows}]
        room = floor.get(round(heights[i]), heights[i]) - bottom
        if fitting is not None and own and max(own) - top + fresh[0][4] > room:
            fitting.append((i + 1, text))
        else:
            found.append((i + 1, text))
    return found


def outside_cells(path):
    """Tight texts of the paragraphs outside table cells, as one string (paragraphs on their own lines)."""
    out = []
    with zipfile.ZipFile(path) as z:
        if path.lower().endswith(".docx"):
            root = ET.fromstring(z.read("word/document.xml"))
            inside = {id(p) for tc in root.iter(W + "tc") for p in tc.iter(W + "p")}
            out = [tight("".join(t.text or "" for t in p.iter(W + "t"))) for p in root.iter(W + "p") if id(p) not in inside]
        else:
            root = ET.fromstring(z.read("content.xml"))
            inside = {id(p) for tc in root.iter(TABLE + "table-cell") for p in tc.iter() if p.tag in (TEXT + "p", TEXT + "h")}
            out = [tight("".join(p.itertext())) for p in root.iter() if p.tag in (TEXT + "p", TEXT + "h") and id(p) not in inside]
    return "\n".join(t for t in out if t)


def headings(path):
    """Heading paragraphs' tight texts (DOCX styles Heading*, ODT text:h)."""
    out = []
    with zipfile.ZipFile(path) as z:
        if path.lower().endswith(".docx"):
            root = ET.fromstring(z.read("word/document.xml"))
            for p in root.iter(W + "p"):
                style = p.find(f"{W}pPr/{W}pStyle")
                if style is not None and style.get(W + "val", "").startswith("Heading"):
                    out.append(tight("".join(t.text or "" for t in p.iter(W + "t"))))
        else:
            root = ET.fromstring(z.read("content.xml"))
            out = [tight("".join(h.itertext())) for h in root.iter(TEXT + "h")]
    return [h for h in out if len(h) > 3]


def body(lines):
    """A page's lines without the page number (digits alone)."""
    return [l for l in lines if not re.fullmatch(rf"[\s\-–]*[{lc.DIGIT}]+[\s\-–]*", l[0])]


def signature_alone(doc):
    """Pages (1-based) whose signature block has nothing of the document above it."""
    out = []
    for i, lines in enumerate(doc):
        b = sorted(body(lines), key=lambda l: l[3])
        sign = next((k for k, l in enumerate(b) if tight("ลงชื่อ") in tight(l[0])), None)
        if sign is None:
            continue
        start = max([k for k in range(sign) if tight("ณ วันที่") in tight(b[k][0])], default=sign)
        previous = {tight(l[0]) for l in doc[i - 1]} if i > 0 else set()
        if not [l for l in b[:start] if tight(l[0]) not in previous]:
            out.append(i + 1)
    return out


def row_fragments(doc, table_cells, outside="", taller=None):
    """(page, text) of lines at the top of a page that carry on a table cell from the page before. A
    line that as well carries on a paragraph outside the tables (one quoting a cell's text) is that
    paragraph's, which may break across pages. A row taller than a page must split: when the cell's
    first line is the first of its column on the page before (under the header repeated there), or
    is not on that page at all, the finding goes to `taller` instead."""
    inside = [("\n".join(c), c) for c in table_cells]
    found = []

    def over_page(i, line, c):
        first = c[0][:6]
        if len(first) < 3:
            return False
        repeated = {tight(l[0]) for l in body(doc[i - 2])} if i >= 2 else set()
        col = sorted([l for l in body(doc[i - 1]) if l[1] < line[2] and l[2] > line[1] and tight(l[0]) not in repeated],
                     key=lambda l: l[3])
        starts = [k for k, l in enumerate(col) if first in tight(l[0])]
        return not starts or starts[0] == 0

    for i in range(1, len(doc)):
        prev, here = body(doc[i - 1]), body(doc[i])
        seen = {tight(l[0]) for l in prev}
        fresh = sorted([l for l in here if tight(l[0]) not in seen], key=lambda l: l[3])
        if not fresh:
            continue
        top = fresh[0][3]
        for line in [l for l in fresh if l[3] - top < 1.2 * l[4]]:
            column = [l for l in prev if l[1] < line[2] and l[2] > line[1]]
            if not column:
                continue
            last = max(column, key=lambda l: l[3])
            tail, head = tight(last[0])[-10:], tight(line[0])[:10]
            if len(tail) < 3 or len(head) < 3 or (tail + head) in outside:
                continue
            for joined, c in inside:
                # One paragraph running on, or the next paragraph of the same cell.
                if (tail + head) in joined.replace("\n", "") and any((tail + head) in p for p in c):
                    text = f"{last[0][-20:]} / {line[0][:20]}"
                elif any(a.endswith(tail) and b.startswith(head) for a, b in zip(c, c[1:])):
                    text = f"{last[0][-20:]} // {line[0][:20]}"
                else:
                    continue
                if taller is not None and over_page(i, line, c):
                    taller.append((i + 1, text))
                else:
                    found.append((i + 1, text))
                break
    return found


def heading_at_foot(doc, heads):
    out = []
    for i, lines in enumerate(doc[:-1]):
        b = sorted(body(lines), key=lambda l: l[3])
        if not b:
            continue
        tail = "".join(tight(l[0]) for l in b[-4:])
        h = next((h for h in heads if tail.endswith(h)), None)
        if h:
            out.append((i + 1, h))
    return out


def lost_paragraphs(pdf, src, n=8):
    """Paragraph ends (their last n letters) of the document that the PDF's text does not hold, whole in
    a line, or as the end of one line, maybe a whole short line, and the start of another, in reading
    order or in the order the PDF draws them."""
    # Reading order and content-stream order (-raw): cells side by side interleave their lines in the
    # first, a cell's lines follow each other in the second.
    text = "\n".join(subprocess.run(["pdftotext", *mode, pdf, "-"], capture_output=True, text=True, check=True).stdout
                     for mode in ([], ["-raw"]))
    lines = [re.sub(r"[^\w]", "", tight(l)) for l in text.splitlines()]
    blob = "\n".join(lines)
    ends = {l[-k:] for l in lines for k in range(1, n)}
    starts = {l[:k] for l in lines for k in range(1, n)}
    whole = set(lines)  # poppler sets a line apart at some Thai marks ("ทุกขั" / "้ ตอน")
    out = []
    for p in lc.paragraphs(src).split("\n"):
        # Letters and digits only: poppler's spacing and punctuation around numbers vary.
        t = re.sub(r"[^\w]", "", p)[-n:]
        if len(t) < n or t in blob or any(t[:k] in ends and (t[k:] in starts or t[k:] in ends) for k in range(1, n)) \
                or any(t[:a] in ends and t[a:b] in whole and t[b:] in starts
                       for a in range(1, n - 1) for b in range(a + 1, n)):
            continue
        out.append(p[-30:])
    return out


def pages_agree(a, b):
    return abs(a - b) <= max(1, int(max(a, b) * 0.1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="*")
    ap.add_argument("--bin", default=None, help="the itareport program (default: .build/release, else .build/debug)")
    ap.add_argument("--keep", help="folder for the documents, PDFs and PNGs (default: a temporary one)")
    ap.add_argument("--png", action="store_true", help="also write every page as PNG (60 dpi)")
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--empty-share", type=float, default=0.5, metavar="SHARE",
                    help="a page is mostly empty when its text ends above this share of its height (default 0.5)")
    ap.add_argument("--again", action="store_true",
                    help="check the documents already in the --keep folder again, without generating them")
    args = ap.parse_args()
    if args.again and not args.keep:
        sys.exit("print-check: --again needs --keep FOLDER")
    data = args.data or sorted(glob.glob(os.path.join(ROOT, "Examples", "*.yaml")))
    program = args.bin or next((p for p in (os.path.join(ROOT, ".build", d, "itareport") for d in ("release", "debug"))
                                if os.path.exists(p)), None)
    if not program:
        sys.exit("print-check: no itareport program; build it (make build) or give --bin")
    for tool in ("soffice", "pdftotext"):
        if not shutil.which(tool):
            sys.exit(f"print-check: {tool} is not on PATH (make setup-test installs it)")
    work = args.keep or tempfile.mkdtemp(prefix="print-check-")
    words = lc.read_words(lc.DEFAULT_WORDS)

    # Generate, then gather every document into one folder per format under a unique stem.
    flat = {"docx": os.path.join(work, "docx"), "odt": os.path.join(work, "odt")}
    for d in flat.values():
        os.makedirs(d, exist_ok=True)
    docs = []  # (stem, data file, org)
    if args.again:
        by_stem = {os.path.splitext(os.path.basename(f))[0]: f for f in data}
        for name in sorted(os.listdir(flat["docx"])):
            stem = os.path.splitext(name)[0]
            f = by_stem.get(stem.split("__")[0])
            if f:
                docs.append((stem, f, org_name(f)))
    for f in ([] if args.again else data):
        stem = os.path.splitext(os.path.basename(f))[0]
        out = os.path.join(work, "generated", stem)
        shutil.rmtree(out, ignore_errors=True)
        r = subprocess.run([program, "generate", f, "--report", "all", "--format", "docx,odt", "--output", out],
                           capture_output=True, text=True)
        if r.returncode != 0:
            sys.exit(f"print-check: itareport generate {f} failed:\n{r.stderr}")
        for name in sorted(os.listdir(out)):
            base, ext = os.path.splitext(name)
            if ext.lower() in (".docx", ".odt"):
                target = os.path.join(flat[ext[1:].lower()], f"{stem}__{base}{ext.lower()}")
                shutil.copyfile(os.path.join(out, name), target)
                if ext.lower() == ".docx":
                    docs.append((f"{stem}__{base}", f, org_name(f)))
    pdf_dir = os.path.join(work, "pdf")
    pdfs = {}
    for ext, d in flat.items():
        files = sorted(os.path.join(d, n) for n in os.listdir(d))
        pdfs.update(lc.convert(files, pdf_dir))

    totals = dict.fromkeys(KINDS, 0)
    print(f"{'rendering':60} pages " + " ".join(f"{k:>9}" for k in KINDS[:-1]))
    for stem, _, org in docs:
        counts = {}
        for ext in ("docx", "odt"):
            src = os.path.join(flat[ext], f"{stem}.{ext}")
            pdf = pdfs.get(src)
            if not pdf:
                print(f"{stem}.{ext}: no PDF", file=sys.stderr)
                totals["pages"] += 1
                continue
            doc = lc.pages(pdf)
            counts[ext] = len(doc)
            _, line_findings = lc.check_pdf(pdf, words, [org] if org else [], lc.paragraphs(src),
                                            lc.paragraphs(src, spaced=True))
            findings = list(line_findings)
            findings += [(p, "signature", "signature block alone") for p in signature_alone(doc)]
            taller = []
            findings += [(p, "row", t) for p, t in row_fragments(doc, cells(src), outside_cells(src), taller)]
            findings += [(p, "heading", h) for p, h in heading_at_foot(doc, headings(src))]
            findings += [(0, "lost", t) for t in lost_paragraphs(pdf, src)]
            too_tall = []
            findings += [(p, "empty", t) for p, t in mostly_empty(doc, page_heights(pdf), tables(src), args.empty_share, too_tall)]
            per = dict.fromkeys(KINDS, 0)
            for _, k, _ in findings:
                per[k] += 1
                totals[k] += 1
            print(f"{stem + '.' + ext:60} {len(doc):5} " + " ".join(f"{per[k]:>9}" for k in KINDS[:-1]))
            if args.verbose:
                for p, k, t in sorted(findings, key=lambda x: x[0]):
                    print(f"    p{p} {k}: {t}")
                for p, t in taller:
                    print(f"    p{p} (not counted) row taller than a page: {t}")
                for p, t in too_tall:
                    print(f"    p{p} (not counted) mostly empty, the next row does not fit the rest of it: {t}")
            if args.png:
                png = os.path.join(work, "png", ext, stem)
                os.makedirs(png, exist_ok=True)
                subprocess.run(["pdftoppm", "-r", "60", "-png", pdf, os.path.join(png, "p")], check=True)
        if len(counts) == 2 and not pages_agree(counts["docx"], counts["odt"]):
            totals["pages"] += 1
            print(f"    pages: DOCX {counts['docx']}, ODT {counts['odt']}")
    print("total: " + ", ".join(f"{k} {totals[k]}" for k in KINDS) + f"; all {sum(totals.values())}"
          + f" ({len(docs)} documents, {2 * len(docs)} renderings; files in {work})")
    return 1 if sum(totals.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
