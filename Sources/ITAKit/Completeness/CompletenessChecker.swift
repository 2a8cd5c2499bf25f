import Foundation
import ThaiFormat

/// Checks a data file against the NACC content requirements of the document it is for.
///
/// - O34, 2566 onward: each of the seven analysis issues has a method (a measure with
///   `issue: N` and a title: วิธีการนำผลการวิเคราะห์ไปสู่การปฏิบัติ), owners (ผู้รับผิดชอบ),
///   steps (ขั้นตอนหรือวิธีการปฏิบัติ) and a period (ระยะเวลา); the limitations give
///   ปัญหา/อุปสรรค and ข้อเสนอแนะ.
/// - O34 before 2566 and the analysis report: at least one measure, each with title, steps,
///   owners and period; the analysis report also needs a measure for each weak indicator.
/// - O35: each measure has a title, what was done (summary or details) and an outcome.
///
/// Narratives the tool writes from the scores are not gaps; an O35 outcome counts as given
/// when the tool can write one from the figures the measure cites.
public enum CompletenessChecker {
    /// The gaps of `data` for `document` (the data's own `document` when nil; nothing is checked
    /// when neither names one). `catalog` is the framework of the assessed year.
    public static func check(_ data: ReportData, document: DocumentKind? = nil,
                             catalog: FrameworkCatalog? = nil) -> [CompletenessGap] {
        guard let kind = document ?? data.document else { return [] }
        let place = placeGaps(data)
        switch kind {
        case .o34:
            return place + scoreGaps(data, document: Message("document.o34")) + levelGaps(data, catalog: catalog)
                + questionScoreGaps(data, catalog: catalog)
                + weakIndicatorGaps(data, catalog: catalog) + checkO34(data, catalog: catalog)
        case .o35: return place + checkO35(data, catalog: catalog)
        case .analysis:
            return place + scoreGaps(data, document: Message("document.analysis")) + levelGaps(data, catalog: catalog)
                + checkAnalysis(data, catalog: catalog)
        }
    }

    /// O34 and the analysis report print the level: while the year's bands are not confirmed by a source, only
    /// the level the ITA system announced may be printed.
    private static func levelGaps(_ data: ReportData, catalog: FrameworkCatalog?) -> [CompletenessGap] {
        guard let catalog, !catalog.levels.confirmed, let a = data.assessment, a.official?.level == nil,
              (a.indicators ?? [:]).count == 10 || a.official?.total != nil else { return [] }
        let card = Scorer.score(a, catalog: catalog)
        let computed = (card.officialTotal ?? card.computedTotal).flatMap { catalog.levels.level(for: $0) } ?? ""
        return [CompletenessGap(item: "ผลการประเมิน ITA \(catalog.fiscalYear)", field: Message("gap.field.level"),
                                path: "assessment.official.level",
                                remedy: Message("gap.level.hint", ["year": "\(catalog.fiscalYear)", "computed": "\(computed)"]))]
    }

    /// Every form prints "อำเภอ… จังหวัด…" under the organisation's name: each missing one is a gap. A provincial
    /// administrative organisation (องค์การบริหารส่วนจังหวัด, อบจ.) has no district.
    private static func placeGaps(_ data: ReportData) -> [CompletenessGap] {
        let o = data.organization
        var gaps: [CompletenessGap] = []
        if isBlank(o?.name) {
            gaps.append(CompletenessGap(item: "หน่วยงาน", field: Message("gap.field.org-name"), path: "organization.name",
                                        remedy: Message("check.org-name-missing.hint")))
        }
        if isBlank(o?.district), !hasNoDistrict(o) {
            gaps.append(CompletenessGap(item: "หน่วยงาน", field: Message("gap.field.district"), path: "organization.district",
                                        remedy: Message("gap.district.hint")))
        }
        if isBlank(o?.province) {
            gaps.append(CompletenessGap(item: "หน่วยงาน", field: Message("gap.field.province"), path: "organization.province",
                                        remedy: Message("gap.province.hint")))
        }
        return gaps
    }

