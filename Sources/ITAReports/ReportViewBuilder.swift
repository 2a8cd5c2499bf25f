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

    /// The view for `form`, as the template is filled with it.
    public func view(for form: ReportForm) -> TemplateValue {
        // The views hold only strings, numbers, lists and image data: encoding them cannot fail.
        (try? TemplateValueEncoder.encode(typedView(for: form))) ?? .null
    }

    /// The typed view of `form` (one `Encodable` struct per form, wrapped with the common names).
    public func typedView(for form: ReportForm) -> any Encodable & Sendable {
        let c = common()
        switch (form.kind, form.year >= 2567) {
        case (.o34, true): return FormView(common: c, body: o34Current())
        case (.o34, false): return FormView(common: c, body: o34Early())
        case (.o35, true): return FormView(common: c, body: o35Current())
        case (.o35, false): return FormView(common: c, body: o35Early())
        case (.analysis, _): return FormView(common: c, body: analysis())
        }
    }

    /// Whether periods print their days: `options.period_days`, else the form's custom.
    func periodDays(_ kind: ReportKind) -> Bool {
        if let asked = data.options?.periodDays { return asked }
        guard let document = DocumentKind(rawValue: kind.rawValue) else { return false }
        return FormCatalog.shipped.form(for: document, fiscalYear: data.fiscalYear ?? 0,
                                        formYear: kind == .analysis ? nil : data.options?.formYear)?.periodDays ?? false
    }

    // MARK: common

    func common() -> CommonView {
        let org = data.organization
        let sig = data.signatory
        return CommonView(
            org: OrgView(name: org?.name ?? "", district: org?.district ?? "", province: org?.province ?? "",
                         kind: org?.kind ?? "", website: org?.website ?? "", address: org?.address ?? "",
                         head: org?.head ?? "", logo: org?.logo.flatMap { $0.isEmpty ? nil : resolve($0) },
                         extra: org?.extra ?? [:]),
            fiscalYear: data.fiscalYear ?? 0, assessedYear: data.assessedYear ?? 0,
            signatory: SignatoryView(name: sig?.name ?? "", position: sig?.position ?? org?.head ?? "",
                                     date: sig?.date.map(\.isoString)),
            total: scores?.total, level: scores?.level ?? "", draft: draft)
    }

    private func resolve(_ path: String) -> String {
        path.hasPrefix("/") ? path : baseDirectory.appendingPathComponent(path).path
    }

    private func dash(_ s: String?) -> String {
        guard let s, !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { return "-" }
        return s.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func list(_ items: [String]?) -> [String] {
        (items ?? []).filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// The indicator's name in the year's catalog ("" when there is none: labels print "ตัวชี้วัดที่ n" alone).
    func indicatorName(_ n: Int) -> String { catalog?.indicator(n)?.name ?? "" }

    /// "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", or "ตัวชี้วัดที่ 9" when the catalog has no name for it.
    func indicatorTitle(_ n: Int) -> String {
        let name = indicatorName(n)
        return name.isEmpty ? "ตัวชี้วัดที่ \(n)" : "ตัวชี้วัดที่ \(n) \(name)"
    }

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

    /// The indicator rows (tool merged in the template): the year's indicators, 1–10 when no catalog is known.
    private func indicatorRows() -> [IndicatorRowView] {
        indicatorNumbers.map { n in
            IndicatorRowView(tool: toolCode(ofIndicator: n), number: n, name: indicatorName(n), score: indicatorScore(n))
        }
    }

    var indicatorNumbers: [Int] {
        let numbers = (catalog?.indicators.map(\.number) ?? []).sorted()
        return numbers.isEmpty ? Array(1...10) : numbers
    }

    private func period(_ p: Period?, style: PeriodStyle = .long, days: Bool = false) -> String {
        dash(p?.formatted(style: style, days: days).map(Self.keepDatesWhole))
    }

    /// Joins a month (or day) and its year with no-break spaces, so a narrow cell breaks a period
    /// between its dates ("เมษายน 2568 / ถึง กันยายน 2568"), never inside a year.
    public static func keepDatesWhole(_ s: String) -> String {
        s.replacingOccurrences(of: #"(\S) (?=[0-9๐-๙]{2,4}(\s|$|[–-]))"#, with: "$1\u{00A0}", options: .regularExpression)
    }

    /// A span of two whole dates ("1 ธันวาคม 2563 ถึง 31 มีนาคม 2564") with a line break after "ถึง": the
    /// analysis grid's period column holds one date a line, but not "ถึง" and a date, which then broke
    /// between the month and its year. Spans without days are left as they are.
    public static func secondDateOnItsLine(_ s: String) -> String {
        s.replacingOccurrences(of: "([0-9๐-๙])[ \u{00A0}]ถึง[ \u{00A0}](?=[0-9๐-๙])", with: "$1 ถึง\n", options: .regularExpression)
    }

    func periodText(_ p: Period?, style: PeriodStyle = .long) -> String { p?.formatted(style: style) ?? "-" }

    // MARK: charts

    /// The native charts by indicator (horizontal, labelled with the names) and by tool; nil without scores.
    func charts() -> (indicators: RawTemplateValue?, tools: RawTemplateValue?) {
        let tools = ["IIT": 0, "EIT": 1, "OIT": 2]
        let ind = indicatorNumbers.compactMap { n in
            indicatorScore(n).map { (label: "\(n). \(indicatorName(n))", value: $0, tool: tools[toolCode(ofIndicator: n)] ?? 0) }
        }
        let scores = toolScores()
        return (ind.isEmpty ? nil : RawTemplateValue(ScoreChart(bars: ind, thaiDigits: thaiDigits, horizontal: true).templateValue),
                scores.isEmpty ? nil : RawTemplateValue(ScoreChart(bars: scores.map { (label: $0.name, value: $0.score, tool: $0.series) },
                                                                   thaiDigits: thaiDigits).templateValue))
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

    private func o34Current() -> O34View2567 {
        let chart = charts()
        let analyses = data.analysis?.issues ?? []
        let numbers = (catalog?.issues.map(\.number)).flatMap { $0.isEmpty ? nil : $0 } ?? Array(1...7)
        let issues = numbers.map { n -> O34View2567.Issue in
            let a = analyses.first { $0.issue == n }
            let codes = a?.questions ?? catalog?.issue(n)?.questions ?? []
            var groups: [O34View2567.QuestionGroup] = []
            for tool in ["i", "e", "o"] {
                let qs = codes.filter { QuestionCode.normalize($0).hasPrefix(tool) }
                guard !qs.isEmpty else { continue }
                let code = tool == "i" ? "IIT" : (tool == "e" ? "EIT" : "OIT")
                groups.append(.init(toolLabel: toolLabel(code), questions: qs.map { q in
                    .init(code: QuestionCode.normalize(q), text: questionText(q), score: questionScore(q))
                }))
            }
            return .init(number: n, name: issueTitle(n), questionGroups: groups, deficiencies: dash(a?.deficiencies),
                         toDevelop: dash(a?.toDevelop), maintain: dash(a?.maintain))
        }
        let days = periodDays(.o34)
        let measures = (data.measures ?? []).enumerated().sorted { ($0.element.issue ?? 99, $0.offset) < ($1.element.issue ?? 99, $1.offset) }.map(\.element)
        return O34View2567(
            chartTools: chart.tools, chartIndicators: chart.indicators, indicators: indicatorRows(), issues: issues,
            problems: list(data.limitations?.problems), suggestions: list(data.limitations?.suggestions),
            measures: measures.map { m in
                .init(issueLabel: m.issue.map { "(\($0)) \(issueTitle($0))" } ?? "-", title: dash(m.title),
                      steps: list(m.steps), owners: list(m.owners), period: period(m.period, days: days))
            })
    }

    // MARK: O34, 2564 form

    private func o34Early() -> O34View2564 {
        let notes = data.analysis?.indicators ?? [:]
        let days = periodDays(.o34)
        return O34View2564(
            chartIndicators: charts().indicators,
            tools: ["IIT", "EIT", "OIT"].map { code in
                let numbers = indicatorNumbers.filter { toolCode(ofIndicator: $0) == code }
                return .init(label: toolLabel(code), indicators: numbers.enumerated().map { i, n in
                    // The 2564 form's column is brief: what the user wrote, else a dash.
                    .init(number: i + 1, name: indicatorName(n), score: indicatorScore(n),
                          toFix: dash(generatedPaths.contains("analysis.indicators.\(n)") ? nil : notes[n]))
                })
            },
            measures: (data.measures ?? []).map { m in
                .init(title: dash(m.title), steps: list(m.steps), owners: list(m.owners),
                      period: period(m.period, style: .short, days: days), followUp: dash(m.followUp))
            })
    }

    // MARK: O35

    private func citationLabel(_ c: Citation) -> String {
        if let t = c.text, !t.isEmpty { return t }
        if let n = c.indicator { return indicatorTitle(n) }
        if let q = c.question { return "ข้อ \(QuestionCode.normalize(q)) \(questionText(q))".trimmingCharacters(in: .whitespaces) }
        return ""
    }

    private func citationScore(_ c: Citation) -> Decimal? {
        c.score ?? c.indicator.flatMap(indicatorScore) ?? c.question.flatMap(questionScore)
    }

    /// What was done (the `details` list and the `summary` as paragraphs; never the planned steps) and
    /// what came of it (the outcome, which the narrative writer fills from the citations when absent).
    private func result(_ m: Measure) -> O35Result {
        O35Result(details: list(m.details), summary: Self.paragraphTexts(m.summary),
                         outcome: m.outcome?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "",
                         citations: (m.citations ?? []).map { .init(label: citationLabel($0), score: citationScore($0)) })
    }

    /// A narrative as paragraphs: blank lines separate paragraphs; the single line breaks of a text
    /// wrapped in the data file's editor join with a space, as the paragraph will be justified.
    static func paragraphTexts(_ text: String?) -> [String] {
        let t = (text ?? "").replacingOccurrences(of: "\r\n", with: "\n")
        return t.components(separatedBy: "\n\n").map { p in
            p.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
        }.filter { !$0.isEmpty }
    }

    /// A narrative as one text (paragraphs kept apart by line breaks).
    static func narrative(_ text: String?) -> String { paragraphTexts(text).joined(separator: "\n") }

    private func o35Current() -> O35View2567 {
        O35View2567(measures: (data.measures ?? []).map { m in .init(title: dash(m.title), result: result(m)) })
    }

    private func o35Early() -> O35View2564 {
        let measures = data.measures ?? []
        let days = periodDays(.o35)
        return O35View2564(
            measureCount: measures.count, opening: Self.narrative(data.analysis?.summary),
            measures: measures.map { m in
                .init(title: dash(m.title), steps: list(m.steps), owners: list(m.owners),
                      period: period(m.period, style: .short, days: days), result: result(m),
                      dates: (m.dates ?? []).map(\.isoString), suggestion: dash(m.suggestion))
            })
    }

    // MARK: analysis report

    /// "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", joined when a measure bears on several; "-" when the data names none.
    func indicatorLabel(_ numbers: [Int]) -> String {
        numbers.isEmpty ? "-" : numbers.map(indicatorTitle).joined(separator: "\n")
    }

    private func analysis() -> AnalysisView2568 {
        let chart = charts()
        let notes = data.analysis?.indicators ?? [:]
        func finding(_ n: Int) -> AnalysisView2568.Finding {
            .init(number: n, name: indicatorName(n), score: indicatorScore(n), analysis: dash(notes[n]))
        }
        let strengths = scores?.strengths ?? []
        let weaknesses = scores?.weaknesses ?? []
        let days = periodDays(.analysis)
        let rows = (data.measures ?? []).enumerated().map { i, m in (i, m, catalog?.indicators(of: m) ?? (m.indicators ?? [])) }
            .sorted { ($0.2.first ?? 99, $0.0) < ($1.2.first ?? 99, $1.0) }
        let photos = (data.photos ?? []).filter { ($0.file ?? "").isEmpty == false }
        func photo(_ p: Photo) -> AnalysisView2568.Photo {
            var caption = p.caption ?? ""
            if let d = p.date { caption += caption.isEmpty ? ThaiDateFormat.long(d) : " (\(ThaiDateFormat.long(d)))" }
            return .init(file: resolve(p.file ?? ""), caption: caption)
        }
        return AnalysisView2568(
            rationale: Self.paragraphTexts(data.analysis?.rationale), overview: Self.narrative(data.analysis?.overview),
            strengthsSummary: Self.narrative(data.analysis?.strengths), weaknessesSummary: Self.narrative(data.analysis?.weaknesses),
            tools: toolScores().map { .init(name: $0.name, score: $0.score) }, indicators: indicatorRows(),
            chartTools: chart.tools, chartIndicators: chart.indicators,
            strengthCount: strengths.count, weaknessCount: weaknesses.count,
            strengths: strengths.map(finding), weaknesses: weaknesses.map(finding),
            measureGroups: Self.groups(rows.map { _, m, numbers in
                let own = m.analysis?.trimmingCharacters(in: .whitespacesAndNewlines)
                let text = (own?.isEmpty == false ? own : nil) ?? numbers.compactMap { notes[$0] }.first
                return (numbers, AnalysisView2568.Measure(
                    indicatorLabel: indicatorLabel(numbers), title: dash(m.title), analysis: dash(text),
                    steps: list(m.steps), period: Self.secondDateOnItsLine(period(m.period, days: days)), owners: list(m.owners)))
            }),
            photoRows: stride(from: 0, to: photos.count, by: 2).map { i in
                .init(left: photo(photos[i]), right: i + 1 < photos.count ? photo(photos[i + 1]) : nil)
            })
    }

    /// The development grid's rows in runs of one indicator and one analysis (`measure_groups[].measures[]`):
    /// the shipped template prints a run's indicator and analysis once above its rows (a template that
    /// merges the indicator and analysis cells merges within a run only), so two indicators with the same
    /// text (a dash) never share one, and a measure with an analysis of its own gets it printed.
    static func groups(_ rows: [(indicators: [Int], row: AnalysisView2568.Measure)]) -> [AnalysisView2568.MeasureGroup] {
        var out: [AnalysisView2568.MeasureGroup] = []
        var last: [Int]?
        for r in rows {
            if let last, last == r.indicators, let group = out.last, group.analysis == r.row.analysis {
                out[out.count - 1].measures.append(r.row)
            } else {
                out.append(.init(indicatorLabel: r.row.indicatorLabel, analysis: r.row.analysis, measures: [r.row]))
            }
            last = r.indicators
        }
        return out
    }
}
