import Foundation
import OfficePackage
import OfficeXML

/// ODF text (ODT): paragraphs `text:p`/`text:h` with spans, tables `table:table`, merges through
/// `table:number-rows-spanned` and covered cells, runs of spaces as `text:s`, pictures as `draw:frame`,
/// automatic styles pruned when a fill leaves them unused.
struct ODFDialect: Dialect {
    // MARK: parts

    func textParts(of package: OfficePackage) -> [String] {
        ["content.xml", "styles.xml"].filter(package.contains)
    }

    func supportParts(of package: OfficePackage, textParts: [String]) throws -> SupportParts {
        var s = SupportParts()
        if package.contains(ODFManifest.partName) { s.partList = try package.read(ODFManifest.partName) }
        return s
    }

    func listAddedParts(_ added: [(name: String, data: Data, mediaType: String)], in support: SupportParts, path: String) throws -> (name: String, data: Data) {
        guard let partList = support.partList else { throw PackageError.missingPart(path: path, part: ODFManifest.partName) }
        let manifest = try ODFManifest(data: partList)
        for p in added { try manifest.add(path: p.name, mediaType: p.mediaType) }
        return (ODFManifest.partName, try manifest.serialize())
    }

    func largestPage(_ parts: [(name: String, document: XMLDocument)]) -> PageSize {
        var sizes: [PageSize] = []
        if let s = parts.first(where: { $0.name == "styles.xml" })?.document, let nodes = try? s.select("//style:page-layout-properties", namespaces: ["style": NS.style]) {
            for n in nodes {
                if let w = n.attribute("page-width", NS.fo).flatMap(Length.init), let h = n.attribute("page-height", NS.fo).flatMap(Length.init) {
                    sizes.append(PageSize(width: w.centimetres, height: h.centimetres))
                }
            }
        }
        return PageSize.largest(of: sizes)
    }

    // MARK: structure

    func paragraphXPath(part: String) -> String {
        part == "styles.xml" ? "//office:master-styles//text:p | //office:master-styles//text:h" : "//office:body//text:p | //office:body//text:h"
    }
    var namespaces: [String: String] { ["text": NS.text, "office": NS.office, "style": NS.style, "table": NS.table] }
    func isParagraph(_ n: XMLNode) -> Bool { n.is("p", NS.text) || n.is("h", NS.text) }
    func isRow(_ n: XMLNode) -> Bool { n.is("table-row", NS.table) }
    func isCell(_ n: XMLNode) -> Bool { n.is("table-cell", NS.table) || n.is("covered-table-cell", NS.table) }
    func isTable(_ n: XMLNode) -> Bool { n.is("table", NS.table) }
    func isRowGroup(_ n: XMLNode) -> Bool {
        n.is("table-header-rows", NS.table) || n.is("table-rows", NS.table) || n.is("table-row-group", NS.table)
    }

    private static let layoutOnly: Set<String> = ["bookmark", "bookmark-start", "bookmark-end", "soft-page-break"]
    func isLayoutOnly(_ n: XMLNode) -> Bool { n.namespaceURI == NS.text && Self.layoutOnly.contains(n.localName) }

    // MARK: text of a paragraph

    private static let skipped: Set<String> = ["note", "ruby-text", "tracked-changes", "bookmark-ref"]
    func skipsText(_ n: XMLNode) -> Bool {
        guard n.isElement else { return false }
        if n.namespaceURI == NS.draw || n.namespaceURI == NS.office { return true }
        return n.namespaceURI == NS.text && Self.skipped.contains(n.localName)
    }

    private static let silent: Set<String> = ["bookmark", "bookmark-start", "bookmark-end", "tracked-changes", "change", "change-start", "change-end"]
    func isSilent(_ n: XMLNode) -> Bool {
        guard n.isElement else { return false }
        return (n.namespaceURI == NS.office && n.localName == "annotation-end") || (n.namespaceURI == NS.text && Self.silent.contains(n.localName))
    }

    private static let barriers: Set<String> = ["tab", "line-break", "soft-page-break"]
    func isBarrier(_ n: XMLNode) -> Bool {
        guard n.isElement, !isSilent(n) else { return false }
        return (n.namespaceURI == NS.text && Self.barriers.contains(n.localName)) || skipsText(n)
    }

    /// Any text node of the paragraph counts.
    func countsText(_ textNode: XMLNode) -> Bool { true }

