import Foundation

extension NarrativeWriter.Context {
    /// An O35 result written from the ITA figures the measure cites (`citations`), each with its score;
    /// nil when it cites none with a known score. The indicators and questions a measure was planned for
    /// are not a result: without citations the clerk writes the outcome.
    func outcome(_ m: Measure, index: Int) -> String? {
        var figures: [(text: String, score: Decimal)] = []
        for c in m.citations ?? [] {
            if let n = c.indicator, let s = c.score ?? card.indicators[n] {
                figures.append(("\(indicatorLabel(n)) ได้ \(score(s)) คะแนน", s))
            } else if let q = c.question, let s = c.score ?? questionScore(q) {
                figures.append(("\(questionLabel(q)) ได้ \(score(s)) คะแนน", s))
            } else if let t = c.text?.trimmingCharacters(in: .whitespacesAndNewlines), !t.isEmpty, let s = c.score {
                figures.append(("\(t) ได้ \(score(s)) คะแนน", s))
            }
        }
        guard let lowest = figures.map(\.score).min() else { return nil }
        let verdict = render(lowest >= threshold ? "outcome.good" : "outcome.short", seed: index)
        return render("outcome", seed: index, ["figures": Self.join(figures.map(\.text)), "verdict": verdict])
    }
}
