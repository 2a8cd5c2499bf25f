import Foundation
import ThaiFormat

/// The JSON form of a `ScoreCard` (what `itareport score --json` prints).
///
/// Written by hand so that numbers appear exactly as computed ("98.97", never 98.969999…).
public enum ScoreJSON {
    /// `{"year", "total", "level", "tools": {IIT, EIT, OIT}, "indicators": {"1": …}, …}`.
    public static func render(_ card: ScoreCard) -> String {
        func num(_ d: Decimal?) -> String { d.map { ThaiNumberFormat.fixed($0, places: 2) } ?? "null" }
        func str(_ s: String?) -> String {
            guard let s else { return "null" }
            var out = "\""
            for u in s.unicodeScalars {
                switch u {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\t": out += "\\t"
                default:
                    if u.value < 0x20 { out += String(format: "\\u%04x", u.value) } else { out.unicodeScalars.append(u) }
                }
            }
            return out + "\""
        }
        let tools = card.tools.keys.sorted().map { "\"\($0)\": \(num(card.tools[$0]))" }.joined(separator: ", ")
        let indicators = card.indicators.keys.sorted().map { "\"\($0)\": \(num(card.indicators[$0]))" }
            .joined(separator: ", ")
        let parts = card.eitParts.map { num($0) }.joined(separator: ", ")
        return """
        {
          "year": \(card.year.map(String.init) ?? "null"),
          "total": \(num(card.total)),
          "level": \(str(card.level)),
          "computed_total": \(num(card.computedTotal)),
          "computed_level": \(str(card.computedLevel)),
          "official_total": \(num(card.officialTotal)),
          "official_level": \(str(card.officialLevel)),
          "tools": {\(tools)},
          "eit_parts": [\(parts)],
          "indicators": {\(indicators)},
          "strength_threshold": \(num(card.strengthThreshold)),
          "strengths": [\(card.strengths.map(String.init).joined(separator: ", "))],
          "weaknesses": [\(card.weaknesses.map(String.init).joined(separator: ", "))],
          "level_rubric_confirmed": \(card.levelRubricConfirmed),
          "level_provisional": \(card.levelIsProvisional),
          "strength_rubric_confirmed": \(card.strengthRubricConfirmed)
        }
        """
    }
}
