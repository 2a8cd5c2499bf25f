import Foundation
import OfficePackage
import OfficeXML

/// WordprocessingML (DOCX): paragraphs `w:p` of runs `w:r`, tables `w:tbl`, cells that must end with a
/// paragraph, merges through `w:vMerge`, pictures as DrawingML referred to through relationships.
struct WordDialect: Dialect {
    // MARK: parts

    func textParts(of package: OfficePackage) -> [String] {
        package.partNames.filter { n in
            n == "word/document.xml" || n == "word/footnotes.xml" || n == "word/endnotes.xml"
                || (n.hasPrefix("word/header") || n.hasPrefix("word/footer")) && n.hasSuffix(".xml") && !n.dropFirst(5).contains("/")
        }
    }

    func supportParts(of package: OfficePackage, textParts: [String]) throws -> SupportParts {
        var s = SupportParts()
        if package.contains(Numbering.partName) { s.numbering = try package.read(Numbering.partName) }
        for part in textParts {
            let relName = Relationships.partName(for: part)
            if package.contains(relName) { s.relationships[relName] = try package.read(relName) }
        }
        s.partList = try package.read(ContentTypes.partName)
        return s
    }

    func listAddedParts(_ added: [(name: String, data: Data, mediaType: String)], in support: SupportParts, path: String) throws -> (name: String, data: Data) {
        guard let partList = support.partList else { throw PackageError.missingPart(path: path, part: ContentTypes.partName) }
        let ct = try ContentTypes(data: partList)
        for p in added { try ct.ensureDefault(extension: (p.name as NSString).pathExtension, contentType: p.mediaType) }
        return (ContentTypes.partName, try ct.serialize())
    }

    func largestPage(_ parts: [(name: String, document: XMLDocument)]) -> PageSize {
        var sizes: [PageSize] = []
        if let d = parts.first(where: { $0.name == "word/document.xml" })?.document, let nodes = try? d.select("//w:sectPr/w:pgSz", namespaces: ["w": NS.w]) {
            for n in nodes {
                if let w = Double(n.attribute("w", NS.w) ?? ""), let h = Double(n.attribute("h", NS.w) ?? "") {
                    sizes.append(PageSize(width: w / 1440 * 2.54, height: h / 1440 * 2.54))
                }
            }
        }
        return PageSize.largest(of: sizes)
    }

    // MARK: structure

    func paragraphXPath(part: String) -> String { "//w:p" }
    var namespaces: [String: String] { ["w": NS.w] }
    func isParagraph(_ n: XMLNode) -> Bool { n.is("p", NS.w) }
    func isRow(_ n: XMLNode) -> Bool { n.is("tr", NS.w) }
    func isCell(_ n: XMLNode) -> Bool { n.is("tc", NS.w) }
    func isTable(_ n: XMLNode) -> Bool { n.is("tbl", NS.w) }
    func isRowGroup(_ n: XMLNode) -> Bool { false }

    private static let layoutOnly: Set<String> = ["pPr", "bookmarkStart", "bookmarkEnd", "proofErr", "permStart", "permEnd"]
    func isLayoutOnly(_ n: XMLNode) -> Bool { n.namespaceURI == NS.w && Self.layoutOnly.contains(n.localName) }

    // MARK: text of a paragraph

    private static let skipped: Set<String> = ["pPr", "rPr", "del", "drawing", "pict", "object", "instrText", "delText", "fldData", "sdtPr", "sdtEndPr", "txbxContent"]
    func skipsText(_ n: XMLNode) -> Bool {
        guard n.isElement else { return false }
        guard n.namespaceURI == NS.w else { return n.localName == "AlternateContent" }
        return Self.skipped.contains(n.localName)
    }

    private static let silent: Set<String> = ["pPr", "rPr", "del", "instrText", "delText", "fldData", "sdtPr", "sdtEndPr", "proofErr", "bookmarkStart", "bookmarkEnd"]
    func isSilent(_ n: XMLNode) -> Bool { n.isElement && n.namespaceURI == NS.w && Self.silent.contains(n.localName) }

    private static let barriers: Set<String> = ["tab", "br", "cr", "sym", "noBreakHyphen", "softHyphen", "ptab"]
    func isBarrier(_ n: XMLNode) -> Bool {
        guard n.isElement, !isSilent(n) else { return false }
        return (n.namespaceURI == NS.w && Self.barriers.contains(n.localName)) || skipsText(n)
    }

    /// Only text inside `w:t` counts.
    func countsText(_ textNode: XMLNode) -> Bool { textNode.parent?.is("t", NS.w) == true }
    func spaces(of n: XMLNode) -> Int? { nil }

