/// Marks where a line of Thai document text must not break, with WORD JOINER (U+2060).
///
/// LibreOffice breaks Thai by dictionary and splits compounds (เจ้า|หน้าที่), names, and in narrow
/// cells even numbers ("100. / 00"). A word joiner between two characters forbids a break there and
/// prints nothing; LibreOffice's PDF text leaves it out, so searching the PDF for the plain word still
/// finds it. The keeper joins:
///
/// - every number, score and year, with its inner separators (`2568`, `99.09`, `1,250`, `30/09/2568`);
/// - a day and its month (`30 กันยายน`), and `พ.ศ.`/`ค.ศ.` with its year, by a no-break space;
/// - each listed word, and each name given (an organisation's), letter by letter.
///
/// A joined word also gets a ZERO WIDTH SPACE (U+200B) where it touches Thai letters: without it
/// LibreOffice's dictionary takes the joined word and the Thai text around it as one unknown stretch,
/// which a narrow cell then cuts anywhere ("เ / ทศบาลเมืองศรีสะเก / ษจะ"). In table cells (`inCells`) a
/// word longer than `longestJoined` letters is joined in parts — the listed words inside it, the rest
/// between them — with a zero width space between the parts: there LibreOffice cuts a longer joined
/// stretch after its first letter ("อ / งค์การบริหารส่วนตำ / บล", measured in cells from 3 to 5.5 cm),
/// so a long name breaks between its words (เทศบาลเมือง / ศรีสะเกษ) rather than inside one. Across
/// the page a name longer than `longestJoined` may break between its listed words and the rest
/// (เทศบาลเมือง / ศรีสะเกษ, องค์การบริหารส่วนตำบล / วังทอง), each part whole: joined as one it
/// leaves the line before it short, and LibreOffice spreads a justified Thai line's letters. Month
/// names are kept whole like listed words. Neither character is in the text
/// of the PDF LibreOffice writes.
///
/// A month and its year share a no-break space across the page; in table cells (`inCells`) they stay
/// breakable at their space (a no-break space there becomes a plain one): a narrow cell then puts the
/// year on the next line rather than breaking inside the year. Text
/// already holding joiners or zero width spaces is first cleared of them, so applying the keeper twice gives
/// the same text.
public struct ThaiLineKeeper: Sendable {
    public static let joiner: Character = "\u{2060}"
    /// The break opportunity set around joined words and between the parts of a long one.
    public static let breakOpportunity: Character = "\u{200B}"
    /// Letters (Unicode scalars) a word may have and still be joined whole.
    public static let longestJoined = 15
    /// Whether long words are joined in parts (text in table cells).
    public let inCells: Bool

    /// Listed words by their first scalar, longest first.
    private let words: [Unicode.Scalar: [[Unicode.Scalar]]]
    /// The same for first scalars in ASCII (0–0x7F) and the Thai block (0x80 + offset in U+0E00–U+0E7F).
    private let table: [[[Unicode.Scalar]]]
    /// The names given, in UTF-8, as they are matched (trimmed, without joiners).
    private let names: [[UInt8]]
    /// The same names as scalars.
    private let nameScalars: Set<[Unicode.Scalar]>

    /// Month names and abbreviations a year may follow.
    public static let months: [String] = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
        "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]
    private static let eras: [String] = ["พ.ศ.", "ค.ศ."]
    private static let monthScalars = months.map { Array($0.unicodeScalars) }
    private static let abbreviatedMonthScalars = months.filter { $0.hasSuffix(".") }.map { Array($0.unicodeScalars) }
    private static let eraScalars = eras.map { Array($0.unicodeScalars) }
    private static let joinerScalar: Unicode.Scalar = "\u{2060}"
    private static let spaceScalar: Unicode.Scalar = "\u{200B}"

