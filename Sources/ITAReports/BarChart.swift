import Foundation
import ThaiFormat

/// A bar chart of scores (0–100) drawn as a PNG, with value and category labels in a small built-in
/// pixel font (Arabic or Thai digits and the tool codes), so no font library is needed.
public struct BarChart: Sendable {
    /// One bar: its label under the axis, its value, and its series (colour).
    public struct Bar: Sendable {
        public var label: String
        public var value: Decimal
        public var series: Int
        public init(label: String, value: Decimal, series: Int) {
            self.label = label
            self.value = value
            self.series = series
        }
    }

    public var bars: [Bar]
    public var thaiDigits: Bool
    public var width = 1600
    public var height = 800

    public init(bars: [Bar], thaiDigits: Bool) {
        self.bars = bars
        self.thaiDigits = thaiDigits
    }

    static let palette: [(UInt8, UInt8, UInt8)] = [
        (255, 255, 255), (40, 40, 40), (210, 210, 210), (46, 94, 170), (224, 138, 30), (58, 154, 74), (120, 120, 120),
    ]

    /// The chart as PNG bytes.
    public func png() -> Data {
        var canvas = Canvas(width: width, height: height)
        let left = 120, right = 30, top = 70, bottom = 100
        let plotW = width - left - right, plotH = height - top - bottom
        let scale = 4
        for step in 0...5 {
            let y = top + plotH - plotH * step / 5
            canvas.fill(x: left, y: y, w: plotW, h: 2, color: step == 0 ? 1 : 2)
            let label = digits(String(step * 20))
            let tw = PixelFont.width(label, scale: scale)
            canvas.text(label, x: left - 16 - tw, y: y - 14, scale: scale, color: 6)
        }
        canvas.fill(x: left, y: top, w: 2, h: plotH, color: 1)
        guard !bars.isEmpty else { return canvas.png() }
        let slot = plotW / bars.count
        let barW = max(8, slot * 3 / 5)
        for (i, bar) in bars.enumerated() {
            let v = max(0, min(100, NSDecimalNumber(decimal: bar.value).doubleValue))
            let h = Int((Double(plotH) * v / 100).rounded())
            let x = left + i * slot + (slot - barW) / 2
            canvas.fill(x: x, y: top + plotH - h, w: barW, h: h, color: UInt8(3 + (bar.series % 3)))
            let valueText = digits(ThaiNumberFormat.fixed(bar.value, places: 2))
            let valueScale = PixelFont.width(valueText, scale: scale) <= slot - 4 ? scale : 3
            let vw = PixelFont.width(valueText, scale: valueScale)
            canvas.text(valueText, x: x + barW / 2 - vw / 2, y: top + plotH - h - 8 * valueScale - 6, scale: valueScale, color: 1)
            let label = digits(bar.label)
            let lw = PixelFont.width(label, scale: scale)
            canvas.text(label, x: x + barW / 2 - lw / 2, y: top + plotH + 22, scale: scale, color: 1)
        }
        return canvas.png()
    }

    private func digits(_ s: String) -> String { thaiDigits ? ThaiNumerals.toThai(s) : s }
}

/// A palette-indexed pixel canvas.
struct Canvas {
    let width: Int
    let height: Int
    var pixels: [UInt8]

    init(width: Int, height: Int) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height)
    }

    mutating func fill(x: Int, y: Int, w: Int, h: Int, color: UInt8) {
        let x0 = max(0, x), y0 = max(0, y), x1 = min(width, x + w), y1 = min(height, y + h)
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 { for xx in x0..<x1 { pixels[yy * width + xx] = color } }
    }

    mutating func text(_ s: String, x: Int, y: Int, scale: Int, color: UInt8) {
        var cx = x
        for ch in s {
            if let rows = PixelFont.glyphs[ch] {
                for (r, row) in rows.enumerated() {
                    for (c, bit) in row.enumerated() where bit == "1" {
                        fill(x: cx + c * scale, y: y + r * scale, w: scale, h: scale, color: color)
                    }
                }
            }
            cx += PixelFont.advance(ch) * scale
        }
    }

    func png() -> Data { PNGEncoder.encode(width: width, height: height, palette: BarChart.palette, pixels: pixels) }
}

/// A 5×7 pixel font: Arabic and Thai digits, the point, and the letters of the tool codes.
enum PixelFont {
    static func advance(_ c: Character) -> Int { c == " " ? 4 : (c == "." ? 3 : 6) }
    static func width(_ s: String, scale: Int) -> Int { s.reduce(0) { $0 + advance($1) } * scale - scale }

    static let glyphs: [Character: [String]] = [
        "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"],
        "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
        "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"],
        "3": ["11111", "00010", "00100", "00010", "00001", "10001", "01110"],
        "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"],
        "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
        "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"],
        "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
        "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"],
        "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
        ".": ["000", "000", "000", "000", "000", "110", "110"],
        "-": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
        "I": ["01110", "00100", "00100", "00100", "00100", "00100", "01110"],
        "E": ["11111", "10000", "10000", "11110", "10000", "10000", "11111"],
        "T": ["11111", "00100", "00100", "00100", "00100", "00100", "00100"],
        "O": ["01110", "10001", "10001", "10001", "10001", "10001", "01110"],
        "๐": ["00000", "01110", "10001", "10001", "10001", "10001", "01110"],
        "๑": ["00001", "01110", "10001", "10101", "10011", "10001", "01110"],
        "๒": ["10000", "10110", "11001", "10001", "10001", "10101", "01010"],
        "๓": ["00000", "01010", "10101", "10101", "10101", "11101", "10010"],
        "๔": ["00001", "01110", "10000", "10110", "10101", "10001", "01110"],
        "๕": ["00111", "01000", "10110", "10101", "10101", "10001", "01110"],
        "๖": ["00000", "01110", "10001", "00001", "00110", "01001", "00110"],
        "๗": ["00001", "00001", "10001", "10001", "10001", "10101", "01010"],
        "๘": ["00001", "00010", "01110", "10001", "10101", "10001", "01110"],
        "๙": ["00011", "00100", "01110", "10001", "10101", "10001", "01110"],
    ]
}
