/// One row of a table file (a CSV record or a spreadsheet row): its line or row number as the user
/// sees it, and its cells' text from the first column on.
public struct TableRow: Sendable, Equatable {
    /// The CSV line the record starts on, or the sheet's row number (1-based).
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }

    /// Spreadsheet column letters of a 0-based column: 0 → A, 26 → AA.
    public static func columnLetters(_ index: Int) -> String {
        var n = index + 1
        var out: [Character] = []
        while n > 0 {
            out.append(Character(UnicodeScalar(UInt8(65 + (n - 1) % 26))))
            n = (n - 1) / 26
        }
        return String(out.reversed())
    }
}
