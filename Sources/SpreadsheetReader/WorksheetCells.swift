import OfficeXML

/// Reads the cells of a parsed worksheet (`<sheetData>`) as text, row by row.
///
/// Rows and cells are placed by their `r` reference, or, when it is left out, right after the
/// previous one. Cell text by type: shared strings (`s`), inline strings (`inlineStr`, rich-text
/// runs joined), formula results (`str`), booleans (`b`: TRUE or FALSE), error values (`e`, such as
/// `#DIV/0!`), dates stored as text (`d`), and numbers (`n` or no type) as `CellNumber` writes them,
/// times 100 in a cell whose style shows it as a percentage (as the sheet shows it: 99.39 for 0.9939).
struct WorksheetCells {
    let path: String
    let sheet: String
    let limits: SpreadsheetLimits
    let strings: () throws -> SharedStrings
    /// The styles of cells whose number is shown as a percentage (stored 0.9939, shown 99.39%).
    var percentStyles: () throws -> Set<Int> = { [] }

    func rows(of document: XMLDocument) throws -> [SheetRow] {
        guard let data = document.root?.element("sheetData") else { return [] }
        var rows: [SheetRow] = []
        var lastRow = 0
        var kept = 0
        var rowNode = data.firstChild
        while let r = rowNode {
            rowNode = r.next
            guard r.isElement, r.localName == "row" else { continue }
            let number: Int
            if let ref = r.attribute("r") {
                guard let n = Int(ref.trimmingCharacters(in: .whitespaces)), (1...CellReference.maxRow).contains(n) else {
                    throw SpreadsheetError.badReference(path: path, sheet: sheet, reference: ref, row: lastRow + 1)
                }
                guard n > lastRow else {
                    throw SpreadsheetError.outOfOrder(path: path, sheet: sheet, what: "row \(n) comes after row \(lastRow)")
                }
                number = n
            } else {
                number = lastRow + 1
                guard number <= CellReference.maxRow else {
                    throw SpreadsheetError.badReference(path: path, sheet: sheet, reference: "(row \(number))", row: number)
                }
            }
            lastRow = number
            var cells: [String] = []
            var lastColumn = -1
            var cellNode = r.firstChild
            while let c = cellNode {
                cellNode = c.next
                guard c.isElement, c.localName == "c" else { continue }
                let column: Int
                if let ref = c.attribute("r") {
                    guard let p = CellReference.parse(ref), p.row == number else {
                        throw SpreadsheetError.badReference(path: path, sheet: sheet, reference: ref, row: number)
                    }
                    guard p.column > lastColumn else {
                        throw SpreadsheetError.outOfOrder(path: path, sheet: sheet,
                                                          what: "cell \(ref) comes after \(CellReference.name(column: lastColumn, row: number))")
                    }
                    column = p.column
                } else {
                    column = lastColumn + 1
                    guard column < CellReference.maxColumn else {
                        throw SpreadsheetError.badReference(path: path, sheet: sheet, reference: "(cell after XFD\(number))", row: number)
                    }
                }
                lastColumn = column
                let value = try text(of: c, reference: { CellReference.name(column: column, row: number) })
                if value.isEmpty { continue }
                guard column < limits.maxColumns else {
                    throw SpreadsheetError.tooFarRight(path: path, sheet: sheet, reference: CellReference.name(column: column, row: number),
                                                       limit: CellReference.letters(ofColumn: limits.maxColumns - 1))
                }
                if column >= cells.count {
                    kept += column + 1 - cells.count
                    guard kept <= limits.maxCells else { throw SpreadsheetError.tooManyCells(path: path, sheet: sheet, limit: limits.maxCells) }
                    cells.append(contentsOf: repeatElement("", count: column + 1 - cells.count))
                }
                cells[column] = value
            }
            if !cells.isEmpty { rows.append(SheetRow(number: number, cells: cells)) }
        }
        return rows
    }

    private func text(of c: XMLNode, reference: () -> String) throws -> String {
        let type = c.attribute("t") ?? "n"
        if type == "inlineStr" {
            if let inline = c.element("is") { return inline.richText }
            return c.element("v")?.text ?? ""
        }
        guard let v = c.element("v")?.text else { return "" }
        switch type {
        case "s":
            let table = try strings()
            guard let i = Int(v.trimmingCharacters(in: .whitespaces)), table.items.indices.contains(i) else {
                throw SpreadsheetError.sharedStringOutOfRange(path: path, sheet: sheet, reference: reference(), index: v, count: table.items.count)
            }
            return table.items[i]
        case "b":
            return v.trimmingCharacters(in: .whitespaces) == "1" ? "TRUE" : "FALSE"
        case "n":
            guard let text = CellNumber.text(stored: v) else { return v }
            // A percentage cell reads as the number it shows: 0.9939 shown as 99.39% reads 99.39.
            if let style = c.attribute("s").flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), try percentStyles().contains(style) {
                return CellNumber.percent(text) ?? text
            }
            return text
        default: // str, e, d, and anything newer: the stored text
            return v
        }
    }
}