    /// - Parameters:
    ///   - words: words kept whole wherever they appear (blank entries are ignored).
    ///   - names: names kept whole too, spaces included (an organisation's name).
    public init(words: [String], names: [String] = [], inCells: Bool = false) {
        self.inCells = inCells
        var index: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        var nameBytes: [[UInt8]] = []
        var nameScalars: Set<[Unicode.Scalar]> = []
        // Month names are kept whole as listed words are: LibreOffice cuts "กุมภ / าพันธ์".
        let words = words + Self.months.filter { !$0.hasSuffix(".") }
        for (n, w) in (words + names).enumerated() {
            let scalars = Array(w.trimmingSpaces.unicodeScalars.filter { $0 != Self.joinerScalar })
            guard scalars.count > 1, let first = scalars.first else { continue }
            if n >= words.count {
                var bytes: [UInt8] = []
                for c in scalars { UTF8.encode(c) { bytes.append($0) } }
                nameBytes.append(bytes)
                nameScalars.insert(scalars)
            }
            if index[first]?.contains(scalars) == true { continue }
            index[first, default: []].append(scalars)
        }
        self.words = index.mapValues { $0.sorted { $0.count > $1.count } }
        self.names = nameBytes
        self.nameScalars = nameScalars
        // ASCII and the Thai block looked up by position instead of by hash.
        var table = [[[Unicode.Scalar]]](repeating: [], count: 0x100)
        for (first, list) in self.words {
            if first.value < 0x80 { table[Int(first.value)] = list }
            if (0x0E00...0x0E7F).contains(first.value) { table[0x80 + Int(first.value - 0x0E00)] = list }
        }
        self.table = table
    }

    /// Whether `keep(segments:)` gives the same for these pieces whatever the names: the pieces hold
    /// no word joiner or zero width space and none of the names. Keepers of the same words (and the
    /// same `inCells`) may then share their results.
    public func resultIgnoresNames(_ segments: [String]) -> Bool {
        var text: [UInt8] = []
        for s in segments {
            for b in s.utf8 {
                // U+2060 is E2 81 A0 in UTF-8, U+200B E2 80 8B: text holding them is judged without them.
                if b == 0xA0 || b == 0x8B, text.count >= 2, text[text.count - 2] == 0xE2,
                   text[text.count - 1] == (b == 0xA0 ? 0x81 : 0x80) { return false }
                text.append(b)
            }
        }
        for name in names where name.count <= text.count {
            let first = name[0]
            var i = 0
            while i + name.count <= text.count {
                if text[i] == first, text[i..<(i + name.count)].elementsEqual(name) { return false }
                i += 1
            }
        }
        return true
    }

    /// `text` with word joiners where a line must not break.
    public func keep(_ text: String) -> String { keep(segments: [text])[0] }

