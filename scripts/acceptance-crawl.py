#!/usr/bin/env python3
"""Acceptance crawl of `itareport serve`: starts it on a folder holding the examples, follows every link
from the home page (same site, pages only), downloads every DOCX and ODT it reaches and checks that each
is a real document holding its organisation's name; then screenshots the home page in headless Chromium.

  scripts/acceptance-crawl.py [ITAREPORT] [--data DIR] [--port P] [--shot FILE]

Previews, PDFs and the year's zip are not fetched (LibreOffice runs; the browser check covers a preview).
Prints 'N passed, N failed' and exits non-zero on a failure.
"""
import argparse
import html.parser
import os
import shutil
import sys
import tempfile
import urllib.parse
import urllib.request
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from webcheck import Server, browser, docx_text, odt_text  # noqa: E402

MAX_PAGES = 400


class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.h1, self._in_h1 = [], "", False

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)
        if tag == "h1":
            self._in_h1 = True

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1 += data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("itareport", nargs="?", default=os.path.join(ROOT, ".build/debug/itareport"))
    ap.add_argument("--data", help="folder of data files (default: a copy of Examples/)")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--shot", default=os.path.join(ROOT, "Output/acceptance-home.png"))
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="itareport-crawl-")
    data = args.data
    if not data:
        data = os.path.join(work, "data")
        shutil.copytree(os.path.join(ROOT, "Examples"), data)
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok    " if ok else "FAIL  ") + name + ("" if ok else f": {detail}"), flush=True)

    with Server(args.itareport, data, port=args.port) as server:
        base = server.url
        host = urllib.parse.urlparse(base).netloc
        seen, queue, documents = set(), ["/"], []
        organisation = {}  # data file name -> organisation named on its page
        while queue and len(seen) < MAX_PAGES:
            path = queue.pop(0)
            if path in seen:
                continue
            seen.add(path)
            with urllib.request.urlopen(base.rstrip("/") + path, timeout=300) as r:
                status, body = r.status, r.read().decode("utf-8")
            check(f"page {urllib.parse.unquote(path)}", status == 200, status)
            parser = Links()
            parser.feed(body)
            parts = path.strip("/").split("/")
            if len(parts) == 2 and parts[0] == "f":
                organisation[urllib.parse.unquote(parts[1])] = parser.h1.strip()
            for href in parser.links:
                u = urllib.parse.urlparse(urllib.parse.urljoin(base.rstrip("/") + path, href))
                if u.netloc != host:
                    continue
                p = u.path
                if p.endswith("/docx") or p.endswith("/odt"):
                    if p not in documents:
                        documents.append(p)
                elif "/preview/" in p or p.endswith("/pdf") or p.endswith("/bundle") or p.startswith("/static/"):
                    continue
                elif p not in seen:
                    queue.append(p)
        check("the crawl reached documents of every example", len({d.split('/')[2] for d in documents}) >= 6, documents)
        for doc in documents:
            name = urllib.parse.unquote(doc.split("/")[2])
            org = organisation.get(name, "")
            fmt = doc.rsplit("/", 1)[1]
            with urllib.request.urlopen(base.rstrip("/") + doc, timeout=300) as r:
                content = r.read()
            path = os.path.join(work, f"doc.{fmt}")
            with open(path, "wb") as f:
                f.write(content)
            try:
                zipfile.ZipFile(path).testzip()
                text = docx_text(path) if fmt == "docx" else odt_text(path)
                check(f"{name} {doc.split('/')[4]} {fmt}: a document naming {org}", bool(org) and org in text, "name not found")
            except Exception as e:  # not a zip, or python-docx cannot open it
                check(f"{name} {doc.split('/')[4]} {fmt}: a real document", False, repr(e))
        with browser() as d:
            d.get(base)
            h = d.execute_script("return document.body.scrollHeight")
            d.set_window_size(1366, min(max(h + 120, 700), 6000))
            os.makedirs(os.path.dirname(os.path.abspath(args.shot)), exist_ok=True)
            d.save_screenshot(args.shot)
            check("home page screenshot", os.path.getsize(args.shot) > 10000, args.shot)
        print(f"crawl: {len(seen)} pages, {len(documents)} documents; screenshot {args.shot}")

    shutil.rmtree(work, ignore_errors=True)
    passed = sum(results)
    failed = len(results) - passed
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
