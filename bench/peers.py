#!/usr/bin/env python3
"""itareport beside docxtpl (DOCX) and relatorio (ODT) on the same content, interleaved in one run.

The peers' templates are made from the shipped template itself, so that the three fill the same
document: every {{tag}} of it is rewritten in the peer's own language (Jinja for docxtpl, Genshi
placeholders for relatorio), with the peer's own way of repeating paragraphs and table rows, merging
cells (neither merges by value: a {{merge}} cell shows its value on the first row of each run) and placing pictures. Names that our templates take from
an enclosing loop item are resolved against the data to the loop variable they come from. Filters
(number:2, default, date:long) become small Python functions with the same output.

Each round runs `itareport bench --count N --json` on DOCX and ODT (load once, N fills), then N fills
with docxtpl and N with relatorio, each writing its document to disk, then the C libzip floor; the
median over rounds of each figure is printed, with the ratios.

    bench/peers.py --bin .build/release/itareport --floor .build/zipfloor \
        --template Templates/o34-2567 --data Templates/source/samples/o34-2567.json [--rounds 5] [--count 20]
"""
import argparse
import copy
import io
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
SVG = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TAG = re.compile(r"\{\{(.*?)\}\}")
THAI_MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]


# The filters of the shipped template, as the peers' templates call them.
def num(v, places=0):
    return f"{float(v):,.{int(places)}f}" if v not in (None, "") else ""


def grp(items, item, key):
    """A {{merge}} cell's text: the value on the first row of each run of equal values, empty below it
    (the peers merge no cells by value: docxtpl's {% vm %} merges a whole loop, relatorio has none)."""
    i = next(k for k, x in enumerate(items) if x is item)
    return "" if i > 0 and items[i - 1].get(key) == item.get(key) else item.get(key)


def dflt(v, d):
    return d if v in (None, "", []) else v


def thaidate(v):
    y, m, d = (int(x) for x in str(v).split("-"))
    return f"{d} {THAI_MONTHS[m - 1]} {y + 543}"


class Scopes:
    """Loop variables in force at a tag, and which names each one's items have (from the data)."""

    def __init__(self, data):
        self.data = data
        self.stack = []  # (variable, values it takes, their keys)
        self.lists = []  # the list expression each variable runs over

    def resolve(self, path):
        head = path.split(".")[0]
        for var, _, keys in reversed(self.stack):
            if head in keys:
                return f"{var}.{path}"
        return path

    def values(self, resolved):
        parts = resolved.split(".")
        current = [self.data]
        for var, vals, _ in self.stack:
            if parts[0] == var:
                current, parts = vals, parts[1:]
        for p in parts:
            current = [c.get(p) for c in current if isinstance(c, dict)]
        return current

    def push(self, path):
        resolved = self.resolve(path)
        items = [i for v in self.values(resolved) if isinstance(v, list) for i in v]
        var = f"it{len(self.stack)}"
        keys = set().union(*[set(i) for i in items if isinstance(i, dict)]) if items else set()
        self.stack.append((var, items, keys))
        self.lists.append(resolved)
        return var, resolved

    def pop(self):
        self.stack.pop()
        self.lists.pop()

    def is_list(self, path):
        return any(isinstance(v, list) for v in self.values(self.resolve(path)))


def merge_expression(tag, scopes):
    var, _, _ = scopes.stack[-1]
    return "grp(%s, %s, %r)" % (scopes.lists[-1], var, tag.strip())


def expression(tag, scopes, genshi):
    """A value tag as an expression of the peer's language."""
    parts = [p.strip() for p in tag.split("|")]
    expr = scopes.resolve(parts[0])
    for f in parts[1:]:
        name, _, arg = f.partition(":")
        if name == "number":
            expr = f"num({expr}, {arg or 0})"
        elif name == "default":
            expr = f"dflt({expr}, {arg})"
        elif name == "date":
            expr = f"thaidate({expr})"
    return expr


# ---------------------------------------------------------------- docxtpl


