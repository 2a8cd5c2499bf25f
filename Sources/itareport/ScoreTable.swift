import Foundation
import ITAKit
import SpreadsheetReader

/// Reads a table of scores for `batch`: an Excel workbook (`.xlsx`, the first sheet or `sheet`) or a
/// CSV file, through the same column logic (`ScoreSheet`).
enum ScoreTable {
    /// True when `path` is to be read as a workbook: its name says so, or it is a zip or an old
    /// Excel file whatever its name (whose messages then say what it is).
    static func isWorkbook(_ path: String) -> Bool {
        let ext = (path as NSString).pathExtension.lowercased()
        if ["xlsx", "xlsm", "xltx", "xls", "ods"].contains(ext) { return true }
        // Only a regular file is opened to look at its first bytes (a named pipe would wait forever).
        guard (try? FileManager.default.attributesOfItem(atPath: path)[.type] as? FileAttributeType) == .typeRegular else { return false }
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4)) ?? Data()
        return head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0xD0, 0xCF, 0x11, 0xE0])
    }

    static func load(path: String, sheet: String?) throws -> ScoreSheet {
        guard isWorkbook(path) else {
            if sheet != nil { throw CLIError("\(path): --sheet goes with an Excel workbook (.xlsx); this is read as a CSV file") }
            do { return try ScoreSheet.load(path: path) } catch { throw CLIError("\(error)") }
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CLIError("\(path): cannot read the file (\(error.localizedDescription))")
        }
        do {
            let book = try Workbook(data: data, path: path)
            let chosen = try book.sheet(named: sheet)
            let rows = try book.rows(of: chosen).map { TableRow(number: $0.number, cells: $0.cells) }
            return try ScoreSheet.parse(rows: rows, file: path, sheet: chosen.name)
        } catch {
            throw CLIError("\(error)")
        }
    }
}
