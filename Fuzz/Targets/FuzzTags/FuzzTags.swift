import FuzzSupport
import Foundation
import OfficePackage
import TemplateEngine

/// libFuzzer target: the tag lexer and parser, block structure and rendering. The input is text: each
/// line a paragraph (runs split at `~`), lines starting with `|` table rows (cells split at `|`); it is
/// loaded as a DOCX and as an ODT template and, when it loads, filled with every kind of value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTags(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    // The first line goes into the header, the rest into the body.
    let lines = text.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    let header = lines.count > 1 ? String(lines[0]) : ""
    let body = String(lines.last ?? "")
    for docx in [true, false] {
        let zip = FuzzSupport.storedZip(FuzzSupport.parts(text: body, header: header, docx: docx))
        let template: Template
        do {
            template = try Template(package: OfficePackage(data: zip, path: docx ? "fuzz.docx" : "fuzz.odt"), language: FuzzSupport.language)
        } catch {
            if "\(error)".isEmpty { fatalError("an error without a message: \(type(of: error))") }
            continue
        }
        _ = template.tags.map(\.description)
        FuzzSupport.fill(template, FuzzSupport.data)
    }
    return 0
}
