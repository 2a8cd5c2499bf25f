import Foundation
import TemplateEngine
import ThaiFormat

/// A bar chart of scores (0–100) drawn from the data: categories along the bottom (Thai labels),
/// one series per assessment tool (IIT, EIT, OIT) so the legend names the tools and each bar takes
/// its tool's colour. A category has a value in its own tool's series only; the series overlap
/// fully, so each bar stands centred on its label.
///
/// It travels in the view as an object (`categories`, `series[]` with `name`, `color`, `values`,
/// and `thai_digits`), so a template tests it with `{{#if chart_tools}}` and generation writes it
/// into the template's chart frame of the same name as a native chart.
public struct ScoreChart: Sendable, Hashable {
    public struct Series: Sendable, Hashable {
        public var name: String
        /// RGB hex, e.g. `2E5EAA`.
        public var color: String
        /// One value per category; nil where the category belongs to another series.
        public var values: [Decimal?]
        public init(name: String, color: String, values: [Decimal?]) {
            self.name = name
            self.color = color
            self.values = values
        }
    }

    public var categories: [String]
    public var series: [Series]
    /// Labels and numbers written in Thai digits.
    public var thaiDigits: Bool
    /// Bars drawn across, categories listed top to bottom (for long category names).
    public var horizontal: Bool

    public init(categories: [String], series: [Series], thaiDigits: Bool, horizontal: Bool = false) {
        self.categories = categories
        self.series = series
        self.thaiDigits = thaiDigits
        self.horizontal = horizontal
    }

    /// The three tools, in order: legend name and colour.
    public static let tools: [(code: String, name: String, color: String)] = [
        ("IIT", "IIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", "2E5EAA"),
        ("EIT", "EIT การรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", "E08A1E"),
        ("OIT", "OIT การเปิดเผยข้อมูลสาธารณะ", "3A9A4A"),
    ]

    /// A chart of bars, each (label, value, tool index 0–2).
    public init(bars: [(label: String, value: Decimal, tool: Int)], thaiDigits: Bool, horizontal: Bool = false) {
        self.horizontal = horizontal
        // Chart number formats give Arabic digits in LibreOffice (its Thai transliteration is not
        // read from a chart's number styles), so a Thai-digit chart writes each score into its
        // category label in Thai digits and shows no Arabic numbers: no value labels, no axis numbers.
        categories = bars.map { bar in
            thaiDigits ? ThaiNumerals.toThai("\(bar.label) (\(ThaiNumberFormat.fixed(bar.value, places: 2)))") : bar.label
        }
        series = Self.tools.enumerated().map { t, tool in
            Series(name: tool.name, color: tool.color, values: bars.map { $0.tool == t ? $0.value : nil })
        }.filter { $0.values.contains { $0 != nil } }
        // Word and LibreOffice list the legend of bars drawn across from the last series up:
        // reversed here, the legend reads IIT, EIT, OIT from the top.
        if horizontal { series.reverse() }
        self.thaiDigits = thaiDigits
    }

    /// The chart as a view value.
    public var templateValue: TemplateValue {
        .object([
            "categories": .list(categories.map { .string($0) }),
            "series": .list(series.map { s in
                .object([
                    "name": .string(s.name),
                    "color": .string(s.color),
                    "values": .list(s.values.map { $0.map { .number($0) } ?? .null }),
                ])
            }),
            "thai_digits": .bool(thaiDigits),
            "horizontal": .bool(horizontal),
        ])
    }

    /// The chart a view value describes, or nil when the value is not a chart.
    public init?(_ value: TemplateValue) {
        guard case let .object(o) = value, case let .list(cats)? = o["categories"], case let .list(ser)? = o["series"] else { return nil }
        categories = cats.map(\.text)
        series = ser.compactMap { s in
            guard case let .list(vals)? = s["values"] else { return nil }
            return Series(name: s["name"]?.text ?? "", color: s["color"]?.text ?? "808080", values: vals.map { v in
                if case let .number(n) = v { return n }
                return nil
            })
        }
        if case let .bool(b)? = o["thai_digits"] { thaiDigits = b } else { thaiDigits = false }
        if case let .bool(b)? = o["horizontal"] { horizontal = b } else { horizontal = false }
    }

    /// Numbers printed on the chart (value labels, axis): only in Arabic-digit documents; a Thai-digit
    /// chart carries its scores in its category labels.
    var showsNumbers: Bool { !thaiDigits }

    /// A value as chart data text (a plain decimal with a point).
    static func number(_ d: Decimal) -> String { NSDecimalNumber(decimal: d).stringValue }
}
