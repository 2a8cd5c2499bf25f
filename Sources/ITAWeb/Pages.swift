import Foundation
import Hummingbird
import ITAKit
import ITAReports
import NIOCore
import SpreadsheetReader
import TemplateEngine
import ThaiFormat
import Yams

/// The pages and actions of the app.
struct Pages: Sendable {
    let app: WebApp
    var folder: DataFolder { app.folder }

    func entries() -> [Entry] { folder.names().compactMap { try? Entry(folder: folder, name: $0) } }

    func fileLink(_ name: String) -> String { "/f/\(HTML.segment(name))" }

    func notFound(_ name: String) -> Response {
        Reply.error(.notFound, "ไม่พบไฟล์ข้อมูลชื่อนี้ในโฟลเดอร์ (ระบุได้เฉพาะไฟล์ที่อยู่ในโฟลเดอร์ข้อมูล)")
    }

    // MARK: Home

    func home() -> Response {
        let all = entries()
        var body = "<p class=\"small\">โฟลเดอร์ข้อมูล: \(HTML.esc(folder.root.path)) · ไฟล์ข้อมูล \(all.count) ไฟล์</p>"
        if app.documents.converter == nil {
            body += "<p class=\"notice warn\">เครื่องนี้ยังไม่ได้ติดตั้ง LibreOffice จึงดาวน์โหลดได้เฉพาะ DOCX และ ODT (ไม่มี PDF และภาพตัวอย่างหน้าเอกสาร) ติดตั้งด้วยคำสั่ง sudo apt-get install libreoffice-writer-nogui fonts-tlwg-laksaman</p>"
        }
        let broken = all.filter { $0.data == nil }
        let groups = Dictionary(grouping: all.filter { $0.data != nil }) { $0.organization }
        for org in groups.keys.sorted() {
            let files = groups[org]!
            body += "<section class=\"card\"><h2>\(HTML.esc(org.isEmpty ? "(ยังไม่มีชื่อหน่วยงาน)" : org))</h2>"
            let years = Dictionary(grouping: files) { $0.fiscalYear ?? 0 }
            for year in years.keys.sorted(by: >) {
                body += "<h3>ปีงบประมาณ \(year == 0 ? "(ไม่ระบุ)" : String(year))</h3><table><tr><th>ไฟล์ข้อมูล</th><th>เอกสาร</th><th>สถานะ</th></tr>"
                for e in years[year]!.sorted(by: { $0.name < $1.name }) {
                    for (i, kind) in e.kinds.enumerated() {
                        let missing = e.missing(kind)
                        body += "<tr>"
                        if i == 0 { body += "<td rowspan=\"\(e.kinds.count)\"><a href=\"\(fileLink(e.name))\">\(HTML.esc(e.name))</a></td>" }
                        body += "<td>\(HTML.esc(ThaiText.document(kind)))</td><td>" + state(missing, of: e) + "</td></tr>"
                    }
                }
                body += "</table>"
            }
            body += "</section>"
        }
        if !broken.isEmpty {
            body += "<section class=\"card\"><h2>ไฟล์ที่อ่านไม่ได้</h2><ul>"
            for e in broken {
                let first = e.loaded.diagnostics.errors.first.map(ThaiText.diagnostic) ?? ""
                body += "<li><a href=\"\(fileLink(e.name))\">\(HTML.esc(e.name))</a>: \(HTML.esc(first))</li>"
            }
            body += "</ul></section>"
        }
        if all.isEmpty { body += "<p>ยังไม่มีไฟล์ข้อมูลในโฟลเดอร์นี้ เริ่มจากเพิ่มหน่วยงานด้านล่าง</p>" }
        body += newFileForm() + importForm(all)
        return Reply.html(HTML.page(title: "หน่วยงานและปีงบประมาณ", body: body))
    }

    /// A document's state: complete, or a draft with what it lacks (the first `limit` of them).
    func state(_ missing: [Entry.Missing], of e: Entry, limit: Int = 5) -> String {
        if missing.isEmpty { return "<span class=\"state-ok\">ครบถ้วน</span>" }
        let shown = missing.prefix(limit).map { m in
            let link = e.section(for: m.path).map { " <a class=\"fix\" href=\"\(fileLink(e.name))/edit/\($0.rawValue)\">กรอกที่หน้า\(HTML.esc($0.title))</a>" } ?? ""
            return "<li>\(HTML.esc(m.text))\(link)</li>"
        }.joined()
        let more = missing.count > limit ? "<li>และอีก \(missing.count - limit) รายการ (ดูทั้งหมดที่หน้าไฟล์)</li>" : ""
        return "<span class=\"state-draft\">ร่าง: ยังขาด \(missing.count) รายการ</span><ul class=\"gaps\">\(shown)\(more)</ul>"
    }

