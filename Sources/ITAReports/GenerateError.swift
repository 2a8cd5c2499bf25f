/// Errors of report generation, worded for the user.
public enum GenerateError: Error, CustomStringConvertible {
    case templatesNotFound(searched: [String], variable: String, variableValue: String?)
    case templateMissing(path: String)
    case reportNotPossible(kind: ReportKind, reason: String)
    case invalidData(path: String, messages: [String])
    case cannotCreateFolder(path: String, reason: String)
    /// A document could not be written; `path` is the file asked for, not a temporary one.
    case cannotWrite(path: String, reason: String)
    case badSourceDateEpoch(value: String)

    public var description: String {
        switch self {
        case let .templatesNotFound(searched, variable, value):
            let env = value.map { "\(variable)=\($0) (no \(TemplateLocator.marker) there)" } ?? "\(variable) (not set)"
            let places = searched.isEmpty ? "" : searched.joined(separator: ", ") + ", then "
            return "cannot find the shipped templates (looked in: \(places)\(env)). "
                + "Install itareport with 'make install', set \(variable) to the folder holding \(TemplateLocator.marker), "
                + "or pass your own templates with --template DIR."
        case let .templateMissing(path):
            return "\(path): the template is missing. Restore it from the Templates/ folder of itareport, or pass your own with --template DIR."
        case let .reportNotPossible(kind, reason):
            return "cannot write the \(kind.filePrefix) report: \(reason)"
        case let .invalidData(path, messages):
            return "\(path): the data file has errors; nothing was written:\n" + messages.map { "  \($0)" }.joined(separator: "\n")
        case let .cannotWrite(path, reason):
            return "\(path): cannot write the document (\(reason)); nothing was written. Check that the folder is writable and has room."
        case let .cannotCreateFolder(path, reason):
            return "\(path): cannot create the folder to write into (\(reason)); choose another --output folder, or check that every folder above it exists and is writable."
        case let .badSourceDateEpoch(value):
            return "SOURCE_DATE_EPOCH is '\(value)', not a whole number of seconds since 1970-01-01; set it to one (e.g. $(git log -1 --format=%ct)) or unset it to use the current time."
        }
    }
}
