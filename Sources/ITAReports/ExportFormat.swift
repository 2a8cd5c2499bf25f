import ITAKit
import OfficePackage

/// A file format the tool writes: the two template formats, and PDF converted from the ODT.
public enum ExportFormat: String, Sendable, CaseIterable, Comparable {
    case docx
    case odt
    case pdf

    /// The template format this is filled from directly, nil for PDF.
    public var packageKind: PackageKind? { PackageKind(rawValue: rawValue) }

    public var fileExtension: String { rawValue }

    /// Reads `--format` text such as "docx,odt,pdf": known names, duplicates dropped, at least one.
    public static func parseList(_ text: String) throws -> [ExportFormat] {
        var out: [ExportFormat] = []
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces).lowercased() }) where !part.isEmpty {
            guard let f = ExportFormat(rawValue: part) else { throw ExportFormatError.unknown(part) }
            if !out.contains(f) { out.append(f) }
        }
        guard !out.isEmpty else { throw ExportFormatError.empty }
        return out.sorted()
    }

    public static func < (a: ExportFormat, b: ExportFormat) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// A `--format` value that names no format.
public enum ExportFormatError: CataloguedError, CustomStringConvertible {
    case unknown(String)
    case empty

    public var catalogueMessage: Message {
        switch self {
        case let .unknown(s): return Message("format.unknown", ["value": "\(s)"])
        case .empty: return Message("format.empty")
        }
    }

    public var description: String { catalogueMessage.text(in: .en) }
}
