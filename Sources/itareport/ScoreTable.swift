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

    static func load(path: String, sheet: String?, baseKind: String? = nil) throws -> ScoreSheet {
        guard isWorkbook(path) else {
            if sheet != nil { throw CLIError(Message("cli.batch.sheet-with-csv", ["file": "\(path)"])) }
            do { return try ScoreSheet.load(path: path, baseKind: baseKind) } catch { throw CLIError(error) }
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw CLIError(Message("sheet.place.file", ["file": "\(path)",
                                                        "text": .message(Message("sheet.cannot-read", ["reason": "\(error.localizedDescription)"]))]))
        }
        do {
            let book = try Workbook(data: data, path: path)
            let chosen = try book.sheet(named: sheet)
            let rows = try book.rows(of: chosen).map { TableRow(number: $0.number, cells: $0.cells) }
            return try ScoreSheet.parse(rows: rows, file: path, sheet: chosen.name, baseKind: baseKind)
        } catch let error as SpreadsheetError {
            throw CLIError(error.message)
        } catch {
            throw CLIError(error)
        }
    }
}

extension SpreadsheetError {
    /// The error as a catalogue message: the ones a clerk meets with a workbook as it is (an old
    /// format, another kind of file, a sheet name) in either language, the rare damaged-file ones as
    /// they are.
    var message: Message {
        // The English of the catalogue is the error's own text; should the two ever part, the error's own is shown.
        let m = catalogued
        return m.text(in: .en) == description ? m : .verbatim(description)
    }

    private var catalogued: Message {
        switch self {
        case let .notAZip(path, reason):
            return Message("xlsx.not-a-zip", ["path": "\(path)", "reason": "\(reason)"])
        case let .legacyExcel(path):
            return Message("xlsx.legacy", ["path": "\(path)"])
        case let .notAWorkbook(path, found?):
            return Message("xlsx.not-a-workbook.found", ["path": "\(path)", "found": "\(found)"])
        case let .notAWorkbook(path, nil):
            return Message("xlsx.not-a-workbook", ["path": "\(path)"])
        case let .noSheets(path):
            return Message("xlsx.no-sheets", ["path": "\(path)"])
        case let .noSuchSheet(path, name, available):
            return Message("xlsx.no-such-sheet", ["path": "\(path)", "name": "\(name)",
                                                  "sheets": "\(available.map { "'\($0)'" }.joined(separator: ", "))"])
        case let .notAWorksheet(path, sheet):
            return Message("xlsx.not-a-worksheet", ["path": "\(path)", "sheet": "\(sheet)"])
        default:
            return .verbatim(description)
        }
    }
}
