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
        # What the clerk sees first on a 1366×768 office screen, then the whole page at that width.
        shot_n[0] += 1
        driver.set_window_size(1366, 768)
        driver.save_screenshot(os.path.join(args.shots, f"{shot_n[0]:02d}-{label}-screen.png"))
        h = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1366, min(max(h + 120, 700), 6000))
        driver.save_screenshot(os.path.join(args.shots, f"{shot_n[0]:02d}-{label}.png"))
        driver.set_window_size(1366, 768)

    def click_and_wait(driver, element, timeout=60):
        # A form's button: the click returns before the next page has come (a save reads the file twice).
        from selenium.webdriver.support.ui import WebDriverWait
        from selenium.webdriver.support import expected_conditions as EC
        element.click()
        try:
            WebDriverWait(driver, timeout).until(EC.staleness_of(element))
            WebDriverWait(driver, timeout).until(lambda x: x.execute_script("return document.readyState") == "complete")
        except Exception:
            pass

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
        click_and_wait(d, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
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
        click_and_wait(d, d.find_element(By.CSS_SELECTOR, "button[value=save]"))
        notes = [e.text for e in d.find_elements(By.CSS_SELECTOR, "p.diag[data-path='assessment.indicators.2']")]
        check("Thai message beside the bad score", any("จุลภาค" in n for n in notes), notes)
        check("nothing saved while it is wrong", "ยังไม่ได้บันทึก" in d.page_source)
        shot(d, "scores-bad")
        box = d.find_element(By.ID, "score-2")
        box.clear()
        box.send_keys("96.20")
        click_and_wait(d, d.find_element(By.CSS_SELECTOR, "button[value=save]"))
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

        # Enter in a box of the measures page saves; it does not move or remove a measure.
        from selenium.webdriver.common.keys import Keys
        d.get(base + "f/sisaket-2568.yaml/edit/measures")
        first = d.find_element(By.NAME, "measures[0].title").get_attribute("value")
        d.find_element(By.NAME, "measures[0].indicators").send_keys(Keys.ENTER)
        time.sleep(1)
        check("Enter in a measure's box saves", "บันทึกแล้ว" in d.page_source, d.current_url)
        check("Enter leaves the measures in their order", d.find_element(By.NAME, "measures[0].title").get_attribute("value") == first)

        # A photo through the Thai file picker: the browser's own (English) button is hidden behind it, the
        # chosen file's name shows in its place, and the upload keeps the file's comments.
        photos_file = os.path.join(data, "nongbua-2568.yaml")
        with open(photos_file, encoding="utf-8") as f:
            comments_before = [l.strip() for l in f if l.strip().startswith("#")]
        d.get(base + "f/nongbua-2568.yaml/edit/photos")
        picker = d.find_element(By.CSS_SELECTOR, "label[for=photo-file]")
        check("the file picker's button is in Thai", picker.is_displayed() and picker.text.startswith("เลือกไฟล์"), picker.text)
        check("no file chosen yet, said in Thai", d.find_element(By.ID, "photo-file-name").text == "ยังไม่ได้เลือกไฟล์")
        shot(d, "photos-picker")
        d.find_element(By.ID, "photo-file").send_keys(os.path.join(data, "images", "photo-1.png"))
        check("the chosen file's name replaces it", d.find_element(By.ID, "photo-file-name").text == "photo-1.png",
              d.find_element(By.ID, "photo-file-name").text)
        d.find_element(By.CSS_SELECTOR, "#upload-form input[name=caption]").send_keys("ภาพจากเบราว์เซอร์")
        click_and_wait(d, d.find_element(By.CSS_SELECTOR, "#upload-form button[type=submit]"))
        check("the photo is added", "บันทึกแล้ว" in d.page_source and len(d.find_elements(By.CSS_SELECTOR, ".photos img")) == 4)
        # Moving the new photo first: the order the document prints.
        for i in (3, 2, 1):
            click_and_wait(d, d.find_element(By.CSS_SELECTOR, f"button[value='up:{i}']"))
        first = d.find_element(By.NAME, "photos[0].caption").get_attribute("value")
        check("the photo moved first", first == "ภาพจากเบราว์เซอร์", first)
        with open(photos_file, encoding="utf-8") as f:
            comments_after = [l.strip() for l in f if l.strip().startswith("#")]
        check("every comment of the file is kept", comments_after == comments_before, set(comments_before) ^ set(comments_after))
        shot(d, "photos-moved")

        # Screenshots of each page of the examples.
        d.get(base)
        shot(d, "home-after")
        pages = [("sisaket-2568.yaml", None), ("sisaket-2568.yaml", "organization"), ("sisaket-2568.yaml", "scores"), ("sisaket-2568.yaml", "official"),
                 ("sisaket-2568.yaml", "measures"), ("sisaket-2568.yaml", "limitations"), ("sisaket-2568.yaml", "signatory"),
                 ("sisaket-o35-2568.yaml", "results"), ("khlongsaensaep-o35-2564.yaml", "results"),
                 ("nongbua-2568.yaml", "photos"), ("nongbua-2568.yaml", "analysis"), ("nongbua-2568.yaml", "scores"),
                 ("sisaket-2568.yaml", "questions"), ("sisaket-2568.yaml", "analysis"), ("khlongsaensaep-o35-2564.yaml", "questions")]
        for name, section in pages:
            d.get(base + "f/" + name + ("/edit/" + section if section else ""))
            ok = d.find_elements(By.TAG_NAME, "h1") and "ทำรายการไม่สำเร็จ" not in d.title
            check(f"page {name} {section or ''}".strip(), bool(ok), d.title)
            shot(d, f"{name.split('.')[0]}-{section or 'file'}")
        # Two tabs on one file: the second save is refused with the stale-version message, the typed value kept.
        d.get(base + "f/sisaket-2568.yaml/edit/signatory")
        path_on_disk = os.path.join(data, "sisaket-2568.yaml")
        with open(path_on_disk, encoding="utf-8") as f:
            text = f.read()
        with open(path_on_disk, "w", encoding="utf-8") as f:
            f.write(text + "\n# แก้จากอีกแท็บ\n")
        box = d.find_element(By.NAME, "signatory.name")
        box.clear()
        box.send_keys("นายทดลอง สองแท็บ")
        click_and_wait(d, d.find_element(By.CSS_SELECTOR, "button[value=save]"))
        check("a stale save is refused with a clear message", len(d.find_elements(By.ID, "stale")) == 1)
        shot(d, "stale-version")

        # Start next year: confirm, then the new files are listed.
        d.get(base + "f/sisaket-2568.yaml")
        d.find_element(By.CSS_SELECTOR, "form[action$='/rollover'] button").click()
        d.switch_to.alert.accept()
        check("start next year lists the new files", "2569" in d.page_source and "สร้างไฟล์ข้อมูลแล้ว" in d.page_source)
        shot(d, "rollover")

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
