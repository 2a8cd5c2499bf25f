import Foundation

/// Detects a form's own instructions left in a field instead of a value
/// (for example "ระบุ วันที่ หรือ เดือน หรือ ไตรมาส …" where a period belongs).
///
/// The phrases are data (`Resources/guidance-phrases.txt`, one a line); matching ignores
/// spaces, because PDF extraction and retyping move them.
public enum GuidanceText {
    /// The phrases, as shipped.
    public static let phrases: [String] = {
        let url = ResourceLocator.url("guidance-phrases.txt")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }()

    private static let normalizedPhrases: [String] = phrases.map(squeeze)

    /// The guidance phrase found in `text`, or nil. Also catches values that are only
    /// placeholder dots or underscores ("......", "____").
    public static func match(in text: String) -> String? {
        let s = squeeze(text)
        if !s.isEmpty, s.allSatisfy({ $0 == "." || $0 == "_" || $0 == "…" || $0 == "-" }), s.count >= 3 {
            return text.trimmingCharacters(in: .whitespaces)
        }
        for (i, p) in normalizedPhrases.enumerated() where !p.isEmpty && s.contains(p) {
            return phrases[i]
        }
        return nil
    }

    static func squeeze(_ s: String) -> String {
        String(ThaiTextMender.mend(s).text.filter { !$0.isWhitespace })
    }
}
