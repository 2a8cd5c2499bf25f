/// One row of a sheet that holds a value: its row number and its cells' text from column A to the
/// last cell with a value (empty cells in between are empty strings).
public struct SheetRow: Sendable, Equatable {
    /// The row number as Excel shows it (1-based).
    public var number: Int
    public var cells: [String]

    public init(number: Int, cells: [String]) {
        self.number = number
        self.cells = cells
    }
}
