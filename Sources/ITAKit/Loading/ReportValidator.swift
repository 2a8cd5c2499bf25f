import Foundation
import ThaiFormat

/// Checks what a well-formed data file says: plausible years, scores in range, codes the
/// year has, periods inside the fiscal year, official figures that match the formula.
struct ReportValidator {
    let file: String
    let sourceMap: SourceMap
    private(set) var diagnostics: [Diagnostic] = []

    init(file: String, sourceMap: SourceMap) {
        self.file = file
        self.sourceMap = sourceMap
    }

    /// Plausible Buddhist Era years for ITA documents.
    static let plausibleBE = 2500...2700

    mutating func validate(_ data: ReportData) -> FrameworkCatalog? {
        if let y = data.fiscalYear { checkYear(y, "fiscal_year") } else {
            add(.error, .missingField, "fiscal_year", "the document's fiscal year is missing",
                hint: "add 'fiscal_year: 2568' (Buddhist Era) at the top of the file")
        }
        if let y = data.options?.formYear { checkYear(y, "options.form_year") }

        var catalog: FrameworkCatalog?
        if let a = data.assessment {
            if let y = a.year {
                checkYear(y, "assessment.year")
                // An O34's year is checked strictly by DatePlausibility.
                if let f = data.fiscalYear, data.document != .o34, Self.plausibleBE.contains(y), Self.plausibleBE.contains(f),
                   y > f || y < f - 2 {
                    add(.warning, .implausibleYear, "assessment.year",
                        "the ITA year \(y) is unusual for a document of fiscal year \(f)",
                        hint: "an O34 of fiscal year \(f) usually analyses the ITA of \(f - 1)")
                }
            }
            if let year = data.assessedYear, Self.plausibleBE.contains(year) {
                do {
                    catalog = try CatalogStore.catalog(for: year)
                } catch {
                    add(.warning, .unknownYear, a.year != nil ? "assessment.year" : "fiscal_year", "\(error)",
                        hint: "question codes cannot be checked; scores use the nearest year's framework")
                    catalog = CatalogStore.nearestCatalog(for: year)
                }
            }
            checkAssessment(a, catalog, document: data.document)
        }
        for f in DatePlausibility.findings(in: data) + ProvisionalRubricCheck.findings(in: data, catalog: catalog) {
            add(f.severity, f.kind, f.path, f.message, hint: f.hint)
        }
        if let analysis = data.analysis { checkAnalysis(analysis, catalog) }
        for (i, m) in (data.measures ?? []).enumerated() {
            checkMeasure(m, "measures[\(i)]", catalog, data)
        }
        return catalog
    }

    // MARK: Sections

    private mutating func checkAssessment(_ a: Assessment, _ catalog: FrameworkCatalog?, document: DocumentKind?) {
        for (n, score) in (a.indicators ?? [:]).sorted(by: { $0.key < $1.key }) {
            let path = "assessment.indicators.\(n)"
            if !(1...10).contains(n) {
                add(.error, .indicatorOutOfRange, path, "there is no indicator \(n)",
                    hint: "indicators are numbered 1 to 10", atKey: true)
                continue
            }
            checkScore(score, path)
        }
        if let given = a.indicators, !given.isEmpty {
            let missing = (1...10).filter { given[$0] == nil }
            if !missing.isEmpty, document == .o34 || document == .analysis {
                // Both documents print every indicator's score: a partial list is a misreading or a slip.
                add(.error, .missingIndicators, "assessment.indicators",
                    "indicator\(missing.count == 1 ? "" : "s") \(missing.map(String.init).joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing; \(document == .o34 ? "O34" : "the analysis report") prints all ten scores",
                    hint: "write each score as announced, e.g. \(missing[0]): 98.50")
            } else if !missing.isEmpty, a.official?.total == nil {
                add(.warning, .missingIndicators, "assessment.indicators",
                    "indicators \(missing.map(String.init).joined(separator: ", ")) are missing, so the total cannot be computed",
                    hint: "add all ten scores or give 'official: {total: …}'")
            }
        }
        for (code, score) in (a.questions ?? [:]).sorted(by: { $0.key < $1.key }) {
            let path = "assessment.questions.\(code)"
            checkCode(code, path, catalog, atKey: true)
            checkScore(score, path)
        }
        if let t = a.tools {
            let pairs: [(String, Decimal?)] = [("IIT", t.iit), ("EIT", t.eit), ("EIT_part1", t.eitPart1),
                                               ("EIT_part2", t.eitPart2), ("OIT", t.oit)]
            for (key, value) in pairs { if let v = value { checkScore(v, "assessment.tools.\(key)") } }
        }
        if let total = a.official?.total { checkScore(total, "assessment.official.total") }

        guard let catalog else { return }
        let card = Scorer.score(a, catalog: catalog)
        if let t = a.tools {
            let pairs: [(String, Decimal?)] = [("IIT", t.iit), ("EIT", t.eit), ("OIT", t.oit)]
            for (key, value) in pairs {
                if let given = value, let computed = card.tools[key], abs(given - computed) > Decimal(string: "0.01")! {
                    add(.warning, .toolScoreDiffers, "assessment.tools.\(key)",
                        "\(key) is given as \(fmt(given)) but its indicators average \(fmt(computed))",
                        hint: "check the indicator scores against the announced results")
                }
            }
        }
        if let official = card.officialTotal, let computed = card.computedTotal, official != computed {
            add(.warning, .officialTotalDiffers, "assessment.official.total",
                "the official total \(fmt(official)) differs from the computed total \(fmt(computed)); documents print the official \(fmt(official))",
                hint: "check the indicator scores against the announced results")
        }
        if let level = a.official?.level {
            let basis = card.officialTotal ?? card.computedTotal
            if let basis, let computedLevel = catalog.levels.level(for: basis), computedLevel != level {
                let note = catalog.levels.confirmed ? "" : " (the \(catalog.fiscalYear) thresholds are provisional)"
                add(.warning, .officialLevelDiffers, "assessment.official.level",
                    "the official level '\(level)' differs from the computed level '\(computedLevel)' for \(fmt(basis))\(note); documents print the official '\(level)'",
                    hint: "check the level the national ITA system announced")
            }
        }
    }

