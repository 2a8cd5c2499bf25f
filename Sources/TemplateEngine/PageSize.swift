import Foundation
import OfficeXML

/// The largest page of a template, in centimetres: no picture may be wider or taller.
struct PageSize: Sendable {
    var width: Double
    var height: Double

    /// A4, when a template does not say.
    static let a4 = PageSize(width: 21, height: 29.7)

    /// The widest and tallest page over the sections (DOCX `w:pgSz`, in twentieths of a point) or page
    /// layouts (ODF `fo:page-width`/`fo:page-height`) of a template.
    static func largest(docxBody: XMLDocument?, odfStyles: XMLDocument?) -> PageSize {
        var sizes: [PageSize] = []
        if let d = docxBody, let nodes = try? d.select("//w:sectPr/w:pgSz", namespaces: ["w": Dialect.w]) {
            for n in nodes {
                if let w = Double(n.attribute("w", Dialect.w) ?? ""), let h = Double(n.attribute("h", Dialect.w) ?? "") {
                    sizes.append(PageSize(width: w / 1440 * 2.54, height: h / 1440 * 2.54))
                }
            }
        }
        if let s = odfStyles, let nodes = try? s.select("//style:page-layout-properties", namespaces: ["style": Dialect.style]) {
            for n in nodes {
                if let w = n.attribute("page-width", Dialect.fo).flatMap(Length.init), let h = n.attribute("page-height", Dialect.fo).flatMap(Length.init) {
                    sizes.append(PageSize(width: w.centimetres, height: h.centimetres))
                }
            }
        }
        guard !sizes.isEmpty else { return .a4 }
        return PageSize(width: sizes.map(\.width).max() ?? 21, height: sizes.map(\.height).max() ?? 29.7)
    }

    /// `(w, h)` scaled down, keeping its proportions, until it fits the page.
    func fit(_ w: Double, _ h: Double) -> (Double, Double) {
        let scale = min(1, width / w, height / h)
        return (w * scale, h * scale)
    }
}
