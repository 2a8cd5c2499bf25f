import Foundation
import ThaiFormat

extension NarrativeWriter {
    /// The figures of one data file as the phrases need them, and the sentences built from them.
    struct Context {
        let data: ReportData
        let catalog: FrameworkCatalog
        let phrases: PhraseBank
        let card: ScoreCard
        /// The issues of the O34 analysis: the catalog's, or those of the document's own year
        /// when the analysed year predates them (an O34 of 2566 analyses the ITA of 2565).
        let issues: [FrameworkCatalog.AnalysisIssue]

        init(data: ReportData, catalog: FrameworkCatalog, phrases: PhraseBank) {
            self.data = data
            self.catalog = catalog
            self.phrases = phrases
            card = Scorer.score(data.assessment ?? Assessment(), catalog: catalog, strengthThreshold: data.options?.strengthThreshold)
            if !catalog.issues.isEmpty {
                issues = catalog.issues
            } else if let year = data.options?.formYear ?? data.fiscalYear, year >= 2566,
                      let own = CatalogStore.nearestCatalog(for: year) {
                issues = own.issues
            } else {
                issues = []
            }
        }

        // MARK: Common values

        var org: String {
            let name = data.organization?.name?.trimmingCharacters(in: .whitespaces) ?? ""
            return name.isEmpty ? "หน่วยงาน" : name
        }
        var year: Int { data.assessedYear ?? catalog.fiscalYear }
        var fiscal: Int { max(data.fiscalYear ?? year + 1, year) }
        var threshold: Decimal { card.strengthThreshold ?? catalog.strengthThreshold }
        var scoredIndicators: [Int] { card.indicators.keys.filter { (1...10).contains($0) }.sorted() }

        func digits(_ text: String) -> String {
            data.options?.digits == .thai ? ThaiNumerals.toThai(text) : text
        }

        func score(_ d: Decimal) -> String { ThaiNumberFormat.fixed(d, places: 2) }

        /// A threshold as documents write it: "95" for a whole number, "92.50" otherwise.
        func mark(_ d: Decimal) -> String {
            ThaiNumberFormat.roundHalfUp(d, places: 0) == d ? ThaiNumberFormat.fixed(d, places: 0) : score(d)
        }

        var common: [String: String] {
            ["org": org, "year": "\(year)", "fiscal": "\(fiscal)", "threshold": mark(threshold),
             "pass_mark": mark(phrases.passMark)]
        }

        func render(_ slot: String, seed: Int, _ values: [String: String] = [:]) -> String {
            phrases.render(slot, seed: year + seed, common.merging(values) { $1 })
        }

        /// "ก ข และค": Thai lists separate items by spaces and put และ before the last.
        static func join(_ items: [String]) -> String {
            switch items.count {
            case 0: return ""
            case 1: return items[0]
            default: return items.dropLast().joined(separator: " ") + " และ" + items[items.count - 1]
            }
        }

        func indicatorName(_ n: Int) -> String { catalog.indicator(n)?.name ?? "" }

        func indicatorLabel(_ n: Int) -> String {
            let name = indicatorName(n)
            return name.isEmpty ? "ตัวชี้วัดที่ \(n)" : "ตัวชี้วัดที่ \(n) \(name)"
        }

        /// "ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล (93.25 คะแนน)".
        func indicatorWithScore(_ n: Int) -> String {
            guard let s = card.indicators[n] else { return indicatorLabel(n) }
            return "\(indicatorLabel(n)) (\(score(s)) คะแนน)"
        }

        // MARK: Questions

        func questionScore(_ code: String) -> Decimal? {
            let c = QuestionCode.normalize(code)
            return data.assessment?.questions?[c] ?? data.assessment?.questions?[code]
        }

        /// The user's wording first, then the catalog's.
        func questionText(_ code: String) -> String? {
            let c = QuestionCode.normalize(code)
            let texts = data.assessment?.questionTexts ?? [:]
            let text = texts[c] ?? texts[code] ?? catalog.question(c)?.text
            return text?.trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// "ข้อ o1 โครงสร้าง" for items, "ข้อ i5 “…”" for survey questions, "ข้อ e10" without a text.
        func questionLabel(_ code: String) -> String {
            let c = QuestionCode.normalize(code)
            guard let text = questionText(c), !text.isEmpty else { return "ข้อ \(c)" }
            return c.hasPrefix("o") ? "ข้อ \(c) \(text)" : "ข้อ \(c) “\(text)”"
        }

        /// "ข้อ i11 “…” (98.49 คะแนน)": for lists whose sentence goes on after the items.
        func questionWithScoreInParentheses(_ code: String) -> String {
            guard let s = questionScore(code) else { return questionLabel(code) }
            return "\(questionLabel(code)) (\(score(s)) คะแนน)"
        }

        func questionWithScore(_ code: String) -> String {
            guard let s = questionScore(code) else { return questionLabel(code) }
            return "\(questionLabel(code)) ได้ \(score(s)) คะแนน"
        }
    }
}
