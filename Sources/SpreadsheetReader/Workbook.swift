import Foundation
import OfficePackage
import OfficeXML

/// An Excel workbook (`.xlsx`) opened for its sheets' cell values, read through the zip and XML
/// layers: the workbook part found from the package relationships, its sheets in order, the shared
/// strings, and each sheet's cells as text.
public final class Workbook {
    /// One sheet as the workbook lists it.
    public struct Sheet: Sendable, Equatable {
        public var name: String
        /// The part holding its cells; nil when the workbook names no part for it.
        public var part: String?
        public var hidden: Bool
        /// False for chart and dialog sheets.
        public var isWorksheet: Bool
    }

    public let path: String
    /// The sheets in the workbook's order.
    public let sheets: [Sheet]
    let archive: ZipArchive
    let limits: SpreadsheetLimits
    let sharedStringsPart: String?
    let stylesPart: String?
    private var shared: SharedStrings?
    private var percent: Set<Int>?

    public convenience init(contentsOf url: URL, limits: SpreadsheetLimits = .default) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw SpreadsheetError.notAZip(path: url.path, reason: (error as NSError).localizedDescription)
        }
        try self.init(data: data, path: url.path, limits: limits)
    }

    public init(data: Data, path: String, limits: SpreadsheetLimits = .default) throws {
        self.path = path
        self.limits = limits
        if data.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) { throw SpreadsheetError.legacyExcel(path: path) }
        do { archive = try ZipArchive(data: data, path: path, limits: limits.package) } catch let e as PackageError {
            if case let .cannotOpen(_, reason) = e { throw SpreadsheetError.notAZip(path: path, reason: reason) }
            if case let .tooLarge(_, bytes, limit) = e { throw SpreadsheetError.unpacksTooLarge(path: path, bytes: bytes, limit: limit) }
            throw SpreadsheetError.package(e.description)
        }

        let workbookPart = try Self.workbookPart(archive)
        let workbook = try Self.parse(archive, workbookPart, limits: limits)
        let rels = try Self.relationships(of: workbookPart, in: archive, limits: limits)
        var sheets: [Sheet] = []
        for s in workbook.root?.element("sheets")?.elements("sheet") ?? [] {
            let id = s.attribute("id", Self.relNS) ?? s.attribute("id", Self.strictRelNS)
            let rel = id.flatMap { rels[$0] }
            sheets.append(Sheet(name: s.attribute("name") ?? "", part: rel?.target,
                                hidden: s.attribute("state").map { $0 != "visible" } ?? false,
                                isWorksheet: rel.map { $0.type.hasSuffix("/worksheet") } ?? true))
        }
        guard !sheets.isEmpty else { throw SpreadsheetError.noSheets(path: path) }
        self.sheets = sheets
        sharedStringsPart = rels.values.first { $0.type.hasSuffix("/sharedStrings") }?.target
            ?? (archive.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil)
        stylesPart = rels.values.first { $0.type.hasSuffix("/styles") }?.target
            ?? (archive.contains("xl/styles.xml") ? "xl/styles.xml" : nil)
    }

    /// The sheet named `name` (exactly, else ignoring case and surrounding spaces); without a name,
    /// the first sheet that is not hidden.
    public func sheet(named name: String?) throws -> Sheet {
        guard let name else { return sheets.first { !$0.hidden } ?? sheets[0] }
        if let s = sheets.first(where: { $0.name == name }) { return s }
        let key = name.trimmingCharacters(in: .whitespaces).lowercased()
        if let s = sheets.first(where: { $0.name.trimmingCharacters(in: .whitespaces).lowercased() == key }) { return s }
        throw SpreadsheetError.noSuchSheet(path: path, name: name, available: sheets.map(\.name))
    }

    /// The rows of `sheet` that hold a value, in order.
    public func rows(of sheet: Sheet) throws -> [SheetRow] {
        guard sheet.isWorksheet else { throw SpreadsheetError.notAWorksheet(path: path, sheet: sheet.name) }
        guard let part = sheet.part else {
            throw SpreadsheetError.missingPart(path: path, part: "(the part of sheet '\(sheet.name)')")
        }
        let raw = try Self.read(archive, part, limits: limits)
        let xml = EmptyCellFilter.strip(raw)
        guard xml.count <= limits.maxParsedBytes else {
            throw SpreadsheetError.partTooLarge(path: path, part: part, bytes: UInt64(xml.count), limit: UInt64(limits.maxParsedBytes))
        }
        let document: XMLDocument
        do { document = try XMLDocument(data: xml, name: part) } catch let e as XMLError {
            throw SpreadsheetError.brokenPart(path: path, error: e)
        }
        return try WorksheetCells(path: path, sheet: sheet.name, limits: limits, strings: { try self.sharedStrings() },
                                  percentStyles: { try self.percentStyles() })
            .rows(of: document)
    }

    /// The cell styles (indexes into `cellXfs`, a cell's `s`) that show a number as a percentage.
    private func percentStyles() throws -> Set<Int> {
        if let percent { return percent }
        let found = try stylesPart.map { part -> Set<Int> in
            guard archive.contains(part) else { return [] }
            return CellStyles.percentStyles(try Self.parse(archive, part, limits: limits))
        } ?? []
        percent = found
        return found
    }

    private func sharedStrings() throws -> SharedStrings {
        if let shared { return shared }
        let loaded = try sharedStringsPart.map { SharedStrings(document: try Self.parse(archive, $0, limits: limits)) } ?? .empty
        shared = loaded
        return loaded
    }

    // MARK: Parts

    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let strictRelNS = "http://purl.oclc.org/ooxml/officeDocument/relationships"

    private static func workbookPart(_ archive: ZipArchive) throws -> String {
        if archive.contains("_rels/.rels"),
           let rels = try? relationships(of: "", in: archive, limits: .default),
           let main = rels.values.first(where: { $0.type.hasSuffix("/officeDocument") })?.target,
           archive.contains(main), main.hasPrefix("xl/") || main.hasSuffix("workbook.xml") {
            return main
        }
        if archive.contains("xl/workbook.xml") { return "xl/workbook.xml" }
        var found: String?
        if archive.contains("word/document.xml") { found = "a Word document" }
        else if archive.contains("ppt/presentation.xml") { found = "a PowerPoint presentation" }
        else if archive.contains("mimetype"), let m = try? archive.read("mimetype") {
            let mime = String(decoding: m.prefix(200), as: UTF8.self)
            if mime.contains("opendocument.spreadsheet") { found = "an OpenDocument spreadsheet (.ods)" }
            else if mime.contains("opendocument.text") { found = "an OpenDocument text document (.odt)" }
        }
        throw SpreadsheetError.notAWorkbook(path: archive.path, found: found)
    }

    static func read(_ archive: ZipArchive, _ part: String, limits: SpreadsheetLimits) throws -> Data {
        guard let size = archive.size(of: part) else { throw SpreadsheetError.missingPart(path: archive.path, part: part) }
        guard size <= limits.maxPartBytes else {
            throw SpreadsheetError.partTooLarge(path: archive.path, part: part, bytes: size, limit: limits.maxPartBytes)
        }
        do { return try archive.read(part) } catch let e as PackageError { throw SpreadsheetError.package(e.description) }
    }

    static func parse(_ archive: ZipArchive, _ part: String, limits: SpreadsheetLimits) throws -> XMLDocument {
        let data = try read(archive, part, limits: limits)
        guard data.count <= limits.maxParsedBytes else {
            throw SpreadsheetError.partTooLarge(path: archive.path, part: part, bytes: UInt64(data.count), limit: UInt64(limits.maxParsedBytes))
        }
        do { return try XMLDocument(data: data, name: part) } catch let e as XMLError {
            throw SpreadsheetError.brokenPart(path: archive.path, error: e)
        }
    }

    /// The relationships of `part` (the package's own for ""): id → (type, target part name).
    static func relationships(of part: String, in archive: ZipArchive, limits: SpreadsheetLimits) throws -> [String: (type: String, target: String)] {
        let name = part.isEmpty ? "_rels/.rels" : Relationships.partName(for: part)
        guard archive.contains(name) else { return [:] }
        let doc = try parse(archive, name, limits: limits)
        var out: [String: (type: String, target: String)] = [:]
        for r in doc.root?.elements("Relationship") ?? [] where r.attribute("TargetMode") != "External" {
            guard let id = r.attribute("Id"), let target = r.attribute("Target") else { continue }
            out[id] = (r.attribute("Type") ?? "", resolve(target, from: part))
        }
        return out
    }

    /// A relationship target as a part name: absolute (`/xl/…`) or relative to the source part's folder.
    static func resolve(_ target: String, from part: String) -> String {
        var segments: [Substring] = []
        if !target.hasPrefix("/") { segments = part.split(separator: "/").dropLast() }
        for s in target.split(separator: "/") {
            if s == "." { continue }
            if s == ".." { _ = segments.popLast(); continue }
            segments.append(s)
        }
        return segments.joined(separator: "/")
    }
}
