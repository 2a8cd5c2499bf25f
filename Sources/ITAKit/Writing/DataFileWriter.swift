import Foundation
import ThaiFormat

/// Writes a `ReportData` as a data file (YAML) a person can read and edit: keys in the order of
/// the starter file, Thai text unquoted where YAML allows, and comments where the writer is told
/// to put them.
///
/// Fields to be filled by hand are written empty (`key:`), which reads back as "not given", with
/// a comment that says what belongs there:
///
/// ```swift
/// var writer = DataFileWriter(header: ["รายงานผล O35 ปีงบประมาณ 2568"])
/// writer.placeholders["measures[0].outcome"] = "ผลลัพธ์หรือความสำเร็จของการดำเนินการ"
/// let yaml = writer.text(for: data)
/// ```
public struct DataFileWriter: Sendable {
    /// Comment lines at the top of the file (without the leading `# `).
    public var header: [String]
    /// Fields written empty with a "to fill" comment, by path (`measures[2].summary`, `assessment.indicators`).
    public var placeholders: [String: String]
    /// Comment lines written above a field, by path.
    public var notes: [String: [String]]

    /// The word that starts every "to fill" comment, so a user can search the file for it.
    public static let fillMarker = "กรอก:"

    public init(header: [String] = [], placeholders: [String: String] = [:], notes: [String: [String]] = [:]) {
        self.header = header
        self.placeholders = placeholders
        self.notes = notes
    }

    /// The YAML text of `data`.
    public func text(for data: ReportData) -> String {
        var out = Output(writer: self)
        for line in header { out.comment(line, indent: 0) }
        if !header.isEmpty { out.lines.append("") }
        out.scalar("fiscal_year", "fiscal_year", data.fiscalYear.map(String.init), indent: 0)
        out.scalar("document", "document", data.document?.rawValue, indent: 0)
        organization(data.organization, &out)
        assessment(data.assessment, &out)
        analysis(data.analysis, &out)
        limitations(data.limitations, &out)
        measures(data.measures, &out)
        photos(data.photos, &out)
        signatory(data.signatory, &out)
        if let o = data.options, o.digits != nil || o.formYear != nil || o.strengthThreshold != nil || o.periodDays != nil {
            out.section("options", "options", indent: 0)
            out.scalar("digits", "options.digits", o.digits?.rawValue, indent: 2)
            out.scalar("form_year", "options.form_year", o.formYear.map(String.init), indent: 2)
            out.scalar("strength_threshold", "options.strength_threshold", o.strengthThreshold.map { "\($0)" }, indent: 2)
            out.scalar("period_days", "options.period_days", o.periodDays.map { $0 ? "true" : "false" }, indent: 2)
        }
        return out.lines.joined(separator: "\n") + "\n"
    }

    // MARK: Sections

    private func organization(_ o: Organization?, _ out: inout Output) {
        guard o != nil || out.hasPlaceholder(under: "organization") else { return }
        let o = o ?? Organization()
        out.section("organization", "organization", indent: 0)
        let fields: [(String, String?)] = [("name", o.name), ("kind", o.kind), ("district", o.district),
                                           ("province", o.province), ("logo", o.logo), ("website", o.website),
                                           ("address", o.address), ("head", o.head)]
        for (key, value) in fields { out.text(key, "organization.\(key)", value, indent: 2) }
        // The organisation's own further fields (phone, email, …), in a stable order: nothing written is lost.
        for (key, value) in (o.extra ?? [:]).sorted(by: { $0.key < $1.key }) {
            out.text(key, "organization.\(key)", value, indent: 2)
        }
    }

