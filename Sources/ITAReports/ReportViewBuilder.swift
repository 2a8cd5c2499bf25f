import Foundation
import ITAKit
import TemplateEngine
import ThaiFormat

/// Turns a report's data into the view its template expects (the names of `Templates/README.md`).
public struct ReportViewBuilder {
    public let data: ReportData
    public let scores: ScoreCard?
    public let catalog: FrameworkCatalog?
    /// Folder of the data file: pictures are relative to it.
    public let baseDirectory: URL

    /// Field paths of narratives the tool wrote (`analysis.indicators.9`); forms that print only what the
    /// user wrote in some places leave these out there.
    public let generatedPaths: Set<String>

    /// Whether the document still has blanks: it then carries the draft mark ("ร่าง").
    public var draft: Bool = false

    public init(data: ReportData, scores: ScoreCard?, catalog: FrameworkCatalog?, baseDirectory: URL, generatedPaths: Set<String> = []) {
        self.generatedPaths = generatedPaths
        self.data = data
        self.scores = scores
        self.catalog = catalog
        self.baseDirectory = baseDirectory
    }

    var thaiDigits: Bool { data.options?.digits == .thai }

    /// The view for `form`.
    public func view(for form: ReportForm) -> TemplateValue {
        var v = common()
        let extra: [String: TemplateValue]
        switch form.kind {
        case .o34: extra = form.year >= 2567 ? o34Current() : o34Early()
        case .o35: extra = form.year >= 2567 ? o35Current() : o35Early()
        case .analysis: extra = analysis()
        }
        for (k, x) in extra { v[k] = x }
        return .object(v)
    }

    // MARK: common

    private func common() -> [String: TemplateValue] {
        let org = data.organization
        var o: [String: TemplateValue] = [
            "name": .string(org?.name ?? ""),
            "district": .string(org?.district ?? ""),
            "province": .string(org?.province ?? ""),
            "kind": .string(org?.kind ?? ""),
            "website": .string(org?.website ?? ""),
            "logo": .null,
        ]
        if let logo = org?.logo, !logo.isEmpty { o["logo"] = .string(resolve(logo)) }
        let sig = data.signatory
        return [
            "org": .object(o),
            "fiscal_year": .number(Decimal(data.fiscalYear ?? 0)),
            "assessed_year": .number(Decimal(data.assessedYear ?? 0)),
            "signatory": .object([
                "name": .string(sig?.name ?? ""),
                "position": .string(sig?.position ?? org?.head ?? ""),
                "date": sig?.date.map { .string($0.isoString) } ?? .null,
            ]),
            "total": scores?.total.map { .number($0) } ?? .null,
            "level": .string(scores?.level ?? ""),
            "draft": .bool(draft),
        ]
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : baseDirectory.appendingPathComponent(path).path
    }

    private func dash(_ s: String?) -> TemplateValue {
        guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return "-" }
        return .string(s.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func list(_ items: [String]?) -> TemplateValue {
        .list((items ?? []).filter { !$0.isEmpty }.map { .string($0) })
    }

    private func score(_ d: Decimal?) -> TemplateValue { d.map { .number($0) } ?? .null }

    func indicatorName(_ n: Int) -> String { catalog?.indicator(n)?.name ?? "ตัวชี้วัดที่ \(n)" }

    func indicatorScore(_ n: Int) -> Decimal? { scores?.indicators[n] ?? data.assessment?.indicators?[n] }

    func toolCode(ofIndicator n: Int) -> String {
        catalog?.tool(ofIndicator: n)?.code ?? (n <= 5 ? "IIT" : (n <= 8 ? "EIT" : "OIT"))
    }

    static let toolLabels: [String: String] = [
        "IIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)",
        "EIT": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)",
        "OIT": "แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT)",
    ]

    private func toolLabel(_ code: String) -> String {
        if let t = catalog?.tool(code) { return "\(t.name) (\(t.code))" }
        return Self.toolLabels[code] ?? code
    }

