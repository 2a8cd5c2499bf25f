import Foundation
import OfficePackage
import OfficeXML

/// Namespace names of WordprocessingML and ODF that the engine meets.
enum NS {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    static let xlink = "http://www.w3.org/1999/xlink"
    static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    static let xml = "http://www.w3.org/XML/1998/namespace"
    static let w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
}

/// Everything the engine needs to know about one document format: which elements are paragraphs,
/// rows, cells and tables, how a value, a picture or a merged cell is written, which parts hold text,
/// and what a fill changes besides them. The generic engine (tag normalising, block parsing, compiling,
/// rendering) asks a dialect and never looks at the package kind; `WordDialect` and `ODFDialect` are
/// the two formats.
protocol Dialect: Sendable {
    // MARK: parts

    /// The parts that hold text the engine fills.
    func textParts(of package: OfficePackage) -> [String]
    /// The parts besides the text parts that a fill may change (list numbering, relationships, the
    /// list of parts), read once with the template.
    func supportParts(of package: OfficePackage, textParts: [String]) throws -> SupportParts
    /// Records the parts a fill added (pictures) in the package's list of parts; returns that list.
    func listAddedParts(_ added: [(name: String, data: Data, mediaType: String)], in support: SupportParts, path: String) throws -> (name: String, data: Data)
    /// The largest page over the template's sections or page layouts.
    func largestPage(_ parts: [(name: String, document: XMLDocument)]) -> PageSize

    // MARK: structure

    /// XPath (with `namespaces`) of the paragraphs whose tags a part may hold.
    func paragraphXPath(part: String) -> String
    var namespaces: [String: String] { get }
    func isParagraph(_ n: XMLNode) -> Bool
    func isRow(_ n: XMLNode) -> Bool
    func isCell(_ n: XMLNode) -> Bool
    func isTable(_ n: XMLNode) -> Bool
    /// Elements that group rows inside a table (ODF header rows and row groups).
    func isRowGroup(_ n: XMLNode) -> Bool
    /// Children of a paragraph that leave it "holding only a tag" (properties, bookmarks).
    func isLayoutOnly(_ n: XMLNode) -> Bool

    // MARK: text of a paragraph, as tags are found in it

    /// Elements whose text is not part of the paragraph's own text (drawings, notes, deleted text, properties).
    func skipsText(_ n: XMLNode) -> Bool
    /// Elements skipped without a trace in the paragraph's text: properties, deleted text, field codes.
    func isSilent(_ n: XMLNode) -> Bool
    /// Elements that stand for a character in the paragraph's text but cannot be part of a tag.
    func isBarrier(_ n: XMLNode) -> Bool
    /// True when a text node counts in the paragraph's text.
    func countsText(_ textNode: XMLNode) -> Bool
    /// An element that stands for spaces (ODF `text:s`): how many.
    func spaces(of n: XMLNode) -> Int?
    /// Children that carry an element's formatting and must be copied when the element is split.
    func propertyChildren(of n: XMLNode) -> [XMLNode]
    /// True for an element that carries its parent's formatting (`w:rPr`, `w:sdtPr`, …).
    func isPropertyChild(_ n: XMLNode) -> Bool
    /// Elements left empty by splitting (runs with only properties, empty spans and text).
    func isEmptyLeftover(_ n: XMLNode) -> Bool
    /// Splits an element holding text: marks both halves so that edge spaces are kept.
    func keepSpacesAfterSplit(_ left: XMLNode, _ right: XMLNode)
    /// The formatting an ancestor `c` of a tag's text gives the value: run properties, a span style.
    func formatting(of c: XMLNode, into f: inout TagFormatting)

    // MARK: copies and lists

    /// Attributes dropped from copies (Word's optional paragraph identifiers).
    func dropsOnCopy(_ name: String, _ namespace: String?) -> Bool
    /// What a list value alone in paragraph `p` repeats: the paragraph, or the list item it is alone in.
    func listUnit(of p: XMLNode) -> XMLNode
    /// The element and attribute giving the list numbering of paragraph `p` (Word's `w:numId`).
    func numbering(of p: XMLNode) -> (element: XMLNode, attribute: String, namespace: String)?

    // MARK: cells

    /// Cells must end with a paragraph (Word): a cell a fill leaves without one gets an empty one.
    var cellsEndWithParagraph: Bool { get }
    /// The cell's properties element, which stays first in a cell.
    func isCellProperties(_ n: XMLNode) -> Bool
    /// An empty paragraph as bytes, with the prefix in scope at `cell`.
    func emptyParagraphBytes(at cell: XMLNode) throws -> [UInt8]
    /// Merges `cells` (one column, consecutive rows) down in the tree.
    func merge(_ cells: [XMLNode], document: XMLDocument)
    /// The bytes a compiled `{{merge}}` cell is written with when it starts or continues a merge.
    func mergeForms(_ cell: XMLNode, _ c: MergeCompiling) throws -> MergeForms

