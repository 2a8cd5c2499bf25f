import Foundation
import ITAKit
import ITAReports
import Yams

/// The editing forms of a data file, one per part of the data. Each form shows the fields its file's
/// documents print (forms.yaml), puts what is submitted into the file's YAML tree as typed, and shows
/// the validator's diagnostics next to their fields.
enum Section: String, CaseIterable {
    case organization, scores, questions, official, analysis, measures, results, limitations, photos, signatory

    var title: String {
        switch self {
        case .organization: return "หน่วยงาน"
        case .scores: return "คะแนนตัวชี้วัด 10 ตัว"
        case .questions: return "คะแนนและข้อความรายข้อคำถาม"
        case .analysis: return "ข้อความวิเคราะห์ผลการประเมิน"
        case .official: return "คะแนนรวมและระดับผลการประเมินที่ประกาศ"
        case .measures: return "มาตรการ"
        case .results: return "ผลการดำเนินการของมาตรการ (O35)"
        case .limitations: return "ข้อจำกัดของหน่วยงาน"
        case .photos: return "ภาพกิจกรรม"
        case .signatory: return "ผู้ลงนาม"
        }
    }

    /// The data the section edits: its diagnostics are shown there, and a save is refused while they are errors.
    var paths: [String] {
        switch self {
        case .organization: return ["organization"]
        case .scores: return ["assessment.indicators", "assessment.year", "assessment.tools", "options.strength_threshold"]
        case .questions: return ["assessment.questions", "assessment.question_texts"]
        case .analysis: return ["analysis"]
        case .official: return ["assessment.official"]
        case .measures:
            return ["measures"].flatMap { m in
                ["title", "steps", "owners", "period", "issue", "indicators", "follow_up", "analysis"].map { "\(m)[].\($0)" }
            }
        case .results: return Self.resultFields.map { "measures[].\($0)" }
        case .limitations: return ["limitations"]
        case .photos: return ["photos"]
        case .signatory: return ["signatory"]
        }
    }

    /// The measure fields each list section edits, in order.
    static let planFields = ["title", "issue", "indicators", "steps", "owners", "period", "follow_up", "analysis"]
    static let resultFields = ["summary", "details", "outcome", "citations", "dates", "suggestion"]

    /// Whether the section has anything the file's documents print.
    func shown(for entry: Entry) -> Bool {
        switch self {
        case .organization, .official, .signatory: return true
        case .scores: return entry.prints("assessment.indicators")
        case .questions: return entry.prints("assessment.questions") || entry.prints("assessment.question_texts")
        case .analysis: return Self.analysisPaths.contains { entry.prints($0) }
        case .measures: return entry.prints("measures[].title")
        case .results: return Self.resultFields.contains { entry.prints("measures[].\($0)") }
        case .limitations: return entry.prints("limitations.problems") || entry.prints("limitations.suggestions")
        case .photos: return entry.prints("photos")
        }
    }

    /// The analysis texts a form may print; each, when left empty, is written by the program (or left out).
    static let analysisPaths = ["analysis.rationale", "analysis.overview", "analysis.strengths", "analysis.weaknesses",
                                "analysis.summary", "analysis.indicators", "analysis.issues"]

    /// Whether the strengths and weaknesses split decides what the file's documents print (the analysis
    /// report's summaries, the O34 issues the program writes).
    static func printsSplit(_ entry: Entry) -> Bool {
        ["analysis.strengths", "analysis.weaknesses", "analysis.issues"].contains { entry.prints($0) }
    }

    /// Whether a diagnostic at `path` belongs to this section.
    func covers(_ path: String) -> Bool {
        let general = path.replacingOccurrences(of: #"\[[0-9]+\]"#, with: "[]", options: .regularExpression)
        return paths.contains { Entry.covers($0, general) }
    }
}

/// The HTML of a section's form, filled from a YAML tree (the file's, or the one a refused save made).
struct SectionForm {
    let entry: Entry
    let section: Section
    let tree: NodeEdit
    let diagnostics: [Diagnostic]
    let version: String
    let token: String
    /// A pasted score row that could not be read, shown again with why beside its box.
    var pasted: String? = nil
    var pasteProblem: String? = nil

    var action: String { "/f/\(HTML.segment(entry.name))/edit/\(section.rawValue)" }

    func html() -> String {
        var body = "<form method=\"post\" action=\"\(action)\" class=\"card\" id=\"section-form\">"
        body += "<input type=\"hidden\" name=\"version\" value=\"\(HTML.esc(version))\">"
        body += "<input type=\"hidden\" name=\"token\" value=\"\(HTML.esc(token))\">"
        // Enter in a box submits with the form's first button: saving, never moving or removing a measure.
        body += "<button type=\"submit\" class=\"default-save\" tabindex=\"-1\" aria-hidden=\"true\">บันทึก</button>"
        switch section {
        case .organization: body += organization()
        case .scores: body += scores()
        case .questions: body += questions()
        case .analysis: body += analysis()
        case .official: body += official()
        case .measures: body += measures()
        case .results: body += results()
        case .limitations: body += limitations()
        case .photos: body += photos()
        case .signatory: body += signatory()
        }
        body += "<div class=\"actions save-bar\"><button type=\"submit\" name=\"action\" value=\"save\">บันทึก</button>"
        body += "<a class=\"button plain\" href=\"/f/\(HTML.segment(entry.name))\">กลับไปหน้าไฟล์</a></div></form>"
        if section == .photos { body += uploadForm() }
        if section == .organization { body += logoForm() }
        return body
    }

    // MARK: Field helpers

    func scalar(_ path: String) -> String {
        guard let node = tree.get(path) else { return "" }
        if let s = node.scalar, node.null == nil || s.style != .plain { return s.string }
        return ""
    }

    func lines(_ path: String) -> String {
        guard let node = tree.get(path) else { return "" }
        if let seq = node.sequence { return seq.compactMap { $0.scalar?.string }.joined(separator: "\n") }
        return scalar(path)
    }

    func flat(_ path: String) -> String {
        guard let node = tree.get(path) else { return "" }
        if let seq = node.sequence { return seq.compactMap { $0.scalar?.string }.joined(separator: ", ") }
        return scalar(path)
    }

