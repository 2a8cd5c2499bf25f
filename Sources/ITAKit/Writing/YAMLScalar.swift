import Foundation

/// Writes text as a YAML scalar that reads back as exactly that text: plain when that is
/// unambiguous (most Thai text), double-quoted otherwise.
public enum YAMLScalar {
    /// Where the scalar goes: flow collections (`[a, b]`, `{k: v}`) forbid more characters in plain text.
    public enum Context: Sendable {
        case block
        case flow
    }

    /// `text` as a single-line YAML scalar (line breaks become `\n` inside double quotes).
    public static func inline(_ text: String, context: Context = .block) -> String {
        isPlainSafe(text, context: context) ? text : quoted(text)
    }

    /// `text` double-quoted, with backslash escapes for quotes, backslashes and control characters.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{2028}": out += "\\L"
            case "\u{2029}": out += "\\P"
            case "\u{85}": out += "\\N"
            case "\u{FEFF}": out += "\\uFEFF"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// True when `text` can be written as a literal block (`|-`): several lines, none that YAML
    /// would change (leading space on the first line, carriage returns, trailing line breaks).
    public static func fitsLiteralBlock(_ text: String) -> Bool {
        guard text.contains("\n"), !text.hasSuffix("\n"), !text.hasPrefix(" "), !text.hasPrefix("\t"),
              !text.hasPrefix("\n") else { return false }
        return !text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n" && s != "\t") || s.value == 0x7F || s == "\u{85}" || s == "\u{2028}"
                || s == "\u{2029}" || s == "\u{FEFF}"
        }
    }

    /// Words a YAML reader would take as null, booleans or numbers rather than text.
    private static let reserved: Set<String> = [
        "", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n", ".nan", ".inf", "-.inf", "+.inf",
    ]

    static func isPlainSafe(_ text: String, context: Context) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if reserved.contains(text.lowercased()) { return false }
        if " \t".unicodeScalars.contains(first) || " \t".unicodeScalars.contains(last) { return false }
        // Indicators that start other YAML constructs; digits and signs could read as numbers or dates.
        if "-?:,[]{}#&*!|>'\"%@`.+".unicodeScalars.contains(first) { return false }
        if first.properties.numericType != nil { return false }
        if text.hasSuffix(":") || text.contains(": ") || text.contains(" #") || text.contains(":\t") { return false }
        if context == .flow, text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) || text.contains(":") {
            return false
        }
        return !text.unicodeScalars.contains { s in
            s.value < 0x20 || s.value == 0x7F || s == "\u{85}" || s == "\u{2028}" || s == "\u{2029}" || s == "\u{FEFF}"
        }
    }
}
