#!/usr/bin/env python3
"""Builds a corpus of hostile templates, data files and pictures, one or more per class, and runs the
command-line tool on each under `timeout` and `/usr/bin/time -v`: each case must end in a clear error
(status 1, the expected words in a short message) or in the right result, within the time limit, with
its peak memory printed. With --crosscheck every fill also runs with ITAREPORT_CROSSCHECK=1, which fills
through the compiled program and through the document tree and reports any difference.

  scripts/hostile-check.py [--bin .build/release/itareport] [--keep DIR] [--crosscheck] [--only WORD]
                           [--timeout 20] [--max-rss-mb 1024]

Exit status 1 when any case fails (a crash, a timeout, a wrong status, missing words, memory past the
limit, a cross-check difference).
"""
import argparse
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib

DOCX_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
           'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"')
ODF_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
          'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
          'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
          'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
          'xmlns:xlink="http://www.w3.org/1999/xlink" '
          'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"')
DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def para(kind, text):
    if kind == "docx":
        return '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % esc(text)
    return "<text:p>%s</text:p>" % esc(text)


def main_part(kind):
    return "word/document.xml" if kind == "docx" else "content.xml"


def parts(kind, body, prolog="", root_attrs=""):
    """The parts of a minimal template whose body is `body` (XML); `prolog` goes before the root element
    of the main part, `root_attrs` into its start tag."""
    if kind == "docx":
        return [
            ("[Content_Types].xml", DECL + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '</Types>'),
            ("_rels/.rels", DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
             '</Relationships>'),
            ("word/_rels/document.xml.rels", DECL + '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>'),
            ("word/document.xml", DECL + prolog + '<w:document %s %s><w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>'
             '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/>'
             '</w:sectPr></w:body></w:document>' % (DOCX_NS, root_attrs, body)),
        ]
    return [
        ("mimetype", "application/vnd.oasis.opendocument.text"),
        ("META-INF/manifest.xml", DECL + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">'
         '<manifest:file-entry manifest:full-path="/" manifest:version="1.3" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
         '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
         '<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>'
         '</manifest:manifest>'),
        ("content.xml", DECL + prolog + '<office:document-content %s %s office:version="1.3"><office:automatic-styles/>'
         '<office:body><office:text>%s</office:text></office:body></office:document-content>' % (ODF_NS, root_attrs, body)),
        ("styles.xml", DECL + '<office:document-styles %s office:version="1.3"><office:automatic-styles>'
         '<style:page-layout style:name="pm1"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" '
         'fo:margin-top="2cm" fo:margin-bottom="2cm" fo:margin-left="2cm" fo:margin-right="2cm"/></style:page-layout>'
         '</office:automatic-styles><office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1"/>'
         '</office:master-styles></office:document-styles>' % ODF_NS),
    ]


def write_zip(path, ps, stored=False, extra=()):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as z:
        for name, data in list(ps) + list(extra):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if (stored or name == "mimetype") else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode() if isinstance(data, str) else data)


def template(folder, kind, name, body_paras=None, body_xml=None, prolog="", root_attrs=""):
    body = body_xml if body_xml is not None else "".join(para(kind, t) for t in body_paras)
    path = os.path.join(folder, "%s.%s" % (name, kind))
    write_zip(path, parts(kind, body, prolog=prolog, root_attrs=root_attrs))
    return path


# Pictures

def png_chunk(t, data):
    return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data) & 0xFFFFFFFF)


def png(w, h):
    raw = b"".join(b"\x00" + b"\x80\x40\x20" * w for _ in range(h))
    return (b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(raw)) + png_chunk(b"IEND", b""))


def jpeg(w, h, sof_length=17):
    # SOI, APP0 (JFIF), SOF0 (3 components), SOS with no real scan data, EOI: enough for a header reader.
    app0 = b"\xFF\xE0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof = b"\xFF\xC0" + struct.pack(">HBHHB", sof_length, 8, h, w, 3) + b"\x01\x11\x00\x02\x11\x00\x03\x11\x00"
    sos = b"\xFF\xDA" + struct.pack(">H", 12) + b"\x03\x01\x00\x02\x11\x03\x11\x00\x3F\x00" + b"\x12\x34" * 16
    return b"\xFF\xD8" + app0 + sof + sos + b"\xFF\xD9"