    private mutating func checkAnalysis(_ analysis: Analysis, _ catalog: FrameworkCatalog?) {
        for (i, issue) in (analysis.issues ?? []).enumerated() {
            let path = "analysis.issues[\(i)]"
            if let n = issue.issue { checkIssueNumber(n, path + ".issue") } else {
                add(.error, .missingField, path, "the issue number is missing", hint: "add 'issue: 1' … 'issue: 7'")
            }
            for (j, code) in (issue.questions ?? []).enumerated() { checkCode(code, "\(path).questions[\(j)]", catalog) }
        }
        for n in (analysis.indicators ?? [:]).keys.sorted() where !(1...10).contains(n) {
            add(.error, .indicatorOutOfRange, "analysis.indicators.\(n)", "there is no indicator \(n)",
                hint: "indicators are numbered 1 to 10", atKey: true)
        }
    }

    private mutating func checkMeasure(_ m: Measure, _ path: String, _ catalog: FrameworkCatalog?, _ data: ReportData) {
        if let n = m.issue { checkIssueNumber(n, path + ".issue") }
        for (j, n) in (m.indicators ?? []).enumerated() where !(1...10).contains(n) {
            add(.error, .indicatorOutOfRange, "\(path).indicators[\(j)]", "there is no indicator \(n)",
                hint: "indicators are numbered 1 to 10")
        }
        for (j, code) in (m.questions ?? []).enumerated() { checkCode(code, "\(path).questions[\(j)]", catalog) }
        if let p = m.period {
            let nextYear = FormCatalog.shipped.form(of: data)?.measuresNextYear == true
            checkPeriod(p, path + ".period", fiscalYear: data.fiscalYear, throughNextYear: nextYear)
        }
        // A form that prints no citations (the O34s) draws the "not printed" warning instead.
        let printsCitations = FormCatalog.shipped.form(of: data)?.prints("measures[].citations") ?? true
        for (j, c) in (m.citations ?? []).enumerated() {
            let cp = "\(path).citations[\(j)]"
            if let n = c.indicator, !(1...10).contains(n) {
                add(.error, .indicatorOutOfRange, cp + ".indicator", "there is no indicator \(n)",
                    hint: "indicators are numbered 1 to 10")
            }
            if let q = c.question { checkCode(q, cp + ".question", catalog) }
            let known = c.indicator.flatMap { data.assessment?.indicators?[$0] } ?? c.question.flatMap { data.assessment?.questions?[$0] }
            if c.score == nil, known == nil, c.indicator != nil || c.question != nil, printsCitations {
                let what = c.indicator.map { "indicator \($0)" } ?? "question \(c.question ?? "")"
                add(.warning, .citationWithoutScore, cp, "measure \(m.title.map { "'\($0)'" } ?? "\(path)") cites \(what) without a score, and the assessment has none; the document prints it without \"ได้คะแนน\"",
                    hint: "add 'score: …' to the citation, or the score under assessment.\(c.indicator != nil ? "indicators" : "questions")")
            }
            if let s = c.score {
                checkScore(s, cp + ".score")
                let known = c.indicator.flatMap { data.assessment?.indicators?[$0] }
                    ?? c.question.flatMap { data.assessment?.questions?[$0] }
                if let known, known != s {
                    add(.warning, .invalidValue, cp + ".score",
                        "the cited score \(fmt(s)) differs from the assessment's \(fmt(known))",
                        hint: "cite the score as announced, or correct the assessment")
                }
            }
        }
    }