    private func assessment(_ a: Assessment?, _ out: inout Output) {
        guard a != nil || out.hasPlaceholder(under: "assessment") else { return }
        let a = a ?? Assessment()
        out.section("assessment", "assessment", indent: 0)
        out.scalar("year", "assessment.year", a.year.map(String.init), indent: 2)
        if let ind = a.indicators, !ind.isEmpty {
            out.notesAbove("assessment.indicators", indent: 2)
            let items = ind.keys.sorted().map { "\($0): \(Self.number(ind[$0]!))" }
            out.lines.append("  indicators: {\(items.joined(separator: ", "))}")
        } else if let what = placeholders["assessment.indicators"] {
            out.notesAbove("assessment.indicators", indent: 2)
            out.comment("\(Self.fillMarker) \(what)", indent: 2)
            out.lines.append("  indicators: {" + (1...10).map { "\($0): " }.joined(separator: ", ") + "}")
        }
        if let t = a.tools {
            out.section("tools", "assessment.tools", indent: 2)
            let pairs: [(String, Decimal?)] = [("IIT", t.iit), ("EIT", t.eit), ("EIT_part1", t.eitPart1),
                                               ("EIT_part2", t.eitPart2), ("OIT", t.oit)]
            for (key, value) in pairs { out.scalar(key, "assessment.tools.\(key)", value.map(Self.number), indent: 4) }
        }
        if a.official != nil || out.hasPlaceholder(under: "assessment.official") {
            out.section("official", "assessment.official", indent: 2)
            out.scalar("total", "assessment.official.total", a.official?.total.map(Self.number), indent: 4)
            out.text("level", "assessment.official.level", a.official?.level, indent: 4)
        }
        if let q = a.questions, !q.isEmpty {
            out.section("questions", "assessment.questions", indent: 2)
            for code in q.keys.sorted(by: QuestionOrder.before) {
                out.lines.append("    \(code): \(Self.number(q[code]!))")
            }
        } else if placeholders["assessment.questions"] != nil {
            out.scalar("questions", "assessment.questions", nil, indent: 2)
        }
        if let texts = a.questionTexts, !texts.isEmpty {
            out.section("question_texts", "assessment.question_texts", indent: 2)
            for code in texts.keys.sorted(by: QuestionOrder.before) {
                out.text(code, "assessment.question_texts.\(code)", texts[code], indent: 4)
            }
        }
    }

    private func analysis(_ a: Analysis?, _ out: inout Output) {
        guard a != nil || out.hasPlaceholder(under: "analysis") else { return }
        let a = a ?? Analysis()
        out.section("analysis", "analysis", indent: 0)
        let texts: [(String, String?)] = [("rationale", a.rationale), ("summary", a.summary), ("overview", a.overview),
                                          ("strengths", a.strengths), ("weaknesses", a.weaknesses)]
        for (key, value) in texts { out.text(key, "analysis.\(key)", value, indent: 2) }
        if let issues = a.issues {
            out.section("issues", "analysis.issues", indent: 2)
            for (i, issue) in issues.enumerated() {
                let p = "analysis.issues[\(i)]"
                var item = out.listItem(indent: 4)
                item.scalar("issue", "\(p).issue", issue.issue.map(String.init))
                item.flowList("questions", "\(p).questions", issue.questions)
                item.text("deficiencies", "\(p).deficiencies", issue.deficiencies)
                item.text("to_develop", "\(p).to_develop", issue.toDevelop)
                item.text("maintain", "\(p).maintain", issue.maintain)
                item.finish(&out)
            }
        }
        if let ind = a.indicators, !ind.isEmpty {
            out.section("indicators", "analysis.indicators", indent: 2)
            for n in ind.keys.sorted() { out.text(String(n), "analysis.indicators.\(n)", ind[n], indent: 4) }
        }
    }

    private func limitations(_ l: Limitations?, _ out: inout Output) {
        guard l != nil || out.hasPlaceholder(under: "limitations") else { return }
        out.section("limitations", "limitations", indent: 0)
        out.textList("problems", "limitations.problems", l?.problems, indent: 2)
        out.textList("suggestions", "limitations.suggestions", l?.suggestions, indent: 2)
    }