    /// The diagnostics at `path` (and under it), as notes under the field.
    func notes(_ path: String, exact: Bool = false) -> String {
        diagnostics.filter { exact ? $0.path == path : Entry.covers(path, $0.path) }.map { d in
            "<p class=\"diag \(d.severity.rawValue)\" data-path=\"\(HTML.esc(d.path))\">\(HTML.esc(ThaiText.severity(d))): \(HTML.esc(ThaiText.diagnostic(d)))</p>"
        }.joined()
    }

    func input(_ label: String, _ path: String, hint: String? = nil, value: String? = nil, cls: String = "", id: String? = nil,
               list: String? = nil) -> String {
        let v = value ?? scalar(path)
        return "<label><span class=\"lt\">\(HTML.esc(label))\(hint.map { " <span class=\"hint\">\(HTML.esc($0))</span>" } ?? "")</span>"
            + "<input type=\"text\" name=\"\(HTML.esc(path))\" value=\"\(HTML.esc(v))\" class=\"\(cls)\""
            + (id.map { " id=\"\($0)\"" } ?? "") + (list.map { " list=\"\($0)\"" } ?? "") + "></label>" + notes(path)
    }

    func area(_ label: String, _ path: String, hint: String? = nil, value: String? = nil, rows: Int = 3,
              placeholder: String? = nil, notesAt: String? = nil) -> String {
        let v = value ?? scalar(path)
        let ph = placeholder.map { " placeholder=\"\(HTML.esc($0))\"" } ?? ""
        return "<label>\(HTML.esc(label))\(hint.map { " <span class=\"hint\">\(HTML.esc($0))</span>" } ?? "")"
            + "<textarea name=\"\(HTML.esc(path))\" rows=\"\(rows)\"\(ph)>\(HTML.esc(v))</textarea></label>" + notes(notesAt ?? path)
    }

    // MARK: Sections

    /// The organisation fields the documents print, with where each prints; a field of the file that no
    /// document prints (kind, address, website, …) is not offered and is kept as the file has it.
    static let organizationFields: [(key: String, label: String, hint: String)] = [
        ("name", "ชื่อหน่วยงาน", "ชื่อเต็ม เช่น เทศบาลตำบลตัวอย่าง พิมพ์บนหน้าปกและในเนื้อความ"),
        ("district", "อำเภอ", "ไม่ต้องพิมพ์คำว่า อำเภอ"),
        ("province", "จังหวัด", "ไม่ต้องพิมพ์คำว่า จังหวัด"),
        ("head", "ตำแหน่งหัวหน้าหน่วยงาน", "พิมพ์เป็นตำแหน่งใต้ลายมือชื่อเมื่อหน้าผู้ลงนามไม่ได้ระบุตำแหน่ง เช่น นายกเทศมนตรีตำบลตัวอย่าง"),
    ]

    func organization() -> String {
        var out = "<div class=\"row2\">"
        for f in Self.organizationFields {
            out += "<div>" + input(f.label, "organization.\(f.key)", hint: f.hint) + "</div>"
        }
        out += "</div>"
        let kept = (tree.get("organization")?.mapping?.keys.compactMap { $0.string } ?? [])
            .filter { key in !Self.organizationFields.contains { $0.key == key } && key != "logo" }
        if !kept.isEmpty {
            out += "<p class=\"small\" id=\"org-kept\">ข้อมูลอื่นของหน่วยงานในไฟล์ (\(HTML.esc(kept.joined(separator: ", ")))) ไม่มีเอกสารใดพิมพ์ จึงไม่แสดงในแบบฟอร์มนี้ และบันทึกไว้ตามเดิม</p>"
        }
        out += notes("organization", exact: true)
        for key in kept { out += notes("organization.\(key)") }
        return out
    }

    func scores() -> String {
        var out = "<p class=\"small\">พิมพ์คะแนนตามที่ระบบ ITA ประกาศ ใช้จุดทศนิยม เช่น 98.50</p>"
        out += input(ThaiText.Labels.assessmentYear, "assessment.year", hint: "ปกติคือปีก่อนปีงบประมาณของเอกสาร", cls: "score")
        let catalog = entry.loaded.catalog ?? CatalogStore.nearestCatalog(for: entry.data?.assessedYear ?? 0)
        out += "<div class=\"grid\">"
        for n in 1...10 {
            let name = catalog?.indicator(n)?.name ?? ""
            out += "<div>" + input("\(n). \(name)", "assessment.indicators.\(n)", cls: "score", id: "score-\(n)") + "</div>"
        }
        out += "</div>" + notes("assessment.indicators", exact: true)
        if entry.prints("assessment.tools") {
            out += "<h3>คะแนนรายเครื่องมือ</h3><div class=\"grid\">"
            for (key, label) in Self.toolFields(catalog, tree: tree) {
                out += "<div>" + input(label, "assessment.tools.\(key)", cls: "score") + "</div>"
            }
            out += "</div>" + notes("assessment.tools", exact: true)
        }
        if Section.printsSplit(entry) {
            let yearly = catalog.map { "เว้นว่างเพื่อใช้เกณฑ์ของปี \($0.fiscalYear) คือ \($0.strengthThreshold)" } ?? "เว้นว่างเพื่อใช้เกณฑ์ของปี"
            out += input(ThaiText.Labels.strengthThreshold, "options.strength_threshold",
                         hint: "ตัวชี้วัดที่ได้คะแนนตั้งแต่ค่านี้ขึ้นไปนับเป็นจุดแข็ง ต่ำกว่านับเป็นจุดอ่อน \(yearly)", cls: "score", id: "strength-threshold")
        }
        out += "<label>วางแถวคะแนนที่คัดลอกจากตาราง (Excel หรือ LibreOffice) <span class=\"hint\">คะแนน 10 ช่องติดกันจะใส่ในตัวชี้วัด 1–10 ตามลำดับ "
            + "ถ้ามีตัวเลข 11 ช่อง ช่องที่ 11 คือคะแนนรวมที่ประกาศ ข้างหน้าคะแนนมีชื่อหน่วยงาน อำเภอ จังหวัดได้</span>"
        out += "<textarea name=\"paste\" id=\"paste-row\" rows=\"2\">\(HTML.esc(pasted ?? ""))</textarea></label>"
        out += "<input type=\"hidden\" name=\"paste-total\" id=\"paste-total\" value=\"\"><input type=\"hidden\" name=\"paste-level\" id=\"paste-level\" value=\"\">"
        out += "<p id=\"paste-note\" class=\"small\(pasteProblem == nil ? "" : " bad")\" role=\"status\">\(HTML.esc(pasteProblem ?? ""))</p>"
        return out
    }

    /// The tool scores a form prints: a tool in parts by part (`EIT_part1`), else by its code; a whole-tool
    /// score the file already gives is offered too.
    static func toolFields(_ catalog: FrameworkCatalog?, tree: NodeEdit) -> [(String, String)] {
        var out: [(String, String)] = []
        for tool in catalog?.tools ?? [] {
            if let parts = tool.parts, !parts.isEmpty {
                if tree.get("assessment.tools.\(tool.code)") != nil { out.append((tool.code, "\(tool.code) \(tool.name)")) }
                for (i, part) in parts.enumerated() { out.append(("\(tool.code)_part\(i + 1)", "\(tool.code) \(part)")) }
            } else {
                out.append((tool.code, "\(tool.code) \(tool.name)"))
            }
        }
        return out
    }

    /// The question codes offered: the year's catalog, then any other code the file gives.
    static func questionCodes(_ catalog: FrameworkCatalog?, tree: NodeEdit) -> [String] {
        var codes = catalog?.questions.map(\.code) ?? []
        for group in ["assessment.questions", "assessment.question_texts"] {
            for key in tree.get(group)?.mapping?.keys.compactMap(\.string) ?? [] where !codes.contains(key) { codes.append(key) }
        }
        return codes
    }

    func questions() -> String {
        let catalog = entry.loaded.catalog ?? CatalogStore.nearestCatalog(for: entry.data?.assessedYear ?? 0)
        let scores = entry.prints("assessment.questions"), texts = entry.prints("assessment.question_texts")
        var out = "<p class=\"small\">คะแนนรายข้อตามที่ระบบ ITA ประกาศ ใช้จุดทศนิยม เว้นว่างข้อที่ไม่มีคะแนน"
        if texts { out += " ข้อความของข้อคำถามพิมพ์ตามแคตตาล็อกของปี กรอกช่องข้อความเฉพาะเมื่อต้องการพิมพ์ถ้อยคำอื่น" }
        out += "</p><table class=\"questions\"><tr><th>ข้อ</th><th>ข้อคำถาม</th>" + (scores ? "<th>คะแนน</th>" : "") + (texts ? "<th>ถ้อยคำที่จะพิมพ์แทน</th>" : "") + "</tr>"
        for code in Self.questionCodes(catalog, tree: tree) {
            let known = catalog?.question(code)?.text
            out += "<tr><td>\(HTML.esc(code))</td><td class=\"small\">\(HTML.esc(known ?? "(ไม่มีในแคตตาล็อกของปี)"))</td>"
            if scores {
                let path = "assessment.questions.\(code)"
                out += "<td><input type=\"text\" class=\"score\" name=\"\(HTML.esc(path))\" value=\"\(HTML.esc(scalar(path)))\" aria-label=\"คะแนนข้อ \(HTML.esc(code))\">\(notes(path))</td>"
            }
            if texts {
                let path = "assessment.question_texts.\(code)"
                out += "<td><input type=\"text\" name=\"\(HTML.esc(path))\" value=\"\(HTML.esc(scalar(path)))\" aria-label=\"ถ้อยคำข้อ \(HTML.esc(code))\">\(notes(path))</td>"
            }
            out += "</tr>"
        }
        // Codes the year's catalog does not hold (years whose wording no source confirms have none).
        for _ in 0..<Self.newQuestionRows {
            out += "<tr class=\"new-question\"><td><input type=\"text\" class=\"score\" name=\"new-question-code\" value=\"\" aria-label=\"รหัสข้อคำถามที่เพิ่ม\" placeholder=\"เช่น i1\"></td>"
                + "<td class=\"small\">ข้อคำถามที่เพิ่ม: พิมพ์รหัสข้อตามที่ระบบ ITA ประกาศ</td>"
                + (scores ? "<td><input type=\"text\" class=\"score\" name=\"new-question-score\" value=\"\" aria-label=\"คะแนนข้อที่เพิ่ม\"></td>" : "")
                + (texts ? "<td><input type=\"text\" name=\"new-question-text\" value=\"\" aria-label=\"ถ้อยคำข้อที่เพิ่ม\"></td>" : "") + "</tr>"
        }
        out += "</table>" + notes("assessment.questions", exact: true) + notes("assessment.question_texts", exact: true)
        return out
    }

    /// Blank rows for question codes the page does not list yet.
    static let newQuestionRows = 3

    /// A question code as the ITA system writes it (`i1`, `o11`, `e3`): letters and digits.
    static func isQuestionCode(_ code: String) -> Bool {
        !code.isEmpty && code.count <= 20 && code.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The analysis texts the file's documents print, each left empty to let the program write it (what it
    /// would write shows in the empty box).
    static let analysisTexts: [(key: String, label: String)] = [
        ("rationale", "หลักการและเหตุผล"), ("summary", "ย่อหน้าเปิด: ความเชื่อมโยงกับผลการวิเคราะห์และมาตรการ"),
        ("overview", "ภาพรวมผลการประเมิน"), ("strengths", "สรุปจุดแข็ง"), ("weaknesses", "สรุปจุดอ่อน"),
    ]
    static let issueParts: [(key: String, label: String)] = [
        ("deficiencies", "ข้อบกพร่อง/ข้อปรับปรุง"), ("to_develop", "ข้อที่ต้องพัฒนา"), ("maintain", "รักษาระดับ"),
    ]

    /// The index in `analysis.issues` of the entry for issue `n`.
    static func issueIndex(_ n: Int, in tree: NodeEdit) -> Int? {
        tree.get("analysis.issues")?.sequence?.firstIndex { $0.mapping?["issue"]?.string == String(n) }
    }

    func analysis() -> String {
        let catalog = entry.loaded.catalog ?? CatalogStore.nearestCatalog(for: entry.data?.assessedYear ?? 0)
        let filled = entry.forms.compactMap { DocumentKind(rawValue: $0.document.rawValue) }.first
            .flatMap { try? entry.loaded.filled(for: [$0]) } ?? nil
        let written = filled?.data.analysis
        let hint = "เว้นว่างไว้ เอกสารจะพิมพ์ข้อความที่โปรแกรมเขียนจากคะแนน (แสดงจางในช่อง)"
        var out = "<p class=\"small\">ข้อความที่กรอกพิมพ์ในเอกสารแทนข้อความที่โปรแกรมเขียนให้</p>"
        for f in Self.analysisTexts where entry.prints("analysis.\(f.key)") {
            let generated: String? = {
                switch f.key {
                case "rationale": return written?.rationale
                case "overview": return written?.overview
                case "strengths": return written?.strengths
                case "weaknesses": return written?.weaknesses
                default: return nil
                }
            }()
            out += area(f.label, "analysis.\(f.key)", hint: generated == nil ? nil : hint, rows: 4, placeholder: generated)
        }
        if entry.prints("analysis.indicators") {
            out += "<h3>คำอธิบายรายตัวชี้วัด</h3>"
            for n in 1...10 {
                out += area("\(n). \(catalog?.indicator(n)?.name ?? "")", "analysis.indicators.\(n)", rows: 2,
                            placeholder: written?.indicators?[n])
            }
        }
        if entry.prints("analysis.issues") {
            out += "<h3>การวิเคราะห์รายประเด็น</h3>"
            for n in 1...7 {
                let at = Self.issueIndex(n, in: tree)
                let generated = written?.issues?.first { $0.issue == n }
                out += "<fieldset><legend>ประเด็นที่ \(n) \(HTML.esc(catalog?.issue(n)?.title ?? ""))</legend>"
                for part in Self.issueParts {
                    let value = at.map { scalar("analysis.issues[\($0)].\(part.key)") } ?? ""
                    let ph: String? = part.key == "deficiencies" ? generated?.deficiencies : part.key == "to_develop" ? generated?.toDevelop : generated?.maintain
                    out += area(part.label, "analysis.issues.\(n).\(part.key)", value: value, rows: 2, placeholder: ph,
                                notesAt: at.map { "analysis.issues[\($0)].\(part.key)" } ?? "analysis.issues.\(n)")
                }
                let qpath = at.map { "analysis.issues[\($0)].questions" }
                let codes = qpath.map { flat($0) } ?? ""
                let catalogCodes = catalog?.issue(n)?.questions.joined(separator: ", ") ?? ""
                out += "<label>ข้อคำถามในตารางของประเด็นนี้ <span class=\"hint\">รหัสข้อคั่นด้วยจุลภาค เว้นว่างเพื่อใช้ข้อของปีตามแคตตาล็อก</span>"
                    + "<input type=\"text\" name=\"analysis.issues.\(n).questions\" value=\"\(HTML.esc(codes))\" placeholder=\"\(HTML.esc(catalogCodes))\"></label>"
                    + notes(qpath ?? "analysis.issues.\(n)")
                out += "</fieldset>"
            }
        }
        return out + notes("analysis", exact: true)
    }

    func official() -> String {
        let bands = (entry.loaded.catalog?.levels.bands ?? []).map(\.name)
        var out = "<p class=\"small\">คะแนนรวมและระดับตามที่ระบบ ITA ประกาศ (เว้นว่างได้ถ้าให้โปรแกรมคำนวณจากคะแนนตัวชี้วัด)</p>"
        out += "<div class=\"row2\"><div>" + input(ThaiText.Labels.total, "assessment.official.total", cls: "score") + "</div><div>"
        out += input(ThaiText.Labels.level, "assessment.official.level", list: "levels") + "</div></div>"
        out += "<datalist id=\"levels\">" + bands.map { "<option value=\"\(HTML.esc($0))\">" }.joined() + "</datalist>"
        if let card = entry.loaded.scoreCard, let total = card.total {
            out += "<p class=\"small\">คะแนนรวมที่คำนวณจากตัวชี้วัด: \(HTML.esc("\(total)"))\(card.level.map { " ระดับ \(HTML.esc($0))" } ?? "")</p>"
        }
        return out
    }

    var measureCount: Int { tree.get("measures")?.sequence?.count ?? 0 }

    func measureTitle(_ i: Int) -> String {
        let t = scalar("measures[\(i)].title")
        return t.isEmpty ? "(ยังไม่มีชื่อ)" : t
    }

    func measures() -> String {
        var out = "<p class=\"small\">ขั้นตอน ผู้รับผิดชอบ และรายละเอียด: บรรทัดละหนึ่งรายการ วันที่พิมพ์เป็น ปี-เดือน-วัน เช่น 2568-04-01</p>"
        let n = measureCount
        let issueForm = entry.prints("analysis.issues")
        let catalog = entry.loaded.catalog ?? CatalogStore.nearestCatalog(for: entry.data?.assessedYear ?? 0)
        for i in 0..<n {
            let p = "measures[\(i)]"
            out += "<fieldset><legend>มาตรการที่ \(i + 1)</legend><input type=\"hidden\" name=\"order\" value=\"\(i)\">"
            out += "<div class=\"measure-tools\">"
            if i > 0 { out += "<button class=\"plain\" type=\"submit\" name=\"action\" value=\"up:\(i)\" title=\"เลื่อนขึ้น\">▲ ขึ้น</button>" }
            if i < n - 1 { out += "<button class=\"plain\" type=\"submit\" name=\"action\" value=\"down:\(i)\" title=\"เลื่อนลง\">▼ ลง</button>" }
            out += "<button class=\"danger\" type=\"submit\" name=\"action\" value=\"remove:\(i)\">ลบมาตรการนี้</button></div>"
            out += notes(p, exact: true)
            out += area("ชื่อมาตรการ/โครงการ/กิจกรรม", "\(p).title", rows: 2)
            out += "<div class=\"row2\"><div>"
            out += issueField(p, catalog: issueForm ? catalog : nil)
            out += "</div><div>" + input("ตัวชี้วัดที่เกี่ยวข้อง", "\(p).indicators", hint: "เลขคั่นด้วยจุลภาค เช่น 9, 10", value: flat("\(p).indicators")) + "</div></div>"
            if entry.prints("measures[].steps") { out += area("ขั้นตอน/วิธีการปฏิบัติ", "\(p).steps", hint: "บรรทัดละขั้นตอน", value: lines("\(p).steps"), rows: 4) }
            if entry.prints("measures[].owners") { out += area("ผู้รับผิดชอบ", "\(p).owners", hint: "บรรทัดละหน่วยงานหรือบุคคล", value: lines("\(p).owners"), rows: 2) }
            if entry.prints("measures[].period") {
                let period = tree.get("\(p).period")
                let isRange = period?.mapping != nil
                out += "<div class=\"row2\"><div>" + input("ระยะเวลา: ตั้งแต่", "\(p).period.from", hint: "เช่น 2568-04-01", value: isRange ? scalar("\(p).period.from") : "")
                out += "</div><div>" + input("ถึง", "\(p).period.to", hint: "เช่น 2568-09-30", value: isRange ? scalar("\(p).period.to") : "") + "</div></div>"
                out += input("หรือระยะเวลาเป็นข้อความ", "\(p).period.text", hint: "เช่น ตลอดปีงบประมาณ",
                             value: isRange ? scalar("\(p).period.text") : scalar("\(p).period"))
                out += notes("\(p).period", exact: true)
            }
            if entry.prints("measures[].follow_up") { out += area("การติดตามผล", "\(p).follow_up", rows: 2) }
            if entry.prints("measures[].analysis") { out += area("ผลการวิเคราะห์ของมาตรการนี้ (ถ้าไม่กรอก ใช้ผลการวิเคราะห์ของตัวชี้วัด)", "\(p).analysis", rows: 2) }
            out += "</fieldset>"
        }
        if n == 0 { out += "<p>ยังไม่มีมาตรการ</p>" }
        out += notes("measures", exact: true)
        out += "<div class=\"actions\"><button class=\"plain\" type=\"submit\" name=\"action\" value=\"add\">+ เพิ่มมาตรการ</button></div>"
        return out
    }

    /// The analysis issue a measure answers: a choice of the year's seven issues on the forms that group
    /// measures by issue, else a number.
    func issueField(_ p: String, catalog: FrameworkCatalog?) -> String {
        let path = "\(p).issue"
        guard let catalog, !catalog.issues.isEmpty else { return input("ประเด็น (1–7)", path, cls: "score") }
        let current = scalar(path)
        var options = "<option value=\"\"\(current.isEmpty ? " selected" : "")>(ไม่ระบุ)</option>"
        var known = false
        for n in 1...7 {
            let title = catalog.issue(n)?.title ?? ""
            let selected = current == String(n)
            known = known || selected
            options += "<option value=\"\(n)\"\(selected ? " selected" : "")>ประเด็นที่ \(n) \(HTML.esc(title))</option>"
        }
        if !current.isEmpty && !known { options += "<option value=\"\(HTML.esc(current))\" selected>\(HTML.esc(current))</option>" }
        return "<label>ประเด็นการวิเคราะห์<select name=\"\(HTML.esc(path))\">\(options)</select></label>" + notes(path)
    }

    func results() -> String {
        var out = "<p class=\"small\">ผลของแต่ละมาตรการ: รายละเอียดบรรทัดละข้อ วันที่คั่นด้วยจุลภาค เช่น 2568-05-10, 2568-06-01</p>"
        let n = measureCount
        for i in 0..<n {
            let p = "measures[\(i)]"
            out += "<fieldset><legend>มาตรการที่ \(i + 1): \(HTML.esc(measureTitle(i)))</legend>" + notes(p, exact: true)
            if entry.prints("measures[].summary") { out += area("สรุปผลการดำเนินการ", "\(p).summary", rows: 3) }
            if entry.prints("measures[].details") { out += area("รายละเอียดการดำเนินการ", "\(p).details", hint: "บรรทัดละข้อ", value: lines("\(p).details"), rows: 4) }
            if entry.prints("measures[].outcome") { out += area("ผลลัพธ์หรือความสำเร็จของการดำเนินการ", "\(p).outcome", rows: 3) }
            if entry.prints("measures[].citations") { out += citations(p) }
            if entry.prints("measures[].dates") { out += input("วันที่ดำเนินการ", "\(p).dates", hint: "คั่นด้วยจุลภาค", value: flat("\(p).dates")) }
            if entry.prints("measures[].suggestion") { out += area("ข้อเสนอแนะ", "\(p).suggestion", rows: 2) }
            out += "</fieldset>"
        }
        if n == 0 { out += "<p>ยังไม่มีมาตรการ เพิ่มมาตรการที่หน้า \(HTML.esc(Section.measures.title)) ก่อน</p>" }
        return out
    }

    /// The ITA figures an O35 result cites, as indicator numbers and question codes separated by commas; offered
    /// when each citation is only a number or a code (one with its own score or words is kept as the file has it).
    func citations(_ p: String) -> String {
        let path = "\(p).citations"
        let items = tree.get(path)?.sequence.map(Array.init) ?? []
        let codes: [String?] = items.map { item in
            guard let m = item.mapping, m.count == 1, let key = m.keys.first?.string, let v = m.values.first?.scalar?.string,
                  key == "indicator" || key == "question" else { return nil }
            return v
        }
        guard !codes.contains(where: { $0 == nil }) else {
            return "<p class=\"small\">คะแนนที่อ้างถึงของมาตรการนี้มีคะแนนหรือข้อความกำกับ จึงแก้ได้ในไฟล์ข้อมูลเท่านั้น</p>" + notes(path)
        }
        return input("คะแนนที่ผลลัพธ์อ้างถึง", path,
                     hint: "เลขตัวชี้วัดหรือรหัสข้อคำถาม คั่นด้วยจุลภาค เช่น 9, i1, o11 พิมพ์พร้อมคะแนนใต้ผลลัพธ์ (ถ้าเว้นผลลัพธ์ว่าง โปรแกรมเขียนผลลัพธ์จากคะแนนเหล่านี้)",
                     value: codes.compactMap { $0 }.joined(separator: ", "))
    }

    func limitations() -> String {
        area("ปัญหา/อุปสรรค", "limitations.problems", hint: "บรรทัดละข้อ", value: lines("limitations.problems"), rows: 4)
            + area("ข้อเสนอแนะ", "limitations.suggestions", hint: "บรรทัดละข้อ", value: lines("limitations.suggestions"), rows: 4)
    }

    func photos() -> String {
        let n = tree.get("photos")?.sequence?.count ?? 0
        var out = n == 0 ? "<p>ยังไม่มีภาพ เพิ่มภาพด้านล่าง</p>" : "<p class=\"small\">เอกสารพิมพ์ภาพตามลำดับนี้ เลื่อนภาพก่อนหรือหลังได้</p><div class=\"photos\">"
        for i in 0..<n {
            let p = "photos[\(i)]"
            out += "<fieldset><legend>ภาพที่ \(i + 1)</legend><div class=\"measure-tools\">"
            if i > 0 { out += "<button class=\"plain\" type=\"submit\" name=\"action\" value=\"up:\(i)\" title=\"เลื่อนขึ้น\">▲ ก่อน</button>" }
            if i < n - 1 { out += "<button class=\"plain\" type=\"submit\" name=\"action\" value=\"down:\(i)\" title=\"เลื่อนลง\">▼ หลัง</button>" }
            out += "</div><img src=\"/f/\(HTML.segment(entry.name))/photo/\(i)?v=\(HTML.esc(version))\" alt=\"ภาพที่ \(i + 1)\">"
            out += "<input type=\"hidden\" name=\"order\" value=\"\(i)\">"
            out += area("คำบรรยายภาพ", "\(p).caption", rows: 2) + input("วันที่ถ่าย", "\(p).date", hint: "เช่น 2568-05-10")
            out += notes("\(p).file")
            out += "<label><input type=\"checkbox\" name=\"remove\" value=\"\(i)\"> นำภาพนี้ออกจากเอกสาร</label></fieldset>"
        }
        if n > 0 { out += "</div>" }
        return out + notes("photos", exact: true)
    }

    func uploadForm() -> String {
        """
        <form method="post" action="/f/\(HTML.segment(entry.name))/photos" enctype="multipart/form-data" class="card" id="upload-form">
        <h2>เพิ่มภาพ</h2>
        <input type="hidden" name="version" value="\(HTML.esc(version))">
        <input type="hidden" name="token" value="\(HTML.esc(token))">
        \(HTML.filePicker(id: "photo-file", name: "picture", accept: "image/png,image/jpeg", title: "ไฟล์ภาพ",
                          hint: "PNG หรือ JPEG ไม่เกิน \(WebApp.maxUploadBytes / (1024 * 1024)) MB", button: "เลือกไฟล์ภาพ…"))
        <label>คำบรรยายภาพ<input type="text" name="caption"></label>
        <label>วันที่ถ่าย <span class="hint">เช่น 2568-05-10</span><input type="text" name="date"></label>
        <div class="actions"><button type="submit">อัปโหลดภาพ</button></div>
        </form>
        """
    }

    /// The logo printed at the head of every document: shown, and replaced by an upload.
    func logoForm() -> String {
        let current = scalar("organization.logo")
        let shown = current.isEmpty ? "<p>ยังไม่มีตราหน่วยงาน เอกสารพิมพ์โดยไม่มีตรา</p>"
            : "<p><img class=\"logo\" src=\"/f/\(HTML.segment(entry.name))/logo?v=\(HTML.esc(version))\" alt=\"ตราหน่วยงาน\"> <span class=\"small\">\(HTML.esc(current))</span></p>"
        return """
        <form method="post" action="/f/\(HTML.segment(entry.name))/logo" enctype="multipart/form-data" class="card" id="logo-form">
        <h2>ตราหน่วยงาน</h2><p class="small">พิมพ์กึ่งกลางบนสุดของหน้าแรกในเอกสารทุกฉบับ กว้าง 3 ซม.</p>\(shown)
        <input type="hidden" name="version" value="\(HTML.esc(version))">
        <input type="hidden" name="token" value="\(HTML.esc(token))">
        \(HTML.filePicker(id: "logo-file", name: "picture", accept: "image/png,image/jpeg", title: "ไฟล์ภาพตรา",
                          hint: "PNG หรือ JPEG ไม่เกิน \(WebApp.maxUploadBytes / (1024 * 1024)) MB", button: "เลือกไฟล์ภาพตรา…"))
        \(notes("organization.logo"))
        <div class="actions"><button type="submit">\(current.isEmpty ? "อัปโหลดตรา" : "เปลี่ยนตรา")</button></div>
        </form>
        """
    }

    func signatory() -> String {
        "<div class=\"row2\"><div>" + input("ชื่อผู้ลงนาม", "signatory.name", hint: "เช่น นายสมชาย ใจดี") + "</div><div>"
            + input("ตำแหน่ง", "signatory.position", hint: "ถ้าเว้นว่าง ใช้ตำแหน่งหัวหน้าหน่วยงานจากหน้าหน่วยงาน") + "</div></div>"
            + input("วันที่ลงนาม", "signatory.date", hint: "เช่น 2568-03-31")
    }
}

