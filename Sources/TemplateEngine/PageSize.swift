import Foundation
import OfficeXML

/// The largest page of a template, in centimetres: no picture may be wider or taller.
struct PageSize: Sendable {
    var width: Double
    var height: Double

    /// A4, when a template does not say.
    static let a4 = PageSize(width: 21, height: 29.7)

    /// The widest and tallest of `sizes` (a template's sections or page layouts); A4 when there is none.
    static func largest(of sizes: [PageSize]) -> PageSize {
        guard !sizes.isEmpty else { return .a4 }
        return PageSize(width: sizes.map(\.width).max() ?? 21, height: sizes.map(\.height).max() ?? 29.7)
    }

    /// `(w, h)` scaled down, keeping its proportions, until it fits the page.
    func fit(_ w: Double, _ h: Double) -> (Double, Double) {
        let scale = min(1, width / w, height / h)
        return (w * scale, h * scale)
    }
}
