import Foundation

extension NarrativeWriter.Context {
    /// What the indicator measures, its score, strength or weakness, and what follows.
    func indicatorParagraph(_ n: Int) -> String? {
        guard let s = card.indicators[n], let words = phrases.indicators[n] else { return nil }
        let values = ["n": "\(n)", "name": indicatorName(n), "about": words.about, "score": score(s),
                      "keep": words.keep, "improve": words.improve, "gap": score(threshold - s)]
        var sentences = [render("indicator.opening", seed: n, values), render("indicator.score", seed: n, values)]
        if s >= 100 {
            sentences.append(render("indicator.full", seed: n, values))
        } else if s >= threshold {
            sentences.append(render("indicator.strength", seed: n, values))
        } else {
            sentences.append(render("indicator.weakness", seed: n, values))
            if s < phrases.passMark { sentences.append(render("indicator.urgent", seed: n, values)) }
        }
        sentences.append(render(s >= threshold ? "indicator.keep" : "indicator.improve", seed: n, values))
        return sentences.joined(separator: " ")
    }

    /// "จุดแข็ง จำนวน 9 ตัวชี้วัด ได้แก่ …".
    func strengthsSummary() -> String? {
        guard !scoredIndicators.isEmpty else { return nil }
        let list = card.strengths
        if list.isEmpty { return render("summary.strengths.none", seed: 0) }
        return render("summary.strengths", seed: 0,
                      ["count": "\(list.count)", "items": Self.join(list.map(indicatorWithScore))])
    }

    /// "จุดอ่อนที่ต้องเร่งพัฒนา จำนวน 1 ตัวชี้วัด ได้แก่ …", lowest first.
    func weaknessesSummary() -> String? {
        guard !scoredIndicators.isEmpty else { return nil }
        let list = card.weaknesses.sorted { (card.indicators[$0]!, $0) < (card.indicators[$1]!, $1) }
        if list.isEmpty { return render("summary.weaknesses.none", seed: 0) }
        return render("summary.weaknesses", seed: 0,
                      ["count": "\(list.count)", "items": Self.join(list.map(indicatorWithScore))])
    }

    /// Total and level (the announced ones when given), tool scores, and the counts.
    func overview() -> String? {
        guard !scoredIndicators.isEmpty || card.total != nil else { return nil }
        var sentences: [String] = []
        if let total = card.total {
            var level = ""
            if let l = card.level?.trimmingCharacters(in: .whitespaces), !l.isEmpty {
                let spaced = l.first.map { $0.isASCII } == true ? " \(l)" : l
                level = render("overview.level", seed: 0, ["level": spaced])
            }
            sentences.append(render("overview.total", seed: 0, ["total": score(total), "level": level]))
        }
        let announced = data.assessment?.tools
        var tools: [String] = []
        for tool in catalog.tools {
            let given: Decimal?
            switch tool.code.uppercased() {
            case "IIT": given = announced?.iit
            case "EIT": given = announced?.eit
            case "OIT": given = announced?.oit
            default: given = nil
            }
            guard let value = given ?? card.tools[tool.code] else { continue }
            tools.append("\(tool.name) (\(tool.code)) ได้ \(score(value)) คะแนน")
        }
        if !tools.isEmpty { sentences.append(render("overview.tools", seed: 0, ["tools": Self.join(tools)])) }
        if !scoredIndicators.isEmpty {
            let slot = card.weaknesses.isEmpty ? "overview.counts.all"
                : card.strengths.isEmpty ? "overview.counts.none" : "overview.counts"
            sentences.append(render(slot, seed: 0, [
                "count": "\(scoredIndicators.count)", "strengths": "\(card.strengths.count)",
                "weaknesses": "\(card.weaknesses.count)",
            ]))
        }
        return sentences.joined(separator: " ")
    }

    /// หลักการและเหตุผล.
    func rationale() -> String? {
        render("rationale", seed: 0)
    }
}
