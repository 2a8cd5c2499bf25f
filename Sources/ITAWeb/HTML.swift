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
    .small.bad { color: var(--bad); font-weight: bold; }
    .field-title { display: block; font-weight: bold; margin-top: 8px; }
    .file-pick { position: relative; display: flex; gap: 10px; align-items: center; flex-wrap: wrap; margin-top: 4px; }
    .file-input { position: absolute; left: 0; top: 0; width: 1px; height: 1px; opacity: 0; overflow: hidden; }
    .file-pick label.button { margin-top: 0; font-weight: normal; }
    .file-input:focus-visible + label.button { outline: 3px solid #f0b400; outline-offset: 2px; }
    .file-name { color: var(--muted); font-size: 18px; } .file-name.bad { color: var(--bad); font-weight: bold; }
    table.questions input { margin: 0; }
    """

    static let js = #"""
    // Pastes a row copied from a spreadsheet into the score boxes, read as the server reads it
    // (PastedRow): ten numbers next to each other are the ten scores, eleven the scores and the total;
    // any other row is left in the box with what was found, and nothing is filled.
    function readPastedRow(text) {
      var line = text.replace(/\r/g, '').split('\n')[0];
      var cells;
      if (line.indexOf('\t') >= 0) {
        cells = line.split('\t').map(function (x) { return x.trim(); });
        while (cells.length && cells[cells.length - 1] === '') cells.pop();
        while (cells.length && cells[0] === '') cells.shift();
      } else {
        cells = line.split(' ').map(function (x) { return x.trim(); }).filter(function (x) { return x.length > 0; });
      }
      var thai = '๐๑๒๓๔๕๖๗๘๙';
      function arabic(c) { return c.replace(/[๐-๙]/g, function (d) { return String(thai.indexOf(d)); }); }
      function isNumber(c) { return /^[0-9]+(\.[0-9]+)?$/.test(arabic(c)); }
      function kind(c) { return c === '' ? 'blank' : (isNumber(c) ? 'number' : 'text'); }
      function shown(c) { return c === '' ? 'ช่องว่าง' : "'" + (c.length > 40 ? c.slice(0, 40) + '…' : c) + "'"; }
      var expected = 'แถวที่วางต้องมีคะแนน 10 ช่องติดกัน (ตัวชี้วัด 1–10) หรือ 11 ช่อง (คะแนน 10 ช่องตามด้วยคะแนนรวม) ' +
        'โดยข้างหน้าคะแนนมีลำดับ ชื่อหน่วยงาน อำเภอ จังหวัด ได้ และหลังคะแนนรวมมีระดับได้ ไม่ได้บันทึกคะแนน';
      function fail(found) { return { error: 'อ่านแถวที่วางไม่ได้: ' + found + ' ' + expected }; }
      var kinds = cells.map(kind);
      var numbers = cells.filter(isNumber);
      if (!numbers.length) return fail(cells.length ? 'ไม่พบตัวเลขในแถวที่วาง (' + cells.length + ' ช่อง)' : 'ไม่มีค่าในแถวที่วาง');
      var start = (kinds.length > 1 && kinds[0] === 'number' && kinds[1] === 'text') ? 1 : 0;
      var first = kinds.indexOf('number', start);
      if (first < 0) return fail('ไม่พบตัวเลขในแถวที่วาง');
      var end = first;
      while (end < kinds.length && kinds[end] === 'number') end++;
      var run = cells.slice(first, end), after = cells.slice(end), listed = run.join(', ');
      if (after.length && after.some(isNumber)) {
        return fail('พบตัวเลข ' + (numbers.length - start) + ' ช่องที่ไม่ติดกัน: หลังตัวเลข ' + run.length + ' ช่อง (' + listed + ') มี ' + shown(after[0]) + ' คั่นอยู่');
      }
      if (run.length !== 10 && run.length !== 11) return fail('พบตัวเลขติดกัน ' + run.length + ' ช่อง (' + listed + ')');
      var row = { scores: run.slice(0, 10), total: run.length === 11 ? run[10] : null, level: null };
      if (after.length) {
        if (run.length !== 11 || after.length !== 1) return fail('หลังตัวเลข ' + run.length + ' ช่อง (' + listed + ') มี ' + after.map(shown).join(', '));
        row.level = after[0];
      }
      return row;
    }
    document.addEventListener('DOMContentLoaded', function () {
      var paste = document.getElementById('paste-row');
      if (paste) {
        paste.addEventListener('input', function () {
          var note = document.getElementById('paste-note');
          if (!paste.value.trim()) { if (note) { note.textContent = ''; note.classList.remove('bad'); } return; }
          var row = readPastedRow(paste.value);
          if (row.error) {
            if (note) { note.textContent = row.error; note.classList.add('bad'); }
            return;
          }
          for (var i = 0; i < 10; i++) {
            var box = document.getElementById('score-' + (i + 1));
            if (box) box.value = row.scores[i];
          }
          document.getElementById('paste-total').value = row.total || '';
          document.getElementById('paste-level').value = row.level || '';
          paste.value = '';
          var said = 'ใส่คะแนนทั้ง 10 ช่องจากแถวที่วางแล้ว';
          if (row.total) said += ' และจะบันทึกคะแนนรวมที่ประกาศ ' + row.total + (row.level ? ' ระดับ ' + row.level : '');
          if (note) { note.textContent = said + ' ตรวจดูแล้วกดบันทึก'; note.classList.remove('bad'); }
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
