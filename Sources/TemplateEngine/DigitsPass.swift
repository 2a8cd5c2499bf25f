import Foundation
import OfficeXML

/// Writes a part in a digit script: its text, its page numbers and its numbered lists.
enum DigitsPass {
    static func apply(root: XMLNode, document: XMLDocument, dialect: any Dialect, script: DigitScript) {
        guard let convert = script.convert else { return }
        root.walk { n in
            if n.isText {
                if dialect.convertsDigits(inText: n) {
                    let t = n.text
                    // Looked for in the bytes, as the compiled fill does: a digit followed by a combining
                    // mark (Thai vowels and tone marks) is one Character that is not ASCII.
                    if t.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { n.text = convert(t) }
                }
                return false
            }
            return dialect.applyDigits(to: n, document: document, script: script)
        }
    }
}