    func propertyChildren(of n: XMLNode) -> [XMLNode] {
        var out: [XMLNode] = []
        var c = n.firstChild
        while let cc = c, isPropertyChild(cc) {
            out.append(cc)
            c = cc.next
        }
        return out
    }

    private static let properties: Set<String> = ["rPr", "smartTagPr", "sdtPr", "sdtEndPr"]
    func isPropertyChild(_ n: XMLNode) -> Bool { n.isElement && n.namespaceURI == NS.w && Self.properties.contains(n.localName) }

    func isEmptyLeftover(_ n: XMLNode) -> Bool {
        if n.isText { return n.text.isEmpty }
        if n.is("t", NS.w) { return n.text.isEmpty }
        if n.is("r", NS.w) { return n.elementChildren.allSatisfy { $0.is("rPr", NS.w) } && n.children.allSatisfy { $0.isElement } }
        return false
    }

    func keepSpacesAfterSplit(_ left: XMLNode, _ right: XMLNode) {
        // Split text keeps its edge spaces only when marked so.
        guard left.is("t", NS.w) else { return }
        left.setAttribute("space", NS.xml, value: "preserve", prefixHint: "xml")
        right.setAttribute("space", NS.xml, value: "preserve", prefixHint: "xml")
    }

    func formatting(of c: XMLNode, into f: inout TagFormatting) {
        guard c.is("r", NS.w), f.runProperties == nil, let rPr = c.child("rPr", NS.w) else { return }
        let copy = rPr.clone(deep: true)
        // A run's revision mark belongs to that run, not to the value put in its place.
        for ch in copy.elementChildren where ch.is("rPrChange", NS.w) { ch.remove() }
        f.runProperties = copy
    }

    // MARK: copies and lists

    func dropsOnCopy(_ name: String, _ namespace: String?) -> Bool { namespace == NS.w14 && (name == "paraId" || name == "textId") }
    func listUnit(of p: XMLNode) -> XMLNode { p }
    func numbering(of p: XMLNode) -> (element: XMLNode, attribute: String, namespace: String)? {
        guard let el = p.child("pPr", NS.w)?.child("numPr", NS.w)?.child("numId", NS.w) else { return nil }
        return (el, "val", NS.w)
    }

    // MARK: cells

    var cellsEndWithParagraph: Bool { true }
    func isCellProperties(_ n: XMLNode) -> Bool { n.is("tcPr", NS.w) }
    func emptyParagraphBytes(at cell: XMLNode) throws -> [UInt8] { [0x3C] + (try prefixBytes(NS.w, at: cell)) + [0x70, 0x2F, 0x3E] }

    /// `w:vMerge` in the cell's properties, in schema order (tcW, gridSpan, hMerge, vMerge, …).
    private func setVMerge(_ tcPr: XMLNode, restart: Bool, document: XMLDocument, context: XMLNode) {
        tcPr.child("vMerge", NS.w)?.remove()
        let vm = document.createElement("vMerge", namespace: NS.w, context: context)
        if restart { vm.setAttribute("val", NS.w, value: "restart") }
        if let after = tcPr.elementChildren.last(where: { ["tcW", "gridSpan", "hMerge", "cnfStyle"].contains($0.localName) }) {
            after.insertAfter(vm)
        } else {
            tcPr.prepend(vm)
        }
    }

    func merge(_ cells: [XMLNode], document: XMLDocument) {
        for (i, cell) in cells.enumerated() {
            let tcPr = cell.child("tcPr", NS.w) ?? {
                let p = document.createElement("tcPr", namespace: NS.w, context: cell)
                cell.prepend(p)
                return p
            }()
            setVMerge(tcPr, restart: i == 0, document: document, context: cell)
            if i > 0 {
                let paras = cell.elementChildren.filter { !$0.is("tcPr", NS.w) }
                let keep = paras.first { $0.is("p", NS.w) }
                for p in paras where p != keep { p.remove() }
                if let keep { for c in keep.children where !c.is("pPr", NS.w) { c.remove() } } else {
                    cell.append(document.createElement("p", namespace: NS.w, context: cell))
                }
            }
        }
    }