/// Puts a submitted section form into the file's YAML tree. Only fields present in the submission change;
/// everything else in the file stays as it was.
struct SectionUpdate {
    let section: Section
    let form: FormData
    let entry: Entry

    /// Why a submission cannot be applied at all (a malformed form), in Thai.
    struct Malformed: Error { let reason: String }

    func apply(to tree: inout NodeEdit) throws {
        switch section {
        case .organization:
            for f in SectionForm.organizationFields { text("organization.\(f.key)", &tree) }
        case .scores:
            plain("assessment.year", &tree)
            plain("options.strength_threshold", &tree)
            let catalog = entry.loaded.catalog ?? CatalogStore.nearestCatalog(for: entry.data?.assessedYear ?? 0)
            for (key, _) in SectionForm.toolFields(catalog, tree: tree) { plain("assessment.tools.\(key)", &tree) }
            var values: [Int: String] = [:]
            for n in 1...10 { if let v = form.first("assessment.indicators.\(n)") { values[n] = v } }
            var total: String?, level: String?
            if let pasted = form.trimmed("paste") {
                let row = try PastedRow.read(pasted)
                for (i, v) in row.scores.enumerated() { values[i + 1] = v }
                total = row.total
                level = row.level
            } else {
                // The page's script reads a pasted row itself and hands on its total and level.
                if let t = form.trimmed("paste-total") {
                    guard PastedRow.isNumber(t) else {
                        throw PastedRow.Problem(reason: "คะแนนรวมจากแถวที่วาง '\(t)' ไม่ใช่ตัวเลข ไม่ได้บันทึกคะแนน")
                    }
                    total = t
                }
                level = form.trimmed("paste-level")
            }
            if let total { Self.put("assessment.official.total", NodeEdit.plain(total), &tree) }
            if let level { Self.put("assessment.official.level", NodeEdit.text(level), &tree) }
            for (n, v) in values.sorted(by: { $0.key < $1.key }) {
                let t = v.trimmingCharacters(in: .whitespaces)
                Self.put("assessment.indicators.\(n)", t.isEmpty ? nil : NodeEdit.plain(t), &tree)
            }
        case .questions:
            for (name, _) in form.fields where name.hasPrefix("assessment.questions.") || name.hasPrefix("assessment.question_texts.") {
                let code = name.split(separator: ".").last.map(String.init) ?? ""
                guard name.split(separator: ".").count == 3, SectionForm.isQuestionCode(code) else {
                    throw Malformed(reason: "ช่อง \(name) ไม่ใช่ข้อคำถามของแบบฟอร์มนี้")
                }
                if name.hasPrefix("assessment.questions.") { plain(name, &tree) } else { text(name, &tree) }
            }
            let codes = form.all("new-question-code"), scores = form.all("new-question-score"), texts = form.all("new-question-text")
            for (i, raw) in codes.enumerated() {
                let code = raw.trimmingCharacters(in: .whitespaces)
                let score = i < scores.count ? Self.clean(scores[i]) : nil
                let words = i < texts.count ? Self.clean(texts[i]) : nil
                if code.isEmpty {
                    guard score == nil && words == nil else { throw Malformed(reason: "ข้อคำถามที่เพิ่มมีคะแนนหรือถ้อยคำแต่ไม่มีรหัสข้อ ให้พิมพ์รหัสข้อ เช่น i1") }
                    continue
                }
                guard SectionForm.isQuestionCode(code) else {
                    throw Malformed(reason: "รหัสข้อคำถาม \(code) ใช้ได้เฉพาะตัวอักษรอังกฤษและตัวเลข เช่น i1 หรือ o11")
                }
                if let score { tree.set("assessment.questions.\(code)", NodeEdit.plain(score)) }
                if let words { tree.set("assessment.question_texts.\(code)", NodeEdit.text(words)) }
            }
        case .analysis:
            for f in SectionForm.analysisTexts { text("analysis.\(f.key)", &tree) }
            for n in 1...10 { text("analysis.indicators.\(n)", &tree) }
            for n in 1...7 {
                if let v = form.first("analysis.issues.\(n).questions") {
                    let codes = v.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\n" || $0 == "\r" }).map(String.init)
                    let node = codes.isEmpty ? nil : NodeEdit.list(codes.map(NodeEdit.plain))
                    if let at = SectionForm.issueIndex(n, in: tree) {
                        Self.put("analysis.issues[\(at)].questions", node, &tree)
                    } else if let node {
                        let count = tree.get("analysis.issues")?.sequence?.count ?? 0
                        tree.set("analysis.issues[\(count)]", NodeEdit.map([("issue", NodeEdit.plain(String(n))), ("questions", node)]))
                    }
                }
                for part in SectionForm.issueParts {
                    let name = "analysis.issues.\(n).\(part.key)"
                    guard let v = form.first(name) else { continue }
                    let t = v.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                    if let at = SectionForm.issueIndex(n, in: tree) {
                        Self.put("analysis.issues[\(at)].\(part.key)", t.isEmpty ? nil : NodeEdit.text(t), &tree)
                    } else if !t.isEmpty {
                        let count = tree.get("analysis.issues")?.sequence?.count ?? 0
                        tree.set("analysis.issues[\(count)]", NodeEdit.map([("issue", NodeEdit.plain(String(n))), (part.key, NodeEdit.text(t))]))
                    }
                }
            }
        case .official:
            plain("assessment.official.total", &tree)
            text("assessment.official.level", &tree)
        case .measures:
            try measures(&tree)
        case .results:
            let n = tree.get("measures")?.sequence?.count ?? 0
            for i in 0..<n {
                let p = "measures[\(i)]"
                text("\(p).summary", &tree)
                lines("\(p).details", &tree)
                text("\(p).outcome", &tree)
                list("\(p).dates", &tree)
                citations("\(p).citations", &tree)
                text("\(p).suggestion", &tree)
            }
        case .limitations:
            lines("limitations.problems", &tree)
            lines("limitations.suggestions", &tree)
        case .photos:
            let n = tree.get("photos")?.sequence?.count ?? 0
            for i in 0..<n {
                text("photos[\(i)].caption", &tree)
                plain("photos[\(i)].date", &tree)
            }
            try photoOrder(&tree)
        case .signatory:
            text("signatory.name", &tree)
            text("signatory.position", &tree)
            plain("signatory.date", &tree)
        }
    }

