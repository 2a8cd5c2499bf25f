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
                    if t.contains(where: { $0.isASCII && $0.isNumber }) { n.text = convert(t) }
                }
                return false
            }
            return dialect.applyDigits(to: n, document: document, script: script)
        }
    }
}
