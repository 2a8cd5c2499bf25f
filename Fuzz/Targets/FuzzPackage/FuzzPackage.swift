import FuzzSupport
import Foundation
import OfficePackage
import TemplateEngine

/// libFuzzer target: loading a template from the bytes of a package (zip, parts, XML, tags) and, when it
/// loads, filling it. The bytes are tried as they are, then with the CRCs of stored parts repaired, so
/// that mutations inside a part's XML get past the CRC check.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPackage(_ bytes: UnsafePointer<UInt8>, _ count: Int) -> CInt {
    let data = Data(bytes: bytes, count: count)
    for input in [data, FuzzSupport.repairingStoredCRCs(data)].compactMap({ $0 }) {
        let template: Template
        do {
            template = try Template(package: OfficePackage(data: input, path: "fuzz-package"), language: FuzzSupport.language)
        } catch {
            if "\(error)".isEmpty { fatalError("an error without a message: \(type(of: error))") }
            continue
        }
        _ = template.tags.map(\.description)
        FuzzSupport.fill(template, FuzzSupport.data)
    }
    return 0
}
