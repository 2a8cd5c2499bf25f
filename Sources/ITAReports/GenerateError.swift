import ITAKit

/// Errors of report generation, worded for the user.
public enum GenerateError: CataloguedError, CustomStringConvertible {
    case templatesNotFound(searched: [String], variable: String, variableValue: String?)
    case templateMissing(path: String)
    case reportNotPossible(kind: ReportKind, reason: Message)
    case invalidData(path: String, diagnostics: [Diagnostic])
    case cannotCreateFolder(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case badSourceDateEpoch(value: String)

    public var catalogueMessage: Message {
        switch self {
        case let .templatesNotFound(searched, variable, value):
            let places = searched.joined(separator: ", ")
            let env = value.map { Message("generate.templates-variable-set", ["variable": "\(variable)", "value": "\($0)", "marker": "\(TemplateLocator.marker)"]) }
                ?? Message("generate.templates-variable-unset", ["variable": "\(variable)"])
            return searched.isEmpty
                ? Message("generate.templates-not-found", ["where": .message(env), "variable": "\(variable)", "marker": "\(TemplateLocator.marker)"])
                : Message("generate.templates-not-found.searched", ["places": "\(places)", "where": .message(env), "variable": "\(variable)",
                                                                    "marker": "\(TemplateLocator.marker)"])
        case let .templateMissing(path):
            return Message("generate.template-missing", ["path": "\(path)"])
        case let .reportNotPossible(kind, reason):
            return Message("generate.report-not-possible", ["report": "\(kind.filePrefix)", "reason": .message(reason)])
        case let .invalidData(path, diagnostics):
            return Message("generate.invalid-data", ["path": "\(path)", "diagnostics": .lines(diagnostics.map { .diagnostic($0) })])
        case let .cannotWrite(path, reason):
            return Message("generate.cannot-write", ["path": "\(path)", "reason": "\(reason)"])
        case let .cannotCreateFolder(path, reason):
            return Message("generate.cannot-create-folder", ["path": "\(path)", "reason": "\(reason)"])
        case let .badSourceDateEpoch(value):
            return Message("generate.bad-source-date-epoch", ["value": "\(value)"])
        }
    }

    public var description: String { catalogueMessage.text(in: .en) }
}