class Case:
    def __init__(self, cls, name, args, expect_status=1, words=(), check=None, fill=False, stdin=None):
        self.cls, self.name, self.args, self.expect_status = cls, name, args, expect_status
        self.words, self.check, self.fill = words, check, fill


def build(folder, kinds=("docx", "odt")):
    cases = []
    data = os.path.join(folder, "data")
    os.makedirs(data, exist_ok=True)

    def write(name, content, mode="w"):
        p = os.path.join(data, name)
        with open(p, mode) as f:
            f.write(content)
        return p

    ok_yaml = write("ok.yaml", "a: x\nxs: [1, 2]\n")

    def fill(kind, t, d=ok_yaml, extra=()):
        return ["fill", t, d, "--output", os.path.join(folder, "out", os.path.basename(t).rsplit(".", 1)[0] + "-out." + kind)] + list(extra)

    def output_text(kind, t):
        out = os.path.join(folder, "out", os.path.basename(t).rsplit(".", 1)[0] + "-out." + kind)
        with zipfile.ZipFile(out) as z:
            if z.testzip() is not None:
                return None
            return re.sub(r"<[^>]+>", "", z.read(main_part(kind)).decode())

    for kind in kinds:
        mp = main_part(kind)
        root = "<w:document " if kind == "docx" else "<office:document-content "
        # Entities: billion laughs in an attribute and in text; a DOCTYPE alone; an external entity.
        decls = '<!ENTITY l0 "lollollollollollollollollollol">' + "".join(
            '<!ENTITY l%d "%s">' % (n, "&l%d;" % (n - 1) * 10) for n in range(1, 16))
        lol = "<!DOCTYPE lolz [%s]>\n" % decls
        t = template(folder, kind, "lol-attr", ["x"], prolog=lol, root_attrs='lol="&l15;"')
        for cmd in (["template", "check", t], fill(kind, t)):
            cases.append(Case("billion laughs (attribute)", "%s %s" % (kind, cmd[0]), cmd, words=["DOCTYPE", mp], fill=cmd[0] == "fill"))
        body = '<w:p><w:r><w:t>&l15;</w:t></w:r></w:p>' if kind == "docx" else "<text:p>&l15;</text:p>"
        t = template(folder, kind, "lol-text", body_xml=body, prolog=lol)
        cases.append(Case("billion laughs (text)", kind, fill(kind, t), words=["DOCTYPE", mp], fill=True))
        t = template(folder, kind, "doctype", ["{{a}}"], prolog='<!DOCTYPE x SYSTEM "http://example.invalid/x.dtd">\n')
        cases.append(Case("DOCTYPE", kind + " external DTD", fill(kind, t), words=["DOCTYPE", mp], fill=True))
        t = template(folder, kind, "xxe", body_xml=(para(kind, "x").replace("x</", "&xxe;</")),
                     prolog='<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')
        cases.append(Case("DOCTYPE", kind + " external entity", fill(kind, t), words=["DOCTYPE", mp], fill=True))

        # Nesting and size.
        nested = lambda n, o, c, inner="{{v}}": [o] * n + [inner] + [c] * n
        t = template(folder, kind, "nest30k", nested(30000, "{{#if a}}", "{{/if}}"))
        for cmd in (["template", "check", t], fill(kind, t)):
            cases.append(Case("30,000 nested blocks", "%s %s" % (kind, cmd[0]), cmd, words=["nest more than 100 deep"], fill=cmd[0] == "fill"))
        t = template(folder, kind, "nest2k", nested(2000, "{{#each xs}}", "{{/each}}"))
        d = write("deep2k.json", '{"xs": [' * 2000 + '{"v": "deep"}' + ']}' * 2000)
        cases.append(Case("2,000 nested blocks, one item each", kind, fill(kind, t, d), words=["nest more than 100 deep"], fill=True))
        t = template(folder, kind, "nest100", nested(100, "{{#each xs}}", "{{/each}}"))
        d = write("deep100.json", '{"xs": [' * 100 + '{"v": "deep"}' + ']}' * 100)
        cases.append(Case("100 nested blocks, one item each (the limit)", kind, fill(kind, t, d), expect_status=0, fill=True,
                          check=lambda k=kind, t=t: (output_text(k, t) or "").strip() == "deep"))
        t = template(folder, kind, "if50k", ["{{#if a}}" * 50000 + "x" + "{{/if}}" * 50000])
        for cmd in (["template", "check", t], fill(kind, t)):
            cases.append(Case("50,000 nested {{#if}} in one paragraph", "%s %s" % (kind, cmd[0]), cmd,
                              words=["nest more than 100 deep"], fill=cmd[0] == "fill"))
        t = template(folder, kind, "loops40", nested(40, "{{#each xs}}", "{{/each}}", "{{this}}"))
        cases.append(Case("loops that multiply (2^40 copies)", kind, fill(kind, t), words=["loops copy more than 100000 elements"], fill=True))
        t = template(folder, kind, "loops40-inline", ["{{#each xs}}" * 40 + "{{this}}" + "{{/each}}" * 40])
        cases.append(Case("loops that multiply (2^40 copies)", kind + " in one paragraph", fill(kind, t),
                          words=["loops copy more than 100000 elements"], fill=True))

        # Picture sizes from data.
        write("logo.png", png(40, 20), "wb")
        t = template(folder, kind, "picsize", ["{{image logo width=w}}"])
        for label, value, words in [("1e100", "1e100", ["width=w", "width 1e+100cm does not fit the page"]),
                                    ("-5", "-5", ["width=w", "width -5cm does not fit the page"]),
                                    ("0", "0", ["width=w", "width 0cm does not fit the page"]),
                                    (".nan", ".nan", ["w is .nan", "not a number"]),
                                    ("25cm", "25cm", ["width=w", "width 25cm does not fit the page"]),
                                    ("1e100 (JSON)", None, ["width=w", "width 1e+100cm does not fit the page"])]:
            if value is None:
                d = write("w-json.json", '{"logo": "logo.png", "w": 1e100}')
            else:
                d = write("w-%s.yaml" % label.replace(".", "dot"), "logo: logo.png\nw: %s\n" % value)
            cases.append(Case("picture width from data", "%s width %s" % (kind, label), fill(kind, t, d), words=words, fill=True))
        d = write("w-ok.yaml", "logo: logo.png\nw: 5\n")
        cases.append(Case("picture width from data", kind + " width 5 (fine)", fill(kind, t, d), expect_status=0, fill=True))

        # Pictures checked beyond their header.
        good = png(40, 20)
        sig = good[:8]
        pics = {
            "truncated.png": (good[:-20], ["cut short"]),
            "huge.png": (sig + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 100000, 100000, 8, 2, 0, 0, 0)) + png_chunk(b"IDAT", zlib.compress(b"\0" * 64)) + png_chunk(b"IEND", b""),
                         ["100000 × 100000 pixels"]),
            "badcrc.png": (good[:40] + bytes([good[40] ^ 0xFF]) + good[41:], ["CRC"]),
            "soflie.jpg": (jpeg(65535, 65535), ["65535 × 65535 pixels"]),
            "sofzero.jpg": (jpeg(16, 0), ["16 × 0"]),
            "soflength.jpg": (jpeg(16, 16, sof_length=60000), ["cut short"]),
            "notapicture.png": (b"GIF89a" + b"\0" * 100, ["pic"]),
        }
        t = template(folder, kind, "pic", ["{{image pic}}"])
        for file, (content, words) in pics.items():
            write(file, content, "wb")
            d = write("pic-%s.yaml" % file, "pic: %s\n" % file)
            cases.append(Case("damaged or absurd picture", "%s %s" % (kind, file), fill(kind, t, d), words=words + [file], fill=True))
        big = os.path.join(data, "big.png")
        if not os.path.exists(big):
            with open(big, "wb") as f:
                f.write(sig)
                f.truncate(1 << 30)
        d = write("pic-big.yaml", "pic: big.png\n")
        cases.append(Case("damaged or absurd picture", kind + " 1 GB sparse file with a PNG header", fill(kind, t, d), words=["limited to 25 MB", "big.png"], fill=True))
        for label, p in [("/dev/zero", "/dev/zero"), ("a folder", data)]:
            d = write("pic-%s.yaml" % label.replace("/", "_").replace(" ", "_"), "pic: %s\n" % p)
            cases.append(Case("damaged or absurd picture", "%s picture path %s" % (kind, label), fill(kind, t, d), words=["not a regular file"], fill=True))

        # Packages: an untouched part with a bad CRC, XML with namespace errors, a zip bomb part, many entries.
        p = os.path.join(folder, "crc.%s" % kind)
        write_zip(p, parts(kind, para(kind, "{{a}}")), stored=True, extra=[("extra/marker.xml", "<x>UNIQUEMARKER</x>")])
        b = bytearray(open(p, "rb").read())
        i = b.find(b"UNIQUEMARKER")
        b[i + 11] = ord("S")
        open(p, "wb").write(bytes(b))
        for cmd in (["template", "check", p], fill(kind, p)):
            cases.append(Case("untouched part with a bad CRC", "%s %s" % (kind, cmd[0]), cmd, words=["extra/marker.xml", "damaged"], fill=cmd[0] == "fill"))
        settings = "word/settings.xml" if kind == "docx" else "settings.xml"
        p = os.path.join(folder, "ns.%s" % kind)
        write_zip(p, parts(kind, para(kind, "{{a}}")), extra=[(settings, '<?xml version="1.0"?>\n<w:settings><w:zoom w:percent="100"/></w:settings>')])
        cases.append(Case("XML with namespace errors", kind + " untouched part", fill(kind, p), words=[settings, "namespace"], fill=True))
        p = os.path.join(folder, "ns-main.%s" % kind)
        ps = parts(kind, para(kind, "{{a}}"))
        ps = [(n, d.replace(' xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"', "").replace(' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"', "")) if n == mp else (n, d) for n, d in ps]
        write_zip(p, ps)
        cases.append(Case("XML with namespace errors", kind + " main part", fill(kind, p), words=[mp, "namespace"], fill=True))
        # A zip bomb part: 400 MB of zeros deflated to about 400 KB, under the 512 MB package limit; and
        # 600 MB, over it; and a part whose header claims 1 KB but whose stream inflates to 100 MB.
        for label, size in [("400 MB", 400 << 20), ("600 MB", 600 << 20)]:
            p = os.path.join(folder, "bomb%d.%s" % (size >> 20, kind))
            if not os.path.exists(p):
                with zipfile.ZipFile(p, "w", zipfile.ZIP_DEFLATED) as z:
                    for n, d in parts(kind, para(kind, "{{a}}")):
                        z.writestr(zipfile.ZipInfo(n, date_time=(2024, 1, 1, 0, 0, 0)), d, zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED)
                    info = zipfile.ZipInfo("media/zeros.bin", date_time=(2024, 1, 1, 0, 0, 0))
                    info.compress_type = zipfile.ZIP_DEFLATED
                    with z.open(info, "w", force_zip64=False) as f:
                        chunk = b"\0" * (1 << 20)
                        for _ in range(size >> 20):
                            f.write(chunk)
            if size < (512 << 20):
                cases.append(Case("zip bomb part", "%s %s of zeros (under the limit)" % (kind, label), fill(kind, p), expect_status=0, fill=True,
                                  check=lambda k=kind, p=p: (output_text(k, p) or "").strip() == "x"))
            else:
                cases.append(Case("zip bomb part", "%s %s of zeros" % (kind, label), fill(kind, p), words=["limit of 536870912 bytes"], fill=True))
        p = os.path.join(folder, "bomb-lying.%s" % kind)
        write_zip(p, parts(kind, para(kind, "{{a}}")), extra=[("media/zeros.bin", b"\0" * (100 << 20))])
        b = bytearray(open(p, "rb").read())
        # Claim 1 KB in the local header and in the central directory.
        for sig_, off in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)]:
            i = 0
            while True:
                i = b.find(sig_, i)
                if i < 0:
                    break
                hdr_name_len = struct.unpack("<H", b[i + (26 if sig_ == b"PK\x03\x04" else 28):][:2])[0]
                name_at = i + (30 if sig_ == b"PK\x03\x04" else 46)
                if bytes(b[name_at:name_at + hdr_name_len]) == b"media/zeros.bin":
                    b[i + off:i + off + 4] = struct.pack("<I", 1024)
                i += 4
        open(p, "wb").write(bytes(b))
        cases.append(Case("zip bomb part", kind + " part claiming 1 KB that inflates to 100 MB", fill(kind, p), words=["media/zeros.bin"], fill=True))
        for n, status in [(19000, 0), (25000, 1)]:
            p = os.path.join(folder, "entries%d.%s" % (n, kind))
            write_zip(p, parts(kind, para(kind, "{{a}}")), extra=[("media/e%05d.xml" % i, "<e/>") for i in range(n)])
            cases.append(Case("zip with thousands of entries", "%s %d entries" % (kind, n), fill(kind, p), expect_status=status,
                              words=["entries"] if status else (), fill=True,
                              check=(lambda k=kind, p=p: (output_text(k, p) or "").strip() == "x") if status == 0 else None))

        # Data: NaN and infinity, an alias bomb, paths that are not files.
        t = template(folder, kind, "values", ["{{a}}", "{{n | number:2}}"])
        for label, text, words in [("n: .nan", "a: x\nn: .nan\n", ["n is .nan", "not a number"]),
                                   ("n: -.inf", "a: x\nn: -.inf\n", ["n is -.inf", "infinite"]),
                                   ("n: 1e400 (JSON)", '{"a": "x", "n": 1e400}', ["1e400"])]:
            d = write("num-%d.%s" % (len(cases), "json" if "JSON" in label else "yaml"), text)
            cases.append(Case("NaN and infinite values", "%s %s" % (kind, label), fill(kind, t, d), words=words, fill=True))

    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        "%s: &%s [%s]\n" % (n, n, ", ".join(["*" + p] * 10)) for p, n in zip("abcdefgh", "bcdefghi"))
    bombs = {"bomb.yaml": bomb, "keybomb.yaml": bomb + "? *i\n: 1\n", "bomb-ita.yaml": "fiscal_year: 2568\n" + bomb + "organization: *i\n"}
    out = os.path.join(folder, "out")
    tdocx = template(folder, "docx", "values-bomb", ["{{a}}"])
    for f, text in bombs.items():
        d = write(f, text)
        cases.append(Case("YAML alias bomb", "fill " + f, ["fill", tdocx, d, "--output", os.path.join(out, "bomb.docx")], words=[f, "more than 200000 values", "aliases"], fill=True))
        cases.append(Case("YAML alias bomb", "generate " + f, ["generate", d, "--output", os.path.join(out, "gen")], words=[f, "more than 200000 values"]))
        cases.append(Case("YAML alias bomb", "validate " + f, ["validate", d], words=[f, "more than 200000 values"]))
    fifo = os.path.join(data, "fifo.yaml")
    if not os.path.exists(fifo):
        os.mkfifo(fifo)
    for label, p, what in [("FIFO", fifo, "a named pipe (FIFO)"), ("/dev/zero", "/dev/zero", "a character device"), ("a folder", data, "a folder")]:
        for cmd in (["fill", tdocx, p, "--output", os.path.join(out, "x.docx")], ["generate", p, "--output", os.path.join(out, "gen")], ["validate", p]):
            cases.append(Case("data file that is not a file", "%s %s" % (cmd[0], label), cmd, words=["%s: this is %s" % (p, what)], fill=cmd[0] == "fill"))
    # Files of a gigabyte (sparse: no disk used) given as the template and as the data file.
    bigt = os.path.join(folder, "big-template.docx")
    bigd = os.path.join(data, "big-data.yaml")
    for path, head in [(bigt, b"PK\x03\x04"), (bigd, b"a: x\n")]:
        if not os.path.exists(path):
            with open(path, "wb") as f:
                f.write(head)
                f.truncate(1 << 30)
    cases.append(Case("file of 1 GB", "template", ["fill", bigt, ok_yaml, "--output", os.path.join(out, "big.docx")], words=["big-template.docx"], fill=True))
    cases.append(Case("file of 1 GB", "data file (fill)", ["fill", tdocx, bigd, "--output", os.path.join(out, "big.docx")], words=["big-data.yaml"], fill=True))
    cases.append(Case("file of 1 GB", "data file (validate)", ["validate", bigd], words=["big-data.yaml"]))
    # Data at the bounds: 199,000 values (the limit is 200,000) fill, in time linear in them.
    many = write("many.yaml", "a: x\nxs:\n" + "  - 1\n" * 199000)
    cases.append(Case("data at the bounds", "199,000 values", ["fill", tdocx, many, "--output", os.path.join(out, "many.docx")], expect_status=0, fill=True))
    cases.append(Case("data at the bounds", "199,000 values (validate)", ["validate", many], words=[]))
    return cases