    func mergeForms(_ cell: XMLNode, _ c: MergeCompiling) throws -> MergeForms {
        var sawId = false
        let hook: (String, String?) -> XMLWriter.AttributeAction = { name, ns in
            if c.cloneDepth > 0, dropsOnCopy(name, ns) { return .drop }
            if c.cloneDepth > 0, ns == NS.xml, name == "id" { return .cutAfterValue }
            return .keep
        }
        func head(restart: Bool) -> [UInt8] {
            let scratch = cell.clone(deep: false)
            let tcPr = cell.child("tcPr", NS.w).map { $0.clone(deep: true, for: cell) } ?? c.document.createElement("tcPr", namespace: NS.w, context: cell)
            scratch.append(tcPr)
            setVMerge(tcPr, restart: restart, document: c.document, context: cell)
            var out: [UInt8] = []
            XMLWriter.appendStartTag(scratch, empty: false, to: &out, attribute: hook, cut: { _ in sawId = true })
            XMLWriter.appendNode(tcPr, to: &out)
            return out
        }
        let restartHead = head(restart: true)
        var continued = head(restart: false)
        let kids = c.children(cell).filter { !$0.is("tcPr", NS.w) }
        // The first paragraph stays, emptied but for its properties; it must be one the template writes as it is.
        if let keepIndex = kids.firstIndex(where: { $0.is("p", NS.w) }) {
            let keep = kids[keepIndex]
            if kids[..<keepIndex].contains(where: c.isMarker) || c.isListUnit(keep) || (kids.first.map(c.isMarker) ?? false) {
                throw Uncompilable("a merge cell whose first paragraph depends on the data")
            }
            let props = keep.children.filter { $0.is("pPr", NS.w) }
            XMLWriter.appendStartTag(keep, empty: props.isEmpty, to: &continued, attribute: hook, cut: { _ in sawId = true })
            if !props.isEmpty {
                for p in props { XMLWriter.appendNode(p, to: &continued) }
                XMLWriter.appendEndTag(keep, to: &continued)
            }
        } else {
            if kids.contains(where: c.isMarker) { throw Uncompilable("a merge cell without a fixed paragraph") }
            continued += try emptyParagraphBytes(at: cell)
        }
        XMLWriter.appendEndTag(cell, to: &continued)
        if sawId { throw Uncompilable("identifiers in a merge cell") }
        return MergeForms(restartHead: restartHead, restartHeadAfterCount: nil, continued: continued)
    }

    // MARK: values

    var collapsesSpaces: Bool { false }

    func runFormat(anchor: XMLNode, root: XMLNode, styleIndex: [String: Int32]) throws -> RunFormat {
        guard let parent = anchor.parent else { throw Uncompilable("a tag outside any element") }
        var rPr: [UInt8]?
        if let r = anchor.child("rPr", NS.w) {
            var bytes: [UInt8] = []
            XMLWriter.appendNode(r, to: &bytes)
            rPr = bytes
        }
        return RunFormat(elementPrefix: try prefixBytes(NS.w, at: parent), attributePrefix: [], runProperties: rPr, spanStyles: [], spanStyleRefs: [])
    }

    private static let preserve = Array(" xml:space=\"preserve\">".utf8)

    private func text<C: Collection>(_ f: RunFormat, _ bytes: C, to out: inout [UInt8]) where C.Element == UInt8 {
        out.append(0x3C)
        out += f.elementPrefix
        out.append(0x74) // t
        out += Self.preserve
        XMLWriter.appendEscapedText(bytes, to: &out)
        Bytes.endTag(f.elementPrefix, "t", to: &out)
    }

    /// One `w:r`: plain text, or pieces of text with `w:br` at line breaks and `w:tab` at tabs.
    func writeValue(_ value: String, plain: Bool, _ f: RunFormat, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { bytes in
            if plain {
                if f.runProperties == nil && bytes.isEmpty { Bytes.tag(f.elementPrefix, "r", empty: true, to: &out); return }
                Bytes.tag(f.elementPrefix, "r", to: &out)
                if let p = f.runProperties { out += p }
                if !bytes.isEmpty { text(f, bytes, to: &out) }
                Bytes.endTag(f.elementPrefix, "r", to: &out)
                return
            }
            let start = out.count
            Bytes.tag(f.elementPrefix, "r", to: &out)
            let contentStart = out.count
            if let p = f.runProperties { out += p }
            var lineStart = 0
            var k = 0
            while k <= bytes.count {
                if k < bytes.count && bytes[k] != 0x0A { k += 1; continue }
                if lineStart > 0 { Bytes.tag(f.elementPrefix, "br", empty: true, to: &out) }
                var partStart = lineStart
                var j = lineStart
                while j <= k {
                    if j < k && bytes[j] != 0x09 { j += 1; continue }
                    if partStart > lineStart { Bytes.tag(f.elementPrefix, "tab", empty: true, to: &out) }
                    if j > partStart { text(f, UnsafeBufferPointer(rebasing: bytes[partStart..<j]), to: &out) }
                    j += 1
                    partStart = j
                }
                k += 1
                lineStart = k
            }
            if out.count == contentStart {
                out.removeSubrange(start...)
                Bytes.tag(f.elementPrefix, "r", empty: true, to: &out)
            } else {
                Bytes.endTag(f.elementPrefix, "r", to: &out)
            }
        }
    }