    /// The photos: those ticked are removed, and one is moved before or after its neighbour.
    private func photoOrder(_ tree: inout NodeEdit) throws {
        guard let items = tree.get("photos")?.sequence.map(Array.init) else { return }
        let remove = Set(form.all("remove").compactMap(Int.init))
        var kept = items.indices.filter { !remove.contains($0) }
        let action = form.first("action") ?? "save"
        if action != "save" {
            let parts = action.split(separator: ":")
            guard parts.count == 2, parts[0] == "up" || parts[0] == "down", let i = Int(parts[1]), items.indices.contains(i) else {
                throw Malformed(reason: "ไม่มีภาพลำดับที่ขอ หรือไม่รู้จักคำสั่ง (\(action))")
            }
            if let at = kept.firstIndex(of: i) {
                let to = parts[0] == "up" ? at - 1 : at + 1
                if kept.indices.contains(to) { kept.swapAt(at, to) }
            }
        }
        guard kept != Array(items.indices) else { return }
        tree.set("photos", kept.isEmpty ? nil : NodeEdit.list(kept.map { items[$0] }))
        tree.origins["photos"] = kept
    }

    /// The measures: fields of each, then the action (add, remove, move up or down).
    private func measures(_ tree: inout NodeEdit) throws {
        let n = tree.get("measures")?.sequence?.count ?? 0
        for i in 0..<n {
            let p = "measures[\(i)]"
            text("\(p).title", &tree)
            plain("\(p).issue", &tree)
            list("\(p).indicators", &tree)
            lines("\(p).steps", &tree)
            lines("\(p).owners", &tree)
            period(p, &tree)
            text("\(p).follow_up", &tree)
            text("\(p).analysis", &tree)
        }
        var items = tree.get("measures")?.sequence.map { Array($0) } ?? []
        // Where each measure comes from, so that the file keeps its text and comments with it.
        var origin: [Int?] = items.indices.map { $0 }
        let action = form.first("action") ?? "save"
        func index(_ prefix: String) throws -> Int? {
            guard action.hasPrefix(prefix) else { return nil }
            guard let i = Int(action.dropFirst(prefix.count)), items.indices.contains(i) else {
                throw Malformed(reason: "ไม่มีมาตรการลำดับที่ขอ (\(action))")
            }
            return i
        }
        if action == "add" {
            items.append(NodeEdit.emptyMap)
            origin.append(nil)
        } else if let i = try index("remove:") {
            items.remove(at: i)
            origin.remove(at: i)
        } else if let i = try index("up:"), i > 0 {
            items.swapAt(i, i - 1)
            origin.swapAt(i, i - 1)
        } else if let i = try index("down:"), i < items.count - 1 {
            items.swapAt(i, i + 1)
            origin.swapAt(i, i + 1)
        } else if action != "save", !action.hasPrefix("up:"), !action.hasPrefix("down:") {
            throw Malformed(reason: "ไม่รู้จักคำสั่ง \(action)")
        }
        if action == "save", items.isEmpty { return }
        tree.set("measures", items.isEmpty ? nil : NodeEdit.list(items))
        tree.origins["measures"] = origin
    }