def run(binary, case, timeout, env):
    timing = tempfile.NamedTemporaryFile(delete=False)
    timing.close()
    cmd = ["/usr/bin/time", "-v", "-o", timing.name, "timeout", "-s", "KILL", str(timeout), binary] + case.args
    p = subprocess.run(cmd, capture_output=True, env=env, stdin=subprocess.DEVNULL)
    text = open(timing.name).read()
    os.unlink(timing.name)
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) // 1024
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    secs = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall.split(":"))))
    return p.returncode, p.stdout.decode(errors="replace"), p.stderr.decode(errors="replace"), secs, rss


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", default=".build/release/itareport")
    ap.add_argument("--keep")
    ap.add_argument("--crosscheck", action="store_true")
    ap.add_argument("--only")
    ap.add_argument("--timeout", type=int, default=20)
    ap.add_argument("--max-rss-mb", type=int, default=1024)
    ap.add_argument("--json")
    a = ap.parse_args()
    binary = os.path.abspath(a.bin)
    folder = a.keep or tempfile.mkdtemp(prefix="itareport-hostile-")
    os.makedirs(os.path.join(folder, "out"), exist_ok=True)
    cases = build(folder)
    if a.only:
        cases = [c for c in cases if a.only in c.cls or a.only in c.name]
    failures = 0
    rows = []
    modes = [("compiled", {})] + ([("crosscheck", {"ITAREPORT_CROSSCHECK": "1"})] if a.crosscheck else [])
    for c in cases:
        for mode, extra in modes:
            if mode != "compiled" and not c.fill:
                continue
            env = dict(os.environ, **extra)
            status, out, err, secs, rss = run(binary, c, a.timeout, env)
            problems = []
            if status == 137 or status == 124:
                problems.append("timed out after %ds" % a.timeout)
            elif status != c.expect_status:
                problems.append("status %d, expected %d" % (status, c.expect_status))
            for w in c.words:
                if w not in err + out:
                    problems.append("no '%s' in the message" % w)
            if len(err.encode()) > 4000:
                problems.append("message of %d bytes" % len(err.encode()))
            if re.search(r"Fatal error|Crash|Segmentation|Illegal instruction|double free|CROSSCHECK", err):
                problems.append("crash or cross-check report in stderr")
            if rss > a.max_rss_mb:
                problems.append("peak memory %d MB" % rss)
            if not problems and c.check is not None and not c.check():
                problems.append("wrong output")
            verdict = "ok" if not problems else "FAIL: " + "; ".join(problems)
            failures += bool(problems)
            first = (err.strip().splitlines() or [out.strip()])[0][:160] if err.strip() or out.strip() else ""
            rows.append({"class": c.cls, "case": c.name, "mode": mode, "status": status, "seconds": round(secs, 2), "rss_mb": rss, "verdict": verdict, "message": first})
            print("%-44s %-52s %-10s status %3d %6.2fs %5d MB  %s" % (c.cls[:44], c.name[:52], mode, status, secs, rss, verdict), flush=True)
            if problems:
                print("    " + err[:600].replace("\n", "\n    "), flush=True)
    if a.json:
        with open(a.json, "w") as f:
            json.dump(rows, f, ensure_ascii=False, indent=1)
    print("%d runs, %d failed; corpus in %s" % (len(rows), failures, folder))
    if not a.keep:
        shutil.rmtree(folder, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