    /// LibreOffice writes a second space as `<text:s/>`: spaces typed inside a tag must not break it.
    func spaces(of n: XMLNode) -> Int? {
        guard n.is("s", NS.text) else { return nil }
        // Only where a tag starts and ends matters here: a huge count stands for as many spaces as any tag holds.
        return min(1024, max(1, Int(n.attribute("c", NS.text) ?? "1") ?? 1))
    }

    func propertyChildren(of n: XMLNode) -> [XMLNode] { [] }
    func isPropertyChild(_ n: XMLNode) -> Bool { false }

    func isEmptyLeftover(_ n: XMLNode) -> Bool {
        if n.isText { return n.text.isEmpty }
        if n.is("span", NS.text) { return n.children.isEmpty }
        return false
    }

    func keepSpacesAfterSplit(_ left: XMLNode, _ right: XMLNode) {}

    func formatting(of c: XMLNode, into f: inout TagFormatting) {
        if c.is("span", NS.text), let s = c.attribute("style-name", NS.text) { f.spanStyles.insert(s, at: 0) }
    }

    // MARK: copies and lists

    func dropsOnCopy(_ name: String, _ namespace: String?) -> Bool { false }

    /// A numbered paragraph sits alone in a list item: the item repeats, so each copy gets its number.
    func listUnit(of p: XMLNode) -> XMLNode {
        if let li = p.parent, li.is("list-item", NS.text), li.elementChildren.count == 1 { return li }
        return p
    }

    func numbering(of p: XMLNode) -> (element: XMLNode, attribute: String, namespace: String)? { nil }

    // MARK: cells

    var cellsEndWithParagraph: Bool { false }
    func isCellProperties(_ n: XMLNode) -> Bool { false }
    func emptyParagraphBytes(at cell: XMLNode) throws -> [UInt8] { [0x3C] + (try prefixBytes(NS.text, at: cell)) + [0x70, 0x2F, 0x3E] }

    func merge(_ cells: [XMLNode], document: XMLDocument) {
        guard let first = cells.first else { return }
        first.setAttribute("number-rows-spanned", NS.table, value: String(cells.count))
        for cell in cells.dropFirst() {
            let covered = document.createElement("covered-table-cell", namespace: NS.table, context: cell)
            if let s = cell.attribute("style-name", NS.table) { covered.setAttribute("style-name", NS.table, value: s) }
            if let s = cell.attribute("number-columns-spanned", NS.table) { covered.setAttribute("number-columns-spanned", NS.table, value: s) }
            cell.insertBefore(covered)
            cell.remove()
        }
    }

    func mergeForms(_ cell: XMLNode, _ c: MergeCompiling) throws -> MergeForms {
        var sawId = false
        var before: [UInt8] = []
        var cutAt = -1
        let hasSpan = cell.attribute("number-rows-spanned", NS.table) != nil
        XMLWriter.appendStartTag(cell, empty: false, to: &before, attribute: { name, ns in
            if ns == NS.table, name == "number-rows-spanned" { return .cutInsteadOfValue }
            if c.cloneDepth > 0, ns == NS.xml, name == "id" { sawId = true }
            return .keep
        }, cut: { buf in cutAt = buf.count })
        if sawId { throw Uncompilable("identifiers in a merge cell") }
        let tablePrefix = try prefixBytes(NS.table, at: cell)
        var head: [UInt8], after: [UInt8]
        if hasSpan {
            head = Array(before[..<cutAt])
            after = Array(before[cutAt...])
        } else {
            head = Array(before.dropLast())
            head += Array(" ".utf8) + tablePrefix + Array("number-rows-spanned=\"".utf8)
            after = Array("\">".utf8)
        }
        guard let rootNode = c.document.root else { throw Uncompilable("no root") }
        let attrPrefix = try prefixBytes(NS.table, at: rootNode)
        var covered: [UInt8] = [0x3C] + tablePrefix + Array("covered-table-cell".utf8)
        if let s = cell.attribute("style-name", NS.table) {
            covered += [0x20] + attrPrefix + Array("style-name=\"".utf8)
            XMLWriter.appendEscapedAttribute(s, to: &covered)
            covered.append(0x22)
        }
        if let s = cell.attribute("number-columns-spanned", NS.table) {
            covered += [0x20] + attrPrefix + Array("number-columns-spanned=\"".utf8)
            XMLWriter.appendEscapedAttribute(s, to: &covered)
            covered.append(0x22)
        }
        covered += Array("/>".utf8)
        return MergeForms(restartHead: head, restartHeadAfterCount: after, continued: covered)
    }

