import Foundation
import ITAReports
import OfficePackage
import OfficeXML
import TemplateEngine
import XCTest

extension Template {
    /// The templates of these tests use the Thai filters and digits that ITA reports register.
    convenience init(contentsOf url: URL) throws {
        try self.init(contentsOf: url, limits: .default, language: ThaiTemplateLanguage.language)
    }
}

/// A folder for one test's templates and outputs; every output can then be handed to the real clients.
final class Workbench {
    let folder: URL
    private(set) var templates: [URL] = []
    private(set) var outputs: [(output: URL, template: URL)] = []
    private var counter = 0

    init(_ name: String) throws {
        folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("itareport-tests-\(ProcessInfo.processInfo.processIdentifier)")
            .appendingPathComponent(name.filter { $0.isLetter || $0.isNumber })
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes a template of this kind; names of DOCX and ODT files never share a stem, so one
    /// LibreOffice call can convert them all into one folder.
    func template(_ kind: PackageKind, body: String, header: String? = nil, footer: String? = nil, name: String = "t") throws -> URL {
        counter += 1
        let url = folder.appendingPathComponent("\(name)\(counter)-\(kind.rawValue)-template.\(kind.rawValue)")
        try Fixture.write(kind, body: body, header: header, footer: footer, to: url)
        templates.append(url)
        return url
    }

    /// Fills `template` and reads the result back.
    @discardableResult
    func fill(_ template: URL, _ data: TemplateValue, options: RenderOptions = RenderOptions()) throws -> Filled {
        let t = try Template(contentsOf: template)
        return try fill(t, data, options: options)
    }

    func fill(_ t: Template, _ data: TemplateValue, options: RenderOptions = RenderOptions()) throws -> Filled {
        counter += 1
        let stem = URL(fileURLWithPath: t.package.path).deletingPathExtension().lastPathComponent.replacingOccurrences(of: "-template", with: "")
        let out = folder.appendingPathComponent("\(stem)-out\(counter).\(t.kind.rawValue)")
        let report = try t.render(data, to: out, options: options)
        outputs.append((out, URL(fileURLWithPath: t.package.path)))
        return try Filled(url: out, warnings: report.warnings)
    }

    /// Adds a file made elsewhere (by the command-line tool) to the outputs the real clients check.
    func record(_ output: URL, template: URL) { outputs.append((output, template)) }

    /// Opens every output in LibreOffice (to PDF), python-docx and openxml-audit.
    func checkWithRealClients(file: StaticString = #filePath, line: UInt = #line) {
        RealClients.check(outputs: outputs, in: folder, file: file, line: line)
    }
}

/// A filled document read back: its parts, and the text of its paragraphs.
struct Filled {
    let url: URL
    let warnings: [String]
    let package: OfficePackage
    var kind: PackageKind { package.kind }

    init(url: URL, warnings: [String] = []) throws {
        self.url = url
        self.warnings = warnings
        package = try OfficePackage(contentsOf: url)
    }

    var mainPart: String { kind == .docx ? "word/document.xml" : "content.xml" }

    func xml(_ part: String? = nil) throws -> String {
        String(decoding: try package.read(part ?? mainPart), as: UTF8.self)
    }

    func document(_ part: String? = nil) throws -> XMLDocument {
        try XMLDocument(data: package.read(part ?? mainPart), name: part ?? mainPart)
    }

    static let namespaces: [String: String] = [
        "w": Fixture.wNS, "r": Fixture.rNS,
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "pic": "http://schemas.openxmlformats.org/drawingml/2006/picture",
        "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
        "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
        "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
        "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
        "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        "xlink": "http://www.w3.org/1999/xlink",
        "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
        "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
        "ct": "http://schemas.openxmlformats.org/package/2006/content-types",
        "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
    ]

    func select(_ xpath: String, part: String? = nil) throws -> [XMLNode] {
        let d = try document(part)
        return try d.select(xpath, namespaces: Self.namespaces)
    }

    /// The text of each paragraph of the body (tables included), in order.
    func paragraphs() throws -> [String] {
        try DocumentText.paragraphs(of: document(), kind: kind, part: mainPart)
    }

    /// The text of each header and footer paragraph.
    func headerFooterParagraphs() throws -> [String] {
        switch kind {
        case .docx:
            return try package.partNames.filter { $0.hasPrefix("word/header") || $0.hasPrefix("word/footer") }
                .sorted { ($0.hasPrefix("word/header") ? 0 : 1, $0) < ($1.hasPrefix("word/header") ? 0 : 1, $1) }
                .flatMap { try DocumentText.paragraphs(of: document($0), kind: .docx, part: $0) }
        case .odt:
            return try DocumentText.paragraphs(of: document("styles.xml"), kind: .odt, part: "styles.xml")
        }
    }
}

/// Reads paragraph text back from WordprocessingML or ODF, the way a reader sees it.
enum DocumentText {
    static func paragraphs(of doc: XMLDocument, kind: PackageKind, part: String) throws -> [String] {
        let xpath: String
        switch kind {
        case .docx: xpath = "//w:p"
        case .odt: xpath = part == "styles.xml" ? "//office:master-styles//text:p | //office:master-styles//text:h"
            : "//office:body//text:p[not(ancestor::draw:frame)] | //office:body//text:h"
        }
        return try doc.select(xpath, namespaces: Filled.namespaces).map { text(of: $0, kind: kind) }
    }

    static func text(of p: XMLNode, kind: PackageKind) -> String {
        var out = ""
        p.walk { n in
            if n != p && (n.localName == "p" || n.localName == "h") && n.isElement { return false }
            if n.isText {
                if kind == .odt || n.parent?.localName == "t" { out += n.text }
                return false
            }
            switch (kind, n.localName) {
            case (.docx, "tab"), (.odt, "tab"): out += "\t"; return false
            case (.docx, "br"), (.docx, "cr"), (.odt, "line-break"): out += "\n"; return false
            case (.odt, "s"): out += String(repeating: " ", count: Int(n.attribute("c", Filled.namespaces["text"]) ?? "1") ?? 1); return false
            case (.docx, "del"), (.docx, "instrText"), (.docx, "delText"), (.docx, "pPr"), (.docx, "rPr"),
                 (.odt, "note"), (.odt, "tracked-changes"), (.odt, "frame"), (.odt, "annotation"), (.odt, "bookmark-ref"):
                return false
            default: return true
            }
        }
        return out
    }
}