    func newFileForm() -> String {
        // The fiscal year running today (it starts on 1 October).
        let now = Calendar(identifier: .gregorian).dateComponents([.year, .month], from: Date())
        let year = (now.year ?? 2025) + 543 + ((now.month ?? 1) >= 10 ? 1 : 0)
        return """
        <form method="post" action="/new" class="card" id="new-form">
        <h2>เพิ่มหน่วยงานหรือปีใหม่</h2>
        <input type="hidden" name="token" value="\(HTML.esc(app.token))">
        <div class="row2"><div><label>ชื่อหน่วยงาน<input type="text" name="organization" required placeholder="เช่น เทศบาลตำบลตัวอย่าง"></label></div>
        <div><label>ปีงบประมาณ (พ.ศ.)<input type="text" name="fiscal_year" value="\(year)" required></label></div></div>
        <label>เอกสาร<select name="document">
        <option value="o34">\(HTML.esc(ThaiText.document(.o34)))</option>
        <option value="o35">\(HTML.esc(ThaiText.document(.o35)))</option>
        <option value="analysis">\(HTML.esc(ThaiText.document(.analysis)))</option>
        </select></label>
        <div class="actions"><button type="submit">สร้างไฟล์ข้อมูล</button></div>
        </form>
        """
    }

    // MARK: One file

    func file(_ name: String) -> Response {
        guard let e = try? Entry(folder: folder, name: name) else { return notFound(name) }
        var body = ""
        guard let data = e.data else {
            body += "<p class=\"notice bad\">อ่านไฟล์นี้ไม่ได้ จึงยังแก้ไขผ่านหน้านี้ไม่ได้ ให้แก้ไฟล์ด้วยโปรแกรมแก้ข้อความตามข้อผิดพลาดนี้</p>"
            body += diagnosticList(e.loaded.diagnostics, withLine: true)
            return Reply.html(HTML.page(title: name, body: body, crumbs: [("หน้าแรก", "/"), (name, nil)]))
        }
        body += "<p>\(HTML.esc(e.organization)) · ปีงบประมาณ \(data.fiscalYear.map(String.init) ?? "(ไม่ระบุ)")"
        if let forms = Optional(e.forms.map(\.name)), !forms.isEmpty { body += " · แบบเอกสาร \(HTML.esc(forms.joined(separator: ", ")))" }
        body += "</p>"
        if !e.editable { body += "<p class=\"notice warn\">ไฟล์ JSON แสดงและออกเอกสารได้ แต่แก้ไขผ่านหน้านี้ได้เฉพาะไฟล์ YAML</p>" }
        // Sections.
        if e.editable {
            body += "<section class=\"card\"><h2>แก้ไขข้อมูล</h2><ul>"
            for s in Section.allCases where s.shown(for: e) {
                let diags = e.loaded.diagnostics.filter { s.covers($0.path) }
                let errors = diags.errors.count, warnings = diags.warnings.count
                var badge = ""
                if errors > 0 { badge += " <span class=\"state-bad\">ข้อผิดพลาด \(errors)</span>" }
                if warnings > 0 { badge += " <span class=\"state-draft\">คำเตือน \(warnings)</span>" }
                body += "<li><a href=\"\(fileLink(name))/edit/\(s.rawValue)\">\(HTML.esc(s.title))</a>\(badge)</li>"
            }
            body += "</ul></section>"
        }
        // Documents.
        body += "<section class=\"card\"><h2>เอกสาร</h2>"
        if let outside = app.documents.picturesOutside(e).first {
            body += "<p class=\"notice bad\" id=\"outside\">\(HTML.esc(WebError.pictureOutside(outside).description))</p>"
        }
        for kind in e.kinds {
            body += "<h3>\(HTML.esc(ThaiText.document(kind)))</h3>" + state(e.missing(kind), of: e, limit: 200)
            body += "<p class=\"actions\">"
            for f in ExportFormat.allCases {
                if f == .pdf && app.documents.converter == nil { continue }
                body += "<a class=\"button plain\" href=\"\(fileLink(name))/doc/\(kind.rawValue)/\(f.rawValue)\">ดาวน์โหลด \(HTML.esc(ThaiText.format(f)))</a>"
            }
            body += "<a class=\"button plain\" href=\"\(fileLink(name))/preview/\(kind.rawValue)\">ดูตัวอย่างหน้าเอกสาร</a></p>"
        }
        let parts = app.documents.yearParts(of: e, among: entries())
        if !parts.isEmpty {
            body += "<h3>ชุดเอกสารของปี (zip พร้อม manifest.json)</h3><p class=\"small\">จากไฟล์ "
                + HTML.esc(parts.map(\.name).joined(separator: ", ")) + "</p>"
            body += "<p><a class=\"button plain\" href=\"\(fileLink(name))/bundle\">ดาวน์โหลดชุดเอกสารปี \(data.fiscalYear ?? 0)</a></p>"
        }
        if e.editable, data.document != .o35, data.document != .analysis, !(data.measures ?? []).isEmpty, let fy = data.fiscalYear {
            body += """
            <h3>เริ่มปีถัดไป</h3><p class="small">สร้างไฟล์ O35 ของปี \(fy) (ผลของมาตรการ ให้กรอกภายหลัง) และไฟล์ O34 ของปี \(fy + 1) (มาตรการยกมา รอคะแนนปีใหม่) ในโฟลเดอร์นี้ ไม่เขียนทับไฟล์ที่มีอยู่</p>
            <form method="post" action="\(fileLink(name))/rollover" data-confirm="สร้างไฟล์ข้อมูลของปี \(fy + 1)?">
            <input type="hidden" name="token" value="\(HTML.esc(app.token))"><input type="hidden" name="version" value="\(HTML.esc(e.version))">
            <button type="submit">เริ่มปี \(fy + 1)</button></form>
            """
        }
        body += "</section>"
        if !e.loaded.diagnostics.isEmpty {
            body += "<section class=\"card\"><h2>ผลการตรวจไฟล์</h2>" + diagnosticList(e.loaded.diagnostics, withLine: true) + "</section>"
        }
        return Reply.html(HTML.page(title: e.organization.isEmpty ? name : e.organization, body: body, crumbs: [("หน้าแรก", "/"), (name, nil)]))
    }