    /// The ten indicator rows (tool merged in the template).
    private func indicatorRows() -> TemplateValue {
        .list((1...10).map { n in
            .object(["tool": .string(toolCode(ofIndicator: n)), "number": .number(Decimal(n)), "name": .string(indicatorName(n)), "score": score(indicatorScore(n))])
        })
    }

    private func period(_ p: Period?, style: PeriodStyle = .long) -> TemplateValue { dash(p?.formatted(style: style).map(Self.keepDatesWhole)) }

    /// Joins a month (or day) and its year with no-break spaces, so a narrow cell breaks a period
    /// between its dates ("เมษายน 2568 / ถึง กันยายน 2568"), never inside a year.
    public static func keepDatesWhole(_ s: String) -> String {
        s.replacingOccurrences(of: #"(\S) (?=[0-9๐-๙]{2,4}(\s|$|[–-]))"#, with: "$1\u{00A0}", options: .regularExpression)
    }

    func periodText(_ p: Period?, style: PeriodStyle = .long) -> String { p?.formatted(style: style) ?? "-" }

    // MARK: charts

    func charts() -> [String: TemplateValue] {
        var out: [String: TemplateValue] = ["chart_indicators": .null, "chart_tools": .null]
        let ind = (1...10).compactMap { n in indicatorScore(n).map { BarChart.Bar(label: String(n), value: $0, series: ["IIT": 0, "EIT": 1, "OIT": 2][toolCode(ofIndicator: n)] ?? 0) } }
        if !ind.isEmpty { out["chart_indicators"] = .image(BarChart(bars: ind, thaiDigits: thaiDigits).png()) }
        let tools = toolScores()
        if !tools.isEmpty {
            let bars = tools.map { BarChart.Bar(label: $0.code, value: $0.score, series: $0.series) }
            out["chart_tools"] = .image(BarChart(bars: bars, thaiDigits: thaiDigits).png())
        }
        return out
    }

    /// Tool scores as printed: IIT, EIT (or its two parts when given), OIT.
    func toolScores() -> [(code: String, name: String, score: Decimal, series: Int)] {
        var out: [(String, String, Decimal, Int)] = []
        let given = data.assessment?.tools
        if let s = given?.iit ?? scores?.tools["IIT"] { out.append(("IIT", "IIT", s, 0)) }
        if let p1 = given?.eitPart1, let p2 = given?.eitPart2 {
            out.append(("EIT1", "EIT ส่วนที่ 1", p1, 1))
            out.append(("EIT2", "EIT ส่วนที่ 2", p2, 1))
        } else if let s = given?.eit ?? scores?.tools["EIT"] {
            out.append(("EIT", "EIT", s, 1))
        }
        if let s = given?.oit ?? scores?.tools["OIT"] { out.append(("OIT", "OIT", s, 2)) }
        return out
    }

    // MARK: O34, 2567 form

    private func questionScore(_ code: String) -> Decimal? {
        data.assessment?.questions?[QuestionCode.normalize(code)]
    }

    private func questionText(_ code: String) -> String {
        let c = QuestionCode.normalize(code)
        return data.assessment?.questionTexts?[c] ?? catalog?.question(c)?.text ?? ""
    }

    func issueTitle(_ n: Int) -> String { catalog?.issue(n)?.title ?? "ประเด็นที่ \(n)" }

    private func o34Current() -> [String: TemplateValue] {
        var v = charts()
        v["indicators"] = indicatorRows()
        let analyses = data.analysis?.issues ?? []
        let numbers = (catalog?.issues.map(\.number)).flatMap { $0.isEmpty ? nil : $0 } ?? Array(1...7)
        v["issues"] = .list(numbers.map { n in
            let a = analyses.first { $0.issue == n }
            let codes = a?.questions ?? catalog?.issue(n)?.questions ?? []
            var groups: [TemplateValue] = []
            for tool in ["i", "e", "o"] {
                let qs = codes.filter { QuestionCode.normalize($0).hasPrefix(tool) }
                guard !qs.isEmpty else { continue }
                let code = tool == "i" ? "IIT" : (tool == "e" ? "EIT" : "OIT")
                groups.append(.object([
                    "tool_label": .string(toolLabel(code)),
                    "questions": .list(qs.map { q in
                        .object(["code": .string(QuestionCode.normalize(q)), "text": .string(questionText(q)), "score": score(questionScore(q))])
                    }),
                ]))
            }
            return .object([
                "number": .number(Decimal(n)), "name": .string(issueTitle(n)), "question_groups": .list(groups),
                "deficiencies": dash(a?.deficiencies), "to_develop": dash(a?.toDevelop), "maintain": dash(a?.maintain),
            ])
        })
        v["problems"] = list(data.limitations?.problems)
        v["suggestions"] = list(data.limitations?.suggestions)
        let measures = (data.measures ?? []).enumerated().sorted { ($0.element.issue ?? 99, $0.offset) < ($1.element.issue ?? 99, $1.offset) }.map(\.element)
        v["measures"] = .list(measures.map { m in
            .object([
                "issue_label": .string(m.issue.map { "(\($0)) \(issueTitle($0))" } ?? "-"),
                "title": dash(m.title), "steps": list(m.steps), "owners": list(m.owners), "period": period(m.period),
            ])
        })
        return v
    }

    // MARK: O34, 2564 form

    private func o34Early() -> [String: TemplateValue] {
        var v = charts()
        v.removeValue(forKey: "chart_tools")
        let notes = data.analysis?.indicators ?? [:]
        v["tools"] = .list(["IIT", "EIT", "OIT"].map { code in
            let numbers = (1...10).filter { toolCode(ofIndicator: $0) == code }
            return .object([
                "label": .string(toolLabel(code)),
                "indicators": .list(numbers.enumerated().map { i, n in
                    // The 2564 form's column is brief: what the user wrote, else a dash.
                    .object(["number": .number(Decimal(i + 1)), "name": .string(indicatorName(n)), "score": score(indicatorScore(n)),
                             "to_fix": dash(generatedPaths.contains("analysis.indicators.\(n)") ? nil : notes[n])])
                }),
            ])
        })
        v["measures"] = .list((data.measures ?? []).map { m in
            .object(["title": dash(m.title), "steps": list(m.steps), "owners": list(m.owners), "period": period(m.period, style: .short), "follow_up": dash(m.followUp)])
        })
        return v
    }

    // MARK: O35

    private func citationLabel(_ c: Citation) -> String {
        if let t = c.text, !t.isEmpty { return t }
        if let n = c.indicator { return "ตัวชี้วัดที่ \(n) \(indicatorName(n))" }
        if let q = c.question { return "ข้อ \(QuestionCode.normalize(q)) \(questionText(q))".trimmingCharacters(in: .whitespaces) }
        return ""
    }

    private func citationScore(_ c: Citation) -> Decimal? {
        c.score ?? c.indicator.flatMap(indicatorScore) ?? c.question.flatMap(questionScore)
    }

    /// What was done: the `details` list, else the `summary` as paragraphs; never the planned steps.
    private func done(_ m: Measure) -> (details: TemplateValue, summary: TemplateValue) {
        let details = (m.details ?? []).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        if !details.isEmpty { return (list(details), .list([])) }
        return (.list([]), paragraphs(m.summary))
    }

    /// A narrative as paragraphs: blank lines separate paragraphs; the single line breaks of a text
    /// wrapped in the data file's editor join with a space, as the paragraph will be justified.
    func paragraphs(_ text: String?) -> TemplateValue {
        .list(Self.paragraphTexts(text).map { .string($0) })
    }

    static func paragraphTexts(_ text: String?) -> [String] {
        let t = (text ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        return t.components(separatedBy: "\n\n").map { p in
            p.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        }.filter { !$0.isEmpty }
    }

    private func citations(_ m: Measure) -> TemplateValue {
        .list((m.citations ?? []).map { c in .object(["label": .string(citationLabel(c)), "score": score(citationScore(c))]) })
    }

    private func o35Current() -> [String: TemplateValue] {
        ["measures": .list((data.measures ?? []).map { m in
            let d = done(m)
            return .object([
                "title": dash(m.title),
                "details": d.details,
                "summary": d.summary,
                "outcome": .string(m.outcome?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""),
                "citations": citations(m),
            ])
        })]
    }

    private func o35Early() -> [String: TemplateValue] {
        let measures = data.measures ?? []
        return [
            "measure_count": .number(Decimal(measures.count)),
            "opening": .string(Self.paragraphTexts(data.analysis?.summary).joined(separator: "\n")),
            "measures": .list(measures.map { m in
                let d = done(m)
                return .object([
                    "title": dash(m.title), "steps": list(m.steps), "owners": list(m.owners), "period": period(m.period, style: .short),
                    "details": d.details, "summary": d.summary,
                    "outcome": .string(m.outcome?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""),
                    "citations": citations(m),
                    "dates": .list((m.dates ?? []).map { .string($0.isoString) }),
                    "suggestion": dash(m.suggestion),
                ])
            }),
        ]
    }

    // MARK: analysis report

    private func analysis() -> [String: TemplateValue] {
        var v = charts()
        v["rationale"] = paragraphs(data.analysis?.rationale)
        v["overview"] = .string(Self.paragraphTexts(data.analysis?.overview).joined(separator: "\n"))
        v["strengths_summary"] = .string(Self.paragraphTexts(data.analysis?.strengths).joined(separator: "\n"))
        v["weaknesses_summary"] = .string(Self.paragraphTexts(data.analysis?.weaknesses).joined(separator: "\n"))
        v["tools"] = .list(toolScores().map { .object(["name": .string($0.name), "score": .number($0.score)]) })
        v["indicators"] = indicatorRows()
        let notes = data.analysis?.indicators ?? [:]
        func row(_ n: Int) -> TemplateValue {
            .object(["number": .number(Decimal(n)), "name": .string(indicatorName(n)), "score": score(indicatorScore(n)), "analysis": dash(notes[n])])
        }
        let strengths = scores?.strengths ?? []
        let weaknesses = scores?.weaknesses ?? []
        v["strength_count"] = .number(Decimal(strengths.count))
        v["weakness_count"] = .number(Decimal(weaknesses.count))
        v["strengths"] = .list(strengths.map(row))
        v["weaknesses"] = .list(weaknesses.map(row))
        let measures = (data.measures ?? []).enumerated().sorted { ($0.element.indicators?.first ?? 99, $0.offset) < ($1.element.indicators?.first ?? 99, $1.offset) }.map(\.element)
        v["measures"] = .list(measures.map { m in
            let n = m.indicators?.first
            return .object([
                "indicator_label": .string(n.map { "ตัวชี้วัดที่ \($0) \(indicatorName($0))" } ?? "-"),
                "title": dash(m.title),
                "analysis": dash(n.flatMap { notes[$0] }),
                "steps": list(m.steps), "period": period(m.period), "owners": list(m.owners),
            ])
        })
        let photos = (data.photos ?? []).filter { ($0.file ?? "").isEmpty == false }
        func photo(_ p: Photo) -> TemplateValue {
            var caption = p.caption ?? ""
            if let d = p.date { caption += caption.isEmpty ? ThaiDateFormat.long(d) : " (\(ThaiDateFormat.long(d)))" }
            return .object(["file": .string(resolve(p.file ?? "")), "caption": .string(caption)])
        }
        v["photo_rows"] = .list(stride(from: 0, to: photos.count, by: 2).map { i in
            var r: [String: TemplateValue] = ["left": photo(photos[i]), "right": .null]
            if i + 1 < photos.count { r["right"] = photo(photos[i + 1]) }
            return .object(r)
        })
        return v
    }
}