    private mutating func checkPeriod(_ p: Period, _ path: String, fiscalYear: Int?, throughNextYear: Bool = false) {
        if let f = p.from, let t = p.to, t < f {
            add(.error, .periodReversed, path + ".to", "the period ends (\(ThaiDateFormat.long(t))) before it starts (\(ThaiDateFormat.long(f)))",
                hint: "swap 'from' and 'to'")
        }
        guard let fy = fiscalYear, Self.plausibleBE.contains(fy),
              let start = CalendarDate.fiscalYearStart(fy),
              let end = CalendarDate.fiscalYearEnd(throughNextYear ? fy + 1 : fy) else { return }
        // A quarter of slack: measures often start before the new year or run into the next.
        for (key, date) in [("from", p.from), ("to", p.to)] {
            guard let date else { continue }
            if date.days(to: start) > 92 || end.days(to: date) > 92 {
                let ce = date.year
                let hint = ce > 2400 ? "a year of \(ce + 543) looks like BE written twice; check the year"
                    : "the fiscal year \(fy) runs \(ThaiDateFormat.fiscalYearRange(fy)); check the year (BE = CE + 543)"
                add(.warning, .periodOutsideFiscalYear, "\(path).\(key)",
                    "\(ThaiDateFormat.long(date)) is far outside fiscal year \(fy)", hint: hint)
            }
        }
    }

    // MARK: Values

    private mutating func checkYear(_ y: Int, _ path: String) {
        if Self.plausibleBE.contains(y) { return }
        if (1900...2157).contains(y) {
            add(.error, .ceYear, path, "\(y) looks like a CE year",
                hint: "years are Buddhist Era (BE = CE + 543): write \(y + 543)")
        } else {
            add(.error, .implausibleYear, path, "\(y) is not a plausible Buddhist Era year",
                hint: "write the year in BE, e.g. 2568")
        }
    }

    private mutating func checkScore(_ s: Decimal, _ path: String) {
        if s < 0 || s > 100 {
            add(.error, .scoreOutOfRange, path, "the score \(fmt(s)) is outside 0–100",
                hint: "scores are between 0 and 100; check the digits and the decimal point")
        }
    }

    private mutating func checkIssueNumber(_ n: Int, _ path: String) {
        if !(1...7).contains(n) {
            add(.error, .issueOutOfRange, path, "there is no analysis issue \(n)",
                hint: "the O34 analysis issues are numbered 1 to 7")
        }
    }

    private mutating func checkCode(_ code: String, _ path: String, _ catalog: FrameworkCatalog?, atKey: Bool = false) {
        guard let catalog, !catalog.hasQuestion(code) else { return }
        let ranges = catalog.questionRanges.counts.sorted { $0.key > $1.key }
            .map { "\($0.key)1–\($0.key)\($0.value)" }.joined(separator: ", ")
        if catalog.questionRanges.confirmed {
            add(.error, .unknownQuestion, path, "the ITA of \(catalog.fiscalYear) has no question '\(code)'",
                hint: "that year's codes are \(ranges)", atKey: atKey)
        } else {
            add(.warning, .unknownQuestion, path, "'\(code)' is outside the codes known for \(catalog.fiscalYear) (\(ranges), not confirmed)",
                hint: "check the code against that year's ITA results", atKey: atKey)
        }
    }

    // MARK: Helpers

    private func fmt(_ d: Decimal) -> String { ThaiNumberFormat.fixed(d, places: 2) }

    private mutating func add(_ severity: Diagnostic.Severity, _ kind: Diagnostic.Kind, _ path: String,
                              _ message: String, hint: String?, atKey: Bool = false) {
        let p = (atKey ? sourceMap.keys[path] : nil) ?? sourceMap.position(of: path)
        diagnostics.append(Diagnostic(severity, kind, file: file, line: p?.line, column: p?.column,
                                      path: path, message: message, hint: hint))
    }
}
