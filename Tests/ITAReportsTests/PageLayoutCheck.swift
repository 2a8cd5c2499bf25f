import Foundation
import OfficePackage
import XCTest

/// Reads a PDF's pages as a clerk checks them before signing: where the signature block falls, whether a
/// heading is left at the foot of a page, how many pages there are. Built on poppler's `pdftotext`.
struct PageLayoutCheck {
    /// One text line of a page, with its distance from the page top (points).
    struct Line {
        let text: String
        let top: Double
    }

    struct Page {
        let height: Double
        let lines: [Line]

        /// The lines without the page number (a line of digits only).
        var body: [Line] { lines.filter { !$0.text.allSatisfy { $0.isNumber || $0.isWhitespace } } }
    }

    let pages: [Page]

    init(pages: [Page]) { self.pages = pages }

    init(pdf: URL) throws {
        try OfficeClients.require("pdftotext")
        let tsv = try OfficeClients.run("pdftotext", ["-tsv", pdf.path, "-"]).output
        pages = Self.parse(tsv: tsv)
    }

    /// `pdftotext -tsv`: level 1 rows give a page's size, level 5 rows its words; words whose tops lie
    /// within 3 points of each other make one line, read left to right.
    static func parse(tsv: String) -> [Page] {
        var heights: [Int: Double] = [:]
        var words: [Int: [(top: Double, left: Double, text: String)]] = [:]
        for row in tsv.split(separator: "\n").dropFirst() {
            let f = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count >= 12, let level = Int(f[0]), let page = Int(f[1]) else { continue }
            let top = Double(f[7]) ?? 0, left = Double(f[6]) ?? 0, height = Double(f[9]) ?? 0
            if level == 1 { heights[page] = height }
            if level == 5, !f[11].hasPrefix("###") { words[page, default: []].append((top, left, f[11])) }
        }
        return heights.keys.sorted().map { page in
            var lines: [(top: Double, words: [(Double, String)])] = []
            for w in (words[page] ?? []).sorted(by: { $0.top < $1.top }) {
                if let last = lines.last, w.top - last.top < 3 { lines[lines.count - 1].words.append((w.left, w.text)) }
                else { lines.append((w.top, [(w.left, w.text)])) }
            }
            return Page(height: heights[page] ?? 842,
                        lines: lines.map { Line(text: $0.words.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: " "), top: $0.top) })
        }
    }

    /// Text compared without spaces: poppler spaces Thai justified text letter by letter.
    static func squeezed(_ s: String) -> String { String(s.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init)) }

    /// Pages (1-based) whose signature block ("ลงชื่อ" with its date line) has nothing of the document above
    /// it: the signature alone on its page. A table header repeated from the page before does not count.
    func signatureAlonePages() -> [Int] {
        var out: [Int] = []
        for (i, page) in pages.enumerated() {
            let body = page.body
            guard let sign = body.firstIndex(where: { $0.text.contains("ลงชื่อ") }) else { continue }
            let start = body[..<sign].lastIndex(where: { $0.text.contains("ณ วันที่") }) ?? sign
            let previous = i > 0 ? Set(pages[i - 1].body.map { Self.squeezed($0.text) }) : []
            let before = body[..<start].filter { !previous.contains(Self.squeezed($0.text)) }
            if before.isEmpty { out.append(i + 1) }
        }
        return out
    }

    /// Pages (1-based) that end with one of `headings` in their lowest quarter: a heading parted from what
    /// it introduces. A heading is compared whole, so a list line that quotes its end does not count.
    func headingAtFootPages(_ headings: [String]) -> [(page: Int, heading: String)] {
        let wanted = headings.map(Self.squeezed).filter { $0.count > 3 }
        var out: [(Int, String)] = []
        for (i, page) in pages.enumerated() {
            let body = page.body
            guard let last = body.last, last.top > page.height * 0.75 else { continue }
            let tail = Self.squeezed(body.suffix(4).map(\.text).joined())
            if let h = wanted.first(where: { tail.hasSuffix($0) }) { out.append((i + 1, h)) }
        }
        return out
    }

    /// The texts of a DOCX's heading paragraphs (styles whose id starts with "Heading"), tags filled.
    static func headings(ofDOCX url: URL) throws -> [String] {
        let xml = String(decoding: try OfficePackage(contentsOf: url).read("word/document.xml"), as: UTF8.self)
        var out: [String] = []
        let paragraph = try NSRegularExpression(pattern: #"<w:p[ >].*?</w:p>"#, options: [.dotMatchesLineSeparators])
        let text = try NSRegularExpression(pattern: #"<w:t(?: [^>]*)?>([^<]*)</w:t>"#)
        let ns = xml as NSString
        for m in paragraph.matches(in: xml, range: NSRange(location: 0, length: ns.length)) {
            let p = ns.substring(with: m.range)
            guard p.contains("<w:pStyle w:val=\"Heading") else { continue }
            let pns = p as NSString
            let t = text.matches(in: p, range: NSRange(location: 0, length: pns.length)).map { pns.substring(with: $0.range(at: 1)) }.joined()
            if !t.trimmingCharacters(in: .whitespaces).isEmpty { out.append(t) }
        }
        return out
    }

    /// DOCX and ODT of one document paginate alike: within a page, or within 10 %.
    static func pageCountsAgree(_ a: Int, _ b: Int) -> Bool {
        abs(a - b) <= max(1, Int((Double(max(a, b)) * 0.1).rounded(.down)))
    }
}