    func diagnosticList(_ diags: [Diagnostic], withLine: Bool) -> String {
        "<ul>" + diags.map { d in
            let place = withLine ? (d.line.map { "บรรทัด \($0): " } ?? "") : ""
            return "<li class=\"diag \(d.severity.rawValue)\">\(HTML.esc(place))\(HTML.esc(ThaiText.severity(d))): \(HTML.esc(ThaiText.diagnostic(d)))\(d.path.isEmpty ? "" : " <span class=\"small\">(\(HTML.esc(d.path)))</span>")</li>"
        }.joined() + "</ul>"
    }

    // MARK: Sections

    func section(_ name: String, _ sectionName: String, saved: String?) -> Response {
        guard let e = try? Entry(folder: folder, name: name) else { return notFound(name) }
        guard let s = Section(rawValue: sectionName), e.editable, s.shown(for: e), let tree = try? NodeEdit(text: e.text) else {
            return Reply.error(.notFound, "ไม่มีหน้าแก้ไขนี้สำหรับไฟล์ \(name)", back: fileLink(name))
        }
        var notice = saved != nil ? "<p class=\"notice\" id=\"saved\">บันทึกแล้ว</p>" : ""
        if saved == "whole" {
            notice += "<p class=\"notice warn\" id=\"whole\">ไฟล์นี้มีรูปแบบที่โปรแกรมแก้เฉพาะจุดไม่ได้ จึงเขียนไฟล์ใหม่ทั้งไฟล์ ข้อมูลครบถ้วน แต่หมายเหตุ (บรรทัดที่ขึ้นต้นด้วย #) ที่อยู่ระหว่างข้อมูลไม่ได้เก็บไว้ (หมายเหตุที่หัวไฟล์ยังอยู่)</p>"
        }
        return sectionPage(e, s, tree: tree, diagnostics: e.loaded.diagnostics, version: e.version, notice: notice)
    }

    func sectionPage(_ e: Entry, _ s: Section, tree: NodeEdit, diagnostics: [Diagnostic], version: String, notice: String,
                     status: HTTPResponse.Status = .ok, pasted: String? = nil, pasteProblem: String? = nil) -> Response {
        let form = SectionForm(entry: e, section: s, tree: tree, diagnostics: diagnostics.filter { s.covers($0.path) },
                               version: version, token: app.token, pasted: pasted, pasteProblem: pasteProblem)
        let title = "\(s.title) · \(e.organization.isEmpty ? e.name : e.organization)"
        return Reply.html(HTML.page(title: title, body: notice + form.html(),
                                    crumbs: [("หน้าแรก", "/"), (e.name, fileLink(e.name)), (s.title, nil)]), status: status)
    }

    /// Reads a form body within `limit`; nil with the response to give when it cannot.
    func readForm(_ request: Request, limit: Int) async -> (FormData?, Response?) {
        var req = request
        let body: ByteBuffer
        do { body = try await req.collectBody(upTo: limit) } catch {
            return (nil, Reply.error(.contentTooLarge, "ข้อมูลที่ส่งมามีขนาดเกิน \(limit / 1024) KB จึงไม่ได้บันทึก"))
        }
        let data = Data(buffer: body)
        let type = request.headers[.contentType] ?? ""
        let form: FormData?
        if let boundary = FormData.boundary(contentType: type) {
            form = FormData.multipart(data, boundary: boundary)
        } else if type.lowercased().hasPrefix("application/x-www-form-urlencoded") {
            form = FormData.urlEncoded(data)
        } else {
            form = nil
        }
        guard let form else { return (nil, Reply.error(.badRequest, "ข้อมูลที่ส่งมาไม่อยู่ในรูปแบบของแบบฟอร์ม จึงไม่ได้บันทึก")) }
        guard form.first("token") == app.token else {
            return (nil, Reply.error(.forbidden, "แบบฟอร์มนี้มาจากหน้าที่เปิดไว้ก่อนเริ่มโปรแกรมครั้งนี้ หรือมาจากที่อื่น ให้เปิดหน้าใหม่แล้วส่งอีกครั้ง"))
        }
        return (form, nil)
    }

    func save(_ request: Request, _ context: BasicRequestContext, name: String, section sectionName: String) async throws -> Response {
        let (formOrNil, failure) = await readForm(request, limit: WebApp.maxFormBytes)
        guard let form = formOrNil else { return failure! }
        guard let e = try? Entry(folder: folder, name: name) else { return notFound(name) }
        guard let s = Section(rawValue: sectionName), e.editable, s.shown(for: e) else {
            return Reply.error(.notFound, "ไม่มีหน้าแก้ไขนี้สำหรับไฟล์ \(name)", back: fileLink(name))
        }
        guard let version = form.first("version") else {
            return Reply.error(.badRequest, "แบบฟอร์มไม่มีรุ่นของไฟล์ (version) จึงไม่ได้บันทึก", back: fileLink(name))
        }
        var tree: NodeEdit
        do { tree = try NodeEdit(text: e.text) } catch {
            return Reply.error(.unprocessableContent, "อ่านไฟล์ข้อมูลไม่ได้", back: fileLink(name))
        }
        do { try SectionUpdate(section: s, form: form, entry: e).apply(to: &tree) } catch let m as SectionUpdate.Malformed {
            return sectionPage(e, s, tree: tree, diagnostics: e.loaded.diagnostics, version: version,
                               notice: "<p class=\"notice bad\">\(HTML.esc(m.reason))</p>", status: .badRequest)
        } catch let p as PastedRow.Problem {
            return sectionPage(e, s, tree: tree, diagnostics: e.loaded.diagnostics, version: version,
                               notice: "<p class=\"notice bad\" id=\"not-saved\">ยังไม่ได้บันทึก: อ่านแถวคะแนนที่วางไม่ได้ ดูรายละเอียดใต้ช่องวางแถวคะแนน</p>",
                               status: .badRequest, pasted: form.first("paste"), pasteProblem: p.reason)
        }
        let attempt = (try? tree.text()).map { ReportLoader.load(text: $0, file: name) }
        guard let attempt, let data = attempt.data else {
            return sectionPage(e, s, tree: tree, diagnostics: attempt?.diagnostics ?? [], version: version,
                               notice: "<p class=\"notice bad\">ข้อมูลที่กรอกทำให้อ่านไฟล์ไม่ได้ จึงไม่ได้บันทึก</p>", status: .unprocessableContent)
        }
        let errors = attempt.diagnostics.errors.filter { s.covers($0.path) }
        if !errors.isEmpty {
            return sectionPage(e, s, tree: tree, diagnostics: attempt.diagnostics, version: version,
                               notice: "<p class=\"notice bad\" id=\"not-saved\">ยังไม่ได้บันทึก: แก้ข้อผิดพลาด \(errors.count) รายการที่แสดงใต้ช่องก่อน</p>",
                               status: .unprocessableContent)
        }
        let (text, patched) = FileText.text(tree: tree, data: data, loaded: attempt, original: e.text)
        do {
            _ = try folder.replace(name, with: text, expectedVersion: version)
        } catch WebError.staleVersion {
            let now = (try? folder.read(name))?.version ?? version
            return sectionPage(e, s, tree: tree, diagnostics: attempt.diagnostics, version: now,
                               notice: "<p class=\"notice bad\" id=\"stale\">\(HTML.esc(WebError.staleVersion(name).description)) ค่าที่กรอกยังอยู่ในแบบฟอร์มด้านล่าง: เปิดหน้า <a href=\"\(fileLink(name))/edit/\(s.rawValue)\" target=\"_blank\">ข้อมูลล่าสุด</a> เพื่อตรวจดู แล้วกดบันทึกอีกครั้งถ้าต้องการให้ค่าที่กรอกนี้แทนที่</p>",
                               status: .conflict)
        } catch {
            return Reply.error(.internalServerError, ThaiText.error(error), back: fileLink(name))
        }
        return Reply.redirect("\(fileLink(name))/edit/\(s.rawValue)?saved=\(patched ? "1" : "whole")")
    }

    // MARK: New file

    func newFile(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (formOrNil, failure) = await readForm(request, limit: 64 * 1024)
        guard let form = formOrNil else { return failure! }
        guard let org = form.trimmed("organization"), org.count <= 200, !org.contains("\n") else {
            return Reply.error(.badRequest, "กรอกชื่อหน่วยงาน (ไม่เกิน 200 ตัวอักษร)")
        }
        guard let fy = form.trimmed("fiscal_year").map(ThaiNumerals.toArabic).flatMap({ Int($0) }), (2560...2700).contains(fy) else {
            return Reply.error(.badRequest, "ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2568")
        }
        let document = DocumentKind(rawValue: form.first("document") ?? "o34") ?? .o34
        var text: String
        do { text = try StarterFile.text(organization: org, fiscalYear: fy) } catch {
            return Reply.error(.internalServerError, ThaiText.error(error))
        }
        if document != .o34 { text = text.replacingOccurrences(of: "\ndocument: o34\n", with: "\ndocument: \(document.rawValue)\n") }
        let stem = Self.stem(org, fallback: "ita")
        let fileName = folder.freeName(stem: "\(stem)-\(document == .o34 ? "" : document.rawValue + "-")\(fy)", ext: "yaml")
        do { _ = try folder.create(fileName, data: Data(text.utf8)) } catch {
            return Reply.error(.conflict, ThaiText.error(error))
        }
        return Reply.redirect(fileLink(fileName))
    }

    /// A file name stem made from text: safe on every file system, not hidden (no leading dot), not too long.
    static func stem(_ text: String, fallback: String) -> String {
        let safe = SafeFileName.from(text).drop { $0 == "." || $0 == "_" || $0 == "-" }
        let stem = SafeFileName.fit(String(safe), maxBytes: 120)
        return stem.isEmpty ? fallback : stem
    }

    // MARK: Photos

    /// Where an uploaded picture goes: a new photo of the activities, or the organisation's logo (replaced).
    enum PictureTarget { case photo, logo
        var section: Section { self == .photo ? .photos : .organization }
        var suffix: String { self == .photo ? "photo" : "logo" }
    }

    func upload(_ request: Request, _ context: BasicRequestContext, name: String, target: PictureTarget = .photo) async throws -> Response {
        let (formOrNil, failure) = await readForm(request, limit: WebApp.maxUploadBytes + 64 * 1024)
        guard let form = formOrNil else { return failure! }
        guard let e = try? Entry(folder: folder, name: name) else { return notFound(name) }
        guard e.editable, target.section.shown(for: e), var tree = try? NodeEdit(text: e.text) else {
            return Reply.error(.notFound, "เอกสารของไฟล์นี้ไม่มีภาพกิจกรรม", back: fileLink(name))
        }
        guard let version = form.first("version") else { return Reply.error(.badRequest, "แบบฟอร์มไม่มีรุ่นของไฟล์ (version)") }
        let back = "\(fileLink(name))/edit/\(target.section.rawValue)"
        guard let file = form.file, !file.data.isEmpty else { return Reply.error(.badRequest, "ยังไม่ได้เลือกไฟล์ภาพ", back: back) }
        guard file.data.count <= WebApp.maxUploadBytes else {
            return Reply.error(.contentTooLarge, "ไฟล์ภาพใหญ่เกิน \(WebApp.maxUploadBytes / (1024 * 1024)) MB ให้ย่อภาพก่อน (เช่น กว้าง 2000 จุด บันทึกเป็น JPEG)", back: back)
        }
        let info: PictureCheck.Info
        switch PictureCheck.check(file.data) {
        case let .success(i): info = i
        case let .failure(problem):
            let why: String
            switch problem.kind {
            case .notAPicture: why = "ไฟล์ที่ส่งมาไม่ใช่ภาพ PNG หรือ JPEG"
            case .damaged: why = "ไฟล์ภาพเสียหรือไม่ครบ ให้เปิดด้วยโปรแกรมแต่งภาพแล้วบันทึกใหม่เป็น PNG หรือ JPEG"
            case .tooLarge: why = "ไฟล์ภาพใหญ่เกินไป ให้ย่อภาพก่อน"
            case .tooManyPixels: why = "ภาพมีขนาดจุดมากเกินไป ให้ย่อภาพ (เช่น กว้าง 2000 จุด)"
            }
            return Reply.error(.unsupportedMediaType, why, back: back)
        }
        guard version == e.version else {
            return Reply.error(.conflict, WebError.staleVersion(name).description + " ให้เปิดหน้าภาพใหม่แล้วอัปโหลดอีกครั้ง", back: back)
        }
        let stem = Self.stem((name as NSString).deletingPathExtension, fallback: target.suffix)
        let picName = folder.freeName(stem: "\(stem)-\(target.suffix)", ext: info.fileExtension == "jpeg" ? "jpg" : "png", in: DataFolder.imagesFolder)
        let stored: URL
        do { stored = try folder.create(picName, data: file.data, in: DataFolder.imagesFolder) } catch {
            return Reply.error(.conflict, ThaiText.error(error), back: back)
        }
        let relative = "\(DataFolder.imagesFolder)/\(picName)"
        switch target {
        case .photo:
            let count = tree.get("photos")?.sequence?.count ?? 0
            var pairs: [(String, Yams.Node)] = [("file", NodeEdit.text(relative))]
            if let c = form.trimmed("caption") { pairs.append(("caption", NodeEdit.text(c))) }
            if let d = form.trimmed("date") { pairs.append(("date", NodeEdit.plain(d))) }
            tree.set("photos[\(count)]", NodeEdit.map(pairs))
        case .logo:
            tree.set("organization.logo", NodeEdit.text(relative))
        }
        let attempt = (try? tree.text()).map { ReportLoader.load(text: $0, file: name) }
        guard let attempt, let data = attempt.data, attempt.diagnostics.errors.filter({ target.section.covers($0.path) }).isEmpty else {
            try? FileManager.default.removeItem(at: stored)
            let why = attempt?.diagnostics.errors.filter { target.section.covers($0.path) }.map(ThaiText.diagnostic).joined(separator: " ") ?? ""
            return Reply.error(.unprocessableContent, "ยังไม่ได้เพิ่มภาพ: \(why)", back: back)
        }
        let (text, patched) = FileText.text(tree: tree, data: data, loaded: attempt, original: e.text)
        do { _ = try folder.replace(name, with: text, expectedVersion: version) } catch {
            try? FileManager.default.removeItem(at: stored)
            return Reply.error(.conflict, ThaiText.error(error), back: back)
        }
        return Reply.redirect(back + "?saved=\(patched ? "1" : "whole")")
    }

    /// The organisation's logo as the file names it, when it is a picture inside the folder.
    func logo(_ name: String) -> Response {
        guard let e = try? Entry(folder: folder, name: name), let file = e.data?.organization?.logo,
              let url = folder.inside(file, from: e.url), let data = try? folder.readBounded(url, limit: WebApp.maxUploadBytes * 3),
              case let .success(info) = PictureCheck.check(data) else {
            return Reply.error(.notFound, "ไม่พบภาพตราหน่วยงานในโฟลเดอร์ข้อมูล")
        }
        return Reply.data(data, type: info.mediaType)
    }

    func photo(_ name: String, _ index: String) -> Response {
        guard let e = try? Entry(folder: folder, name: name), let i = Int(index), let photos = e.data?.photos,
              photos.indices.contains(i), let file = photos[i].file, let url = folder.inside(file, from: e.url),
              let data = try? folder.readBounded(url, limit: WebApp.maxUploadBytes * 3),
              case let .success(info) = PictureCheck.check(data) else {
            return Reply.error(.notFound, "ไม่พบภาพนี้ในโฟลเดอร์ข้อมูล")
        }
        return Reply.data(data, type: info.mediaType)
    }

    // MARK: Documents

    /// The refusal to make documents of a file that names pictures outside the data folder.
    func outsideRefusal(_ e: Entry) -> Response? {
        guard let first = app.documents.picturesOutside(e).first else { return nil }
        return Reply.error(.unprocessableContent, WebError.pictureOutside(first).description, back: fileLink(e.name))
    }

    func kindAndEntry(_ name: String, _ kindName: String) -> (Entry, ReportKind)? {
        guard let e = try? Entry(folder: folder, name: name), e.data != nil, let kind = ReportKind(rawValue: kindName),
              e.kinds.contains(kind) else { return nil }
        return (e, kind)
    }

    func download(_ name: String, _ kindName: String, _ formatName: String) async -> Response {
        guard let (e, kind) = kindAndEntry(name, kindName), let format = ExportFormat(rawValue: formatName) else {
            return Reply.error(.notFound, "ไม่มีเอกสารนี้", back: fileLink(name))
        }
        if let refused = outsideRefusal(e) { return refused }
        if format == .pdf && app.documents.converter == nil {
            return Reply.error(.serviceUnavailable, "ต้องติดตั้ง LibreOffice ก่อนจึงจะออกเอกสาร PDF ได้ (sudo apt-get install libreoffice-writer-nogui fonts-tlwg-laksaman)", back: fileLink(name))
        }
        do {
            let docs = app.documents
            let url = try await offload { try docs.generate(e, kind: kind, format: format) }
            let data = try Data(contentsOf: url)
            let type: String
            switch format {
            case .docx: type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .odt: type = "application/vnd.oasis.opendocument.text"
            case .pdf: type = "application/pdf"
            }
            return Reply.data(data, type: type, download: url.lastPathComponent)
        } catch {
            return Reply.error(.internalServerError, "ออกเอกสารไม่สำเร็จ: \(ThaiText.error(error))", back: fileLink(name))
        }
    }

    func preview(_ name: String, _ kindName: String) async -> Response {
        guard let (e, kind) = kindAndEntry(name, kindName) else { return Reply.error(.notFound, "ไม่มีเอกสารนี้", back: fileLink(name)) }
        if let refused = outsideRefusal(e) { return refused }
        let crumbs: [(String, String?)] = [("หน้าแรก", "/"), (name, fileLink(name)), ("ตัวอย่าง \(ThaiText.short(kind))", nil)]
        let title = "ตัวอย่าง \(ThaiText.short(kind)) · \(e.organization)"
        guard app.documents.converter != nil else {
            return Reply.html(HTML.page(title: title, body: "<p class=\"notice warn\" id=\"no-office\">ดูตัวอย่างหน้าเอกสารได้เมื่อติดตั้ง LibreOffice แล้ว (sudo apt-get install libreoffice-writer-nogui fonts-tlwg-laksaman) ระหว่างนี้ดาวน์โหลด DOCX หรือ ODT ไปเปิดดูได้</p>", crumbs: crumbs))
        }
        let docs = app.documents
        do {
            let pages = try await offload { try docs.previewPages(e, kind: kind) }
            var body = state(e.missing(kind), of: e)
            if pages.isEmpty {
                body += "<p class=\"notice warn\">เครื่องนี้ไม่มีโปรแกรม pdftoppm (poppler-utils) สำหรับแสดงหน้าเอกสารเป็นภาพ ดาวน์โหลด <a href=\"\(fileLink(name))/doc/\(kind.rawValue)/pdf\">PDF</a> ไปเปิดดูแทน</p>"
            } else {
                body += "<p class=\"small\">\(pages.count) หน้า · <a href=\"\(fileLink(name))/doc/\(kind.rawValue)/pdf\">ดาวน์โหลด PDF</a></p><div class=\"pages\">"
                for i in pages.indices {
                    body += "<img src=\"\(fileLink(name))/preview/\(kind.rawValue)/\(i + 1)?v=\(e.version)\" alt=\"หน้า \(i + 1)\">"
                }
                body += "</div>"
            }
            return Reply.html(HTML.page(title: title, body: body, crumbs: crumbs))
        } catch {
            return Reply.error(.internalServerError, "ทำตัวอย่างไม่สำเร็จ: \(ThaiText.error(error))", back: fileLink(name))
        }
    }

    func previewPage(_ name: String, _ kindName: String, _ page: String) -> Response {
        guard let (e, kind) = kindAndEntry(name, kindName), let n = Int(page), n >= 1,
              let pages = app.documents.existingPages(app.documents.previewFolder(e, kind: kind)), n <= pages.count,
              let data = try? Data(contentsOf: pages[n - 1]) else {
            return Reply.error(.notFound, "ไม่มีหน้านี้ เปิดหน้าตัวอย่างใหม่อีกครั้ง", back: fileLink(name))
        }
        return Reply.data(data, type: "image/png")
    }

    func bundle(_ name: String) async -> Response {
        guard let e = try? Entry(folder: folder, name: name), e.data != nil else { return notFound(name) }
        let parts = app.documents.yearParts(of: e, among: entries())
        guard !parts.isEmpty else { return Reply.error(.notFound, "ไฟล์นี้ยังไม่มีเอกสาร O34 หรือ O35 ที่จะรวมเป็นชุด", back: fileLink(name)) }
        for part in parts { if let refused = outsideRefusal(part) { return refused } }
        let docs = app.documents
        do {
            let (zipName, data) = try await offload { try docs.bundle(parts) }
            return Reply.data(data, type: "application/zip", download: zipName)
        } catch {
            return Reply.error(.internalServerError, "ทำชุดเอกสารไม่สำเร็จ: \(ThaiText.error(error))", back: fileLink(name))
        }
    }

    // MARK: Rollover

    func rollover(_ request: Request, _ context: BasicRequestContext, name: String) async throws -> Response {
        let (formOrNil, failure) = await readForm(request, limit: 64 * 1024)
        guard let form = formOrNil else { return failure! }
        guard let e = try? Entry(folder: folder, name: name), let data = e.data, e.editable, let fy = data.fiscalYear else { return notFound(name) }
        guard form.first("version") == e.version else {
            return Reply.error(.conflict, WebError.staleVersion(name).description + " ให้เปิดหน้าไฟล์ใหม่แล้วลองอีกครั้ง", back: fileLink(name))
        }
        let files: [YearRollover.RolledFile]
        do { files = try YearRollover.roll(data, to: fy + 1) } catch {
            return Reply.error(.unprocessableContent, "เริ่มปีถัดไปไม่ได้: \(ThaiText.error(error))", back: fileLink(name))
        }
        let stem = (name as NSString).deletingPathExtension
        let names = files.map { $0.suggestedName(from: stem) }
        // A file of the new year that is there already (an O35 begun by hand) is kept and used; the others are made.
        let exists = { (n: String) in FileManager.default.fileExists(atPath: self.folder.root.appendingPathComponent(n).path) || DataFolder.isLink(self.folder.root.appendingPathComponent(n).path) }
        let wanted = zip(files, names).filter { !exists($0.1) }
        let kept = names.filter(exists)
        func item(_ f: YearRollover.RolledFile, _ n: String) -> String {
            "<a href=\"\(fileLink(n))\">\(HTML.esc(n))</a>: \(HTML.esc(ThaiText.short(ReportKind(rawValue: f.document.rawValue) ?? .o34))) ปีงบประมาณ \(f.fiscalYear)"
        }
        guard !wanted.isEmpty else {
            let list = zip(files, names).map { "<li>\(item($0.0, $0.1))</li>" }.joined()
            return Reply.html(HTML.page(title: "เริ่มปี \(fy + 1)", body: "<p class=\"notice warn\" id=\"all-there\">ไฟล์ข้อมูลของปีถัดไปมีอยู่แล้วทุกไฟล์ จึงไม่ได้สร้างใหม่และไม่ได้เขียนทับ</p><ul>\(list)</ul>",
                                        crumbs: [("หน้าแรก", "/"), (name, fileLink(name))]), status: .conflict)
        }
        var written: [URL] = []
        for (f, n) in wanted {
            do { written.append(try folder.create(n, data: Data(f.text.utf8))) } catch {
                for w in written { try? FileManager.default.removeItem(at: w) }
                return Reply.error(.conflict, ThaiText.error(error), back: fileLink(name))
            }
        }
        var body = "<p class=\"notice\" id=\"rolled\">สร้างไฟล์ข้อมูลแล้ว ช่องที่ต้องกรอกเพิ่มแสดงเป็นรายการที่ยังขาดของแต่ละเอกสาร</p><ul>"
        for (f, n) in wanted { body += "<li>\(item(f, n))</li>" }
        body += "</ul>"
        if !kept.isEmpty {
            body += "<p id=\"kept\">มีอยู่แล้ว ใช้ไฟล์เดิม (ไม่ได้เขียนทับ):</p><ul>"
            for (f, n) in zip(files, names) where kept.contains(n) { body += "<li>\(item(f, n))</li>" }
            body += "</ul>"
        }
        return Reply.html(HTML.page(title: "เริ่มปี \(fy + 1)", body: body, crumbs: [("หน้าแรก", "/"), (name, fileLink(name))]))
    }
}


