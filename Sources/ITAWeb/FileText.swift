import Foundation
import ITAKit

/// The text a save writes: the file as it was with only the edited values rewritten (`YAMLPatch`), every
/// comment and untouched line kept; when the file cannot be patched so that it reads back as the same
/// data, the data in the layout the command line writes (`DataFileWriter`), with the file's own opening
/// comment kept and each field still to fill marked as `rollover` marks it.
enum FileText {
    /// The text to write, and whether it is the original patched (false: written whole, comments inside lost).
    static func text(tree: NodeEdit, data: ReportData, loaded: ReportLoader.Result, original: String) -> (text: String, patched: Bool) {
        if let patched = tree.patched(into: original), ReportLoader.load(text: patched).data == data { return (patched, true) }
        return (text(for: data, loaded: loaded, original: original, fallback: (try? tree.text()) ?? ""), false)
    }

    static func text(for data: ReportData, loaded: ReportLoader.Result, original: String, fallback: String) -> String {
        let header = openingComment(original)
        var placeholders: [String: String] = [:]
        if let document = data.document {
            for gap in CompletenessChecker.check(data, document: document, catalog: loaded.catalog)
            where gap.path != "measures" && gap.path != "assessment.indicators" {
                placeholders[gap.path] = gap.field.replacingOccurrences(of: #"\s*\([a-z_ .]+\)$"#, with: "", options: .regularExpression)
            }
        }
        // What is written must read back as the same data; else the plainer text, else the tree as it is.
        for writer in [DataFileWriter(header: header, placeholders: placeholders), DataFileWriter(header: header)] {
            let text = writer.text(for: data)
            if ReportLoader.load(text: text).data == data { return text }
        }
        return fallback
    }

    /// The comment lines at the top of a file, without their `# `.
    static func openingComment(_ text: String) -> [String] {
        var out: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let t = line.trimmingCharacters(in: .whitespaces)
            guard t.hasPrefix("#") else { break }
            var c = t.dropFirst()
            if c.hasPrefix(" ") { c = c.dropFirst() }
            out.append(String(c))
        }
        return out
    }
}
