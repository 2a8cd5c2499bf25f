import FuzzSupport
import Foundation
import OfficePackage
import TemplateData
import TemplateEngine

/// A DOCX whose tags use the data's top-level names in every way: values through each filter, blocks,
/// loops over lists and over records, picture sizes.
let template: Template = {
    let body = """
    {{a}} {{b | number:2,group}} {{c | date:long}} {{c | date:short}} {{b | bahttext}} {{a | thai}} {{d | join:", "}} {{e | default:"-"}}
    {{#if a}}{{a.b}}{{else}}{{b.c.d}}{{/if}} {{#unless b}}{{c}}{{/unless}}
    {{#each d}}
    {{this}} {{@number}} {{a}} {{this.b | number:0}}
    {{#each this}}{{this | thai}}{{/each}}
    {{/each}}
    |{{#each e}}{{merge a}}|{{b}}|{{/each}}
    {{image a width=b height=c}}
    """
    let zip = FuzzSupport.storedZip(FuzzSupport.parts(text: body, header: "{{a}} {{b}}", docx: true))
    return try! Template(package: OfficePackage(data: zip, path: "fuzz-data.docx"), language: FuzzSupport.language)
}()

/// libFuzzer target: converting a data file (YAML, or JSON when it starts with `{`) into template values,
/// then filling a template with them.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzData(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let values: TemplateValue
    do {
        values = try TemplateData.values(data, json: data.first == UInt8(ascii: "{"), file: "fuzz.yaml")
    } catch {
        if "\(error)".isEmpty { fatalError("an error without a message: \(type(of: error))") }
        return 0
    }
    FuzzSupport.fill(template, values)
    return 0
}