    /// Whether the organisation is a provincial administrative organisation, which has no district.
    public static func hasNoDistrict(_ o: Organization?) -> Bool {
        ScoreSheet.hasNoDistrict(kind: o?.kind, name: o?.name ?? "")
    }

    /// The question scores a form prints in its issue tables (the 2567 O34): each listed question without a
    /// score would print an empty score cell.
    static func missingQuestionScores(_ data: ReportData, catalog: FrameworkCatalog?) -> [String] {
        guard let form = FormCatalog.shipped.form(for: .o34, fiscalYear: data.fiscalYear ?? 0, formYear: data.options?.formYear),
              form.prints("assessment.questions") else { return [] }
        let cat = catalog ?? data.assessedYear.flatMap { CatalogStore.nearestCatalog(for: $0) }
        let numbers = (cat?.issues.map(\.number)).flatMap { $0.isEmpty ? nil : $0 } ?? Array(1...7)
        let given = data.assessment?.questions ?? [:]
        var missing: [String] = []
        for n in numbers {
            let codes = data.analysis?.issues?.first(where: { $0.issue == n })?.questions ?? cat?.issue(n)?.questions ?? []
            for code in codes.map(QuestionCode.normalize) where given[code] == nil && !missing.contains(code) {
                missing.append(code)
            }
        }
        return missing
    }

    private static func questionScoreGaps(_ data: ReportData, catalog: FrameworkCatalog?) -> [CompletenessGap] {
        let missing = missingQuestionScores(data, catalog: catalog)
        guard let first = missing.first else { return [] }
        let year = data.assessedYear.map { " \($0)" } ?? ""
        return [CompletenessGap(item: "ผลการประเมิน ITA\(year) รายข้อ",
                                field: Message("gap.field.question-scores", ["codes": "\(missing.joined(separator: ", "))",
                                                                             "count": "\(missing.count)"]),
                                path: "assessment.questions", remedy: Message("gap.question-scores.hint", ["code": "\(first)"]))]
    }

    /// The 2564 O34 prints, beside each indicator, what is to be fixed: only what the user wrote (a dash
    /// otherwise). Each weak indicator (below the year's strength threshold) needs that text.
    private static func weakIndicatorGaps(_ data: ReportData, catalog: FrameworkCatalog?) -> [CompletenessGap] {
        guard let form = FormCatalog.shipped.form(for: .o34, fiscalYear: data.fiscalYear ?? 0, formYear: data.options?.formYear),
              form.prints("analysis.indicators"), let a = data.assessment, let catalog else { return [] }
        let card = Scorer.score(a, catalog: catalog, strengthThreshold: data.options?.strengthThreshold)
        let written = data.analysis?.indicators ?? [:]
        return card.weaknesses.filter { isBlank(written[$0]) }.map { n in
            let score = card.indicators[n].map { ThaiNumberFormat.fixed($0, places: 2) } ?? ""
            return CompletenessGap(
                item: "ตัวชี้วัดที่ \(n) \(catalog.indicator(n)?.name ?? "")".trimmingCharacters(in: .whitespaces),
                field: Message("gap.field.to-fix", ["score": "\(score)"]), path: "analysis.indicators.\(n)",
                remedy: Message("gap.to-fix.hint", ["number": "\(n)"]))
        }
    }

    /// The indicator scores O34 and the analysis report print: each one missing is a gap.
    private static func scoreGaps(_ data: ReportData, document: Message) -> [CompletenessGap] {
        let given = data.assessment?.indicators ?? [:]
        let year = data.assessedYear.map { " \($0)" } ?? ""
        let missing = (1...10).filter { given[$0] == nil }
        guard let first = missing.first else { return [] }
        let numbers = missing.count == 10 ? "1–10" : missing.map(String.init).joined(separator: ", ")
        return [CompletenessGap(item: "ผลการประเมิน ITA\(year)", field: Message("gap.field.scores", ["numbers": "\(numbers)"]),
                                path: "assessment.indicators",
                                remedy: Message("gap.scores.hint", ["document": .message(document), "number": "\(first)"]))]
    }

