import Foundation

/// A `ScoreChart` as an ODF chart object (`Object N/content.xml`, `office:chart`): a bar chart with
/// one series a tool, its data in the object's own table (`local-table`) so LibreOffice draws it and
/// edits it, value labels, a legend at the bottom, the axis 0–100, text in the document's Thai font,
/// and in a Thai-digit document no Arabic numbers (see `ScoreChart`).
enum ODFChart {
    static let mediaType = "application/vnd.oasis.opendocument.chart"

    static func contentXML(_ chart: ScoreChart, font: String = "TH SarabunPSK", width: String = "15cm", height: String = "9cm") -> Data {
        let e = DocumentProperties.escape
        let n = chart.categories.count
        let textProps = "<style:text-properties fo:font-family=\"\(e(font))\" style:font-family-complex=\"\(e(font))\" "
            + "style:font-family-asian=\"\(e(font))\" fo:font-size=\"12pt\" style:font-size-complex=\"12pt\" "
            + "style:font-size-asian=\"12pt\" fo:language=\"th\" fo:country=\"TH\" style:language-complex=\"th\" style:country-complex=\"TH\"/>"
        var styles = """
        <number:number-style style:name="N0"><number:number number:decimal-places="0" number:min-decimal-places="0" number:min-integer-digits="1"/></number:number-style>\
        <number:number-style style:name="N2"><number:number number:decimal-places="2" number:min-decimal-places="2" number:min-integer-digits="1"/></number:number-style>\
        <style:style style:name="chart" style:family="chart"><style:graphic-properties draw:stroke="none" draw:fill="solid" draw:fill-color="#ffffff"/></style:style>\
        <style:style style:name="legend" style:family="chart"><style:graphic-properties draw:stroke="none" draw:fill="none"/>\(textProps)</style:style>\
        <style:style style:name="plot" style:family="chart"><style:chart-properties chart:vertical="\(chart.horizontal)" chart:lines="false"/></style:style>\
        <style:style style:name="axis-x" style:family="chart"><style:chart-properties chart:display-label="true" chart:tick-marks-major-outer="false" \
        chart:reverse-direction="\(chart.horizontal)" \
        chart:text-overlap="false" text:line-break="true" chart:label-arrangement="side-by-side"/>\
        <style:graphic-properties svg:stroke-color="#404040"/>\(textProps)</style:style>\
        <style:style style:name="axis-y" style:family="chart" style:data-style-name="N0"><style:chart-properties chart:display-label="\(chart.showsNumbers)" \
        chart:minimum="0" chart:maximum="100" chart:interval-major="20" chart:interval-minor-divisor="1" chart:origin="0" \
        chart:gap-width="60" chart:overlap="100" chart:link-data-style-to-source="false"/>\
        <style:graphic-properties svg:stroke-color="#404040"/>\(textProps)</style:style>\
        <style:style style:name="grid" style:family="chart"><style:graphic-properties svg:stroke-color="#d0d0d0"/></style:style>\
        <style:style style:name="wall" style:family="chart"><style:graphic-properties draw:stroke="none" draw:fill="none"/></style:style>
        """
        var series = ""
        let lastRow = n + 1
        for (i, s) in chart.series.enumerated() {
            let col = String(UnicodeScalar(UInt8(66 + i)))
            styles += "<style:style style:name=\"series\(i)\" style:family=\"chart\" style:data-style-name=\"N2\">"
                + "<style:chart-properties chart:data-label-number=\"\(chart.showsNumbers ? "value" : "none")\" chart:label-position=\"outside\" chart:link-data-style-to-source=\"false\"/>"
                + "<style:graphic-properties draw:stroke=\"none\" draw:fill=\"solid\" draw:fill-color=\"#\(s.color.lowercased())\"/>\(textProps)</style:style>"
            series += "<chart:series chart:style-name=\"series\(i)\" chart:class=\"chart:bar\" "
                + "chart:values-cell-range-address=\"local-table.$\(col)$2:.$\(col)$\(lastRow)\" chart:label-cell-address=\"local-table.$\(col)$1\">"
                + "<chart:data-point chart:repeated=\"\(n)\"/></chart:series>"
        }
        var header = "<table:table-row><table:table-cell><text:p/></table:table-cell>"
        for s in chart.series { header += "<table:table-cell office:value-type=\"string\"><text:p>\(e(s.name))</text:p></table:table-cell>" }
        header += "</table:table-row>"
        var rows = ""
        for (r, category) in chart.categories.enumerated() {
            rows += "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>\(e(category))</text:p></table:table-cell>"
            for s in chart.series {
                if let v = s.values[r] {
                    let t = ScoreChart.number(v)
                    rows += "<table:table-cell office:value-type=\"float\" office:value=\"\(t)\"><text:p>\(t)</text:p></table:table-cell>"
                } else {
                    rows += "<table:table-cell/>"
                }
            }
            rows += "</table:table-row>"
        }
        let lastCol = String(UnicodeScalar(UInt8(65 + chart.series.count)))
        let xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" office:version="1.3">\
        <office:automatic-styles>\(styles)</office:automatic-styles>\
        <office:body><office:chart><chart:chart svg:width="\(width)" svg:height="\(height)" chart:class="chart:bar" chart:style-name="chart">\
        <chart:legend chart:legend-position="bottom" style:legend-expansion="wide" chart:style-name="legend"/>\
        <chart:plot-area chart:style-name="plot" table:cell-range-address="local-table.$A$1:.$\(lastCol)$\(lastRow)" \
        chart:data-source-has-labels="both">\
        <chart:axis chart:dimension="x" chart:name="primary-x" chart:style-name="axis-x">\
        <chart:categories table:cell-range-address="local-table.$A$2:.$A$\(lastRow)"/></chart:axis>\
        <chart:axis chart:dimension="y" chart:name="primary-y" chart:style-name="axis-y"><chart:grid chart:class="major" chart:style-name="grid"/></chart:axis>\
        \(series)<chart:wall chart:style-name="wall"/></chart:plot-area>\
        <table:table table:name="local-table"><table:table-header-columns><table:table-column/></table:table-header-columns>\
        <table:table-columns><table:table-column table:number-columns-repeated="\(chart.series.count)"/></table:table-columns>\
        <table:table-header-rows>\(header)</table:table-header-rows><table:table-rows>\(rows)</table:table-rows></table:table>\
        </chart:chart></office:chart></office:body></office:document-content>
        """
        return Data(xml.utf8)
    }
}
