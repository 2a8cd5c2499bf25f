/// Repairs damage that PDF extraction and old fonts leave in Thai text, where the repair is certain.
///
/// The common cases: sara am written as two characters, nikhahit + sara aa ("ํา"), or after a
/// space (" ำ"); and the private-use glyph variants (U+F700–U+F71F) that PDF fonts use for tone
/// marks and vowels shifted left or down, copied out as if they were text. They look right in
/// some fonts but break search, sorting, line breaking and other fonts.
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
        Repair(damaged: " \u{0E33}", mended: "\u{0E33}", name: "ช่องว่างหน้าสระอำ"),
    ] + privateUse.map { Repair(damaged: String($0.key), mended: String($0.value), name: privateUseName) }
        .sorted { $0.damaged < $1.damaged }

    static let privateUseName = "วรรณยุกต์หรือสระจากฟอนต์ของ PDF (U+F700–U+F71F)"

    /// The private-use glyph variants of Thai fonts (shifted-left, lowered or tail-less forms) and the
    /// characters they draw.
    static let privateUse: [Character: Character] = [
        "\u{F700}": "\u{0E10}", "\u{F701}": "\u{0E34}", "\u{F702}": "\u{0E35}", "\u{F703}": "\u{0E36}",
        "\u{F704}": "\u{0E37}", "\u{F705}": "\u{0E48}", "\u{F706}": "\u{0E49}", "\u{F707}": "\u{0E4A}",
        "\u{F708}": "\u{0E4B}", "\u{F709}": "\u{0E4C}", "\u{F70A}": "\u{0E48}", "\u{F70B}": "\u{0E49}",
        "\u{F70C}": "\u{0E4A}", "\u{F70D}": "\u{0E4B}", "\u{F70E}": "\u{0E4C}", "\u{F70F}": "\u{0E0D}",
        "\u{F710}": "\u{0E31}", "\u{F711}": "\u{0E4D}", "\u{F712}": "\u{0E47}", "\u{F713}": "\u{0E48}",
        "\u{F714}": "\u{0E49}", "\u{F715}": "\u{0E4A}", "\u{F716}": "\u{0E4B}", "\u{F717}": "\u{0E4C}",
        "\u{F718}": "\u{0E38}", "\u{F719}": "\u{0E39}", "\u{F71A}": "\u{0E3A}",
    ]

    /// The mended text and the names of the repairs made (empty if nothing changed).
    public static func mend(_ text: String) -> (text: String, repairs: [String]) {
        // Every repair's damaged form holds a nikhahit, a space before sara am, or a private-use glyph:
        // text with none of them (nearly all text) is returned as it is without copying.
        guard mayNeedRepair(text) else { return (text, []) }
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
                if !made.contains(repair.name) { made.append(repair.name) }
                scalars = String.UnicodeScalarView(out)
            }
        }
        return (String(scalars), made)
    }

    /// Whether `text` holds anything a repair could change.
    static func mayNeedRepair(_ text: String) -> Bool {
        var afterSpace = false
        for c in text.unicodeScalars {
            switch c.value {
            case 0x0E4D, 0xF700...0xF71F: return true
            case 0x0E33 where afterSpace: return true
            default: afterSpace = c == " "
            }
        }
        return false
    }
}