    // MARK: values

    var collapsesSpaces: Bool { true }

    func runFormat(anchor: XMLNode, root: XMLNode, styleIndex: [String: Int32]) throws -> RunFormat {
        guard let parent = anchor.parent else { throw Uncompilable("a tag outside any element") }
        let styles = (anchor.attribute("styles") ?? "").split(separator: " ").map(String.init)
        let escaped = styles.map { s -> [UInt8] in
            var out: [UInt8] = []
            XMLWriter.appendEscapedAttribute(s, to: &out)
            return out
        }
        return RunFormat(elementPrefix: try prefixBytes(NS.text, at: parent), attributePrefix: try prefixBytes(NS.text, at: root),
                         runProperties: nil, spanStyles: escaped, spanStyleRefs: styles.map { styleIndex[$0] ?? -1 })
    }

    /// The value inside the spans of the tag's styles, outermost first; a span left empty is written `<x/>`.
    func writeValue(_ text: String, plain: Bool, _ f: RunFormat, to out: inout [UInt8]) {
        var starts: [Int] = []
        for s in f.spanStyles {
            out.append(0x3C)
            out += f.elementPrefix
            out += Array("span ".utf8)
            out += f.attributePrefix
            out += Array("style-name=\"".utf8)
            out += s
            out += [0x22, 0x3E]
            starts.append(out.count)
        }
        var text = text
        text.withUTF8 { bytes in
            if plain {
                XMLWriter.appendEscapedText(bytes, to: &out)
            } else {
                writeLines(bytes, f, to: &out)
            }
        }
        for i in stride(from: f.spanStyles.count - 1, through: 0, by: -1) {
            if out.count == starts[i] {
                out.removeLast()
                out += [0x2F, 0x3E]
            } else {
                Bytes.endTag(f.elementPrefix, "span", to: &out)
            }
        }
    }

    /// Text with `text:line-break` at line breaks, `text:tab` at tabs and runs of spaces as `text:s`:
    /// ODF collapses spaces, so of a run of n spaces the first stays as text (none at the start of the
    /// value) and the rest are written `<text:s text:c="n-1"/>`. Works on the UTF-8 bytes: a space,
    /// tab or line break never occurs inside a multi-byte character.
    private func writeLines(_ b: UnsafeBufferPointer<UInt8>, _ f: RunFormat, to out: inout [UInt8]) {
        var i = 0
        var from = 0
        var wroteAny = false
        func flushText(_ end: Int) {
            if end > from { XMLWriter.appendEscapedText(UnsafeBufferPointer(rebasing: b[from..<end]), to: &out); wroteAny = true }
        }
        while i < b.count {
            let c = b[i]
            if c == 0x0A || c == 0x09 {
                flushText(i)
                Bytes.tag(f.elementPrefix, c == 0x0A ? "line-break" : "tab", empty: true, to: &out)
                wroteAny = false
                i += 1
                from = i
                continue
            }
            guard c == 0x20 else { i += 1; continue }
            var j = i
            while j < b.count && b[j] == 0x20 { j += 1 }
            var spaces = j - i
            let atStart = !wroteAny && from == i
            if !atStart {
                // The first space of the run stays as text.
                flushText(i + 1)
                spaces -= 1
            } else {
                flushText(i)
            }
            if spaces > 0 {
                out.append(0x3C)
                out += f.elementPrefix
                out.append(0x73) // s
                if spaces > 1 {
                    out.append(0x20)
                    out += f.attributePrefix
                    out += Array("c=\"\(spaces)\"".utf8)
                }
                out += [0x2F, 0x3E]
                wroteAny = true
            }
            i = j
            from = j
        }
        flushText(b.count)
    }

