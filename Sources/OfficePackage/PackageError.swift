import OfficeXML

/// Errors from reading or writing an office package (a zip file).
public enum PackageError: Error, CustomStringConvertible {
    case cannotOpen(path: String, reason: String)
    case notAnOfficePackage(path: String)
    case unsafeEntryName(path: String, entry: String)
    case tooLarge(path: String, bytes: UInt64, limit: UInt64)
    /// The package file itself is larger than `PackageLimits.maxFileBytes`.
    case fileTooLarge(path: String, bytes: UInt64, limit: UInt64)
    case tooManyEntries(path: String, count: Int, limit: Int)
    case missingPart(path: String, part: String)
    case readFailed(path: String, part: String, reason: String)
    /// A part of the package is not usable XML; `error` names the part, line and column.
    case brokenPart(path: String, error: XMLError)
    case writeFailed(path: String, reason: String)
    case wouldOverwriteSource(path: String)

    public var description: String {
        switch self {
        case let .cannotOpen(path, reason):
            return "\(path): cannot open the file as a zip package (\(reason)). Check the path, and that it is a .docx or .odt saved by Word or LibreOffice."
        case let .notAnOfficePackage(path):
            return "\(path): this zip is not a Word (DOCX) or OpenDocument (ODT) file: it has neither [Content_Types].xml with word/document.xml nor an ODF mimetype."
        case let .unsafeEntryName(path, entry):
            return "\(path): refused: the package holds an entry named '\(entry)' (absolute path or '..'), which could write outside its folder."
        case let .tooLarge(path, bytes, limit):
            return "\(path): refused: the package unpacks to \(bytes) bytes, more than the limit of \(limit) bytes. A real report template is a few megabytes at most."
        case let .fileTooLarge(path, bytes, limit):
            return "\(path): refused: the file is \(bytes) bytes, more than the limit of \(limit) bytes for a template. A real report template is a few megabytes at most: check that this is the right file."
        case let .tooManyEntries(path, count, limit):
            return "\(path): refused: the package has \(count) entries, more than the limit of \(limit)."
        case let .missingPart(path, part):
            return "\(path): the package has no part '\(part)'."
        case let .readFailed(path, part, reason):
            return "\(path): cannot read part '\(part)': \(reason)"
        case let .brokenPart(path, error):
            return "\(path): \(error)"
        case let .writeFailed(path, reason):
            return "\(path): cannot write the package: \(reason). Nothing was written."
        case let .wouldOverwriteSource(path):
            return "\(path): refused: the output would overwrite the template itself. Choose another output path."
        }
    }
}