    /// The pieces of one paragraph (its text runs, in order) with word joiners where a line must not
    /// break, judged on the paragraph's whole text: a year in one run after "พ.ศ. " in the one before
    /// is joined to it. Returns as many pieces as given.
    public func keep(segments: [String]) -> [String] {
        var chars: [Unicode.Scalar] = []
        var owner: [Int] = []
        // A segment that held joiners or zero width spaces is rewritten even when nothing is joined in it.
        var hadMarks = [Bool](repeating: false, count: segments.count)
        for (n, s) in segments.enumerated() {
            for c in s.unicodeScalars {
                if c == Self.joinerScalar || c == Self.spaceScalar { hadMarks[n] = true; continue }
                chars.append(c); owner.append(n)
            }
        }
        guard chars.count > 1 else {
            var out = [String](repeating: "", count: segments.count)
            for (j, c) in chars.enumerated() { out[owner[j]].unicodeScalars.append(c) }
            return out
        }
        let original = chars
        // glue[i]: no break between chars[i-1] and chars[i].
        var glue = [Bool](repeating: false, count: chars.count)
        // open[i]: a zero width space goes before chars[i].
        var open = [Bool](repeating: false, count: chars.count)
        var i = 0
        while i < chars.count {
            if let length = wordMatch(chars, at: i) {
                let parts = inCells ? partStarts(chars, i..<(i + length))
                    : nameParts(chars, i..<(i + length))
                for j in (i + 1)..<(i + length) where !chars[j].isSpaceLike {
                    if parts.contains(j) { open[j] = true } else { glue[j] = true }
                }
                if i > 0, chars[i - 1].isThai, !chars[i].isCombiningThai { open[i] = true }
                if i + length < chars.count, chars[i + length].isThai, !chars[i + length].isCombiningThai { open[i + length] = true }
                i += length
                continue
            }
            i += 1
        }
        // A slash between Thai words ("โครงการ/กิจกรรม") may end a line: LibreOffice does not break
        // after it by itself, and a header cell then cuts the first word.
        for j in 1..<chars.count where chars[j - 1] == "/" && chars[j].isThai && !chars[j].isCombiningThai && j >= 2 && chars[j - 2].isThai {
            open[j] = true
        }
        // Numbers: digits with the separators between them.
        for j in 1..<chars.count {
            if chars[j].isDocumentDigit, chars[j - 1].isDocumentDigit { glue[j] = true }
            if chars[j].isNumberSeparator, chars[j - 1].isDocumentDigit, j + 1 < chars.count, chars[j + 1].isDocumentDigit {
                glue[j] = true; glue[j + 1] = true
            }
        }
        // A year after "พ.ศ.", a month after a day: the space between becomes a no-break space (a
        // joiner after a plain space does not stop LibreOffice breaking there).
        for j in 1..<chars.count where chars[j].isSpaceLike && chars[j] != "\n" {
            var k = j + 1
            while k < chars.count, chars[k] == " " || chars[k] == "\u{00A0}" { k += 1 }
            guard k < chars.count, k == j + 1 else { continue }
            if chars[k].isDocumentDigit, Self.endsWith(chars, before: j, any: Self.eraScalars) {
                chars[j] = "\u{00A0}"
            } else if chars[j - 1].isDocumentDigit, Self.startsWith(chars, at: k, any: Self.monthScalars) {
                chars[j] = "\u{00A0}"
            }
        }
        // A month and its year: across the page a no-break space keeps the date whole ("(3 มีนาคม /
        // 2568)" reads as two); in table cells the space stays plain (a no-break one becomes plain), so
        // a narrow cell puts the year on the next line instead of breaking inside it.
        for j in 1..<chars.count where chars[j].isSpaceLike && chars[j] != "\n" && j + 1 < chars.count && chars[j + 1].isDocumentDigit {
            if Self.endsWith(chars, before: j, any: Self.monthScalars) { chars[j] = inCells ? " " : "\u{00A0}" }
        }
        // An abbreviated month and a two-digit year ("มี.ค. ๖๔", narrower than any period column)
        // stay on one line: a lone "๖๔" on the next line reads as no date.
        for j in 1..<chars.count where chars[j] == " " && j + 2 < chars.count
            && chars[j + 1].isDocumentDigit && chars[j + 2].isDocumentDigit
            && (j + 3 == chars.count || !chars[j + 3].isDocumentDigit)
            && Self.endsWith(chars, before: j, any: Self.abbreviatedMonthScalars) {
            chars[j] = "\u{00A0}"
        }
        // Only the segments that change are rebuilt; the others are returned as given.
        var changed = hadMarks
        for j in chars.indices where open[j] || (glue[j] && !chars[j].isCombiningThai) || chars[j] != original[j] { changed[owner[j]] = true }
        var out = segments
        var bytes: [[UInt8]] = Array(repeating: [], count: segments.count)
        for (j, c) in chars.enumerated() where changed[owner[j]] {
            if open[j] { UTF8.encode(Self.spaceScalar) { bytes[owner[j]].append($0) } }
            else if glue[j], !c.isCombiningThai { UTF8.encode(Self.joinerScalar) { bytes[owner[j]].append($0) } }
            UTF8.encode(c) { bytes[owner[j]].append($0) }
        }
        for n in segments.indices where changed[n] { out[n] = String(decoding: bytes[n], as: UTF8.self) }
        return out
    }

    /// Where the parts of a word longer than `longestJoined` start (indexes into `chars`, the word's
    /// own start apart): the listed words inside it, each again in parts when it is long, and the
    /// stretches between them.
    private func partStarts(_ chars: [Unicode.Scalar], _ range: Range<Int>) -> Set<Int> {
        guard inCells, range.count > Self.longestJoined else { return [] }
        return listedWordBounds(chars, range) { partStarts(chars, $0) }
    }

