import ThaiFormat

/// Question and item codes as data files and seeds write them: "i1", "E9", "O35", "e๙".
public enum QuestionCode {
    /// Lower-case, Arabic digits, no spaces or dots: "O 3๕." → "o35".
    public static func normalize(_ code: String) -> String {
        ThaiNumerals.toArabic(code).lowercased().filter { !$0.isWhitespace && $0 != "." }
    }

    /// The prefix letter and number of a well-formed code, or nil.
    public static func split(_ code: String) -> (prefix: String, number: Int)? {
        let c = normalize(code)
        guard let first = c.first, first.isLetter else { return nil }
        let rest = c.dropFirst()
        guard !rest.isEmpty, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(rest) else { return nil }
        return (String(first), n)
    }
}
