import FuzzSupport
import Foundation
import OfficePackage
import TemplateEngine

/// libFuzzer target: loading a template from the bytes of a package (zip, parts, XML, tags) and, when it
/// loads, filling it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackage(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    let template: Template
    do {
        template = try Template(package: OfficePackage(data: data, path: "fuzz-package"))
    } catch {
        if "\(error)".isEmpty { fatalError("an error without a message: \(type(of: error))") }
        return 0
    }
    _ = template.tags.map(\.description)
    FuzzSupport.fill(template, FuzzSupport.data)
    return 0
}
