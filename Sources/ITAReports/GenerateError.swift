/// Errors of report generation, worded for the user.
public enum GenerateError: Error, CustomStringConvertible {
    case templatesNotFound(searched: [String])
    case templateMissing(path: String)
    case reportNotPossible(kind: ReportKind, reason: String)
    case invalidData(path: String, messages: [String])
    case cannotCreateFolder(path: String, reason: String)
    case badSourceDateEpoch(value: String)

    public var description: String {
        switch self {
        case let .templatesNotFound(searched):
            return "cannot find the templates folder (looked in: \(searched.joined(separator: ", "))). Pass it with --template DIR."
        case let .templateMissing(path):
            return "\(path): the template is missing. Restore it from the Templates/ folder of itareport, or pass your own with --template DIR."
        case let .reportNotPossible(kind, reason):
            return "cannot write the \(kind.filePrefix) report: \(reason)"
        case let .invalidData(path, messages):
            return "\(path): the data file has errors; nothing was written:\n" + messages.map { "  \($0)" }.joined(separator: "\n")
        case let .cannotCreateFolder(path, reason):
            return "\(path): cannot create the folder to write into (\(reason)); choose another --output folder, or check that every folder above it exists and is writable."
        case let .badSourceDateEpoch(value):
            return "SOURCE_DATE_EPOCH is '\(value)', not a whole number of seconds since 1970-01-01; set it to one (e.g. $(git log -1 --format=%ct)) or unset it to use the current time."
        }
    }
}
