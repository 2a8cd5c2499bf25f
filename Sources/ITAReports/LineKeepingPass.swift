import Foundation
import OfficePackage
import OfficeXML
import ThaiFormat

/// Keeps numbers, dates, listed Thai words and the organisation's name whole at line ends in a filled
/// document: every text of its body, headers and footers goes through a `ThaiLineKeeper`, after the
/// template is filled, so values, filter output (`number:2`, `date:long`, Thai digits) and the
/// template's own words ("พ.ศ. {{fiscal_year}}") are all covered.
struct LineKeepingPass: Sendable {
    let keeper: ThaiLineKeeper
    /// Paragraphs already kept by a keeper of the same words, shared by the documents of a batch.
    var memo: Memo?

    private static let wordNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    private static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"

    /// Rewrites one filled part's tree, when it is a text part (body, header, footer; ODT content and
    /// styles); other parts are left alone. Used while the template is filled (`RenderOptions.finishPart`),
    /// so the part is not read again.
    /// `numbers: false` leaves numbers in the runs they are in.
    func apply(to doc: XMLDocument, part name: String, kind: PackageKind, numbers: Bool = true) throws {
        guard Self.isTextPart(name, kind: kind), let root = doc.root else { return }
        var paragraphs: [XMLNode] = []
        root.walk { node in
            guard node.isElement else { return false }
            if Self.isParagraph(node, kind: kind) { paragraphs.append(node) }
            return true
        }
        // What holds a number afterwards: DOCX runs, ODT text nodes with their text.
        var numberRuns: [XMLNode] = []
        var seenRuns = Set<XMLNode>()
        var numberTexts: [(node: XMLNode, text: String)] = []
        for paragraph in paragraphs {
            // The paragraph's own text nodes in order; spaces, tabs and breaks written as elements
            // count as a space between them. Nested paragraphs (text boxes) are handled on their own.
            var pieces: [(node: XMLNode?, text: String)] = []
            paragraph.walk { node in
                if node != paragraph, node.isElement, Self.isParagraph(node, kind: kind) { return false }
                if node.isText, let parent = node.parent, Self.holdsText(parent, kind: kind) {
                    pieces.append((node, node.text))
                } else if node.isElement, Self.isSpacer(node, kind: kind) {
                    pieces.append((nil, " "))
                }
                return true
            }
            guard pieces.contains(where: { $0.node != nil }) else { continue }
            let kept = keep(pieces.map(\.text))
            for (piece, new) in zip(pieces, kept) {
                guard let node = piece.node else { continue }
                if new != piece.text { node.text = new }
                guard NumberRuns.hasDigit(new) else { continue }
                if kind == .odt {
                    numberTexts.append((node, new))
                } else if let run = node.parent?.parent, run.is("r", Self.wordNS), seenRuns.insert(run).inserted {
                    numberRuns.append(run)
                }
            }
        }
        // Numbers into English-language runs: LibreOffice's Thai line breaking ignores the joiners
        // between digits (see NumberRuns).
        guard numbers else { return }
        if kind == .docx { NumberRuns.applyDOCX(runs: numberRuns, doc) } else { NumberRuns.applyODT(texts: numberTexts, doc) }
    }

    /// One paragraph's pieces kept, through the memo when the result cannot depend on the names.
    private func keep(_ segments: [String]) -> [String] {
        guard let memo, keeper.resultIgnoresNames(segments) else { return keeper.keep(segments: segments) }
        if let known = memo.value(for: segments) { return known }
        let kept = keeper.keep(segments: segments)
        memo.store(kept, for: segments)
        return kept
    }

    /// Kept paragraphs by their pieces, for up to `capacity` paragraphs (then forgotten all at once, so
    /// memory stays bounded), safe to use from several threads. Valid for keepers of one word list only.
    final class Memo: @unchecked Sendable {
        private let lock = NSLock()
        private var values: [[UInt8]: [String]] = [:]
        private let capacity: Int

        init(capacity: Int = 16_384) { self.capacity = capacity }

        /// The pieces' bytes, each ended by 0xFF (never in UTF-8): strings that compare equal but
        /// differ in bytes (the two orders of a Thai vowel and tone mark) get different keys.
        private static func key(_ segments: [String]) -> [UInt8] {
            var key: [UInt8] = []
            for s in segments {
                key.append(contentsOf: s.utf8)
                key.append(0xFF)
            }
            return key
        }

        func value(for segments: [String]) -> [String]? {
            let key = Self.key(segments)
            lock.lock(); defer { lock.unlock() }
            return values[key]
        }

        func store(_ kept: [String], for segments: [String]) {
            let key = Self.key(segments)
            lock.lock(); defer { lock.unlock() }
            if values.count >= capacity { values.removeAll(keepingCapacity: true) }
            values[key] = kept
        }
    }

    static func isTextPart(_ name: String, kind: PackageKind) -> Bool {
        switch kind {
        case .docx:
            guard name.hasPrefix("word/"), name.hasSuffix(".xml"), !name.dropFirst(5).contains("/") else { return false }
            let base = name.dropFirst(5)
            return base == "document.xml" || base.hasPrefix("header") || base.hasPrefix("footer")
                || base == "footnotes.xml" || base == "endnotes.xml"
        case .odt:
            return name == "content.xml" || name == "styles.xml"
        }
    }

    private static func isParagraph(_ element: XMLNode, kind: PackageKind) -> Bool {
        switch kind {
        case .docx: return element.is("p", wordNS)
        case .odt: return element.namespaceURI == textNS && (element.localName == "p" || element.localName == "h")
        }
    }

    private static func isSpacer(_ element: XMLNode, kind: PackageKind) -> Bool {
        switch kind {
        case .docx: return element.namespaceURI == wordNS && ["tab", "br", "cr"].contains(element.localName)
        case .odt: return element.namespaceURI == textNS && ["s", "tab", "line-break"].contains(element.localName)
        }
    }

    private static func holdsText(_ element: XMLNode, kind: PackageKind) -> Bool {
        switch kind {
        case .docx: return element.is("t", wordNS)
        case .odt:
            return element.namespaceURI == textNS
                && ["p", "h", "span", "a"].contains(element.localName)
        }
    }
}
