import Foundation

/// A `ScoreChart` as a DOCX chart part (`c:chartSpace`): a clustered column chart with one series a
/// tool, its data cached in the part (`c:strCache`, `c:numCache`) so Word and LibreOffice draw it and
/// let it be restyled without an embedded workbook; value labels, a legend at the bottom, the axis
/// 0–100, text in the document's Thai font.
enum DrawingMLChart {
    static let contentType = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart"

    static func xml(_ chart: ScoreChart, font: String = "TH SarabunPSK") -> Data {
        let e = DocumentProperties.escape
        let n = chart.categories.count
        let lastRow = n + 1
        func text(size: Int, bold: Bool = false) -> String {
            "<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz=\"\(size * 100)\" b=\"\(bold ? 1 : 0)\">"
                + "<a:solidFill><a:srgbClr val=\"000000\"/></a:solidFill>"
                + "<a:latin typeface=\"\(e(font))\"/><a:ea typeface=\"\(e(font))\"/><a:cs typeface=\"\(e(font))\"/>"
                + "</a:defRPr></a:pPr><a:endParaRPr lang=\"th-TH\"/></a:p></c:txPr>"
        }
        let categories = "<c:strRef><c:f>Sheet1!$A$2:$A$\(lastRow)</c:f><c:strCache><c:ptCount val=\"\(n)\"/>"
            + chart.categories.enumerated().map { "<c:pt idx=\"\($0)\"><c:v>\(e($1))</c:v></c:pt>" }.joined()
            + "</c:strCache></c:strRef>"
        var series = ""
        for (i, s) in chart.series.enumerated() {
            let col = String(UnicodeScalar(UInt8(66 + i))) // B, C, D
            series += "<c:ser><c:idx val=\"\(i)\"/><c:order val=\"\(i)\"/>"
                + "<c:tx><c:strRef><c:f>Sheet1!$\(col)$1</c:f><c:strCache><c:ptCount val=\"1\"/><c:pt idx=\"0\"><c:v>\(e(s.name))</c:v></c:pt></c:strCache></c:strRef></c:tx>"
                + "<c:spPr><a:solidFill><a:srgbClr val=\"\(s.color)\"/></a:solidFill></c:spPr>"
                + "<c:invertIfNegative val=\"0\"/>"
                + "<c:dLbls><c:numFmt formatCode=\"0.00\" sourceLinked=\"0\"/>"
                + "<c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>" + text(size: 12)
                + "<c:dLblPos val=\"outEnd\"/><c:showLegendKey val=\"0\"/><c:showVal val=\"\(chart.showsNumbers ? 1 : 0)\"/><c:showCatName val=\"0\"/>"
                + "<c:showSerName val=\"0\"/><c:showPercent val=\"0\"/><c:showBubbleSize val=\"0\"/></c:dLbls>"
                + "<c:cat>\(categories)</c:cat>"
                + "<c:val><c:numRef><c:f>Sheet1!$\(col)$2:$\(col)$\(lastRow)</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val=\"\(n)\"/>"
                + s.values.enumerated().compactMap { idx, v in v.map { "<c:pt idx=\"\(idx)\"><c:v>\(ScoreChart.number($0))</c:v></c:pt>" } }.joined()
                + "</c:numCache></c:numRef></c:val></c:ser>"
        }
        let xml = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" \
        xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" \
        xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
        <c:date1904 val="0"/><c:lang val="th-TH"/><c:roundedCorners val="0"/>\
        <c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>\
        <c:barChart><c:barDir val="\(chart.horizontal ? "bar" : "col")"/><c:grouping val="clustered"/><c:varyColors val="0"/>\(series)\
        <c:gapWidth val="60"/><c:overlap val="100"/><c:axId val="50010"/><c:axId val="50020"/></c:barChart>\
        <c:catAx><c:axId val="50010"/><c:scaling><c:orientation val="\(chart.horizontal ? "maxMin" : "minMax")"/></c:scaling><c:delete val="0"/>\
        <c:axPos val="\(chart.horizontal ? "l" : "b")"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/>\
        <c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>\
        <c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>\(text(size: 12))\
        <c:crossAx val="50020"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>\
        <c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>\
        <c:valAx><c:axId val="50020"/><c:scaling><c:orientation val="minMax"/><c:max val="100"/><c:min val="0"/></c:scaling>\
        <c:delete val="0"/><c:axPos val="\(chart.horizontal ? "b" : "l")"/><c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D0D0D0"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>\
        <c:numFmt formatCode="0" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>\
        <c:tickLblPos val="\(chart.showsNumbers ? "nextTo" : "none")"/><c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="404040"/></a:solidFill></a:ln></c:spPr>\(text(size: 12))\
        <c:crossAx val="50010"/><c:crosses val="\(chart.horizontal ? "max" : "autoZero")"/><c:crossBetween val="between"/><c:majorUnit val="20"/></c:valAx>\
        <c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr></c:plotArea>\
        <c:legend><c:legendPos val="b"/><c:overlay val="0"/>\(text(size: 12))</c:legend>\
        <c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>\
        <c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>\(text(size: 12))\
        </c:chartSpace>
        """
        return Data(xml.utf8)
    }
}
