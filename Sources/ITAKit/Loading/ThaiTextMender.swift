/// Repairs damage that PDF extraction and old fonts leave in Thai text, where the repair is certain.
///
/// The common case is sara am written as two characters, nikhahit + sara aa ("ํา"),
/// which looks right in some fonts but breaks search, sorting and other fonts.
public enum ThaiTextMender {
    /// One kind of repair.
    public struct Repair: Sendable, Equatable {
        public let damaged: String
        public let mended: String
        public let name: String
    }

    /// The repairs applied, in order.
    public static let repairs: [Repair] = [
        Repair(damaged: "\u{0E4D}\u{0E32}", mended: "\u{0E33}", name: "สระอำที่แยกเป็น ํ + า"),
        Repair(damaged: "\u{0E32}\u{0E4D}", mended: "\u{0E33}", name: "สระอำที่เขียนสลับเป็น า + ํ"),
    ]

    /// The mended text and the names of the repairs made (empty if nothing changed).
    public static func mend(_ text: String) -> (text: String, repairs: [String]) {
        var scalars = String.UnicodeScalarView(text.unicodeScalars)
        var made: [String] = []
        for repair in repairs {
            let from = Array(repair.damaged.unicodeScalars)
            let to = Array(repair.mended.unicodeScalars)
            var out = [Unicode.Scalar]()
            let src = Array(scalars)
            var i = 0
            var changed = false
            while i < src.count {
                if i + from.count <= src.count, Array(src[i..<(i + from.count)]) == from {
                    out.append(contentsOf: to)
                    i += from.count
                    changed = true
                } else {
                    out.append(src[i])
                    i += 1
                }
            }
            if changed {
                made.append(repair.name)
                scalars = String.UnicodeScalarView(out)
            }
        }
        return (String(scalars), made)
    }
}
