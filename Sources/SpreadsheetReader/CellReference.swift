/// A1-style cell references: column letters and row number.
public enum CellReference {
    /// Excel's last column (XFD) and row.
    public static let maxColumn = 16_384
    public static let maxRow = 1_048_576

    /// Column letters of a 0-based column index: 0 → A, 25 → Z, 26 → AA.
    public static func letters(ofColumn index: Int) -> String {
        var n = index + 1
        var out: [Character] = []
        while n > 0 {
            let r = (n - 1) % 26
            out.append(Character(UnicodeScalar(UInt8(65 + r))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }

    /// The reference of a 0-based column and a 1-based row: (3, 7) → D7.
    public static func name(column: Int, row: Int) -> String { letters(ofColumn: column) + String(row) }

    /// Splits "D7" into a 0-based column and a 1-based row; nil when it is not a reference
    /// within A1:XFD1048576 (`$` signs are allowed).
    public static func parse(_ text: String) -> (column: Int, row: Int)? {
        var column = 0
        var row = 0
        var letters = 0
        var digits = 0
        for u in text.utf8 {
            switch u {
            case UInt8(ascii: "$"):
                continue
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int((u | 0x20) - UInt8(ascii: "a")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7 else { return nil }
                row = row * 10 + Int(u - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, (1...maxColumn).contains(column), (1...maxRow).contains(row) else { return nil }
        return (column - 1, row)
    }
}
