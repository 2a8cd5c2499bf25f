#!/usr/bin/env python3
"""Hostile and oversized workbooks given to `itareport batch`: for each, the time, the peak memory
of the itareport process, and the first line of what it says.

    scripts/xlsx-limits-bench.py [path/to/itareport]   (default: .build/debug/itareport)
"""
import os, subprocess, sys, tempfile, time, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = sys.argv[1] if len(sys.argv) > 1 and sys.argv[1] != "--make" else os.path.join(ROOT, ".build/debug/itareport")
BASE = os.path.join(ROOT, "Examples/sisaket-2568.yaml")
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def letters(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def header_and_orgs():
    head = ["ลำดับ", "ชื่อหน่วยงาน", "อำเภอ"] + [f"ตัวชี้วัดที่ {k}" for k in range(1, 11)]
    rows = [f'<row r="1">' + "".join(f'<c r="{letters(i)}1" t="inlineStr"><is><t>{h}</t></is></c>' for i, h in enumerate(head)) + "</row>"]
    for n in range(2, 5):
        cells = [f'<c r="A{n}"><v>{n - 1}</v></c>', f'<c r="B{n}" t="inlineStr"><is><t>อบต.ทดลอง{n - 1}</t></is></c>',
                 f'<c r="C{n}" t="inlineStr"><is><t>เมือง</t></is></c>']
        cells += [f'<c r="{letters(3 + k)}{n}"><v>9{k}.5</v></c>' for k in range(10)]
        rows.append(f'<row r="{n}">' + "".join(cells) + "</row>")
    return "".join(rows)


def workbook(path, sheet_xml, shared=None, sheet_bytes=None):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')
        z.writestr("_rels/.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        z.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="คะแนน" sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">' + "".join(f"<si><t>{s}</t></si>" for s in shared) + "</sst>")
        data = sheet_bytes if sheet_bytes is not None else f'<worksheet xmlns="{MAIN}"><dimension ref="A1:XFD1048576"/><sheetData>{sheet_xml}</sheetData></worksheet>'.encode()
        z.writestr("xl/worksheets/sheet1.xml", data)


def cases(d):
    empty = "".join(f'<row r="{r}" spans="1:16">' + "".join(f'<c r="{letters(c)}{r}" s="1"/>' for c in range(16)) + "</row>" for r in range(5, 62_505))
    yield "3 organisations below 1,000,000 styled empty cells (written with references)", header_and_orgs() + empty + '<row r="1048576" s="2"/>', None, None
    yield "4,000,000 empty cells without references (cannot be skipped unparsed)", "<row><c/><c/><c/><c/><c/><c/><c/><c/></row>" * 500_000, None, None
    yield "a value at XFD1048576 (the sheet's far corner)", header_and_orgs() + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', None, None
    yield "shared-string index 99 in a table of 1", header_and_orgs() + '<row r="5"><c r="B5" t="s"><v>99</v></c></row>', ["x"], None
    yield "a zip bomb: 300 MB of zeros in the sheet part", None, None, b"\0" * 300_000_000
    yield "the most read: 7 MB, 240,000 number cells (an unknown header: stops after reading)", '<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' + "".join(f'<row r="{r}">' + "".join(f'<c r="{letters(c)}{r}"><v>{c}.5</v></c>' for c in range(16)) + "</row>" for r in range(2, 15_002)), None, None
    yield "1,100,000 number cells (too much to parse)", "".join(f'<row r="{r}">' + "".join(f'<c r="{letters(c)}{r}"><v>{c}</v></c>' for c in range(11)) + "</row>" for r in range(1, 100_001)), None, None


def make(d):
    """Writes the workbooks (in a child process, so that the measuring process stays small: a
    child's peak memory counts what it inherits)."""
    labels = []
    for i, (label, sheet, shared, raw) in enumerate(cases(d)):
        workbook(os.path.join(d, f"case{i}.xlsx"), sheet, shared, raw)
        labels.append(label)
    with open(os.path.join(d, "labels"), "w") as f:
        f.write("\n".join(labels))


def main():
    if not os.path.exists(BIN):
        sys.exit(f"no {BIN}: build first (swift build)")
    with tempfile.TemporaryDirectory() as d:
        subprocess.run([sys.executable, __file__, "--make", d], check=True)
        labels = open(os.path.join(d, "labels")).read().splitlines()
        print(f"{'case':<78} {'xlsx KB':>8} {'s':>6} {'peak MB':>8}  result")
        for i, label in enumerate(labels):
            path = os.path.join(d, f"case{i}.xlsx")
            out = os.path.join(d, f"out{i}")
            with open(os.path.join(d, "said"), "w+b") as said:
                start = time.monotonic()
                p = subprocess.Popen([BIN, "batch", path, "--base", BASE, "--output", out, "--format", "docx", "--report", "o34"],
                                     stdout=said, stderr=said)
                _, status, usage = os.wait4(p.pid, 0)
                elapsed = time.monotonic() - start
                said.seek(0)
                lines = [l for l in said.read().decode().splitlines() if l.strip() and not l.startswith("[")]
            code = os.waitstatus_to_exitcode(status)
            peak = usage.ru_maxrss // 1024  # KB on Linux
            print(f"{label:<78} {os.path.getsize(path) // 1024:>8} {elapsed:>6.2f} {peak:>8}  exit {code}: {(lines[0] if lines else '')[:170]}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--make":
        make(sys.argv[2])
    else:
        main()
