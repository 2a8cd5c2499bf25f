/// One problem found in a data file: where it is, what is wrong and what to do.
///
/// Printed as `file:line:column: severity: path: message (what to do)`, the form
/// editors and terminals recognise.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    /// Errors stop a document from being produced; warnings do not.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// A stable name for the kind of problem, for tests and tools.
    public enum Kind: String, Sendable {
        case syntax, unreadable, wrongType, unknownKey, duplicateKey, missingField
        case scoreOutOfRange, indicatorOutOfRange, unknownQuestion, issueOutOfRange
        case implausibleYear, ceYear, invalidDate, periodOutsideFiscalYear, periodReversed, dateOutsideFiscalYear
        case guidanceText, mendedText, invalidValue, commentCut, placePrefix, citationWithoutScore
        case officialTotalDiffers, officialLevelDiffers, toolScoreDiffers, missingIndicators, unknownYear, provisionalRubric
    }

    public var severity: Severity
    public var kind: Kind
    /// The file as the user named it.
    public var file: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// The field's path, e.g. `assessment.indicators.9` or `measures[2].period.from`.
    public var path: String
    public var message: String
    /// What to do about it.
    public var hint: String?

    public init(_ severity: Severity, _ kind: Kind, file: String, line: Int? = nil, column: Int? = nil,
                path: String, message: String, hint: String? = nil) {
        self.severity = severity
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.path = path
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var place = file
        if let line {
            place += ":\(line)"
            if let column { place += ":\(column)" }
        }
        var text = "\(place): \(severity.rawValue): " + (path.isEmpty ? "" : "\(path): ") + message
        if let hint, !hint.isEmpty { text += " (\(hint))" }
        return text
    }
}

extension Array where Element == Diagnostic {
    /// True when at least one diagnostic is an error.
    public var hasErrors: Bool { contains { $0.severity == .error } }
    /// Only the errors.
    public var errors: [Diagnostic] { filter { $0.severity == .error } }
    /// Only the warnings.
    public var warnings: [Diagnostic] { filter { $0.severity == .warning } }
}
