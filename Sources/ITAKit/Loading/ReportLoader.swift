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
                return failure(path, .unreadable, "the file is not UTF-8 text",
                               hint: "save it as UTF-8 (in Notepad: Save As → Encoding UTF-8)")
            }
            text = s
        } catch {
            return failure(path, .unreadable, "the file cannot be read: \(error.localizedDescription)",
                           hint: "check the path")
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
                message: "the file expands to more than \(e.limit) values: YAML aliases such as *name repeat what &name holds, and here they repeat it without end",
                hint: "write the values out, or remove the repeated aliases (a yearly report needs a few thousand values)")],
                sourceMap: SourceMap(), catalog: nil)
        } catch let error as YamlError {
            return Result(data: nil, diagnostics: [syntaxDiagnostic(error, file: file)], sourceMap: SourceMap(),
                          catalog: nil)
        } catch {
            return failure(file, .syntax, "the file cannot be parsed: \(error)", hint: "check the YAML syntax")
        }
        guard let root else {
            return failure(file, .missingField, "the file is empty", hint: "run 'itareport init' for a starter file")
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

    private static func failure(_ file: String, _ kind: Diagnostic.Kind, _ message: String, hint: String) -> Result {
        Result(data: nil, diagnostics: [Diagnostic(.error, kind, file: file, path: "", message: message, hint: hint)],
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
                              path: "", message: "\(keys) is given twice in the same group",
                              hint: "keep one of the two entries")
        default:
            break
        }
        if problem.lowercased().contains("duplicate") {
            return Diagnostic(.error, .duplicateKey, file: file, line: mark?.line, column: mark?.column, path: "",
                              message: "a field is given twice: \(problem)", hint: "keep one of the two entries")
        }
        var message = "YAML syntax error: \(problem)"
        var hint = "check the indentation (spaces, not tabs) and the colons on this line and the one above"
        if let opened, let what = Self.opening(opened.text) {
            // The parser notices an unclosed bracket or quote where the file goes wrong next, often lines later.
            message += "; the \(what) opened at line \(opened.mark.line), column \(opened.mark.column) is not closed"
            hint = "close the \(what) on line \(opened.mark.line), or remove it"
        } else if let opened, !opened.text.isEmpty {
            message += " (\(opened.text) that starts at line \(opened.mark.line), column \(opened.mark.column))"
        }
        if problem.contains("mapping values are not allowed") {
            hint = "a colon followed by a space inside a text starts a new field: put the whole text in quotes, e.g. title: \"มาตรการที่ 1: …\""
        }
        return Diagnostic(.error, .syntax, file: file, line: mark?.line, column: mark?.column, path: "",
                          message: message, hint: hint)
    }

    /// What an error context's text says was opened: "quote", "bracket [ ]", "brace { }".
    private static func opening(_ context: String) -> String? {
        if context.contains("quoted scalar") { return "quote" }
        if context.contains("flow mapping") { return "brace '{'" }
        if context.contains("flow sequence") { return "bracket '['" }
        return nil
    }
}
