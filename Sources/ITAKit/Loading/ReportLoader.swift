import Foundation
import YAMLLimits
import Yams

/// Reads a data file (YAML or JSON), checks it and scores it: the entry point of ITAKit.
///
/// ```swift
/// let loaded = ReportLoader.load(path: "Examples/sisaket-2568.yaml")
/// for d in loaded.diagnostics { print(d) }
/// if let card = loaded.scoreCard { print(card.total!, card.level!) }
/// ```
public enum ReportLoader {
    /// Largest number of values a data file may expand to once its YAML aliases are repeated (a yearly
    /// report holds a few thousand; an alias bomb billions).
    public static let maxValues = 200_000

    /// The outcome of loading: the data (nil if the file could not be read at all),
    /// every problem found, where each field was written, and the year's framework.
    public struct Result: Sendable {
        public var data: ReportData?
        public var diagnostics: [Diagnostic]
        public var sourceMap: SourceMap
        public var catalog: FrameworkCatalog?

        /// The scores, when the data has an assessment and a framework was found.
        public var scoreCard: ScoreCard? {
            guard let a = data?.assessment, let catalog else { return nil }
            return Scorer.score(a, catalog: catalog, strengthThreshold: data?.options?.strengthThreshold)
        }

        /// True when an error (not only warnings) was found.
        public var hasErrors: Bool { diagnostics.hasErrors }
    }

    /// Loads the file at `path`; problems, including a missing file, become diagnostics.
    public static func load(path: String) -> Result {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let s = String(data: data, encoding: .utf8) else {
                return failure(path, .unreadable, Message("load.not-utf8"), hint: Message("load.not-utf8.hint"))
            }
            text = s
        } catch {
            let missing = !FileManager.default.fileExists(atPath: path)
            return failure(path, .unreadable,
                           missing ? Message("load.not-found", ["reason": "\(error.localizedDescription)"])
                               : Message("load.unreadable", ["reason": "\(error.localizedDescription)"]),
                           hint: Message("load.unreadable.hint"))
        }
        return load(text: text, file: path)
    }

    /// Loads data file contents; `file` is the name used in diagnostics.
    public static func load(text: String, file: String = "<data>") -> Result {
        let source = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let root: Node?
        do {
            try YAMLExpansion.check(source, limit: maxValues)
            root = try Yams.compose(yaml: source)
        } catch let e as YAMLExpansion.TooLarge {
            return Result(data: nil, diagnostics: [Diagnostic(.error, .syntax, file: file, line: e.line, column: e.column, path: "",
                problem: Message("load.alias-bomb", ["limit": "\(e.limit)"]), remedy: Message("load.alias-bomb.hint"))],
                sourceMap: SourceMap(), catalog: nil)
        } catch let error as YamlError {
            return Result(data: nil, diagnostics: [syntaxDiagnostic(error, file: file)], sourceMap: SourceMap(),
                          catalog: nil)
        } catch {
            return failure(file, .syntax, Message("load.unparsable", ["reason": "\(error)"]), hint: Message("load.unparsable.hint"))
        }
        guard let root else {
            return failure(file, .missingField, Message("load.empty"), hint: Message("load.empty.hint"))
        }
        let reader = DataFileReader(file: file, source: source)
        let data = reader.read(root)
        var diagnostics = reader.diagnostics
        var catalog: FrameworkCatalog?
        if let data {
            var validator = ReportValidator(file: file, sourceMap: reader.sourceMap)
            catalog = validator.validate(data)
            diagnostics += validator.diagnostics
            diagnostics += FormCoverage.diagnostics(data, filled: reader.filled, sourceMap: reader.sourceMap, file: file)
        }
        diagnostics.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return Result(data: data, diagnostics: diagnostics, sourceMap: reader.sourceMap, catalog: catalog)
    }

    private static func failure(_ file: String, _ kind: Diagnostic.Kind, _ message: Message, hint: Message) -> Result {
        Result(data: nil, diagnostics: [Diagnostic(.error, kind, file: file, path: "", problem: message, remedy: hint)],
               sourceMap: SourceMap(), catalog: nil)
    }

    private static func syntaxDiagnostic(_ error: YamlError, file: String) -> Diagnostic {
        var mark: Mark?
        var opened: YamlError.Context?
        var problem = "\(error)"
        switch error {
        case let .scanner(context, p, m, _), let .parser(context, p, m, _), let .composer(context, p, m, _):
            mark = m
            opened = context
            problem = p
        case let .reader(p, _, _, _):
            problem = p
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Diagnostic(.error, .duplicateKey, file: file, line: context.mark.line, column: context.mark.column,
                              path: "", problem: Message("load.keys-twice", ["keys": "\(keys)"]), remedy: Message("hint.keep-one"))
        default:
            break
        }
        if problem.lowercased().contains("duplicate") {
            return Diagnostic(.error, .duplicateKey, file: file, line: mark?.line, column: mark?.column, path: "",
                              problem: Message("load.field-twice", ["problem": "\(problem)"]), remedy: Message("hint.keep-one"))
        }
        let said = Self.parserProblem(problem)
        var message = Message("yaml.syntax", ["problem": said])
        var hint = Message("yaml.syntax.hint")
        if let opened, let what = Self.opening(opened.text) {
            // The parser notices an unclosed bracket or quote where the file goes wrong next, often lines later.
            message = Message("yaml.unclosed", ["problem": said, "what": .message(what),
                                                "line": "\(opened.mark.line)", "column": "\(opened.mark.column)"])
            hint = Message("yaml.unclosed.hint", ["what": .message(what), "line": "\(opened.mark.line)"])
        } else if let opened, !opened.text.isEmpty {
            message = Message("yaml.syntax.context", ["problem": said, "context": "\(opened.text)",
                                                      "line": "\(opened.mark.line)", "column": "\(opened.mark.column)"])
        }
        if problem.contains("mapping values are not allowed") {
            hint = Message("yaml.colon.hint")
        }
        return Diagnostic(.error, .syntax, file: file, line: mark?.line, column: mark?.column, path: "",
                          problem: message, remedy: hint)
    }

    /// The YAML parser's own words for a problem, with Thai for the ones a clerk meets; its English is the
    /// parser's text exactly, and any other problem is shown as the parser says it.
    static func parserProblem(_ problem: String) -> Message.Argument {
        let known: Message? = switch problem {
        case "mapping values are not allowed in this context": Message("yaml.problem.mapping-values")
        case "found unexpected end of stream": Message("yaml.problem.end-of-stream")
        case "did not find expected key": Message("yaml.problem.expected-key")
        case "did not find expected '-' indicator": Message("yaml.problem.expected-dash")
        case "found character that cannot start any token": Message("yaml.problem.bad-character")
        case "could not find expected ':'": Message("yaml.problem.expected-colon")
        case "did not find expected node content": Message("yaml.problem.expected-content")
        case "block sequence entries are not allowed in this context": Message("yaml.problem.sequence-entry")
        case "found unknown escape character": Message("yaml.problem.escape")
        case "did not find expected ',' or '}'": Message("yaml.problem.expected-brace")
        case "did not find expected ',' or ']'": Message("yaml.problem.expected-bracket")
        default: nil
        }
        guard let known, known.text(in: .en) == problem else { return .text(problem) }
        return .message(known)
    }

    /// What an error context's text says was opened: "quote", "bracket [ ]", "brace { }".
    private static func opening(_ context: String) -> Message? {
        if context.contains("quoted scalar") { return Message("yaml.quote") }
        if context.contains("flow mapping") { return Message("yaml.brace") }
        if context.contains("flow sequence") { return Message("yaml.bracket") }
        return nil
    }
}
