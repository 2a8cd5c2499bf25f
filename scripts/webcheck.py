"""Shared by browser-check.py and acceptance-crawl.py: `itareport serve` in the background, headless
Chromium through Selenium, and the text of downloaded documents."""
import contextlib
import os
import re
import subprocess
import sys
import time
import zipfile

JOINERS = "\u2060\u200b"


class Server:
    """`itareport serve --data DIR --port P` (P = 0: any free port), stopped on exit. The address is read
    from the line the command prints."""

    def __init__(self, itareport, data, port=0, timeout=60):
        self.cmd = [itareport, "serve", "--data", data, "--port", str(port)]
        self.timeout = timeout
        self.url = None

    def __enter__(self):
        self.proc = subprocess.Popen(self.cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + self.timeout
        while time.time() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                if self.proc.poll() is not None:
                    raise SystemExit("itareport serve stopped: " + self.proc.stderr.read())
                continue
            m = re.search(r"(http://[^\s]+/)", line)
            if m:
                self.url = m.group(1)
                return self
        self.proc.kill()
        raise SystemExit("itareport serve printed no address within %d s" % self.timeout)

    def __exit__(self, *exc):
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def chromium_paths():
    for b, d in [("/usr/bin/chromium", "/usr/bin/chromedriver"), ("/usr/bin/chromium-browser", "/usr/bin/chromedriver")]:
        if os.path.exists(b) and os.path.exists(d):
            return b, d
    raise SystemExit("chromium and chromium-driver are not installed: sudo apt-get install chromium chromium-driver")


@contextlib.contextmanager
def browser(downloads=None, width=1366, height=768):
    """Headless Chromium at a small office screen's size, downloading into `downloads`."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.options import Options
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        raise SystemExit("selenium is not installed: pip install selenium")
    binary, driver = chromium_paths()
    o = Options()
    o.binary_location = binary
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},{height}", "--lang=th-TH"]:
        o.add_argument(a)
    if downloads:
        o.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False,
                                            "safebrowsing.enabled": False})
    d = webdriver.Chrome(service=Service(driver), options=o)
    d.set_page_load_timeout(300)
    try:
        yield d
    finally:
        d.quit()


def wait_for_download(folder, suffix, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        done = [f for f in os.listdir(folder) if f.endswith(suffix)]
        if done and not any(f.endswith(".crdownload") for f in os.listdir(folder)):
            return os.path.join(folder, done[0])
        time.sleep(0.3)
    return None


def docx_text(path):
    """Every paragraph of the body, its tables, headers and footers (python-docx)."""
    import docx
    doc = docx.Document(path)
    parts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                parts.append(cell.text)
    for s in doc.sections:
        parts += [p.text for p in s.header.paragraphs] + [p.text for p in s.footer.paragraphs]
    text = "\n".join(parts)
    for j in JOINERS:
        text = text.replace(j, "")
    return text


def odt_text(path):
    with zipfile.ZipFile(path) as z:
        xml = z.read("content.xml").decode("utf-8")
        styles = z.read("styles.xml").decode("utf-8") if "styles.xml" in z.namelist() else ""
    text = re.sub(r"<[^>]+>", " ", xml + styles)
    for j in JOINERS:
        text = text.replace(j, "")
    return text