    /// The year the form's requirements follow: `options.form_year`, else the fiscal year.
    static func formYear(_ data: ReportData) -> Int? { data.options?.formYear ?? data.fiscalYear }

    // MARK: O34

    private static func checkO34(_ data: ReportData, catalog: FrameworkCatalog?) -> [CompletenessGap] {
        let measures = data.measures ?? []
        guard let year = formYear(data), year >= 2566 else {
            return measureGaps(measures) + (measures.isEmpty ? [noMeasures()] : [])
        }
        var gaps: [CompletenessGap] = []
        for n in 1...7 {
            let item = "ประเด็นที่ \(n)"
            let assigned = measures.enumerated().filter { $0.element.issue == n }
            if assigned.isEmpty {
                let title = catalog?.issue(n)?.title ?? CatalogStore.nearestCatalog(for: year)?.issue(n)?.title
                gaps.append(CompletenessGap(
                    item: title.map { "\(item) \($0)" } ?? item,
                    field: Message("gap.field.method"), path: "measures",
                    remedy: Message("gap.method.hint", ["number": "\(n)"])))
                continue
            }
            for (i, m) in assigned {
                gaps += fieldGaps(m, index: i, item: "\(item), มาตรการที่ \(i + 1)", o34: true)
            }
        }
        gaps += measureGaps(measures.enumerated().filter { $0.element.issue == nil }.map { $0 }, o34: true)
        let l = data.limitations
        if isBlank(l?.problems) {
            gaps.append(CompletenessGap(item: "ข้อจำกัดของหน่วยงาน", field: Message("gap.field.problems"),
                                        path: "limitations.problems", remedy: Message("gap.problems.hint")))
        }
        if isBlank(l?.suggestions) {
            gaps.append(CompletenessGap(item: "ข้อจำกัดของหน่วยงาน", field: Message("gap.field.suggestions"),
                                        path: "limitations.suggestions", remedy: Message("gap.suggestions.hint")))
        }
        return gaps
    }

    // MARK: O35

    private static func checkO35(_ data: ReportData, catalog: FrameworkCatalog?) -> [CompletenessGap] {
        let measures = data.measures ?? []
        if measures.isEmpty { return [noMeasures()] }
        let filled = catalog.flatMap { try? NarrativeWriter(catalog: $0).fill(data, for: [.o35]) }
        var gaps: [CompletenessGap] = []
        for (i, m) in measures.enumerated() {
            let item = "มาตรการที่ \(i + 1)"
            let path = "measures[\(i)]"
            if isBlank(m.title) {
                gaps.append(CompletenessGap(item: item, field: Message("gap.field.o35-title"),
                                            path: path + ".title", remedy: Message("gap.o35-title.hint")))
            }
            if isBlank(m.summary) && isBlank(m.details) {
                gaps.append(CompletenessGap(item: item, field: Message("gap.field.done"),
                                            path: path + ".details", remedy: Message("gap.done.hint")))
            }
            let generated = filled?.isGenerated(path + ".outcome") == true
            if isBlank(m.outcome) && !generated {
                gaps.append(CompletenessGap(item: item, field: Message("gap.field.outcome"),
                                            path: path + ".outcome", remedy: Message("gap.outcome.hint")))
            }
            // What else the chosen form prints of a measure (the 2564 form: the plan, the days, a suggestion).
            guard let form = FormCatalog.shipped.form(for: .o35, fiscalYear: data.fiscalYear ?? 0,
                                                      formYear: data.options?.formYear) else { continue }
            if form.prints("measures[].steps") || form.prints("measures[].owners") || form.prints("measures[].period") {
                gaps += fieldGaps(m, index: i, item: item, o34: false).filter { $0.path != path + ".title" }
            }
            if form.results?.contains("dates") == true, (m.dates ?? []).isEmpty {
                gaps.append(CompletenessGap(item: item, field: Message("gap.field.dates"), path: path + ".dates",
                                            remedy: Message("gap.dates.hint", ["year": "\(data.fiscalYear ?? 2568)", "form": "\(form.name)"])))
            }
            if form.results?.contains("suggestion") == true, isBlank(m.suggestion) {
                gaps.append(CompletenessGap(item: item, field: Message("gap.field.suggestion"), path: path + ".suggestion",
                                            remedy: Message("gap.suggestion.hint", ["form": "\(form.name)"])))
            }
        }
        return gaps
    }