    // MARK: values

    /// Runs of spaces and a leading space need elements of their own (ODF).
    var collapsesSpaces: Bool { get }
    /// The formatting of a value written at `anchor`, as bytes.
    func runFormat(anchor: XMLNode, root: XMLNode, styleIndex: [String: Int32]) throws -> RunFormat
    /// Writes a value (`plain`: no line break, tab, control character nor run of spaces) in format `f`.
    func writeValue(_ text: String, plain: Bool, _ f: RunFormat, to out: inout [UInt8])
    /// The nodes that write a value in place of `anchor` in the tree.
    func valueNodes(_ text: String, plain: Bool, anchor: XMLNode, document: XMLDocument) -> [XMLNode]

    // MARK: pictures

    /// Where added pictures go in the package (`word/media/`, `Pictures/`).
    var mediaFolder: String { get }
    /// The namespaces (by the prefix `pictureXML` writes) a picture uses.
    var pictureNamespaces: [String: String] { get }
    /// Pictures are referred to through the part's relationships (Word).
    var picturesUseRelationships: Bool { get }
    /// A picture in place of a tag, with the prefixes `ns` (by the names of `pictureNamespaces`).
    func pictureXML(_ ns: [String: String], media: String, relationship: String?, id: Int, info: ImageInfo, size: (Length, Length)) -> String

    // MARK: after filling

    /// The element holding the styles of a part that a fill may leave unused (ODF automatic styles).
    func automaticStyles(in root: XMLNode) -> XMLNode?
    func isAutomaticStyles(_ n: XMLNode) -> Bool
    /// A style among them that goes when nothing refers to it any more.
    func isPrunableStyle(_ n: XMLNode) -> Bool
    /// The name a style declaration gives.
    func declaredStyleName(_ n: XMLNode) -> String?
    /// Clean-up of a part filled through its tree: cells end with a paragraph, unused styles go.
    func finish(root: XMLNode, document: XMLDocument)

    // MARK: digits

    /// Writes element `n` for a digit script (page numbers, list numbers); false: its subtree keeps
    /// its digits (field codes, comments).
    func applyDigits(to n: XMLNode, document: XMLDocument, script: DigitScript) -> Bool
    /// True when the digits of a text node are written in the script.
    func convertsDigits(inText n: XMLNode) -> Bool
}

/// The formatting a tag's text has where it starts: run properties (Word) or span styles (ODF).
struct TagFormatting {
    var runProperties: XMLNode?
    var spanStyles: [String]
}

/// Parts that a fill may change besides the text parts.
struct SupportParts: Sendable {
    /// `word/numbering.xml`, read when a fill restarts a list.
    var numbering: Data?
    /// The relationships parts of the text parts that have one, read when a fill adds a picture.
    var relationships: [String: Data] = [:]
    /// The list of the package's parts (`[Content_Types].xml`, `META-INF/manifest.xml`).
    var partList: Data?
}

/// What the compiler knows of a `{{merge}}` cell that the dialect writing its forms asks about.
struct MergeCompiling {
    let document: XMLDocument
    /// Inside a loop's copy: identifiers there are numbered per copy.
    let cloneDepth: Int
    /// The children the compiled program writes (markers of blocks included).
    let children: (XMLNode) -> [XMLNode]
    /// True for a block's marker.
    let isMarker: (XMLNode) -> Bool
    /// True for a paragraph repeated per item of a list value.
    let isListUnit: (XMLNode) -> Bool
}

/// The dialect of a package kind: the one place where the kind is looked at.
func makeDialect(for kind: PackageKind) -> any Dialect {
    kind == .docx ? WordDialect() : ODFDialect()
}

/// The prefix (with its colon) that names namespace `href` in scope at `node`.
func prefixBytes(_ href: String, at node: XMLNode) throws -> [UInt8] {
    guard let p = XMLWriter.prefix(of: href, at: node) else { throw Uncompilable("namespace \(href) not declared") }
    return p.isEmpty ? [] : Array(p.utf8) + [0x3A]
}

/// Byte writing shared by the dialects.
enum Bytes {
    static func tag(_ prefix: [UInt8], _ name: String, empty: Bool = false, to out: inout [UInt8]) {
        out.append(0x3C)
        out += prefix
        out += Array(name.utf8)
        if empty { out.append(0x2F) }
        out.append(0x3E)
    }

    static func endTag(_ prefix: [UInt8], _ name: String, to out: inout [UInt8]) {
        out += [0x3C, 0x2F]
        out += prefix
        out += Array(name.utf8)
        out.append(0x3E)
    }
}
