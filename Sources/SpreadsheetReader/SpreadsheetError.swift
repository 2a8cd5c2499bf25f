import OfficePackage
import OfficeXML

/// A workbook that cannot be read, with the file, the sheet and the cell where it applies, and what
/// to do about it.
public enum SpreadsheetError: Error, CustomStringConvertible, Equatable {
    /// The file is not a zip at all (or a damaged one).
    case notAZip(path: String, reason: String)
    /// An Excel 97–2003 `.xls` file (an OLE2 compound file, not a zip).
    case legacyExcel(path: String)
    /// A zip that is not an Excel workbook; `found` says what it is when known.
    case notAWorkbook(path: String, found: String?)
    case missingPart(path: String, part: String)
    case brokenPart(path: String, error: XMLError)
    case noSheets(path: String)
    case noSuchSheet(path: String, name: String, available: [String])
    case notAWorksheet(path: String, sheet: String)
    case partTooLarge(path: String, part: String, bytes: UInt64, limit: UInt64)
    case badReference(path: String, sheet: String, reference: String, row: Int)
    case outOfOrder(path: String, sheet: String, what: String)
    case tooFarRight(path: String, sheet: String, reference: String, limit: String)
    case tooManyCells(path: String, sheet: String, limit: Int)
    case sharedStringOutOfRange(path: String, sheet: String, reference: String, index: String, count: Int)
    /// The zip unpacks to more than the limit (a zip bomb, or not a score workbook).
    case unpacksTooLarge(path: String, bytes: UInt64, limit: UInt64)
    /// Any other problem of the zip itself (too many entries, unsafe names).
    case package(String)

    public var description: String {
        switch self {
        case let .notAZip(path, reason):
            return "\(path): cannot open the file as an Excel workbook (\(reason)). Give an .xlsx saved by Excel or LibreOffice, or a CSV file."
        case let .legacyExcel(path):
            return "\(path): this is an Excel 97–2003 workbook (.xls), which is not read. In Excel use File → Save As → Excel Workbook (.xlsx), or save it as CSV UTF-8."
        case let .notAWorkbook(path, found):
            return "\(path): this zip is not an Excel workbook (it has no xl/workbook.xml)\(found.map { "; it is \($0)" } ?? ""). Open it in Excel or LibreOffice Calc and save it as Excel Workbook (.xlsx)."
        case let .missingPart(path, part):
            return "\(path): the workbook has no part '\(part)' that it refers to; it is damaged. Open it in Excel or LibreOffice Calc and save it again."
        case let .brokenPart(path, error):
            return "\(path): \(error). The workbook is damaged; open it in Excel or LibreOffice Calc and save it again."
        case let .noSheets(path):
            return "\(path): the workbook has no sheets."
        case let .noSuchSheet(path, name, available):
            return "\(path): there is no sheet named '\(name)'; the sheets are \(available.map { "'\($0)'" }.joined(separator: ", ")). Give one of them with --sheet."
        case let .notAWorksheet(path, sheet):
            return "\(path): sheet '\(sheet)' is a chart or dialog sheet, not a table of cells. Give the sheet that holds the scores with --sheet."
        case let .partTooLarge(path, part, bytes, limit):
            return "\(path): refused: part '\(part)' unpacks to \(bytes) bytes, more than the limit of \(limit) bytes. A score sheet is far smaller; copy the scores to a new workbook and save that."
        case let .badReference(path, sheet, reference, row):
            return "\(path): sheet '\(sheet)', row \(row): '\(reference)' is not a cell reference within A1:XFD1048576; the workbook is damaged. Open it in Excel or LibreOffice Calc and save it again."
        case let .outOfOrder(path, sheet, what):
            return "\(path): sheet '\(sheet)': \(what); the workbook is damaged. Open it in Excel or LibreOffice Calc and save it again."
        case let .tooFarRight(path, sheet, reference, limit):
            return "\(path): sheet '\(sheet)', cell \(reference): a value this far right is refused (a score sheet uses columns A to about T; the limit is column \(limit)). Delete what is in that column, or copy the table to a new sheet."
        case let .tooManyCells(path, sheet, limit):
            return "\(path): sheet '\(sheet)' holds more than \(limit) cells of data, far more than a score sheet (one organisation a row). Check that this is the right sheet (--sheet NAME), or copy the table to a new workbook."
        case let .sharedStringOutOfRange(path, sheet, reference, index, count):
            return "\(path): sheet '\(sheet)', cell \(reference): the cell points to shared text number \(index), but the workbook has \(count); the workbook is damaged. Open it in Excel or LibreOffice Calc and save it again."
        case let .unpacksTooLarge(path, bytes, limit):
            return "\(path): refused: the workbook unpacks to \(bytes) bytes, more than the limit of \(limit) bytes. A workbook of scores is far smaller; copy the scores to a new workbook and save that."
        case let .package(message):
            return message
        }
    }
}