    private func measures(_ measures: [Measure]?, _ out: inout Output) {
        guard let measures else { return }
        out.section("measures", "measures", indent: 0)
        for (i, m) in measures.enumerated() {
            let p = "measures[\(i)]"
            var item = out.listItem(indent: 2)
            item.scalar("issue", "\(p).issue", m.issue.map(String.init))
            item.scalar("indicators", "\(p).indicators", m.indicators.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" })
            item.flowList("questions", "\(p).questions", m.questions)
            item.text("title", "\(p).title", m.title)
            item.textList("steps", "\(p).steps", m.steps)
            item.textList("owners", "\(p).owners", m.owners)
            item.period("period", "\(p).period", m.period)
            item.text("follow_up", "\(p).follow_up", m.followUp)
            item.text("summary", "\(p).summary", m.summary)
            item.textList("details", "\(p).details", m.details)
            item.text("outcome", "\(p).outcome", m.outcome)
            item.flowList("dates", "\(p).dates", m.dates?.map(Self.date))
            if let citations = m.citations {
                item.section("citations", "\(p).citations")
                for c in citations {
                    var parts: [String] = []
                    if let n = c.indicator { parts.append("indicator: \(n)") }
                    if let q = c.question { parts.append("question: \(YAMLScalar.inline(q, context: .flow))") }
                    if let s = c.score { parts.append("score: \(Self.number(s))") }
                    if let t = c.text { parts.append("text: \(YAMLScalar.inline(t, context: .flow))") }
                    item.raw("  - {\(parts.joined(separator: ", "))}")
                }
            } else {
                item.scalar("citations", "\(p).citations", nil)
            }
            item.text("suggestion", "\(p).suggestion", m.suggestion)
            item.text("analysis", "\(p).analysis", m.analysis)
            item.finish(&out)
        }
    }

    private func photos(_ photos: [Photo]?, _ out: inout Output) {
        guard let photos else { return }
        out.section("photos", "photos", indent: 0)
        for (i, photo) in photos.enumerated() {
            var item = out.listItem(indent: 2)
            item.text("file", "photos[\(i)].file", photo.file)
            item.text("caption", "photos[\(i)].caption", photo.caption)
            item.scalar("date", "photos[\(i)].date", photo.date.map(Self.date))
            item.finish(&out)
        }
    }

    private func signatory(_ s: Signatory?, _ out: inout Output) {
        guard s != nil || out.hasPlaceholder(under: "signatory") else { return }
        out.section("signatory", "signatory", indent: 0)
        out.text("name", "signatory.name", s?.name, indent: 2)
        out.text("position", "signatory.position", s?.position, indent: 2)
        out.scalar("date", "signatory.date", s?.date.map(Self.date), indent: 2)
    }

    // MARK: Values

    /// A score as data files write it: "98.97", "96.60", "100" (at least two decimals unless whole).
    static func number(_ d: Decimal) -> String {
        let s = "\(d)"
        guard let dot = s.firstIndex(of: ".") else { return s }
        let places = s.distance(from: dot, to: s.endIndex) - 1
        return places >= 2 ? s : s + String(repeating: "0", count: 2 - places)
    }

    /// A day with its Buddhist Era year, as users type it: 2568-04-01.
    static func date(_ d: CalendarDate) -> String {
        let m = d.month < 10 ? "0\(d.month)" : "\(d.month)"
        let day = d.day < 10 ? "0\(d.day)" : "\(d.day)"
        return "\(d.beYear)-\(m)-\(day)"
    }

    static func period(_ p: Period) -> String? {
        if p.from == nil && p.to == nil { return p.text.map { YAMLScalar.inline($0) } }
        var parts: [String] = []
        if let f = p.from { parts.append("from: \(date(f))") }
        if let t = p.to { parts.append("to: \(date(t))") }
        if let text = p.text { parts.append("text: \(YAMLScalar.inline(text, context: .flow))") }
        return "{\(parts.joined(separator: ", "))}"
    }
}

/// Question codes in the order documents list them: tool (i, e, o), then number.
enum QuestionOrder {
    static func before(_ a: String, _ b: String) -> Bool {
        let rank: [Character: Int] = ["i": 0, "e": 1, "o": 2]
        let (ta, na) = (a.first.flatMap { rank[$0] } ?? 3, Int(a.dropFirst()) ?? 0)
        let (tb, nb) = (b.first.flatMap { rank[$0] } ?? 3, Int(b.dropFirst()) ?? 0)
        return (ta, na, a) < (tb, nb, b)
    }
}