// MARK: Province workbook

extension Pages {
    /// Largest workbook accepted (the provinces' sheets are a few hundred kilobytes; the reader bounds what it unpacks).
    static let maxWorkbookBytes = 20 * 1024 * 1024

    /// The data files a workbook can be based on: those that read without errors.
    func baseCandidates(_ all: [Entry]) -> [Entry] { all.filter { $0.data != nil && !$0.loaded.hasErrors && $0.editable } }

    func importForm(_ all: [Entry]) -> String {
        let bases = baseCandidates(all)
        guard !bases.isEmpty else { return "" }
        let options = bases.map { "<option value=\"\(HTML.esc($0.name))\">\(HTML.esc($0.name)) (\(HTML.esc($0.organization)) \($0.fiscalYear.map(String.init) ?? ""))</option>" }.joined()
        return """
        <form method="post" action="/import" enctype="multipart/form-data" class="card" id="import-form">
        <h2>นำเข้าคะแนนหลายหน่วยงานจากไฟล์ Excel (.xlsx)</h2>
        <p class="small">หนึ่งแถวต่อหนึ่งหน่วยงาน: ชื่อหน่วยงาน อำเภอ จังหวัด คะแนนตัวชี้วัด 1–10 (และคะแนนรวม ระดับ ถ้ามี) หัวตารางภาษาไทยหรืออังกฤษก็ได้ คอลัมน์ลำดับจะถูกข้าม
        ไฟล์ต้นแบบให้ปีงบประมาณ มาตรการ และข้อจำกัด แต่ละหน่วยงานได้ไฟล์ข้อมูลของตนเองในโฟลเดอร์นี้ ไม่เขียนทับไฟล์ที่มีอยู่</p>
        <input type="hidden" name="token" value="\(HTML.esc(app.token))">
        \(HTML.filePicker(id: "workbook-file", name: "workbook", accept: ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                          title: "ไฟล์ Excel", hint: ".xlsx ไม่เกิน \(Self.maxWorkbookBytes / (1024 * 1024)) MB", button: "เลือกไฟล์ Excel…"))
        <div class="row2"><div><label>ชื่อแผ่นงาน <span class="hint">เว้นว่างเพื่อใช้แผ่นแรก</span><input type="text" name="sheet"></label></div>
        <div><label>ไฟล์ต้นแบบ<select name="base">\(options)</select></label></div></div>
        <div class="actions"><button type="submit">นำเข้า</button></div>
        </form>
        """
    }

