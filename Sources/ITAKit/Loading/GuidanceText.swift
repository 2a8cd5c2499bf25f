import Foundation
import Synchronization

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
        // A batch reads the same base texts once per organisation: each text is matched once.
        if let known = memo.value(for: text) { return known }
        let found = search(text)
        memo.store(found, for: text)
        return found
    }

    private static func search(_ text: String) -> String? {
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

    private static let memo = TextMemo<String?>(capacity: 4096)
}

/// Results of a function of a text, remembered for up to `capacity` texts (then forgotten all at
/// once), safe to use from several threads.
final class TextMemo<Value: Sendable>: Sendable {
    private let values = Mutex<[String: Value]>([:])
    private let capacity: Int

    init(capacity: Int) { self.capacity = capacity }

    func value(for text: String) -> Value? {
        values.withLock { $0[text] }
    }

    func store(_ value: Value, for text: String) {
        values.withLock { values in
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[text] = value
        }
    }
}
