import Foundation

/// Small helpers for server-rendered pages: every value a page shows goes through `esc`.
enum HTML {
    /// `text` safe inside an element or a double-quoted attribute.
    static func esc(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(ch)
            }
        }
        return out
    }

    /// A path segment of a link: every byte outside the unreserved set percent-encoded.
    static func segment(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A file field with a Thai button and the chosen file's name (the browser's own file button shows the
    /// browser's language): `title` and `hint` above it.
    static func filePicker(id: String, name: String, accept: String, title: String, hint: String, button: String) -> String {
        """
        <div class="file-field"><span class="field-title">\(esc(title)) <span class="hint">\(esc(hint))</span></span>
        <span class="file-pick"><input type="file" class="file-input" id="\(esc(id))" name="\(esc(name))" accept="\(esc(accept))" required>\
        <label for="\(esc(id))" class="button plain">\(esc(button))</label>\
        <span class="file-name" id="\(esc(id))-name" data-empty="ยังไม่ได้เลือกไฟล์" aria-live="polite">ยังไม่ได้เลือกไฟล์</span></span></div>
        """
    }

    /// The whole page around `body`.
    static func page(title: String, body: String, crumbs: [(String, String?)] = []) -> String {
        let nav = crumbs.isEmpty ? "" : "<nav class=\"crumbs\">" + crumbs.map { label, href in
            href.map { "<a href=\"\(esc($0))\">\(esc(label))</a>" } ?? "<span>\(esc(label))</span>"
        }.joined(separator: " › ") + "</nav>"
        return """
        <!DOCTYPE html>
        <html lang="th">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(esc(title)) · itareport</title>
        <link rel="stylesheet" href="/static/style.css">
        </head>
        <body>
        <header class="top"><a class="brand" href="/">เอกสาร ITA</a>\(nav)</header>
        <main>
        <h1>\(esc(title))</h1>
        \(body)
        </main>
        <script src="/static/app.js"></script>
        </body>
        </html>
        """
    }

    static let css = """
    :root { --ink: #1d2430; --muted: #5b6472; --line: #cfd5dd; --bg: #f6f7f9; --accent: #1f5fa8;
      --bad: #b3261e; --warn: #8a5a00; --good: #1e7a3c; }
    * { box-sizing: border-box; }
    body { margin: 0; font-family: "TH Sarabun New", "TH SarabunPSK", "Sarabun", "Laksaman", "Loma",
      "Noto Sans Thai", "Leelawadee UI", "Tahoma", sans-serif; font-size: 20px; line-height: 1.45;
      color: var(--ink); background: var(--bg); }
    header.top { background: #123c6b; color: #fff; padding: 6px 16px; display: flex; gap: 16px; align-items: baseline; flex-wrap: wrap; }
    header.top a { color: #fff; }
    .brand { font-weight: bold; text-decoration: none; font-size: 24px; }
    .crumbs { font-size: 18px; } .crumbs span { opacity: .85; }
    main { max-width: 1100px; margin: 0 auto; padding: 8px 16px 48px; }
    h1 { font-size: 30px; margin: 12px 0 8px; } h2 { font-size: 25px; margin: 20px 0 6px; }
    h3 { font-size: 22px; margin: 14px 0 4px; }
    a { color: var(--accent); }
    table { border-collapse: collapse; width: 100%; background: #fff; }
    th, td { border: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: top; }
    th { background: #e9edf2; }
    .card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 10px 0; }
    .state-ok { color: var(--good); font-weight: bold; white-space: nowrap; } .state-draft { color: var(--warn); font-weight: bold; }
    .state-bad { color: var(--bad); font-weight: bold; }
    ul.gaps { margin: 4px 0; padding-left: 22px; font-size: 18px; color: var(--muted); }
    a.fix { white-space: nowrap; }
    label { display: block; font-weight: bold; margin-top: 8px; }
    .hint { font-weight: normal; color: var(--muted); font-size: 17px; }
    input[type=text], input[type=number], input[type=date], textarea, select { font: inherit; font-size: 19px; width: 100%;
      padding: 3px 6px; border: 1px solid #9aa4b1; border-radius: 4px; background: #fff; }
    textarea { min-height: 3.2em; }
    input.score { width: 7em; display: block; }
    .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 6px 12px; }
    .grid .lt { display: block; min-height: 2.9em; }
    .default-save { position: absolute; left: -9999px; width: 1px; height: 1px; overflow: hidden; }
    .save-bar { position: sticky; bottom: 0; background: #fff; padding: 8px 0; border-top: 1px solid var(--line); z-index: 1; }
    .row2 { display: grid; grid-template-columns: 1fr 1fr; gap: 6px 12px; }
    @media (max-width: 700px) { .row2 { grid-template-columns: 1fr; } body { font-size: 18px; } }
    button, .button { font: inherit; font-size: 19px; padding: 3px 14px; border-radius: 4px; border: 1px solid #0f3d70;
      background: var(--accent); color: #fff; cursor: pointer; text-decoration: none; display: inline-block; }
    button.plain, .button.plain { background: #fff; color: var(--accent); }
    button.danger { background: #fff; color: var(--bad); border-color: var(--bad); }
    .actions { margin-top: 14px; display: flex; gap: 10px; flex-wrap: wrap; align-items: center; }
    .diag { margin: 2px 0 0; padding: 2px 8px; border-left: 4px solid var(--bad); background: #fdecea; font-size: 18px; }
    .diag.warning { border-color: var(--warn); background: #fff6e0; }
    .notice { padding: 8px 12px; border-radius: 4px; margin: 10px 0; background: #e6f2e9; border: 1px solid #9cc8a8; }
    .notice.bad { background: #fdecea; border-color: #e4a29c; }
    .notice.warn { background: #fff6e0; border-color: #e0c27a; }
    fieldset { border: 1px solid var(--line); border-radius: 6px; margin: 12px 0; background: #fff; }
    legend { font-weight: bold; padding: 0 6px; }
    .measure-tools { display: flex; gap: 6px; justify-content: flex-end; }
    .pages img { max-width: 100%; border: 1px solid var(--line); margin: 8px 0; background: #fff; box-shadow: 0 1px 3px #0002; }
    .photos { display: grid; grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); gap: 10px; }
    .photos img { max-width: 100%; max-height: 160px; display: block; margin-bottom: 4px; }
    img.logo { max-height: 90px; vertical-align: middle; border: 1px solid var(--line); background: #fff; }
    .small { font-size: 17px; color: var(--muted); }
    .field-title { display: block; font-weight: bold; margin-top: 8px; }
    .file-pick { position: relative; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-top: 4px; }
    .file-input { position: absolute; left: 0; top: 0; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
    .file-pick label.button { margin-top: 0; font-weight: normal; }
    .file-input:focus-visible + label.button { outline: 3px solid #f0b400; outline-offset: 2px; }
    .file-name { color: var(--muted); font-size: 18px; } .file-name.bad { color: var(--bad); font-weight: bold; }
    table.questions input { margin: 0; }
    """

    static let js = #"""
    // Pastes a row copied from a spreadsheet (tabs or spaces between the ten scores) into the score boxes.
    document.addEventListener('DOMContentLoaded', function () {
      var paste = document.getElementById('paste-row');
      if (paste) {
        paste.addEventListener('input', function () {
          var v = paste.value.replace(/\r/g, '').split('\n')[0];
          var parts = (v.indexOf('\t') >= 0 ? v.split('\t') : v.split(/\s+/))
            .map(function (x) { return x.trim(); }).filter(function (x) { return x.length > 0; });
          if (parts.length < 10) return;
          var numbers = parts.slice(parts.length - 10);
          for (var i = 0; i < 10; i++) {
            var box = document.getElementById('score-' + (i + 1));
            if (box) box.value = numbers[i];
          }
          paste.value = '';
          var note = document.getElementById('paste-note');
          if (note) note.textContent = 'ใส่คะแนนทั้ง 10 ช่องจากแถวที่วางแล้ว ตรวจดูแล้วกดบันทึก';
        });
      }
      // The file pickers: the browser's own button speaks the browser's language, so a Thai button and the
      // chosen file's name stand in for it.
      document.querySelectorAll('input.file-input').forEach(function (input) {
        var name = document.getElementById(input.id + '-name');
        input.addEventListener('change', function () {
          input.setCustomValidity('');
          if (!name) return;
          name.classList.remove('bad');
          name.textContent = input.files.length ? input.files[0].name : name.getAttribute('data-empty');
        });
        input.addEventListener('invalid', function () {
          input.setCustomValidity(input.files.length ? '' : 'กรุณาเลือกไฟล์ก่อน');
          if (name && !input.files.length) { name.textContent = 'กรุณาเลือกไฟล์ก่อน'; name.classList.add('bad'); }
        });
      });
      document.querySelectorAll('form[data-confirm]').forEach(function (f) {
        f.addEventListener('submit', function (e) { if (!confirm(f.getAttribute('data-confirm'))) e.preventDefault(); });
      });
    });
    """#
}