    func valueNodes(_ text: String, plain: Bool, anchor: XMLNode, document: XMLDocument) -> [XMLNode] {
        let context = anchor.parent
        let r = document.createElement("r", namespace: NS.w, context: context)
        if let rPr = anchor.child("rPr", NS.w) { r.append(rPr.clone(deep: true, for: context)) }
        func t(_ s: Substring) {
            let t = document.createElement("t", namespace: NS.w, context: context)
            t.setAttribute("space", NS.xml, value: "preserve", prefixHint: "xml")
            t.append(document.createText(String(s)))
            r.append(t)
        }
        if plain {
            if !text.isEmpty { t(text[...]) }
            return [r]
        }
        for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if i > 0 { r.append(document.createElement("br", namespace: NS.w, context: context)) }
            for (j, part) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if j > 0 { r.append(document.createElement("tab", namespace: NS.w, context: context)) }
                if !part.isEmpty { t(part) }
            }
        }
        return [r]
    }

    // MARK: pictures

    var mediaFolder: String { "word/media/" }
    var pictureNamespaces: [String: String] { ["w": NS.w, "wp": NS.wp, "a": NS.a, "pic": NS.pic, "r": NS.r] }
    var picturesUseRelationships: Bool { true }

    func pictureXML(_ ns: [String: String], media: String, relationship: String?, id: Int, info: ImageInfo, size: (Length, Length)) -> String {
        let cx = size.0.emu, cy = size.1.emu
        let w = ns["w"]!, wp = ns["wp"]!, a = ns["a"]!, pic = ns["pic"]!, r = ns["r"]!
        return """
        <\(w):r><\(w):drawing><\(wp):inline distT="0" distB="0" distL="0" distR="0"><\(wp):extent cx="\(cx)" cy="\(cy)"/>\
        <\(wp):effectExtent l="0" t="0" r="0" b="0"/><\(wp):docPr id="\(id)" name="Picture \(id)"/>\
        <\(wp):cNvGraphicFramePr><\(a):graphicFrameLocks noChangeAspect="1"/></\(wp):cNvGraphicFramePr>\
        <\(a):graphic><\(a):graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">\
        <\(pic):pic><\(pic):nvPicPr><\(pic):cNvPr id="\(id)" name="itaimg\(id).\(info.fileExtension)"/><\(pic):cNvPicPr/></\(pic):nvPicPr>\
        <\(pic):blipFill><\(a):blip \(r):embed="\(relationship ?? "")"/><\(a):stretch><\(a):fillRect/></\(a):stretch></\(pic):blipFill>\
        <\(pic):spPr><\(a):xfrm><\(a):off x="0" y="0"/><\(a):ext cx="\(cx)" cy="\(cy)"/></\(a):xfrm><\(a):prstGeom prst="rect"><\(a):avLst/></\(a):prstGeom></\(pic):spPr>\
        </\(pic):pic></\(a):graphicData></\(a):graphic></\(wp):inline></\(w):drawing></\(w):r>
        """
    }

    // MARK: after filling

    func automaticStyles(in root: XMLNode) -> XMLNode? { nil }
    func isAutomaticStyles(_ n: XMLNode) -> Bool { false }
    func isPrunableStyle(_ n: XMLNode) -> Bool { false }
    func declaredStyleName(_ n: XMLNode) -> String? { nil }

    /// Cells left without a paragraph at their end (their rows' tables or paragraphs removed) get one.
    func finish(root: XMLNode, document: XMLDocument) {
        var cells: [XMLNode] = []
        root.walk { n in
            if n.is("tc", NS.w) { cells.append(n) }
            return true
        }
        for c in cells where !(c.elementChildren.last?.is("p", NS.w) ?? false) {
            c.append(document.createElement("p", namespace: NS.w, context: c))
        }
    }

    // MARK: digits

    func convertsDigits(inText n: XMLNode) -> Bool { countsText(n) }

    func applyDigits(to n: XMLNode, document: XMLDocument, script: DigitScript) -> Bool {
        if n.is("instrText", NS.w) { return false }
        if n.is("sectPr", NS.w), let format = script.wordNumberFormat {
            let pg = n.child("pgNumType", NS.w) ?? {
                let e = document.createElement("pgNumType", namespace: NS.w, context: n)
                // Schema order: … pgSz, pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols …
                if let after = n.elementChildren.last(where: { ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType"].contains($0.localName) }) {
                    after.insertAfter(e)
                } else { n.prepend(e) }
                return e
            }()
            pg.setAttribute("fmt", NS.w, value: format)
            return false
        }
        return true
    }
}
