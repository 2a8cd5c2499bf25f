import Foundation
import OfficeXML

/// Sets the numbers (and the Latin words, see `englishRanges`) of a filled document in runs of their
/// own whose complex-script language is English. LibreOffice breaks lines of Thai-language text with its Thai dictionary and there splits
/// numbers — "(100.0 / 0 คะแนน)", "ได้ 99. / 09" — even with word joiners between their digits;
/// in an English-language run the same number stays whole (measured on the shipped examples). Fonts
/// and sizes are the run's own, so nothing changes on the page but where a line may end, and search
/// finds the number as typed.
enum NumberRuns {
    static let wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let styleNS = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let foNS = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    /// The ODT text style numbers get.
    static let odtStyleName = "ITANumber"

    /// The numbers of `text` (digits with the joiners and separators between them), as ranges.
    static func numberRanges(_ text: String) -> [Range<String.Index>] {
        guard hasDigit(text) else { return [] }
        return scalarNumberRanges(text) ?? characterNumberRanges(text)
    }

    /// `numberRanges` read character by character (any text).
    static func characterNumberRanges(_ text: String) -> [Range<String.Index>] {
        var out: [Range<String.Index>] = []
        var i = text.startIndex
        while i < text.endIndex {
            guard isDigit(text[i]) else { i = text.index(after: i); continue }
            let start = i
            var end = text.index(after: i)
            var j = end
            while j < text.endIndex {
                let c = text[j]
                if isDigit(c) { j = text.index(after: j); end = j; continue }
                if c == "\u{2060}" || c == "." || c == "," || c == ":" || c == "/" { j = text.index(after: j); continue }
                break
            }
            out.append(start..<end)
            i = end
        }
        return out
    }

    /// `numberRanges` read scalar by scalar, for text of ASCII, Latin-1, Thai and general punctuation
    /// (nil for any other text). There a character is one scalar unless a Thai vowel or tone mark
    /// follows it, so a digit or separator with a mark after it is no digit or separator, as in the
    /// character-by-character reading; the ranges fall on the same character boundaries.
    static func scalarNumberRanges(_ text: String) -> [Range<String.Index>]? {
        let scalars = text.unicodeScalars
        for c in scalars {
            let v = c.value
            guard v < 0x300 || (0x0E00...0x0E7F).contains(v) || (0x2000...0x200B).contains(v) || (0x200E...0x206F).contains(v) else { return nil }
        }
        func isThaiMark(_ c: Unicode.Scalar) -> Bool {
            let v = c.value
            return v == 0x0E31 || (0x0E33...0x0E3A).contains(v) || (0x0E47...0x0E4E).contains(v)
        }
        func plain(_ i: String.Index) -> Bool {
            let n = scalars.index(after: i)
            return n == scalars.endIndex || !isThaiMark(scalars[n])
        }
        func digit(_ i: String.Index) -> Bool {
            let v = scalars[i].value
            return ((0x30...0x39).contains(v) || (0x0E50...0x0E59).contains(v)) && plain(i)
        }
        func separator(_ i: String.Index) -> Bool {
            let v = scalars[i].value
            // A word joiner is a character of its own whatever follows it.
            return v == 0x2060 || ((v == 0x2E || v == 0x2C || v == 0x3A || v == 0x2F) && plain(i))
        }
        var out: [Range<String.Index>] = []
        var i = scalars.startIndex
        while i < scalars.endIndex {
            guard digit(i) else { i = scalars.index(after: i); continue }
            let start = i
            var end = scalars.index(after: i)
            var j = end
            while j < scalars.endIndex {
                if digit(j) { j = scalars.index(after: j); end = j; continue }
                if separator(j) { j = scalars.index(after: j); continue }
                break
            }
            out.append(start..<end)
            i = end
        }
        return out
    }