    // MARK: Analysis report

    private static func checkAnalysis(_ data: ReportData, catalog: FrameworkCatalog?) -> [CompletenessGap] {
        let measures = data.measures ?? []
        var gaps = measureGaps(measures.enumerated().map { $0 }) + (measures.isEmpty ? [noMeasures()] : [])
        if let a = data.assessment, let catalog {
            let card = Scorer.score(a, catalog: catalog, strengthThreshold: data.options?.strengthThreshold)
            for n in card.weaknesses where !measures.contains(where: { $0.indicators?.contains(n) == true }) {
                gaps.append(CompletenessGap(
                    item: "ตัวชี้วัดที่ \(n) \(catalog.indicator(n)?.name ?? "")".trimmingCharacters(in: .whitespaces),
                    field: Message("gap.field.weakness"), path: "measures",
                    remedy: Message("gap.weakness.hint", ["number": "\(n)"])))
            }
        }
        return gaps
    }

    // MARK: Measures

    private static func measureGaps(_ measures: [Measure]) -> [CompletenessGap] {
        measureGaps(measures.enumerated().map { $0 })
    }

    private static func measureGaps(_ measures: [(offset: Int, element: Measure)], o34: Bool = false)
        -> [CompletenessGap] {
        measures.flatMap { fieldGaps($0.element, index: $0.offset, item: "มาตรการที่ \($0.offset + 1)", o34: o34) }
    }

    private static func fieldGaps(_ m: Measure, index i: Int, item: String, o34: Bool) -> [CompletenessGap] {
        let path = "measures[\(i)]"
        var gaps: [CompletenessGap] = []
        if isBlank(m.title) {
            gaps.append(CompletenessGap(item: item,
                                        field: o34 ? Message("gap.field.o34-title") : Message("gap.field.title"),
                                        path: path + ".title", remedy: Message("gap.title.hint")))
        }
        if isBlank(m.owners) {
            gaps.append(CompletenessGap(item: item, field: Message("gap.field.owners"),
                                        path: path + ".owners", remedy: Message("gap.owners.hint")))
        }
        if isBlank(m.steps) {
            gaps.append(CompletenessGap(item: item, field: Message("gap.field.steps"),
                                        path: path + ".steps", remedy: Message("gap.steps.hint")))
        }
        if m.period?.formatted() == nil || isBlank(m.period?.formatted()) {
            gaps.append(CompletenessGap(item: item, field: Message("gap.field.period"), path: path + ".period",
                                        remedy: Message("gap.period.hint")))
        }
        return gaps
    }

    private static func noMeasures() -> CompletenessGap {
        CompletenessGap(item: "มาตรการ", field: Message("gap.field.measures"), path: "measures",
                        remedy: Message("gap.measures.hint"))
    }

    private static func isBlank(_ s: String?) -> Bool {
        (s?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "").isEmpty
    }

    private static func isBlank(_ list: [String]?) -> Bool {
        (list ?? []).allSatisfy { isBlank($0) }
    }
}
