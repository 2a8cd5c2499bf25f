import Foundation

extension NarrativeWriter.Context {
    /// The three narrative blocks of one O34 analysis issue.
    struct IssueBlocks {
        var deficiencies: String
        var toDevelop: String
        var maintain: String
    }

    /// How many of the lowest-scoring questions a deficiency names.
    static let lowestNamed = 2

    /// The blocks of issue `n`, from the scores of its questions (`questions` as the data lists
    /// them, else the catalog's), or from its indicators when no question has a score.
    func issueBlocks(_ n: Int, questions given: [String]?) -> IssueBlocks? {
        guard let issue = issues.first(where: { $0.number == n }) else { return nil }
        let codes = (given?.isEmpty == false ? given! : issue.questions).map(QuestionCode.normalize)
        var seen = Set<String>()
        let scored: [(code: String, score: Decimal)] = codes.compactMap { c in
            guard seen.insert(c).inserted, let s = questionScore(c) else { return nil }
            return (c, s)
        }
        let develop = phrases.issues[n]?.develop ?? ""
        if scored.isEmpty { return indicatorBlocks(n, develop: develop) }

        let ascending = scored.enumerated().sorted { ($0.element.score, $0.offset) < ($1.element.score, $1.offset) }
            .map(\.element)
        // Name at most half of the issue's questions, so that what is kept is not also what is lacking.
        let named = max(1, min(Self.lowestNamed, scored.count / 2))
        let low = ascending.filter { $0.score < 100 }.prefix(named)
        let lowCodes = Set(low.map(\.code))
        let deficiencies: String
        var focus = ""
        if low.isEmpty {
            deficiencies = render("issue.deficiency.none", seed: n)
        } else {
            deficiencies = render("issue.deficiency", seed: n,
                                  ["items": Self.join(low.map { questionWithScore($0.code) })])
            focus = render("issue.develop.focus", seed: n, ["items": questionLabel(low.first!.code)])
        }
        let toDevelop = render("issue.develop", seed: n, ["develop": develop, "focus": focus])

        let full = scored.filter { $0.score >= 100 }.map(\.code)
        let aboveThreshold = scored.filter { $0.score >= threshold && $0.score < 100 }.map(\.code)
        let unnamed = aboveThreshold.filter { !lowCodes.contains($0) }
        let high = unnamed.isEmpty ? aboveThreshold : unnamed
        let maintain: String
        if !full.isEmpty {
            maintain = render("issue.maintain", seed: n, ["items": Self.join(full.map(questionLabel))])
        } else if !high.isEmpty {
            maintain = render("issue.maintain.high", seed: n, ["items": Self.join(high.map(questionWithScoreInParentheses))])
        } else {
            maintain = render("issue.maintain.none", seed: n)
        }
        return IssueBlocks(deficiencies: deficiencies, toDevelop: toDevelop, maintain: maintain)
    }

    /// The blocks when only indicator scores are known: the issue's related indicators stand in.
    private func indicatorBlocks(_ n: Int, develop: String) -> IssueBlocks? {
        let related = (phrases.issues[n]?.indicators ?? []).filter { card.indicators[$0] != nil }
        let ranked = related.sorted { (card.indicators[$0]!, $0) < (card.indicators[$1]!, $1) }
        guard let lowest = ranked.first else {
            return IssueBlocks(deficiencies: "", toDevelop: render("issue.develop", seed: n,
                                                                   ["develop": develop, "focus": ""]),
                               maintain: "")
        }
        let deficiencies: String
        var focus = ""
        if card.indicators[lowest]! >= 100 {
            deficiencies = render("issue.deficiency.indicator.none", seed: n)
        } else if card.indicators[lowest]! >= threshold {
            deficiencies = render("issue.deficiency.indicator.minor", seed: n, ["items": indicatorWithScore(lowest)])
        } else {
            deficiencies = render("issue.deficiency.indicator", seed: n, ["items": indicatorWithScore(lowest)])
            focus = render("issue.develop.focus", seed: n, ["items": indicatorLabel(lowest)])
        }
        let toDevelop = render("issue.develop", seed: n, ["develop": develop, "focus": focus])
        let strong = related.filter { card.indicators[$0]! >= threshold }
        let maintain = strong.isEmpty
            ? render("issue.maintain.none", seed: n)
            : render("issue.maintain.indicator", seed: n, ["items": Self.join(strong.map(indicatorWithScore))])
        return IssueBlocks(deficiencies: deficiencies, toDevelop: toDevelop, maintain: maintain)
    }
}