    /// The numbers and the Latin words of `text` (a letter A–Z or a–z, then letters, digits, and
    /// hyphens, apostrophes or full stops between them: "Policy", "E-Service", "Don't"), two characters
    /// or more, as ranges in order; a number inside a word is part of the word. LibreOffice's Thai
    /// line breaking also cuts Latin words in a Thai-language run ("No Gift Polic / y", "(E-Servi /
    /// ce)"); in an English-language run they break as English does.
    static func englishRanges(_ text: String) -> [Range<String.Index>] {
        let numbers = numberRanges(text)
        guard hasLatinLetter(text) else { return numbers }
        var words: [Range<String.Index>] = []
        let scalars = text.unicodeScalars
        func letter(_ c: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value) }
        func inner(_ c: Unicode.Scalar) -> Bool { letter(c) || (0x30...0x39).contains(c.value) }
        var i = scalars.startIndex
        while i < scalars.endIndex {
            guard letter(scalars[i]) else { i = scalars.index(after: i); continue }
            let start = i
            var end = scalars.index(after: i)
            var j = end
            var count = 1
            while j < scalars.endIndex {
                let c = scalars[j]
                if inner(c) { j = scalars.index(after: j); end = j; count += 1; continue }
                if c == "-" || c == "'" || c == "\u{2019}" || c == "." || c == "\u{2060}",
                   scalars.index(after: j) < scalars.endIndex, inner(scalars[scalars.index(after: j)]) {
                    j = scalars.index(after: j); continue
                }
                break
            }
            // A word that starts or ends inside a character (a Thai mark after it) is left alone.
            if count >= 2, let lower = start.samePosition(in: text), let upper = end.samePosition(in: text) {
                words.append(lower..<upper)
            }
            i = end
        }
        guard !words.isEmpty else { return numbers }
        // Both lists are in order and each without overlaps: merge, joining ranges that overlap or touch.
        var out: [Range<String.Index>] = []
        for r in (numbers + words).sorted(by: { $0.lowerBound < $1.lowerBound }) {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }

    /// Whether `text` holds a letter A–Z or a–z (read byte by byte).
    static func hasLatinLetter(_ text: String) -> Bool {
        text.utf8.contains { ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) }
    }

    /// Whether `text` may hold something `englishRanges` finds.
    static func mayHoldEnglish(_ text: String) -> Bool { hasDigit(text) || hasLatinLetter(text) }

    /// Whether `text` holds an Arabic or a Thai digit (U+0E50–U+0E59, in UTF-8 E0 B9 90–99), read
    /// byte by byte: most runs of a document hold none, and walking them by character is slow.
    static func hasDigit(_ text: String) -> Bool {
        var thaiLead = 0
        for b in text.utf8 {
            if b >= 0x30 && b <= 0x39 { return true }
            if thaiLead == 2, b >= 0x90 && b <= 0x99 { return true }
            thaiLead = b == 0xE0 ? 1 : (thaiLead == 1 && b == 0xB9 ? 2 : 0)
        }
        return false
    }

    private static func isDigit(_ c: Character) -> Bool {
        guard let s = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(s.value) || (0x0E50...0x0E59).contains(s.value)
    }

    /// DOCX: each run holding a number in its text is cut into runs of its own properties, the
    /// numbers' runs with `w:lang w:val="en-US" w:bidi="en-US"`.
    static func applyDOCX(_ doc: XMLDocument) throws {
        applyDOCX(runs: try doc.select("//w:r[w:t]", namespaces: ["w": wordNS]), doc)
    }

    /// DOCX: the same for the given runs only (those that may hold numbers, in any order).
    static func applyDOCX(runs: [XMLNode], _ doc: XMLDocument) {
        for run in runs {
            let texts = run.elementChildren.filter { $0.is("t", wordNS) }
            guard texts.contains(where: { !englishRanges($0.text).isEmpty }) else { continue }
            let rPr = run.child("rPr", wordNS)
            // (element to copy, its new text for a w:t piece, whether the piece is a number)
            var pieces: [(element: XMLNode, text: String?, number: Bool)] = []
            for child in run.elementChildren where !child.is("rPr", wordNS) {
                guard child.is("t", wordNS) else { pieces.append((child, nil, false)); continue }
                let t = child.text
                var last = t.startIndex
                for r in englishRanges(t) {
                    if last < r.lowerBound { pieces.append((child, String(t[last..<r.lowerBound]), false)) }
                    pieces.append((child, String(t[r]), true))
                    last = r.upperBound
                }
                if last < t.endIndex { pieces.append((child, String(t[last...]), false)) }
            }
            for piece in pieces {
                let r = doc.createElement("r", namespace: wordNS, context: run)
                run.insertBefore(r)
                if let rPr {
                    let props = rPr.clone(for: r)
                    r.append(props)
                    if piece.number { setEnglish(props, doc) }
                } else if piece.number {
                    let props = doc.createElement("rPr", namespace: wordNS, context: r)
                    r.append(props)
                    setEnglish(props, doc)
                }
                let copy = piece.element.clone(for: r)
                r.append(copy)
                if let text = piece.text {
                    copy.text = text
                    // Spaces at either end of a piece must survive.
                    if copy.attribute("space", "http://www.w3.org/XML/1998/namespace") == nil, text.first == " " || text.last == " " {
                        copy.setAttribute("space", "http://www.w3.org/XML/1998/namespace", value: "preserve")
                    }
                }
            }
            run.remove()
        }
    }

    /// `w:lang` with English as the Western and complex-script language, in schema order within `w:rPr`.
    private static func setEnglish(_ rPr: XMLNode, _ doc: XMLDocument) {
        if let lang = rPr.child("lang", wordNS) {
            lang.setAttribute("val", wordNS, value: "en-US")
            lang.setAttribute("bidi", wordNS, value: "en-US")
            return
        }
        let lang = doc.createElement("lang", namespace: wordNS, context: rPr)
        lang.setAttribute("val", wordNS, value: "en-US")
        lang.setAttribute("bidi", wordNS, value: "en-US")
        let after = ["eastAsianLayout", "specVanish", "oMath", "rPrChange"]
        if let next = rPr.elementChildren.first(where: { after.contains($0.localName) }) { next.insertBefore(lang) } else { rPr.append(lang) }
    }

    /// ODT: each number in a paragraph's text goes into a `text:span` of the `ITANumber` style
    /// (English as the Western and the complex-script language), added to the part's automatic styles.
    static func applyODT(_ doc: XMLDocument) throws {
        guard let root = doc.root else { return }
        var textNodes: [(node: XMLNode, text: String)] = []
        root.walk { node in
            if node.isText, let p = node.parent, p.namespaceURI == textNS, ["p", "h", "span", "a"].contains(p.localName) {
                textNodes.append((node, node.text))
            }
            return true
        }
        applyODT(texts: textNodes, doc)
    }

    /// ODT: the same for the given text nodes only (each under a `text:p`, `h`, `span` or `a`, with its
    /// text; those that may hold numbers, in any order).
    static func applyODT(texts textNodes: [(node: XMLNode, text: String)], _ doc: XMLDocument) {
        guard let root = doc.root else { return }
        var used = false
        for (node, t) in textNodes {
            let ranges = englishRanges(t)
            guard !ranges.isEmpty, let parent = node.parent else { continue }
            used = true
            var last = t.startIndex
            for r in ranges {
                if last < r.lowerBound { node.insertBefore(doc.createText(String(t[last..<r.lowerBound]))) }
                let span = doc.createElement("span", namespace: textNS, context: parent)
                span.setAttribute("style-name", textNS, value: odtStyleName)
                span.append(doc.createText(String(t[r])))
                node.insertBefore(span)
                last = r.upperBound
            }
            if last < t.endIndex { node.insertBefore(doc.createText(String(t[last...]))) }
            node.remove()
        }
        guard used else { return }
        let auto: XMLNode
        if let a = root.child("automatic-styles", officeNS) {
            auto = a
        } else {
            auto = doc.createElement("automatic-styles", namespace: officeNS, context: root)
            // office:automatic-styles follows the font declarations and precedes the body or master styles.
            if let next = root.elementChildren.first(where: { ["master-styles", "body"].contains($0.localName) }) { next.insertBefore(auto) } else { root.append(auto) }
        }
        let style = doc.createElement("style", namespace: styleNS, context: auto)
        style.setAttribute("name", styleNS, value: odtStyleName)
        style.setAttribute("family", styleNS, value: "text")
        let props = doc.createElement("text-properties", namespace: styleNS, context: style)
        props.setAttribute("language", foNS, value: "en", prefixHint: "fo")
        props.setAttribute("country", foNS, value: "US", prefixHint: "fo")
        props.setAttribute("language-complex", styleNS, value: "en")
        props.setAttribute("country-complex", styleNS, value: "US")
        style.append(props)
        auto.append(style)
    }
}
