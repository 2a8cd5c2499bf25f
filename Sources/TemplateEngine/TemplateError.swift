/// Errors of the template engine; each names the part, the paragraph and what to do.
public enum TemplateError: Error, CustomStringConvertible {
    /// The template itself is wrong (syntax, unclosed or misplaced blocks); found without data.
    case invalidTemplate(path: String, problems: [TemplateProblem])
    /// Names the data does not have, and values that do not fit their filters.
    case unresolved(path: String, problems: [TemplateProblem])
    /// An image could not be used.
    case image(path: String, problem: TemplateProblem)
    /// The filled document would grow without bound (loops inside loops); refused even when lenient.
    case tooLarge(path: String, problem: TemplateProblem)
    /// The output file's extension does not match the template's format.
    case outputExtension(output: String, expected: String)

    public var description: String {
        switch self {
        case let .invalidTemplate(path, problems):
            return "\(path): the template has \(problems.count) error\(problems.count == 1 ? "" : "s"):\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
        case let .unresolved(path, problems):
            return "\(path): \(problems.count) tag\(problems.count == 1 ? "" : "s") could not be filled from the data:\n"
                + problems.map { "  - \($0)" }.joined(separator: "\n")
                + "\nAdd the missing names to the data file, correct the tag, or use --lenient to leave them empty."
        case let .image(path, problem), let .tooLarge(path, problem):
            return "\(path): \(problem)"
        case let .outputExtension(output, expected):
            return "\(output): the template is a .\(expected) file, so the output must end in .\(expected)."
        }
    }
}
