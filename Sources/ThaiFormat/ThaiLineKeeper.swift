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
/// the page the name stays one joined stretch. Neither character is in the text
/// of the PDF LibreOffice writes.
///
/// A month and its year stay breakable at their space (a no-break space there becomes a plain one):
/// a narrow cell then puts the year on the next line rather than breaking inside the year. Text
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

    /// Month names and abbreviations a year may follow.
    public static let months: [String] = [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
        "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
        "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
    ]
    private static let eras: [String] = ["พ.ศ.", "ค.ศ."]
    private static let monthScalars = months.map { Array($0.unicodeScalars) }
    private static let eraScalars = eras.map { Array($0.unicodeScalars) }
    private static let joinerScalar: Unicode.Scalar = "\u{2060}"
    private static let spaceScalar: Unicode.Scalar = "\u{200B}"

    /// - Parameters:
    ///   - words: words kept whole wherever they appear (blank entries are ignored).
    ///   - names: names kept whole too, spaces included (an organisation's name).
    public init(words: [String], names: [String] = [], inCells: Bool = false) {
        self.inCells = inCells
        var index: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
        for w in words + names {
            let scalars = Array(w.trimmingSpaces.unicodeScalars.filter { $0 != Self.joinerScalar })
            guard scalars.count > 1, let first = scalars.first else { continue }
            if index[first]?.contains(scalars) == true { continue }
            index[first, default: []].append(scalars)
        }
        self.words = index.mapValues { $0.sorted { $0.count > $1.count } }
    }

    /// `text` with word joiners where a line must not break.
    public func keep(_ text: String) -> String { keep(segments: [text])[0] }

    /// The pieces of one paragraph (its text runs, in order) with word joiners where a line must not
    /// break, judged on the paragraph's whole text: a year in one run after "พ.ศ. " in the one before
    /// is joined to it. Returns as many pieces as given.
    public func keep(segments: [String]) -> [String] {
        var chars: [Unicode.Scalar] = []
        var owner: [Int] = []
        for (n, s) in segments.enumerated() {
            for c in s.unicodeScalars where c != Self.joinerScalar && c != Self.spaceScalar { chars.append(c); owner.append(n) }
        }
        var out = [String](repeating: "", count: segments.count)
        guard chars.count > 1 else {
            for (j, c) in chars.enumerated() { out[owner[j]].unicodeScalars.append(c) }
            return out
        }
        // glue[i]: no break between chars[i-1] and chars[i].
        var glue = [Bool](repeating: false, count: chars.count)
        // open[i]: a zero width space goes before chars[i].
        var open = [Bool](repeating: false, count: chars.count)
        var i = 0
        while i < chars.count {
            if let length = wordMatch(chars, at: i) {
                let parts = partStarts(chars, i..<(i + length))
                for j in (i + 1)..<(i + length) where !chars[j].properties.isWhitespace {
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
        for j in 1..<chars.count where chars[j].properties.isWhitespace && chars[j] != "\n" {
            var k = j + 1
            while k < chars.count, chars[k] == " " || chars[k] == "\u{00A0}" { k += 1 }
            guard k < chars.count, k == j + 1 else { continue }
            if chars[k].isDocumentDigit, Self.endsWith(chars, before: j, any: Self.eraScalars) {
                chars[j] = "\u{00A0}"
            } else if chars[j - 1].isDocumentDigit, Self.startsWith(chars, at: k, any: Self.monthScalars) {
                chars[j] = "\u{00A0}"
            }
        }
        // A no-break space between a month and its year becomes a plain space: a narrow cell then
        // puts the year on the next line instead of breaking inside it.
        for j in 1..<chars.count where chars[j] == "\u{00A0}" && j + 1 < chars.count && chars[j + 1].isDocumentDigit {
            if Self.endsWith(chars, before: j, any: Self.monthScalars) { chars[j] = " " }
        }
        for (j, c) in chars.enumerated() {
            if open[j] { out[owner[j]].unicodeScalars.append(Self.spaceScalar) }
            else if glue[j], !c.isCombiningThai { out[owner[j]].unicodeScalars.append(Self.joinerScalar) }
            out[owner[j]].unicodeScalars.append(c)
        }
        return out
    }

    /// Where the parts of a word longer than `longestJoined` start (indexes into `chars`, the word's
    /// own start apart): the listed words inside it, each again in parts when it is long, and the
    /// stretches between them.
    private func partStarts(_ chars: [Unicode.Scalar], _ range: Range<Int>) -> Set<Int> {
        guard inCells, range.count > Self.longestJoined else { return [] }
        var starts: Set<Int> = []
        var k = range.lowerBound
        while k < range.upperBound {
            if let length = wordMatch(chars, at: k, shorterThan: range.count, within: range.upperBound) {
                if k > range.lowerBound { starts.insert(k) }
                if k + length < range.upperBound { starts.insert(k + length) }
                starts.formUnion(partStarts(chars, k..<(k + length)))
                k += length
            } else {
                k += 1
            }
        }
        return starts.filter { !chars[$0].isCombiningThai && !chars[$0].properties.isWhitespace }
    }

    /// Length of the longest listed word starting at `i`.
    private func wordMatch(_ chars: [Unicode.Scalar], at i: Int, shorterThan limit: Int = .max, within end: Int? = nil) -> Int? {
        guard let candidates = words[chars[i]] else { return nil }
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
