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
///
/// Which part stands behind which frame is read from the template once (`Targets`); filling only
/// changes text around the frames, and a chart part whose frame a `{{#if}}` removed is unused.
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

    /// The chart part behind a named frame, and (ODT) the frame's size.
    struct Target: Sendable, Equatable {
        var part: String
        var width: String = "15cm"
        var height: String = "9cm"
    }

    /// The chart frames of a template: frame name → the chart parts behind frames of that name.
    struct Targets: Sendable {
        let kind: PackageKind
        let byName: [String: [Target]]
        /// Frames whose chart part the package lacks: frame name → the part named.
        let missing: [String: String]
        let path: String

        /// Reads the frames of `package`'s main part (`word/document.xml` with its relationships, or `content.xml`).
        init(package: OfficePackage) throws {
            kind = package.kind
            path = package.path
            var found: [String: [Target]] = [:]
            var lacking: [String: String] = [:]
            switch package.kind {
            case .docx:
                guard package.contains("word/document.xml") else { byName = [:]; missing = [:]; return }
                let doc = try package.xmlDocument("word/document.xml")
                let relName = Relationships.partName(for: "word/document.xml")
                let rels = try Relationships(data: package.contains(relName) ? package.read(relName) : nil, name: relName)
                for docPr in try doc.select("//wp:docPr[@name]", namespaces: ChartParts.ns) {
                    guard let name = docPr.attribute("name") else { continue }
                    for ref in try doc.select("ancestor::*[self::wp:inline or self::wp:anchor][1]//c:chart", from: docPr, namespaces: ChartParts.ns) {
                        guard let id = ref.attribute("id", ChartParts.ns["r"]), let target = try rels.target(of: id) else { continue }
                        let part = ChartParts.resolve(target, from: "word")
                        guard package.contains(part) else { lacking[name] = part; continue }
                        found[name, default: []].append(Target(part: part))
                    }
                }
            case .odt:
                guard package.contains("content.xml") else { byName = [:]; missing = [:]; return }
                let doc = try package.xmlDocument("content.xml")
                for frame in try doc.select("//draw:frame[@draw:name]", namespaces: ChartParts.ns) {
                    guard let name = frame.attribute("name", ChartParts.ns["draw"]),
                          let object = frame.child("object", ChartParts.ns["draw"]),
                          var href = object.attribute("href", ChartParts.ns["xlink"]) else { continue }
                    if href.hasPrefix("./") { href.removeFirst(2) }
                    if href.hasSuffix("/") { href.removeLast() }
                    let part = href + "/content.xml"
                    guard package.contains(part) else { lacking[name] = part; continue }
                    found[name, default: []].append(Target(part: part, width: frame.attribute("width", ChartParts.ns["svg"]) ?? "15cm",
                                                           height: frame.attribute("height", ChartParts.ns["svg"]) ?? "9cm"))
                }
            }
            byName = found
            missing = lacking
        }
    }

    /// The chart parts drawn for one organisation, shared by all its documents: each chart is drawn
    /// once per format and frame size however many reports show it.
    final class Drawn {
        private struct Key: Hashable {
            var chart: ScoreChart
            var kind: PackageKind
            var width: String
            var height: String
        }
        private var parts: [Key: Data] = [:]
        /// How many parts were drawn (not taken from earlier documents).
        private(set) var drawnCount = 0

        func part(_ chart: ScoreChart, kind: PackageKind, target: Target) -> Data {
            let key = Key(chart: chart, kind: kind, width: kind == .odt ? target.width : "", height: kind == .odt ? target.height : "")
            if let known = parts[key] { return known }
            let data: Data
            switch kind {
            case .docx: data = DrawingMLChart.xml(chart)
            case .odt: data = ODFChart.contentXML(chart, width: target.width, height: target.height)
            }
            drawnCount += 1
            parts[key] = data
            return data
        }
    }

    static let ns = [
        "wp": "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
        "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
        "xlink": "http://www.w3.org/1999/xlink",
        "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
    ]

    /// Replaces the chart parts behind the template's frames of the view's charts. Names that have no
    /// frame (the template left the chart out) are skipped.
    func apply(to changes: inout PackageChanges, targets: Targets, drawn: Drawn) throws {
        for (name, chart) in charts {
            if let part = targets.missing[name] { throw PackageError.missingPart(path: targets.path, part: part) }
            for target in targets.byName[name] ?? [] {
                changes.replaced[target.part] = drawn.part(chart, kind: targets.kind, target: target)
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
