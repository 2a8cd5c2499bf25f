#!/usr/bin/env python3
"""A clerk's round in a real browser: headless Chromium drives `itareport serve` on a copy of the examples.

  scripts/browser-check.py [ITAREPORT] [--shots DIR]

Adds a new organisation through the home page's form, fills its ten scores through the scores form
(pasting a spreadsheet row, then one score typed with a comma), sees the validator's Thai message beside
that score and nothing saved, corrects it and saves, downloads the O34 DOCX through the browser and
checks its text with python-docx (organisation name and scores). Takes a screenshot of every page on the
way and of each editing page of the examples, into --shots (default Output/browser-shots).

Needs Debian's chromium and chromium-driver and PyPI's selenium and python-docx (`make browser-check`
installs them). Prints 'N passed, N failed' and exits non-zero on a failure.
"""
import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from webcheck import Server, browser, wait_for_download, docx_text  # noqa: E402

ORG = "เทศบาลตำบลทดลองเบราว์เซอร์"
SCORES = ["97.10", "96.20", "95.30", "94.40", "93.50", "92.60", "91.70", "90.80", "99.90", "100"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("itareport", nargs="?", default=os.path.join(ROOT, ".build/debug/itareport"))
    ap.add_argument("--shots", default=os.path.join(ROOT, "Output/browser-shots"))
    args = ap.parse_args()
    from selenium.webdriver.common.by import By

    work = tempfile.mkdtemp(prefix="itareport-browser-")
    data = os.path.join(work, "data")
    downloads = os.path.join(work, "downloads")
    shutil.copytree(os.path.join(ROOT, "Examples"), data)
    os.makedirs(downloads)
    os.makedirs(args.shots, exist_ok=True)
    results = []

    def check(name, ok, detail=""):
        results.append(ok)
        print(("ok    " if ok else "FAIL  ") + name + ("" if ok else f": {detail}"), flush=True)

    shot_n = [0]

    def shot(driver, label):
        h = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1366, min(max(h + 120, 700), 6000))
        shot_n[0] += 1
        path = os.path.join(args.shots, f"{shot_n[0]:02d}-{label}.png")
        driver.save_screenshot(path)
        driver.set_window_size(1366, 768)

    with Server(args.itareport, data) as server, browser(downloads) as d:
        base = server.url
        d.get(base)
        check("home page in Thai lists the examples", "หน่วยงานและปีงบประมาณ" in d.title and "เทศบาลเมืองศรีสะเกษ" in d.page_source)
        shot(d, "home")

        # A new organisation through the home page's form.
        form = d.find_element(By.ID, "new-form")
        form.find_element(By.NAME, "organization").send_keys(ORG)
        year = form.find_element(By.NAME, "fiscal_year")
        year.clear()
        year.send_keys("2568")
        form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        check("new organisation file created", ORG in d.page_source and "/f/" in d.current_url, d.current_url)
        check("its O34 is a draft lacking the scores", "ยังไม่มีคะแนนตัวชี้วัด" in d.page_source)
        shot(d, "new-file")
        file_url = d.current_url

        # The scores: a pasted spreadsheet row fills the boxes (plain JavaScript), one score typed badly.
        d.find_element(By.LINK_TEXT, "คะแนนตัวชี้วัด 10 ตัว").click()
        row = "1\t" + ORG + "\t" + "\t".join(SCORES)
        d.execute_script("var p=document.getElementById('paste-row'); p.value=arguments[0]; p.dispatchEvent(new Event('input'));", row)
        filled = [d.find_element(By.ID, f"score-{i}").get_attribute("value") for i in range(1, 11)]
        check("pasted row fills the ten boxes", filled == SCORES, filled)
        box = d.find_element(By.ID, "score-2")
        box.clear()
        box.send_keys("96,20")
        shot(d, "scores-filled")
        d.find_element(By.CSS_SELECTOR, "button[value=save]").click()
        notes = [e.text for e in d.find_elements(By.CSS_SELECTOR, "p.diag[data-path='assessment.indicators.2']")]
        check("Thai message beside the bad score", any("จุลภาค" in n for n in notes), notes)
        check("nothing saved while it is wrong", "ยังไม่ได้บันทึก" in d.page_source)
        shot(d, "scores-bad")
        box = d.find_element(By.ID, "score-2")
        box.clear()
        box.send_keys("96.20")
        d.find_element(By.CSS_SELECTOR, "button[value=save]").click()
        check("saved after the correction", "บันทึกแล้ว" in d.page_source, d.current_url)
        shot(d, "scores-saved")

        # The O34 DOCX, downloaded by the browser.
        d.get(file_url)
        links = d.find_elements(By.CSS_SELECTOR, "a[href$='/doc/o34/docx']")
        check("O34 DOCX link on the file page", len(links) == 1)
        links[0].click()
        path = wait_for_download(downloads, ".docx")
        check("O34 DOCX downloaded", path is not None and os.path.basename(path).startswith("O34_"), path)
        if path:
            text = docx_text(path)
            check("the DOCX holds the organisation's name", ORG in text)
            check("the DOCX holds the scores typed", all(s in text for s in ["97.10", "96.20", "99.90"]),
                  [s for s in SCORES if s not in text])

        # Screenshots of each page of the examples.
        pages = [("sisaket-2568.yaml", None), ("sisaket-2568.yaml", "organization"), ("sisaket-2568.yaml", "official"),
                 ("sisaket-2568.yaml", "measures"), ("sisaket-2568.yaml", "limitations"), ("sisaket-2568.yaml", "signatory"),
                 ("sisaket-o35-2568.yaml", "results"), ("khlongsaensaep-o35-2564.yaml", "results"),
                 ("nongbua-2568.yaml", "photos")]
        for name, section in pages:
            d.get(base + "f/" + name + ("/edit/" + section if section else ""))
            ok = d.find_elements(By.TAG_NAME, "h1") and "ทำรายการไม่สำเร็จ" not in d.title
            check(f"page {name} {section or ''}".strip(), bool(ok), d.title)
            shot(d, f"{name.split('.')[0]}-{section or 'file'}")
        d.get(base + "f/sisaket-2568.yaml/preview/o34")
        imgs = d.find_elements(By.CSS_SELECTOR, ".pages img")
        note = d.find_elements(By.ID, "no-office")
        check("preview shows the pages, or says LibreOffice is missing", len(imgs) > 0 or len(note) == 1)
        if imgs:
            d.execute_script("return Promise.all(Array.from(document.images).map(i => i.decode().catch(()=>0)))")
        shot(d, "preview-o34")

    passed = sum(results)
    failed = len(results) - passed
    print(f"browser check: screenshots in {args.shots}")
    print(f"{passed} passed, {failed} failed")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