    /// Across the page, where the parts of a name longer than `longestJoined` start: the listed words
    /// inside it and the stretches between them, each kept whole ("เทศบาลเมือง" + "ศรีสะเกษ",
    /// "องค์การบริหารส่วนตำบล" + "วังทอง"). Joined as one, a long name that does not fit the rest of
    /// a line leaves it short, and LibreOffice spreads a justified Thai line's letters over the gap.
    private func nameParts(_ chars: [Unicode.Scalar], _ range: Range<Int>) -> Set<Int> {
        guard range.count > Self.longestJoined, nameScalars.contains(Array(chars[range])) else { return [] }
        return listedWordBounds(chars, range) { _ in [] }
    }

    /// Where the listed words found left to right inside `range` (each shorter than it) start and end,
    /// `range`'s own ends apart, with what `inner` adds for each word; never before a combining mark or a space.
    private func listedWordBounds(_ chars: [Unicode.Scalar], _ range: Range<Int>, inner: (Range<Int>) -> Set<Int>) -> Set<Int> {
        var starts: Set<Int> = []
        var k = range.lowerBound
        while k < range.upperBound {
            if let length = wordMatch(chars, at: k, shorterThan: range.count, within: range.upperBound) {
                if k > range.lowerBound { starts.insert(k) }
                if k + length < range.upperBound { starts.insert(k + length) }
                starts.formUnion(inner(k..<(k + length)))
                k += length
            } else {
                k += 1
            }
        }
        return starts.filter { !chars[$0].isCombiningThai && !chars[$0].isSpaceLike }
    }

    /// Length of the longest listed word starting at `i`.
    private func wordMatch(_ chars: [Unicode.Scalar], at i: Int, shorterThan limit: Int = .max, within end: Int? = nil) -> Int? {
        let v = chars[i].value
        let candidates: [[Unicode.Scalar]]
        if v < 0x80 {
            candidates = table[Int(v)]
        } else if (0x0E00...0x0E7F).contains(v) {
            candidates = table[0x80 + Int(v - 0x0E00)]
        } else {
            guard let found = words[chars[i]] else { return nil }
            candidates = found
        }
        let end = end ?? chars.count
        for w in candidates where i + w.count <= end && w.count < limit {
            var same = true
            for (n, c) in w.enumerated() where chars[i + n] != c { same = false; break }
            if same { return w.count }
        }
        return nil
    }

    private static func endsWith(_ chars: [Unicode.Scalar], before end: Int, any options: [[Unicode.Scalar]]) -> Bool {
        options.contains { w in w.count <= end && Array(chars[(end - w.count)..<end]) == w }
    }

    private static func startsWith(_ chars: [Unicode.Scalar], at start: Int, any options: [[Unicode.Scalar]]) -> Bool {
        options.contains { w in start + w.count <= chars.count && Array(chars[start..<(start + w.count)]) == w }
    }
}

extension Unicode.Scalar {
    /// An Arabic or a Thai digit.
    var isDocumentDigit: Bool { (0x30...0x39).contains(value) || (0x0E50...0x0E59).contains(value) }

    /// A Thai letter, vowel or mark (not a Thai digit).
    var isThai: Bool { (0x0E01...0x0E4F).contains(value) }

    /// A character that joins the digits of one number: 99.09, 1,250, 30/09/2568, 08:30.
    var isNumberSeparator: Bool { self == "." || self == "," || self == "/" || self == ":" }

    /// White space as `properties.isWhitespace` judges it, answered without a table look-up for
    /// ASCII and the Thai block.
    var isSpaceLike: Bool {
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        if (0x0E00...0x0E7F).contains(value) { return false }
        return properties.isWhitespace
    }

    /// A Thai vowel or tone mark written above, below or after its consonant in the same cell
    /// (no joiner goes before it: it would split the letter from its mark).
    var isCombiningThai: Bool {
        value == 0x0E31 || (0x0E33...0x0E3A).contains(value) || (0x0E47...0x0E4E).contains(value)
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s = s.dropFirst() }
        while s.last?.isWhitespace == true { s = s.dropLast() }
        return String(s)
    }
}
