import Foundation

extension NarrativeWriter.Context {
    /// An O35 result that cites the ITA figures a measure rests on: its citations, else the
    /// indicators and questions it addresses, each with its score; nil when no figure is known.
    func outcome(_ m: Measure, index: Int) -> String? {
        var figures: [(text: String, score: Decimal)] = []
        if let citations = m.citations, !citations.isEmpty {
            for c in citations {
                if let n = c.indicator, let s = c.score ?? card.indicators[n] {
                    figures.append(("\(indicatorLabel(n)) ได้ \(score(s)) คะแนน", s))
                } else if let q = c.question, let s = c.score ?? questionScore(q) {
                    figures.append(("\(questionLabel(q)) ได้ \(score(s)) คะแนน", s))
                } else if let t = c.text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty, let s = c.score {
                    figures.append(("\(t) ได้ \(score(s)) คะแนน", s))
                }
            }
        } else {
            for n in m.indicators ?? [] {
                if let s = card.indicators[n] { figures.append(("\(indicatorLabel(n)) ได้ \(score(s)) คะแนน", s)) }
            }
            for q in m.questions ?? [] {
                if let s = questionScore(q) { figures.append(("\(questionLabel(q)) ได้ \(score(s)) คะแนน", s)) }
            }
        }
        guard let lowest = figures.map(\.score).min() else { return nil }
        let verdict = render(lowest >= threshold ? "outcome.good" : "outcome.short", seed: index)
        return render("outcome", seed: index, ["figures": Self.join(figures.map(\.text)), "verdict": verdict])
    }
}
