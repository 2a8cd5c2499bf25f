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
            add(.error, .missingField, "fiscal_year", Message("check.fiscal-year-missing"),
                hint: Message("check.fiscal-year-missing.hint"))
        }
        if let y = data.options?.formYear { checkYear(y, "options.form_year") }
        if data.document != nil, (data.organization?.name ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            // Every document names the organisation in its text and its file name. (A file that names no
            // document may be a batch's base file, whose rows give the names: its documents are drafts without one.)
            add(.error, .missingField, data.organization == nil ? "organization" : "organization.name",
                Message("check.org-name-missing"), hint: Message("check.org-name-missing.hint"))
        }

        var catalog: FrameworkCatalog?
        if let a = data.assessment {
            if let y = a.year {
                checkYear(y, "assessment.year")
                // An O34's year is checked strictly by DatePlausibility.
                if let f = data.fiscalYear, data.document != .o34, Self.plausibleBE.contains(y), Self.plausibleBE.contains(f),
                   y > f || y < f - 2 {
                    add(.warning, .implausibleYear, "assessment.year",
                        Message("check.ita-year-unusual", ["year": "\(y)", "fiscal_year": "\(f)"]),
                        hint: Message("check.ita-year-unusual.hint", ["fiscal_year": "\(f)", "previous": "\(f - 1)"]))
                }
            }
            if let year = data.assessedYear, Self.plausibleBE.contains(year) {
                do {
                    catalog = try CatalogStore.catalog(for: year)
                } catch {
                    add(.warning, .unknownYear, a.year != nil ? "assessment.year" : "fiscal_year",
                        (error as? CataloguedError)?.catalogueMessage ?? .verbatim("\(error)"),
                        hint: Message("check.unknown-year.hint"))
                    catalog = CatalogStore.nearestCatalog(for: year)
                }
            }
            checkAssessment(a, catalog, document: data.document)
        } else if let year = data.assessedYear, Self.plausibleBE.contains(year) {
            // No scores, yet measures and citations may name indicators and questions: the year's
            // catalog names them (an unknown year is said where an assessment gives it).
            catalog = (try? CatalogStore.catalog(for: year)) ?? CatalogStore.nearestCatalog(for: year)
        }
        for f in DatePlausibility.findings(in: data) + ProvisionalRubricCheck.findings(in: data, catalog: catalog) {
            add(f.severity, f.kind, f.path, f.message, hint: f.hint)
        }
        if let analysis = data.analysis { checkAnalysis(analysis, catalog) }
        for (i, m) in (data.measures ?? []).enumerated() {
            checkMeasure(m, "measures[\(i)]", catalog, data)
            for (j, d) in (m.dates ?? []).enumerated() {
                checkDoneDate(d, "measures[\(i)].dates[\(j)]", data, reported: data.document == .o35)
            }
        }
        for (i, photo) in (data.photos ?? []).enumerated() {
            if let d = photo.date { checkDoneDate(d, "photos[\(i)].date", data, reported: true) }
        }
        return catalog
    }

    // MARK: Sections

    private mutating func checkAssessment(_ a: Assessment, _ catalog: FrameworkCatalog?, document: DocumentKind?) {
        for (n, score) in (a.indicators ?? [:]).sorted(by: { $0.key < $1.key }) {
            let path = "assessment.indicators.\(n)"
            if !(1...10).contains(n) {
                add(.error, .indicatorOutOfRange, path, Message("check.no-such-indicator", ["number": "\(n)"]),
                    hint: Message("hint.indicators-1-10"), atKey: true)
                continue
            }
            checkScore(score, path)
        }
        if let given = a.indicators, !given.isEmpty {
            let missing = (1...10).filter { given[$0] == nil }
            if !missing.isEmpty, document == .o34 || document == .analysis {
                // Both documents print every indicator's score: a partial list is a misreading or a slip.
                let numbers = missing.map(String.init).joined(separator: ", ")
                let printer = document == .o34 ? Message("document.o34") : Message("document.analysis")
                add(.error, .missingIndicators, "assessment.indicators",
                    missing.count == 1
                        ? Message("check.indicator-missing", ["number": "\(numbers)", "document": .message(printer)])
                        : Message("check.indicators-missing", ["numbers": "\(numbers)", "document": .message(printer)]),
                    hint: Message("check.indicators-missing.hint", ["number": "\(missing[0])"]))
            } else if !missing.isEmpty, a.official?.total == nil {
                add(.warning, .missingIndicators, "assessment.indicators",
                    Message("check.total-not-computable", ["numbers": "\(missing.map(String.init).joined(separator: ", "))"]),
                    hint: Message("check.total-not-computable.hint"))
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
                        Message("check.tool-score-differs", ["tool": "\(key)", "given": "\(fmt(given))", "computed": "\(fmt(computed))"]),
                        hint: Message("hint.check-announced"))
                }
            }
        }
        if let official = card.officialTotal, let computed = card.computedTotal, official != computed {
            add(.warning, .officialTotalDiffers, "assessment.official.total",
                Message("check.official-total-differs", ["official": "\(fmt(official))", "computed": "\(fmt(computed))"]),
                hint: Message("hint.check-announced"))
        }
        let names = catalog.levels.bands.map(\.name)
        if let level = a.official?.level, !names.isEmpty, !names.contains(level) {
            // The document prints the level as written: only the year's own names may reach it.
            let trimmed = level.trimmingCharacters(in: .whitespacesAndNewlines)
            let bare = trimmed.hasPrefix("ระดับ") ? String(trimmed.dropFirst("ระดับ".count)).trimmingCharacters(in: .whitespaces) : trimmed
            let computed = (card.officialTotal ?? card.computedTotal).flatMap { catalog.levels.level(for: $0) }
            let near = KeySuggester.nearest(to: bare, in: names)
            let suggestion = names.contains(bare) ? bare : (near ?? computed)
            // Unconfirmed bands may lack a name the system announced ("ผ่าน"): there only a near miss of a known
            // name, a level of the other era's letters, or a stray "ระดับ" is refused.
            let thaiNames = names.allSatisfy { $0.unicodeScalars.contains { (0x0E00...0x0E7F).contains($0.value) } }
            let latin = bare.unicodeScalars.contains { ("A"..."Z").contains($0) || ("a"..."z").contains($0) }
            let refused = catalog.levels.confirmed || bare != level || (thaiNames && latin)
                || (near != nil && !names.contains { $0.hasPrefix(bare) })
            if !refused {
                add(.warning, .invalidValue, "assessment.official.level",
                    Message("check.level-unconfirmed-name", ["level": "\(level)", "year": "\(catalog.fiscalYear)",
                                                             "names": "\(names.joined(separator: ", "))"]),
                    hint: Message("check.official-level-differs.hint"))
            } else {
            add(.error, .invalidValue, "assessment.official.level",
                Message("check.level-unknown", ["level": "\(level)", "year": "\(catalog.fiscalYear)",
                                                "names": "\(names.joined(separator: ", "))"]),
                hint: suggestion.map { Message("check.level-unknown.hint", ["level": "\($0)"]) } ?? Message("check.official-level-differs.hint"))
            }
        } else if let level = a.official?.level {
            let basis = card.officialTotal ?? card.computedTotal
            if let basis, let computedLevel = catalog.levels.level(for: basis), computedLevel != level, catalog.levels.confirmed {
                // The year's bands are confirmed: the level contradicts the total the document prints beside it.
                add(.error, .officialLevelDiffers, "assessment.official.level",
                    Message("check.official-level-contradicts", ["level": "\(level)", "computed": "\(computedLevel)",
                                                                 "total": "\(fmt(basis))", "year": "\(catalog.fiscalYear)"]),
                    hint: Message("check.official-level-contradicts.hint", ["computed": "\(computedLevel)"]))
            } else if let basis, let computedLevel = catalog.levels.level(for: basis), computedLevel != level {
                add(.warning, .officialLevelDiffers, "assessment.official.level",
                    catalog.levels.confirmed
                        ? Message("check.official-level-differs", ["level": "\(level)", "computed": "\(computedLevel)", "total": "\(fmt(basis))"])
                        : Message("check.official-level-differs.provisional", ["level": "\(level)", "computed": "\(computedLevel)",
                                                                               "total": "\(fmt(basis))", "year": "\(catalog.fiscalYear)"]),
                    hint: Message("check.official-level-differs.hint"))
            }
        }
    }

    private mutating func checkAnalysis(_ analysis: Analysis, _ catalog: FrameworkCatalog?) {
        for (i, issue) in (analysis.issues ?? []).enumerated() {
            let path = "analysis.issues[\(i)]"
            if let n = issue.issue { checkIssueNumber(n, path + ".issue") } else {
                add(.error, .missingField, path, Message("check.issue-number-missing"), hint: Message("check.issue-number-missing.hint"))
            }
            for (j, code) in (issue.questions ?? []).enumerated() { checkCode(code, "\(path).questions[\(j)]", catalog) }
        }
        for n in (analysis.indicators ?? [:]).keys.sorted() where !(1...10).contains(n) {
            add(.error, .indicatorOutOfRange, "analysis.indicators.\(n)", Message("check.no-such-indicator", ["number": "\(n)"]),
                hint: Message("hint.indicators-1-10"), atKey: true)
        }
    }

    private mutating func checkMeasure(_ m: Measure, _ path: String, _ catalog: FrameworkCatalog?, _ data: ReportData) {
        if let n = m.issue { checkIssueNumber(n, path + ".issue") }
        for (j, n) in (m.indicators ?? []).enumerated() where !(1...10).contains(n) {
            add(.error, .indicatorOutOfRange, "\(path).indicators[\(j)]", Message("check.no-such-indicator", ["number": "\(n)"]),
                hint: Message("hint.indicators-1-10"))
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
                add(.error, .indicatorOutOfRange, cp + ".indicator", Message("check.no-such-indicator", ["number": "\(n)"]),
                    hint: Message("hint.indicators-1-10"))
            }
            if let q = c.question { checkCode(q, cp + ".question", catalog) }
            let known = c.indicator.flatMap { data.assessment?.indicators?[$0] } ?? c.question.flatMap { data.assessment?.questions?[$0] }
            if c.score == nil, known == nil, c.indicator != nil || c.question != nil, printsCitations {
                let what = c.indicator.map { Message("what.indicator", ["number": "\($0)"]) }
                    ?? Message("what.question", ["code": "\(c.question ?? "")"])
                let measure: Message.Argument = m.title.map { .message(Message("quoted", ["value": "\($0)"])) } ?? "\(path)"
                add(.warning, .citationWithoutScore, cp,
                    Message("check.citation-without-score", ["measure": measure, "what": .message(what)]),
                    hint: Message("check.citation-without-score.hint", ["section": "\(c.indicator != nil ? "indicators" : "questions")"]))
            }
            if let s = c.score {
                checkScore(s, cp + ".score")
                let known = c.indicator.flatMap { data.assessment?.indicators?[$0] }
                    ?? c.question.flatMap { data.assessment?.questions?[$0] }
                if let known, known != s {
                    add(.warning, .invalidValue, cp + ".score",
                        Message("check.cited-score-differs", ["cited": "\(fmt(s))", "score": "\(fmt(known))"]),
                        hint: Message("check.cited-score-differs.hint"))
                }
            }
        }
    }

    /// A date something was done on (an activity, a photo): in the document's fiscal year (a warning
    /// when near it, an error when more than a year away: a typo like 2664) and, where the document
    /// reports it as done (`reported`: an O35's activities, photos), not after the document is signed.
    private mutating func checkDoneDate(_ date: CalendarDate, _ path: String, _ data: ReportData, reported: Bool) {
        if reported, let signed = data.signatory?.date, date > signed {
            add(.error, .dateOutsideFiscalYear, path,
                Message("check.done-after-signing", ["date": "\(ThaiDateFormat.long(date))", "signed": "\(ThaiDateFormat.long(signed))"]),
                hint: Message("check.done-after-signing.hint"))
            return
        }
        guard let fy = data.fiscalYear, Self.plausibleBE.contains(fy),
              let start = CalendarDate.fiscalYearStart(fy), let end = CalendarDate.fiscalYearEnd(fy),
              date < start || date > end else { return }
        let far = date.days(to: start) > DatePlausibility.farDays || end.days(to: date) > DatePlausibility.farDays
        let hint = date.year > 2400 ? Message("check.be-twice", ["year": "\(date.year + 543)"])
            : Message("check.period-outside.hint", ["fiscal_year": "\(fy)", "range": "\(ThaiDateFormat.fiscalYearRange(fy))"])
        add(far ? .error : .warning, .dateOutsideFiscalYear, path,
            Message("check.done-outside-year", ["date": "\(ThaiDateFormat.long(date))", "fiscal_year": "\(fy)"]), hint: hint)
    }

    private mutating func checkPeriod(_ p: Period, _ path: String, fiscalYear: Int?, throughNextYear: Bool = false) {
        if let f = p.from, let t = p.to, t < f {
            add(.error, .periodReversed, path + ".to",
                Message("check.period-reversed", ["end": "\(ThaiDateFormat.long(t))", "start": "\(ThaiDateFormat.long(f))"]),
                hint: Message("check.period-reversed.hint"))
        }
        guard let fy = fiscalYear, Self.plausibleBE.contains(fy),
              let start = CalendarDate.fiscalYearStart(fy),
              let end = CalendarDate.fiscalYearEnd(throughNextYear ? fy + 1 : fy) else { return }
        // A quarter of slack: measures often start before the new year or run into the next.
        for (key, date) in [("from", p.from), ("to", p.to)] {
            guard let date else { continue }
            if date.days(to: start) > 92 || end.days(to: date) > 92 {
                let ce = date.year
                let hint = ce > 2400 ? Message("check.be-twice", ["year": "\(ce + 543)"])
                    : Message("check.period-outside.hint", ["fiscal_year": "\(fy)", "range": "\(ThaiDateFormat.fiscalYearRange(fy))"])
                let far = date.days(to: start) > DatePlausibility.farDays || end.days(to: date) > DatePlausibility.farDays
                add(far ? .error : .warning, .periodOutsideFiscalYear, "\(path).\(key)",
                    Message("check.period-outside", ["date": "\(ThaiDateFormat.long(date))", "fiscal_year": "\(fy)"]), hint: hint)
            }
        }
    }

    // MARK: Values

    private mutating func checkYear(_ y: Int, _ path: String) {
        if Self.plausibleBE.contains(y) { return }
        if (1900...2157).contains(y) {
            add(.error, .ceYear, path, Message("check.ce-year", ["year": "\(y)"]),
                hint: Message("check.ce-year.hint", ["be_year": "\(y + 543)"]))
        } else {
            add(.error, .implausibleYear, path, Message("check.implausible-year", ["year": "\(y)"]),
                hint: Message("check.implausible-year.hint"))
        }
    }

    private mutating func checkScore(_ s: Decimal, _ path: String) {
        if s < 0 || s > 100 {
            add(.error, .scoreOutOfRange, path, Message("check.score-out-of-range", ["score": "\(fmt(s))"]),
                hint: Message("check.score-out-of-range.hint"))
        }
        // The documents print two decimals and class strengths on the value: 94.995 would print "95.00" yet
        // count as below 95.
        var value = s, rounded = Decimal()
        NSDecimalRound(&rounded, &value, 2, .plain)
        if rounded != s {
            add(.error, .invalidValue, path, Message("check.score-decimals", ["score": "\(s)"]),
                hint: Message("check.score-decimals.hint", ["rounded": "\(fmt(rounded))"]))
        }
    }

    private mutating func checkIssueNumber(_ n: Int, _ path: String) {
        if !(1...7).contains(n) {
            add(.error, .issueOutOfRange, path, Message("check.no-such-issue", ["number": "\(n)"]),
                hint: Message("check.no-such-issue.hint"))
        }
    }

    private mutating func checkCode(_ code: String, _ path: String, _ catalog: FrameworkCatalog?, atKey: Bool = false) {
        guard let catalog, !catalog.hasQuestion(code) else { return }
        let ranges = catalog.questionRanges.counts.sorted { $0.key > $1.key }
            .map { "\($0.key)1–\($0.key)\($0.value)" }.joined(separator: ", ")
        if catalog.questionRanges.confirmed {
            add(.error, .unknownQuestion, path, Message("check.no-such-question", ["year": "\(catalog.fiscalYear)", "code": "\(code)"]),
                hint: Message("check.no-such-question.hint", ["ranges": "\(ranges)"]), atKey: atKey)
        } else {
            add(.warning, .unknownQuestion, path,
                Message("check.question-unconfirmed", ["code": "\(code)", "year": "\(catalog.fiscalYear)", "ranges": "\(ranges)"]),
                hint: Message("check.question-unconfirmed.hint"), atKey: atKey)
        }
    }

    // MARK: Helpers

    private func fmt(_ d: Decimal) -> String { ThaiNumberFormat.fixed(d, places: 2) }

    private mutating func add(_ severity: Diagnostic.Severity, _ kind: Diagnostic.Kind, _ path: String,
                              _ message: Message, hint: Message?, atKey: Bool = false) {
        let p = (atKey ? sourceMap.keys[path] : nil) ?? sourceMap.position(of: path)
        diagnostics.append(Diagnostic(severity, kind, file: file, line: p?.line, column: p?.column,
                                      path: path, problem: message, remedy: hint))
    }
}