    func importWorkbook(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let (formOrNil, failure) = await readForm(request, limit: Self.maxWorkbookBytes + 64 * 1024)
        guard let form = formOrNil else { return failure! }
        guard let file = form.file, !file.data.isEmpty else { return Reply.error(.badRequest, "ยังไม่ได้เลือกไฟล์ Excel") }
        guard let baseName = form.first("base"), let base = try? Entry(folder: folder, name: baseName), let baseData = base.data,
              !base.loaded.hasErrors else {
            return Reply.error(.badRequest, "ไม่พบไฟล์ต้นแบบที่เลือก หรือไฟล์ต้นแบบยังมีข้อผิดพลาด")
        }
        guard file.data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            return Reply.error(.unsupportedMediaType, "ไฟล์ที่ส่งมาไม่ใช่ไฟล์ Excel แบบ .xlsx (ถ้าเป็น .xls หรือ .ods ให้เปิดแล้วบันทึกเป็น .xlsx ก่อน)")
        }
        let sheet: ScoreSheet
        do {
            let book = try Workbook(data: file.data, path: "workbook.xlsx")
            let chosen = try book.sheet(named: form.trimmed("sheet"))
            let rows = try book.rows(of: chosen).map { TableRow(number: $0.number, cells: $0.cells) }
            sheet = try ScoreSheet.parse(rows: rows, file: "workbook.xlsx", sheet: chosen.name, baseKind: baseData.organization?.kind)
        } catch {
            return Reply.error(.unprocessableContent, "อ่านไฟล์ Excel ไม่ได้: \(ThaiText.error(error))")
        }
        var made: [(String, String)] = [], skipped: [(String, String)] = []
        let fy = baseData.fiscalYear.map { "-\($0)" } ?? ""
        for row in sheet.rows {
            let label = "แถว \(row.line)" + (row.name.isEmpty ? "" : " \(row.name)")
            if let problem = row.problemMessage { skipped.append((label, "ข้อมูลในแถวนี้ไม่ครบหรือไม่ถูกต้อง (\(problem.text(in: .th)))")); continue }
            let data = ScoreSheet.data(for: row, base: baseData)
            let text = DataFileWriter(header: ["นำเข้าจากแผ่นงาน \(sheet.sheet ?? "") แถว \(row.line) โดยใช้ \(base.name) เป็นต้นแบบ"]).text(for: data)
            let loaded = ReportLoader.load(text: text, file: label)
            if let error = loaded.diagnostics.errors.first { skipped.append((label, ThaiText.diagnostic(error))); continue }
            let name = "\(Self.stem(row.name, fallback: "row-\(row.line)"))\(fy).yaml"
            do { _ = try folder.create(name, data: Data(text.utf8)); made.append((label, name)) } catch {
                skipped.append((label, ThaiText.error(error)))
            }
        }
        var body = "<p class=\"notice\(made.isEmpty ? " bad" : "")\">สร้างไฟล์ข้อมูล \(made.count) ไฟล์ จาก \(sheet.rows.count) แถว</p>"
        if !made.isEmpty {
            body += "<ul id=\"imported\">" + made.map { "<li>\(HTML.esc($0.0)): <a href=\"\(fileLink($0.1))\">\(HTML.esc($0.1))</a></li>" }.joined() + "</ul>"
        }
        if !skipped.isEmpty {
            body += "<h2>แถวที่ไม่ได้นำเข้า</h2><ul id=\"skipped\">" + skipped.map { "<li>\(HTML.esc($0.0)): \(HTML.esc($0.1))</li>" }.joined() + "</ul>"
        }
        body += "<p><a href=\"/\">กลับหน้าแรก</a></p>"
        return Reply.html(HTML.page(title: "นำเข้าคะแนนจาก Excel", body: body, crumbs: [("หน้าแรก", "/"), ("นำเข้า", nil)]))
    }
}