    func valueNodes(_ text: String, plain: Bool, anchor: XMLNode, document: XMLDocument) -> [XMLNode] {
        var nodes: [XMLNode] = []
        if plain {
            if !text.isEmpty { nodes.append(document.createText(text)) }
        } else {
            for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { nodes.append(document.createElement("line-break", namespace: NS.text, context: anchor.parent)) }
                for (j, part) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                    if j > 0 { nodes.append(document.createElement("tab", namespace: NS.text, context: anchor.parent)) }
                    nodes += spaceNodes(String(part), document: document, context: anchor.parent)
                }
            }
        }
        let styles = (anchor.attribute("styles") ?? "").split(separator: " ").map(String.init)
        guard !styles.isEmpty else { return nodes }
        var inner = nodes
        for s in styles.reversed() {
            let span = document.createElement("span", namespace: NS.text, context: anchor.parent)
            span.setAttribute("style-name", NS.text, value: s)
            for n in inner { span.append(n) }
            inner = [span]
        }
        return inner
    }

    /// ODF collapses runs of spaces: keep the first as text and write the rest as `text:s`.
    private func spaceNodes(_ s: String, document: XMLDocument, context: XMLNode?) -> [XMLNode] {
        guard s.contains("  ") || s.hasPrefix(" ") else { return s.isEmpty ? [] : [document.createText(s)] }
        var out: [XMLNode] = []
        var buf = ""
        var spaces = 0
        func flushSpaces() {
            guard spaces > 0 else { return }
            let atStart = out.isEmpty && buf.isEmpty
            if !atStart { buf += " "; spaces -= 1 }
            if spaces > 0 {
                if !buf.isEmpty { out.append(document.createText(buf)); buf = "" }
                let sp = document.createElement("s", namespace: NS.text, context: context)
                if spaces > 1 { sp.setAttribute("c", NS.text, value: String(spaces)) }
                out.append(sp)
            }
            spaces = 0
        }
        for c in s {
            if c == " " { spaces += 1 } else { flushSpaces(); buf.append(c) }
        }
        flushSpaces()
        if !buf.isEmpty { out.append(document.createText(buf)) }
        return out
    }

    // MARK: pictures

    var mediaFolder: String { "Pictures/" }
    var pictureNamespaces: [String: String] { ["draw": NS.draw, "text": NS.text, "svg": NS.svg, "xlink": NS.xlink] }
    var picturesUseRelationships: Bool { false }

    func pictureXML(_ ns: [String: String], media: String, relationship: String?, id: Int, info: ImageInfo, size: (Length, Length)) -> String {
        let draw = ns["draw"]!, text = ns["text"]!, svg = ns["svg"]!, xlink = ns["xlink"]!
        return """
        <\(draw):frame \(draw):name="itaimg\(id)" \(text):anchor-type="as-char" \(svg):x="0cm" \(svg):y="0cm" \(svg):width="\(size.0.odf)" \(svg):height="\(size.1.odf)" \(draw):z-index="0">\
        <\(draw):image \(xlink):href="\(media)" \(xlink):type="simple" \(xlink):show="embed" \(xlink):actuate="onLoad"/></\(draw):frame>
        """
    }

    // MARK: after filling

    func automaticStyles(in root: XMLNode) -> XMLNode? { root.child("automatic-styles", NS.office) }
    func isAutomaticStyles(_ n: XMLNode) -> Bool { n.is("automatic-styles", NS.office) }
    func isPrunableStyle(_ n: XMLNode) -> Bool { n.is("style", NS.style) || n.is("list-style", NS.text) }
    func declaredStyleName(_ n: XMLNode) -> String? { n.attribute("name", NS.style) }

    func finish(root: XMLNode, document: XMLDocument) { AutomaticStyles.prune(root: root, dialect: self) }

    // MARK: digits

    func convertsDigits(inText n: XMLNode) -> Bool { true }

    func applyDigits(to n: XMLNode, document: XMLDocument, script: DigitScript) -> Bool {
        if n.namespaceURI == NS.office, n.localName == "annotation" { return false }
        if let format = script.odfNumberFormat, n.is("list-level-style-number", NS.text), n.attribute("num-format", NS.style) == "1" {
            n.setAttribute("num-format", NS.style, value: format)
        }
        if let format = script.odfNumberFormat, n.is("page-layout-properties", NS.style) || n.is("page-number", NS.text) {
            // LibreOffice writes the locale's own digits for "Native Numbering": the paragraphs' language.
            if n.attribute("num-format", NS.style) == "1" || n.is("page-layout-properties", NS.style) {
                n.setAttribute("num-format", NS.style, value: format)
            }
        }
        return true
    }
}
