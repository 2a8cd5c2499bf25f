import Foundation

/// One text part of a template compiled once: the fixed XML of the part as bytes, and the operations
/// that fill it, each with its extent decided at compile time. Rendering walks the operations and
/// writes bytes; nothing is parsed, copied as a tree or serialised per fill.
struct PartProgram: Sendable {
    let part: String
    /// Every fixed piece of XML, one after the other; `.bytes` operations point into it.
    let store: [UInt8]
    /// Style names each fixed piece refers to (ODT automatic styles), `.bytes` operations point into it.
    let refStore: [Int32]
    /// libxml2's bytes before the root element (the XML declaration) and after it.
    let prologue: [UInt8]
    let epilogue: [UInt8]
    let ops: [Op]
    /// ODT: the automatic styles that a fill may leave unused, by name, and those always referred to.
    let styleNames: [String]
    let alwaysUsedStyles: [Int32]
    /// Namespaces declared on the root element (href → prefix), for pictures added to the part.
    let rootPrefixes: [String: String]
    let rootPrefixesInUse: Set<String>
}

/// Where a tag sits and how it reads, for messages.
struct AnchorRef: Sendable {
    let location: TagLocation
    let raw: String
    let id: String
    func problem(_ message: String) -> TemplateProblem { TemplateProblem(location: location, tag: raw, message: message) }
}

/// The formatting a value is written in: the run properties (DOCX) or span styles (ODT) of its tag.
struct RunFormat: Sendable {
    /// `w:` or `text:` as the part writes it (with the colon; empty for a default namespace).
    let elementPrefix: [UInt8]
    /// The prefix of `text:style-name` and `text:c` (ODT).
    let attributePrefix: [UInt8]
    /// The serialised `w:rPr` of the tag's run (DOCX), or nil.
    let runProperties: [UInt8]?
    /// Span style names (ODT), outermost first, escaped for an attribute.
    let spanStyles: [[UInt8]]
    /// The same styles as indexes of `PartProgram.styleNames` (-1: not an automatic style).
    let spanStyleRefs: [Int32]
}

struct ValueSite: Sendable {
    let anchor: AnchorRef
    let expression: Tag.Expression
    let format: RunFormat
    let isMerge: Bool
}

struct ImageSite: Sendable {
    let anchor: AnchorRef
    let path: Tag.Path
    let width: Tag.LengthSpec?
    let height: Tag.LengthSpec?
}

struct BlockSite: Sendable {
    let anchor: AnchorRef
    let kind: Tag.Block
    let path: Tag.Path
    let then: [Op]
    let otherwise: [Op]
    /// `{{#each}}`: how many sibling nodes one pass copies (each copy numbers its identifiers).
    let unitCount: Int
    let isRows: Bool
    /// Elements one pass copies (what a fill is bounded by).
    let copiedElements: Int
}

/// A value tag alone in its paragraph: a list value repeats the paragraph (or ODF list item) per item.
struct ListSite: Sendable {
    let anchor: AnchorRef
    let expression: Tag.Expression
    /// The unit as it is, the value in place of the tag.
    let normal: [Op]
    /// One copy of the unit per item (identifiers numbered, Word list restarted).
    let copy: [Op]
    /// DOCX: the paragraph's `w:numId`, when numbered.
    let numId: String?
    /// The tag stands alone only once the inline blocks around it are filled: `normal` is the whole
    /// paragraph with its blocks, and its `.hostedValue` says whether the paragraph repeats.
    let hosted: Bool
    /// In a DOCX cell: the unit counts as the cell's last paragraph.
    let marksParagraph: Bool
}

/// A table cell that a fill may change: DOCX cells end with a paragraph; `{{merge}}` cells merge down.
struct CellSite: Sendable {
    /// DOCX: the bytes of `<w:p/>` in this cell, added when its last child is not a paragraph.
    let trailingParagraph: [UInt8]?
    let end: [UInt8]
    let merge: MergeForms?
}

/// The forms of a `{{merge}}` cell: its head (start tag and properties) starting a merge, and the whole
/// cell continuing one.
struct MergeForms: Sendable {
    /// DOCX: the head with `w:vMerge w:val="restart"`; ODT: the start tag up to the span count and after it.
    let restartHead: [UInt8]
    let restartHeadAfterCount: [UInt8]?
    /// The whole cell continuing a merge (DOCX emptied with `w:vMerge`; ODT a covered cell).
    let continued: [UInt8]
}

struct AutoStylesSite: Sendable {
    let start: [UInt8]
    let emptyTag: [UInt8]
    let end: [UInt8]
    /// Each child as bytes, with the index of the style name it declares (-1: kept always).
    let entries: [(bytes: [UInt8], style: Int32)]
}

indirect enum Op: Sendable {
    /// Fixed bytes `store[start..<end]`, referring to the styles `refStore[refStart..<refEnd]`.
    case bytes(start: Int32, end: Int32, refStart: Int32, refEnd: Int32)
    case value(ValueSite)
    /// The value of a hosted list's tag: a list makes its paragraph repeat, anything else is written.
    case hostedValue(ValueSite)
    /// The text of the list item being written, in the tag's formatting.
    case slot(RunFormat, AnchorRef)
    case image(ImageSite)
    case block(BlockSite)
    case list(ListSite)
    /// An element whose children may all go: written `<x/>` when they do. `open` ends with `>`.
    case element(open: [UInt8], children: [Op], end: [UInt8])
    /// A table: dropped when no row of it is left.
    case table([Op])
    case rowMark
    /// DOCX cells' last child: a paragraph or another element.
    case childMark(isParagraph: Bool)
    case cell(CellSite, [Op])
    /// In a merge cell: its head ends here.
    case headEnd
    /// Which copied sibling of a `{{#each}}` (at this depth of loops) the following bytes belong to.
    case unit(depth: Int32, index: Int32)
    /// The suffixes that keep the `xml:id` of a copy unique.
    case idSuffix
    /// The `w:numId` of a copied list paragraph: restarted, or as it was.
    case numId(original: [UInt8])
    /// Namespaces a fill adds to the root element (for pictures) go here.
    case rootNamespaces
    case automaticStyles(AutoStylesSite)
}

/// Why a part cannot be compiled; the part is then filled through its document tree.
struct Uncompilable: Error {
    let reason: String
    init(_ r: String) { reason = r }
}
