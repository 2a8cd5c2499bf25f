import Foundation
import OfficePackage
import OfficeXML
import TemplateEngine

/// Writes the charts of a view into a filled document: each chart frame the template names after a
/// chart value of the view (`chart_tools`, `chart_indicators`) gets the chart part behind it replaced
/// by one drawn from the data — a DrawingML chart part in DOCX (found through the frame's
/// relationship), the chart object's `content.xml` in ODT (through `draw:object`'s link). Frames
/// are found by name (`wp:docPr/@name`, `draw:frame/@draw:name`), which Word and LibreOffice keep
/// when a template is edited and saved.
struct ChartParts {
    let charts: [String: ScoreChart]

    /// The chart values of a view's top level.
    init(view: TemplateValue) {
        var found: [String: ScoreChart] = [:]
        if case let .object(o) = view {
            for (k, v) in o { if let c = ScoreChart(v) { found[k] = c } }
        }
        charts = found
    }

    private static let ns = [
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        "xlink": "http://www.w3.org/1999/xlink",
        "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    ]

    /// Replaces the chart parts of the frames in the filled main part. Names that have no frame
    /// (the template left the chart out, or its `{{#if}}` removed it) are skipped.
    func apply(to changes: inout PackageChanges, package: OfficePackage) throws {
        guard !charts.isEmpty else { return }
        switch package.kind {
        case .docx: try applyDOCX(&changes, package)
        case .odt: try applyODT(&changes, package)
        }
    }

    private func mainPart(_ name: String, _ changes: PackageChanges, _ package: OfficePackage) throws -> XMLDocument {
        if let data = changes.replaced[name] { return try XMLDocument(data: data, name: name) }
        return try package.xmlDocument(name)
    }

    private func applyDOCX(_ changes: inout PackageChanges, _ package: OfficePackage) throws {
        let doc = try mainPart("word/document.xml", changes, package)
        let relName = Relationships.partName(for: "word/document.xml")
        let relData = try changes.replaced[relName] ?? (package.contains(relName) ? package.read(relName) : nil)
        let rels = try Relationships(data: relData, name: relName)
        for (name, chart) in charts.sorted(by: { $0.key < $1.key }) {
            let refs = try doc.select("//wp:docPr[@name='\(name)']/ancestor::*[self::wp:inline or self::wp:anchor][1]//c:chart", namespaces: Self.ns)
            for ref in refs {
                guard let id = ref.attribute("id", Self.ns["r"]), let target = try rels.target(of: id) else { continue }
                let part = Self.resolve(target, from: "word")
                guard package.contains(part) || changes.replaced[part] != nil else {
                    throw PackageError.missingPart(path: package.path, part: part)
                }
                changes.replaced[part] = DrawingMLChart.xml(chart)
            }
        }
    }

    private func applyODT(_ changes: inout PackageChanges, _ package: OfficePackage) throws {
        let doc = try mainPart("content.xml", changes, package)
        for (name, chart) in charts.sorted(by: { $0.key < $1.key }) {
            for frame in try doc.select("//draw:frame[@draw:name='\(name)']", namespaces: Self.ns) {
                guard let object = frame.child("object", Self.ns["draw"]), var href = object.attribute("href", Self.ns["xlink"]) else { continue }
                if href.hasPrefix("./") { href.removeFirst(2) }
                if href.hasSuffix("/") { href.removeLast() }
                let part = href + "/content.xml"
                guard package.contains(part) || changes.replaced[part] != nil else {
                    throw PackageError.missingPart(path: package.path, part: part)
                }
                let width = frame.attribute("width", Self.ns["svg"]) ?? "15cm"
                let height = frame.attribute("height", Self.ns["svg"]) ?? "9cm"
                changes.replaced[part] = ODFChart.contentXML(chart, width: width, height: height)
            }
        }
    }

    /// A relationship target as a part name: `charts/chart1.xml` from `word` → `word/charts/chart1.xml`.
    static func resolve(_ target: String, from folder: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}