    /// A period: a range of days when either day is given, else the text, else none.
    private func period(_ p: String, _ tree: inout NodeEdit) {
        let from = form.first("\(p).period.from"), to = form.first("\(p).period.to"), txt = form.first("\(p).period.text")
        guard from != nil || to != nil || txt != nil else { return }
        let f = Self.clean(from), t = Self.clean(to), x = Self.clean(txt)
        if f != nil || t != nil {
            var pairs: [(String, Node)] = []
            if let f { pairs.append(("from", NodeEdit.plain(f))) }
            if let t { pairs.append(("to", NodeEdit.plain(t))) }
            if let x { pairs.append(("text", NodeEdit.text(x))) }
            Self.put("\(p).period", NodeEdit.map(pairs), &tree)
        } else {
            Self.put("\(p).period", x.map(NodeEdit.text), &tree)
        }
    }

    static func clean(_ s: String?) -> String? {
        guard let t = s?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty else { return nil }
        return t
    }

    /// Citations typed as indicator numbers and question codes: `9, i1` → `[{indicator: 9}, {question: i1}]`.
    private func citations(_ path: String, _ tree: inout NodeEdit) {
        guard let v = form.first(path) else { return }
        let items = v.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" || $0 == " " })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let nodes = items.map { item in
            NodeEdit.map([(item.allSatisfy(\.isNumber) ? "indicator" : "question", NodeEdit.plain(item))])
        }
        Self.put(path, nodes.isEmpty ? nil : NodeEdit.list(nodes), &tree)
    }

    /// Puts a field's new value in the tree; a field left empty that the file has empty (`key:`, as `init`
    /// and `rollover` write a field to fill, with its comment) stays as the file has it.
    /// A field whose text is as the file has it (`"9"` for 9, a block of text with its final line break)
    /// stays as the file writes it, so the file reads back as it did.
    static func put(_ path: String, _ value: Node?, _ tree: inout NodeEdit) {
        if value == nil, tree.isEmpty(path) { return }
        if let value, let current = tree.get(path), YAMLPatch.same(current, value) { return }
        tree.set(path, value)
    }

    private func text(_ path: String, _ tree: inout NodeEdit) {
        guard let v = form.first(path) else { return }
        let t = v.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        Self.put(path, t.isEmpty ? nil : NodeEdit.text(t), &tree)
    }

    private func plain(_ path: String, _ tree: inout NodeEdit) {
        guard let v = form.first(path) else { return }
        Self.put(path, Self.clean(v).map(NodeEdit.plain), &tree)
    }

    /// One entry per line.
    private func lines(_ path: String, _ tree: inout NodeEdit) {
        guard let v = form.first(path) else { return }
        let items = v.replacingOccurrences(of: "\r", with: "").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        Self.put(path, items.isEmpty ? nil : NodeEdit.list(items.map(NodeEdit.text)), &tree)
    }

    /// Short values separated by commas or line breaks (numbers, dates).
    private func list(_ path: String, _ tree: inout NodeEdit) {
        guard let v = form.first(path) else { return }
        let items = v.split(whereSeparator: { $0 == "," || $0 == "\n" || $0 == "\r" })
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        Self.put(path, items.isEmpty ? nil : NodeEdit.list(items.map(NodeEdit.plain)), &tree)
    }
}