def docx_set_text(p, text):
    """Paragraph `p` holding only `text`, in its first run's formatting."""
    runs = p.findall(f"{{{W}}}r")
    first = runs[0] if runs else etree.SubElement(p, f"{{{W}}}r")
    for r in runs[1:]:
        p.remove(r)
    for c in list(first):
        if c.tag != f"{{{W}}}rPr":
            first.remove(c)
    t = etree.SubElement(first, f"{{{W}}}t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text


def jinja_inline(text, scopes):
    """The tags of a paragraph's text as Jinja (inline blocks, values, pictures, merges)."""
    out = []
    pos = 0
    for m in TAG.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        tag = m.group(1).strip()
        if tag.startswith("#if "):
            out.append("{%% if %s %%}" % scopes.resolve(tag[4:].strip()))
        elif tag == "else":
            out.append("{% else %}")
        elif tag == "/if":
            out.append("{% endif %}")
        elif tag.startswith("image "):
            words = tag.split()
            width = next((w[6:] for w in words if w.startswith("width=")), "3cm")
            out.append("{{ img(%s, %s) }}" % (scopes.resolve(words[1]), float(width[:-2]) * 10))
        elif tag.startswith("merge "):
            out.append("{{ %s }}" % merge_expression(tag[6:], scopes))
        elif tag.startswith("#each ") or tag == "/each":
            continue  # rows: handled by the caller
        else:
            out.append("{{ %s }}" % expression(tag, scopes, False))
    out.append(text[pos:])
    return "".join(out)


def docxtpl_template(src, dst, data):
    with zipfile.ZipFile(src) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    scopes = Scopes(data)

    def texts(p):
        return "".join(t.text or "" for t in p.iter(f"{{{W}}}t"))

    def walk(container):
        for el in list(container):
            if el.tag == f"{{{W}}}p":
                t = texts(el)
                if "{{" not in t:
                    continue
                tags = TAG.findall(t)
                alone = len(tags) == 1 and t.strip() == "{{%s}}" % tags[0]
                tag = tags[0].strip()
                if alone and tag.startswith("#each "):
                    var, resolved = scopes.push(tag[6:].strip())
                    docx_set_text(el, "{%%p for %s in %s %%}" % (var, resolved))
                elif alone and tag == "/each":
                    scopes.pop()
                    docx_set_text(el, "{%p endfor %}")
                elif alone and tag.startswith("#if "):
                    docx_set_text(el, "{%%p if %s %%}" % scopes.resolve(tag[4:].strip()))
                elif alone and tag == "else":
                    docx_set_text(el, "{%p else %}")
                elif alone and tag == "/if":
                    docx_set_text(el, "{%p endif %}")
                elif alone and scopes.is_list(tag):
                    # A list value alone in its paragraph: one paragraph per item.
                    var, resolved = scopes.push(tag)
                    before, after = copy.deepcopy(el), copy.deepcopy(el)
                    docx_set_text(before, "{%%p for %s in %s %%}" % (var, resolved))
                    docx_set_text(after, "{%p endfor %}")
                    docx_set_text(el, "{{ %s }}" % var)
                    el.addprevious(before)
                    el.addnext(after)
                    scopes.pop()
                else:
                    docx_set_text(el, jinja_inline(t, scopes))
            elif el.tag == f"{{{W}}}tbl":
                for row in list(el.findall(f"{{{W}}}tr")):
                    t = "".join(texts(p) for p in row.iter(f"{{{W}}}p"))
                    opens = [m.strip()[6:].strip() for m in TAG.findall(t) if m.strip().startswith("#each ")]
                    closes = sum(1 for m in TAG.findall(t) if m.strip() == "/each")
                    for path in opens:
                        var, resolved = scopes.push(path)
                        tag_row = copy.deepcopy(row)
                        first = True
                        for p in tag_row.iter(f"{{{W}}}p"):
                            docx_set_text(p, "{%%tr for %s in %s %%}" % (var, resolved) if first else "")
                            first = False
                        row.addprevious(tag_row)
                    for cell in row.findall(f"{{{W}}}tc"):
                        walk(cell)
                    for _ in range(closes):
                        scopes.pop()
                        tag_row = copy.deepcopy(row)
                        first = True
                        for p in tag_row.iter(f"{{{W}}}p"):
                            docx_set_text(p, "{%tr endfor %}" if first else "")
                            first = False
                        row.addnext(tag_row)
            elif len(el):
                walk(el)

    for name in parts:
        if name == "word/document.xml" or re.fullmatch(r"word/(header|footer)\d*\.xml", name):
            root = etree.fromstring(parts[name])
            walk(root)
            parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as z:
        for n, b in parts.items():
            z.writestr(n, b)


def docxtpl_fill(template, data, assets, out):
    from docxtpl import DocxTemplate, InlineImage
    from docx.shared import Mm
    tpl = DocxTemplate(template)
    ctx = dict(data)
    ctx.update(num=num, dflt=dflt, thaidate=thaidate, grp=grp,
               img=lambda path, mm: InlineImage(tpl, os.path.join(assets, path), width=Mm(mm)))
    tpl.render(ctx)
    tpl.save(out)


# ---------------------------------------------------------------- relatorio


def placeholder(expr):
    e = etree.Element(f"{{{TEXT}}}placeholder")
    e.set(f"{{{TEXT}}}placeholder-type", "text")
    e.text = f"<{expr}>"
    return e


def odf_set(p, items):
    """Paragraph `p` holding `items` (strings and elements), keeping its own attributes."""
    for c in list(p):
        p.remove(c)
    p.text = None
    last = None
    for it in items:
        if isinstance(it, str):
            if last is None:
                p.text = (p.text or "") + it
            else:
                last.tail = (last.tail or "") + it
        else:
            p.append(it)
            last = it


def genshi_inline(text, scopes):
    items = []
    pos = 0
    for m in TAG.finditer(text):
        items.append(text[pos:m.start()])
        pos = m.end()
        tag = m.group(1).strip()
        if tag.startswith("#if "):
            items.append(placeholder('if test="%s"' % scopes.resolve(tag[4:].strip())))
        elif tag == "else":
            # An inline else: the branch after it as the expression's other value.
            items.append(placeholder("/if"))
            items.append(("else",))
        elif tag == "/if":
            items.append(("endif",))
        elif tag.startswith("image "):
            words = tag.split()
            frame = etree.Element(f"{{{DRAW}}}frame")
            frame.set(f"{{{DRAW}}}name", "image: img(%s)" % scopes.resolve(words[1]))
            frame.set(f"{{{TEXT}}}anchor-type", "as-char")
            frame.set(f"{{{SVG}}}width", "3cm")
            frame.set(f"{{{SVG}}}height", "3cm")
            etree.SubElement(frame, f"{{{DRAW}}}image")
            items.append(frame)
        elif tag.startswith("merge "):
            items.append(placeholder(merge_expression(tag[6:], scopes)))
        elif tag.startswith("#each ") or tag == "/each":
            continue
        else:
            items.append(placeholder(expression(tag, scopes, True)))
    items.append(text[pos:])
    # if … else … /if inline: Genshi has no inline else, so the else branch is its own `if not`.
    out, cond, in_else = [], None, False
    for it in items:
        if isinstance(it, etree._Element) and it.tag == f"{{{TEXT}}}placeholder" and it.text.startswith("<if test="):
            cond = it.text[len('<if test="'):-2]
            out.append(it)
        elif it == ("else",):
            out.append(placeholder('if test="not (%s)"' % cond))
            in_else = True
        elif it == ("endif",):
            out.append(placeholder("/if"))
            in_else = False
        else:
            out.append(it)
    return out


def relatorio_template(src, dst, data):
    with zipfile.ZipFile(src) as z:
        names = z.namelist()
        parts = {n: z.read(n) for n in names}
    scopes = Scopes(data)
    paragraph_tags = (f"{{{TEXT}}}p", f"{{{TEXT}}}h")

    def walk(container):
        for el in list(container):
            if el.tag in paragraph_tags:
                t = "".join(el.itertext())
                if "{{" not in t:
                    continue
                tags = TAG.findall(t)
                alone = len(tags) == 1 and t.strip() == "{{%s}}" % tags[0]
                tag = tags[0].strip()
                if alone and tag.startswith("#each "):
                    var, resolved = scopes.push(tag[6:].strip())
                    odf_set(el, [placeholder('for each="%s in %s"' % (var, resolved))])
                elif alone and tag == "/each":
                    scopes.pop()
                    odf_set(el, [placeholder("/for")])
                elif alone and tag.startswith("#if "):
                    cond = scopes.resolve(tag[4:].strip())
                    odf_set(el, [placeholder('if test="%s"' % cond)])
                    el.set("cond", cond)
                elif alone and tag == "else":
                    odf_set(el, [placeholder("/if")])
                    el.set("else", "1")
                elif alone and tag == "/if":
                    odf_set(el, [placeholder("/if")])
                elif alone and scopes.is_list(tag):
                    var, resolved = scopes.push(tag)
                    before, after = copy.deepcopy(el), copy.deepcopy(el)
                    odf_set(before, [placeholder('for each="%s in %s"' % (var, resolved))])
                    odf_set(after, [placeholder("/for")])
                    odf_set(el, [placeholder(var)])
                    el.addprevious(before)
                    el.addnext(after)
                    scopes.pop()
                else:
                    odf_set(el, genshi_inline(t, scopes))
            elif el.tag == f"{{{TABLE}}}table-row":
                row = el
                t = "".join(row.itertext())
                opens = [m.strip()[6:].strip() for m in TAG.findall(t) if m.strip().startswith("#each ")]
                closes = sum(1 for m in TAG.findall(t) if m.strip() == "/each")
                for path in opens:
                    var, resolved = scopes.push(path)
                    tag_row = copy.deepcopy(row)
                    ps = [p for p in tag_row.iter(*paragraph_tags)]
                    for i, p in enumerate(ps):
                        odf_set(p, [placeholder('for each="%s in %s"' % (var, resolved))] if i == 0 else [])
                    row.addprevious(tag_row)
                walk(row)
                for _ in range(closes):
                    scopes.pop()
                    tag_row = copy.deepcopy(row)
                    ps = [p for p in tag_row.iter(*paragraph_tags)]
                    for i, p in enumerate(ps):
                        odf_set(p, [placeholder("/for")] if i == 0 else [])
                    row.addnext(tag_row)
            elif len(el):
                walk(el)

    for name in ("content.xml", "styles.xml"):
        root = etree.fromstring(parts[name])
        walk(root.find(f"{{{OFFICE}}}body/{{{OFFICE}}}text") if name == "content.xml" else root.find(f"{{{OFFICE}}}master-styles"))
        # {{else}} alone in its paragraph: the else branch becomes an `if` of its own.
        for p in list(root.iter(*paragraph_tags)):
            if p.get("else"):
                del p.attrib["else"]
                prev = p.getprevious()
                cond = None
                q = prev
                depth = 0
                while q is not None:
                    if q.get("cond") and depth == 0:
                        cond = q.get("cond")
                        break
                    q = q.getprevious()
                p.addnext(etree.Element(p.tag))
                odf_set(p.getnext(), [placeholder('if test="not (%s)"' % cond)])
        for p in root.iter(*paragraph_tags):
            if p.get("cond"):
                del p.attrib["cond"]
        parts[name] = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    # relatorio reads the styles and metadata of every embedded object (the charts), which LibreOffice
    # can do without.
    for n in list(names):
        for extra, root_name in (("styles.xml", "document-styles"), ("meta.xml", "document-meta")):
            if n.endswith("/content.xml") and n.replace("content.xml", extra) not in parts:
                names.append(n.replace("content.xml", extra))
                parts[names[-1]] = ('<?xml version="1.0" encoding="UTF-8"?><office:%s xmlns:office="%s" office:version="1.3"/>' % (root_name, OFFICE)).encode()
    with zipfile.ZipFile(dst, "w") as z:
        for n in names:
            z.writestr(n, parts[n], zipfile.ZIP_STORED if n == "mimetype" else zipfile.ZIP_DEFLATED)


def relatorio_load(template):
    from relatorio.templates.opendocument import Template
    return Template(source="", filepath=template)


def relatorio_fill_loaded(tpl, data, assets, out):
    ctx = dict(data)

    def img(path):
        with open(os.path.join(assets, path), "rb") as f:
            return (io.BytesIO(f.read()), "image/png")
    ctx.update(num=num, dflt=dflt, thaidate=thaidate, grp=grp, img=img)
    with open(out, "wb") as f:
        f.write(tpl.generate(**ctx).render().getvalue())


# ---------------------------------------------------------------- the run


def timed(fn, count, cpu):
    clock = time.process_time if cpu else time.perf_counter
    ms = []
    for _ in range(count):
        start = clock()
        fn()
        ms.append((clock() - start) * 1000)
    return statistics.median(ms)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--floor", required=True)
    ap.add_argument("--template", required=True, help="the shipped template without its extension")
    ap.add_argument("--data", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--keep", help="a folder to keep the peers' templates and documents in")
    ap.add_argument("--cpu", action="store_true", help="time on the CPU instead of elapsed time, for all of them")
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as f:
        data = json.load(f)
    assets = os.path.dirname(os.path.abspath(args.data))
    work = args.keep or tempfile.mkdtemp(prefix="itareport-peers-")
    os.makedirs(work, exist_ok=True)
    dtpl, otpl = os.path.join(work, "docxtpl-template.docx"), os.path.join(work, "relatorio-template.odt")
    docxtpl_template(args.template + ".docx", dtpl, data)
    relatorio_template(args.template + ".odt", otpl, data)
    dout, oout = os.path.join(work, "docxtpl.docx"), os.path.join(work, "relatorio.odt")
    mine = {ext: os.path.join(work, f"itareport.{ext}") for ext in ("docx", "odt")}
    # Loaded once, as itareport loads its template once: relatorio compiles its template in the constructor.
    rtpl = relatorio_load(otpl)
    cpu = ["--cpu"] if args.cpu else []
    figures = {k: [] for k in ("docx", "odt", "docxtpl", "relatorio", "floor-docx", "floor-odt")}
    for r in range(args.rounds):
        for ext in ("docx", "odt"):
            res = subprocess.run([args.bin, "bench", f"{args.template}.{ext}", args.data, "--count", str(args.count), "--json", "--keep", mine[ext]] + cpu,
                                 check=True, capture_output=True, text=True)
            figures[ext].append(json.loads(res.stdout)["fill_ms"]["median"])
            if ext == "docx":
                figures["docxtpl"].append(timed(lambda: docxtpl_fill(dtpl, data, assets, dout), args.count, args.cpu))
            else:
                figures["relatorio"].append(timed(lambda: relatorio_fill_loaded(rtpl, data, assets, oout), args.count, args.cpu))
            res = subprocess.run([args.floor, f"{args.template}.{ext}", mine[ext], str(args.count), "--json"] + cpu, check=True, capture_output=True, text=True)
            figures[f"floor-{ext}"].append(json.loads(res.stdout)["median"])
        print(f"round {r + 1}/{args.rounds}: " + ", ".join(f"{k} {v[-1]:.2f}" for k, v in figures.items()), file=sys.stderr)
    med = {k: statistics.median(v) for k, v in figures.items()}
    clock = "CPU ms (user+sys)" if args.cpu else "ms"
    print(f"{clock} per document, median of {args.rounds} interleaved rounds of {args.count} fills each:")
    print(f"  DOCX  itareport {med['docx']:7.2f}   docxtpl   {med['docxtpl']:7.2f}   libzip floor {med['floor-docx']:5.2f}"
          f"   docxtpl / itareport = {med['docxtpl'] / med['docx']:.1f}x   itareport / floor = {med['docx'] / med['floor-docx']:.2f}x")
    print(f"  ODT   itareport {med['odt']:7.2f}   relatorio {med['relatorio']:7.2f}   libzip floor {med['floor-odt']:5.2f}"
          f"   relatorio / itareport = {med['relatorio'] / med['odt']:.1f}x   itareport / floor = {med['odt'] / med['floor-odt']:.2f}x")
    print(f"  (documents and the peers' templates in {work})")


if __name__ == "__main__":
    main()
