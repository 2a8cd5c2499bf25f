import Foundation

extension DataFileWriter {
    /// The lines being written, with the writer's comments and placeholders applied per field.
    struct Output {
        let writer: DataFileWriter
        var lines: [String] = []

        init(writer: DataFileWriter) {
            self.writer = writer
        }

        private func pad(_ n: Int) -> String { String(repeating: " ", count: n) }

        func hasPlaceholder(under path: String) -> Bool {
            writer.placeholders.keys.contains { $0 == path || $0.hasPrefix(path + ".") || $0.hasPrefix(path + "[") }
        }

        mutating func comment(_ text: String, indent: Int) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(pad(indent) + (line.isEmpty ? "#" : "# \(line)"))
            }
        }

        mutating func notesAbove(_ path: String, indent: Int) {
            for note in writer.notes[path] ?? [] { comment(note, indent: indent) }
        }

        /// `key:` opening a group or list.
        mutating func section(_ key: String, _ path: String, indent: Int) {
            notesAbove(path, indent: indent)
            lines.append("\(pad(indent))\(key):")
        }

        /// `key: value` with `value` already in YAML form; a placeholder or nothing when nil.
        mutating func scalar(_ key: String, _ path: String, _ value: String?, indent: Int) {
            if let value {
                notesAbove(path, indent: indent)
                lines.append("\(pad(indent))\(key): \(value)")
            } else if let what = writer.placeholders[path] {
                notesAbove(path, indent: indent)
                lines.append("\(pad(indent))\(key):   # \(DataFileWriter.fillMarker) \(what)")
            }
        }

        /// A text field: plain, quoted, or a literal block for several lines.
        mutating func text(_ key: String, _ path: String, _ value: String?, indent: Int) {
            guard let value, YAMLScalar.fitsLiteralBlock(value) else {
                scalar(key, path, value.map { YAMLScalar.inline($0) }, indent: indent)
                return
            }
            notesAbove(path, indent: indent)
            lines.append("\(pad(indent))\(key): |-")
            for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
                lines.append(line.isEmpty ? "" : pad(indent + 2) + line)
            }
        }

        /// A list of texts, one `- ` line each.
        mutating func textList(_ key: String, _ path: String, _ values: [String]?, indent: Int) {
            guard let values else { scalar(key, path, nil, indent: indent); return }
            if values.isEmpty { scalar(key, path, "[]", indent: indent); return }
            section(key, path, indent: indent)
            for v in values {
                if YAMLScalar.fitsLiteralBlock(v) {
                    lines.append("\(pad(indent + 2))- |-")
                    for line in v.split(separator: "\n", omittingEmptySubsequences: false) {
                        lines.append(line.isEmpty ? "" : pad(indent + 4) + line)
                    }
                } else {
                    lines.append("\(pad(indent + 2))- \(YAMLScalar.inline(v))")
                }
            }
        }

        /// A short list on one line: `[i1, e9]`.
        mutating func flowList(_ key: String, _ path: String, _ values: [String]?, indent: Int) {
            let value = values.map { "[" + $0.map { YAMLScalar.inline($0, context: .flow) }.joined(separator: ", ") + "]" }
            scalar(key, path, value, indent: indent)
        }

        mutating func listItem(indent: Int) -> ListItem {
            ListItem(output: Output(writer: writer), indent: indent)
        }
    }

    /// One `- ` entry of a list of groups: fields are written two spaces in, and the first
    /// field's indentation becomes the dash.
    struct ListItem {
        var output: Output
        let indent: Int

        private var fieldIndent: Int { indent + 2 }

        mutating func scalar(_ key: String, _ path: String, _ value: String?) {
            output.scalar(key, path, value, indent: fieldIndent)
        }
        mutating func text(_ key: String, _ path: String, _ value: String?) {
            output.text(key, path, value, indent: fieldIndent)
        }
        mutating func textList(_ key: String, _ path: String, _ values: [String]?) {
            output.textList(key, path, values, indent: fieldIndent)
        }
        mutating func flowList(_ key: String, _ path: String, _ values: [String]?) {
            output.flowList(key, path, values, indent: fieldIndent)
        }
        mutating func period(_ key: String, _ path: String, _ value: Period?) {
            output.scalar(key, path, value.flatMap(DataFileWriter.period), indent: fieldIndent)
        }
        mutating func section(_ key: String, _ path: String) {
            output.section(key, path, indent: fieldIndent)
        }
        /// A line written as is, relative to the item's fields.
        mutating func raw(_ line: String) {
            output.lines.append(String(repeating: " ", count: fieldIndent) + line)
        }

        func finish(_ out: inout Output) {
            var lines = output.lines
            let prefix = String(repeating: " ", count: fieldIndent)
            if let first = lines.firstIndex(where: { $0.hasPrefix(prefix) && !$0.dropFirst(fieldIndent).hasPrefix("#") && !$0.dropFirst(fieldIndent).hasPrefix(" ") }) {
                lines[first] = String(repeating: " ", count: indent) + "- " + lines[first].dropFirst(fieldIndent)
            } else {
                lines.append(String(repeating: " ", count: indent) + "- {}")
            }
            out.lines += lines
        }
    }
}
