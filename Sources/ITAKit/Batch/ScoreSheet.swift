import Foundation
import ThaiFormat

/// A table of ITA scores, one organisation a row, for producing many organisations' documents
/// from one base data file: a CSV file, or the rows of a workbook sheet (`parse(rows:file:sheet:)`).
///
/// Columns, in this order when the file has no header row:
///
///     name, district, province, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10[, total[, level]]
///
/// A header row names the columns and may put them in any order; it may add `kind` (ประเภท),
/// `head` (the head's title), `signatory` and `position` (who signs and as what). Accepted names:
/// `name`/`ชื่อหน่วยงาน`, `district`/`อำเภอ`, `province`/`จังหวัด`, `1`…`10`, `ind1`…`ind10` or
/// `ตัวชี้วัดที่ 1`…, `total`/`คะแนนรวม`, `level`/`ระดับ` (all of them in `ScoreColumnNames`); a
/// row-number column (`ลำดับ`, `ที่`, `no`, `#`) is ignored, and so are title rows above the
/// header (rows of one or two values). Scores use Arabic or Thai digits.
/// A row with a bad value fails alone; the other rows still produce their documents.
public struct ScoreSheet: Sendable {
    /// One organisation's row.
    public struct Row: Sendable, Equatable {
        /// The row's line in the file (1-based), for messages.
        public var line: Int
        public var name: String
        public var district: String?
        public var province: String?
        public var kind: String?
        public var head: String?
        public var signatory: String?
        public var position: String?
        public var indicators: [Int: Decimal]
        public var officialTotal: Decimal?
        public var officialLevel: String?
        /// What is wrong with the row (each problem of it); empty when it can be used.
        public var problems: [Message] = []

        /// What is wrong with the row, as one message; nil when it can be used.
        public var problemMessage: Message? {
            problems.isEmpty ? nil : Message("sheet.row-problems", ["problems": .joined(problems.map { .message($0) }, "; ")])
        }

        /// What is wrong with the row, in English; nil when it can be used.
        public var problem: String? { problemMessage?.text(in: .en) }
    }

    /// The column names understood in a header row.
    public enum Column: Hashable, Sendable {
        /// A row-number column (`ลำดับ`, `ที่`, `no`, `#`): read and ignored.
        case rowNumber
        case name, district, province, kind, head, signatory, position, total, level
        case indicator(Int)
    }

    public var rows: [Row]
    /// The file as the user named it.
    public var file: String
    /// The workbook sheet the rows come from; nil for a CSV file.
    public var sheet: String?

    public init(rows: [Row], file: String, sheet: String? = nil) {
        self.rows = rows
        self.file = file
        self.sheet = sheet
    }

    /// Reads the CSV at `path`.
    public static func load(path: String, baseKind: String? = nil) throws -> ScoreSheet {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ScoreSheetError(file: path, line: nil, message: Message("sheet.cannot-read", ["reason": "\(error.localizedDescription)"]))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ScoreSheetError(file: path, line: nil, message: Message("sheet.not-utf8"))
        }
        return try parse(text: text, file: path, baseKind: baseKind)
    }

    /// Reads CSV text; `file` names it in messages.
    public static func parse(text: String, file: String, baseKind: String? = nil) throws -> ScoreSheet {
        let source = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let records = try CSVRecords.parse(source, file: file)
        return try parse(rows: records.map { TableRow(number: $0.line, cells: $0.fields) }, file: file, baseKind: baseKind)
    }

    /// Reads rows of cells, from a CSV file or from the sheet named `sheet` of a workbook (then
    /// messages name the sheet, and a cell by its reference such as D7); `file` names the file.
    /// `baseKind` is the kind of organisation of the base data file, for rows that do not give theirs:
    /// every row needs a name, a district and a province, except that a provincial administrative
    /// organisation (องค์การบริหารส่วนจังหวัด) has no district.
    public static func parse(rows input: [TableRow], file: String, sheet: String? = nil, baseKind: String? = nil) throws -> ScoreSheet {
        let place = Place(file: file, sheet: sheet)
        var records = input.filter { !$0.cells.allSatisfy { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty } }[...]
        records = records.dropFirst(titleRows(records))
        guard let first = records.first else {
            throw place.error(line: nil, sheet == nil ? Message("sheet.no-rows.file", ["columns": .message(positionalHelp)])
                                                      : Message("sheet.no-rows.sheet", ["columns": .message(positionalHelp)]))
        }
        var columns: [Column?]
        var body = records
        let positional = !isHeader(first.cells)
        if !positional {
            columns = first.cells.map { ScoreColumnNames.column($0) }
            let unknown = first.cells.indices.filter {
                columns[$0] == nil && !first.cells[$0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            }
            if !unknown.isEmpty {
                let listed: [Message.Argument] = unknown.map {
                    .message(Message("sheet.listed-column", ["name": "\(first.cells[$0])", "column": .message(place.column($0))]))
                }
                throw place.error(line: first.number, unknown.count == 1
                    ? Message("sheet.unknown-column", ["columns": .list(listed), "names": "\(ScoreColumnNames.listing)"])
                    : Message("sheet.unknown-columns", ["columns": .list(listed), "names": "\(ScoreColumnNames.listing)"]))
            }
            body = records.dropFirst()
            for required in [Column.name] + (1...10).map(Column.indicator) where !columns.contains(required) {
                throw place.error(line: first.number,
                                  Message("sheet.missing-column", ["column": "\(label(required))", "columns": .message(positionalHelp),
                                                                   "names": "\(ScoreColumnNames.listing)"]))
            }
        } else {
            columns = positionalColumns
        }
        let rows = body.map { record -> Row in
            row(record.cells, line: record.number, columns: columns, place: place, positional: positional, baseKind: baseKind)
        }
        guard !rows.isEmpty else {
            throw place.error(line: nil, sheet == nil ? Message("sheet.no-body.file") : Message("sheet.no-body.sheet"))
        }
        return ScoreSheet(rows: rows, file: file, sheet: sheet)
    }

    static let positionalHelp = Message("sheet.positional")

    /// The columns of a table without a header row, in order; the last two may be left out.
    static let positionalColumns: [Column?] = [.name, .district, .province] + (1...10).map(Column.indicator) + [.total, .level]

    /// Whether an organisation of this kind or name has no district (อำเภอ) in its address: a provincial
    /// administrative organisation (องค์การบริหารส่วนจังหวัด, อบจ.) serves a whole province. Its kind or its
    /// name may say so (a base file of a municipality may serve a table of อบจ. rows).
    public static func hasNoDistrict(kind: String?, name: String) -> Bool {
        func provincial(_ text: String) -> Bool {
            let t = text.replacingOccurrences(of: " ", with: "")
            return t.hasPrefix("องค์การบริหารส่วนจังหวัด") || t.hasPrefix("อบจ.") || t == "อบจ"
        }
        return kind.map(provincial) == true || provincial(name)
    }

    /// Where a sheet's values are, for messages: a CSV file's line, or a workbook's sheet and cell.
    struct Place {
        var file: String
        var sheet: String?

        func error(line: Int?, _ message: Message) -> ScoreSheetError {
            ScoreSheetError(file: file, line: line, message: message, sheet: sheet)
        }

        /// "column F" in a sheet, "column 6" in a CSV.
        func column(_ index: Int) -> Message {
            Message("sheet.column", ["column": "\(sheet == nil ? String(index + 1) : TableRow.columnLetters(index))"])
        }

        /// "cell D7: " in a sheet, nothing in a CSV (its messages already name the line).
        func cell(_ index: Int, line: Int) -> Message.Argument {
            sheet == nil ? "" : .message(Message("sheet.cell", ["cell": "\(TableRow.columnLetters(index))\(line)"]))
        }
    }

    // MARK: Header

    /// How many title rows (a heading such as "ผลคะแนน ITA จังหวัด… ปี 2568", a date: at most two
    /// values each) stand above a complete header row among the first ten rows; 0 when none do.
    private static func titleRows(_ records: ArraySlice<TableRow>) -> Int {
        func values(_ r: TableRow) -> [String] {
            r.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        }
        for (offset, r) in records.prefix(10).enumerated() {
            let v = values(r)
            let columns = v.map { ScoreColumnNames.column($0) }
            if !columns.contains(where: { $0 == nil }), columns.contains(.name), (1...10).allSatisfy({ columns.contains(.indicator($0)) }) {
                return offset
            }
            if v.count > 2 { return 0 }
        }
        return 0
    }

    private static func isHeader(_ fields: [String]) -> Bool {
        // Data rows have a score in the fourth column; a header has a name there, or
        // (when the scores' columns are named 1–10) starts with known column names.
        guard fields.count > 3 else { return true }
        let named = fields.prefix(3).allSatisfy { ScoreColumnNames.column($0) != nil }
        return decimal(fields[3]) == nil || named
    }

    private static func label(_ c: Column) -> String {
        switch c {
        case .rowNumber: return "ลำดับ"
        case .name: return "name"
        case .district: return "district"
        case .province: return "province"
        case .kind: return "kind"
        case .head: return "head"
        case .signatory: return "signatory"
        case .position: return "position"
        case .total: return "total"
        case .level: return "level"
        case let .indicator(n): return String(n)
        }
    }

    // MARK: Rows

    private static func row(_ fields: [String], line: Int, columns: [Column?], place: Place, positional: Bool, baseKind: String?) -> Row {
        var r = Row(line: line, name: "", indicators: [:])
        var problems: [Message] = []
        var badIndicator = false
        // A row of a table without a header row must be laid out exactly as the columns are listed:
        // a missing column would otherwise move every value after it into the next column's place.
        if positional {
            var count = fields.count
            while count > 0, fields[count - 1].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { count -= 1 }
            let least = positionalColumns.count - 2
            if count < least || count > positionalColumns.count {
                r.name = fields.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                let values = fields.prefix(count).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                r.problems = [Message("sheet.layout-count", ["count": "\(count)", "least": "\(least)", "most": "\(positionalColumns.count)",
                                                             "columns": .message(positionalHelp),
                                                             "values": "\(values.map { $0.isEmpty ? "–" : $0 }.joined(separator: " | "))"])]
                return r
            }
        }
        var placeColumns: [Column: Int] = [:]
        for (i, raw) in fields.enumerated() {
            let value = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard i < columns.count else {
                if !value.isEmpty {
                    problems.append(Message("sheet.extra-cell", ["cell": place.cell(i, line: line), "count": "\(fields.count)", "value": "\(value)"]))
                }
                continue
            }
            if let column = columns[i], [.name, .district, .province].contains(column), placeColumns[column] == nil { placeColumns[column] = i }
            guard let column = columns[i], !value.isEmpty else { continue }
            switch column {
            case .rowNumber: continue
            case .name, .district, .province:
                // A name, district or province is never a number: a number here means a column is missing or shifted.
                if decimal(value) != nil {
                    problems.append(Message("sheet.place-is-number", ["cell": place.cell(i, line: line), "what": .message(fieldName(column)),
                                                                       "column": .message(place.column(i)), "value": "\(value)",
                                                                       "columns": .message(positionalHelp)]))
                    continue
                }
                if column == .name { r.name = value } else if column == .district { r.district = value } else { r.province = value }
            case .kind: r.kind = value
            case .head: r.head = value
            case .signatory: r.signatory = value
            case .position: r.position = value
            case .level:
                if positional, decimal(value) != nil {
                    problems.append(Message("sheet.level-is-number", ["cell": place.cell(i, line: line), "column": .message(place.column(i)),
                                                                       "value": "\(value)", "columns": .message(positionalHelp)]))
                } else {
                    r.officialLevel = value
                }
            case .total:
                if let d = decimal(value), (0...100).contains(d) { r.officialTotal = d } else {
                    problems.append(Message("sheet.bad-total", ["cell": place.cell(i, line: line), "value": "\(value)", "hint": .message(typeHint(value))]))
                }
            case let .indicator(n):
                if let d = decimal(value), (0...100).contains(d) { r.indicators[n] = d } else {
                    badIndicator = true
                    problems.append(Message("sheet.bad-indicator", ["cell": place.cell(i, line: line), "number": "\(n)", "value": "\(value)",
                                                                    "hint": .message(typeHint(value))]))
                }
            }
        }
        // Name, district and province are printed on every document's cover: each must be given.
        var placeProblems: [Message] = []
        let noDistrict = hasNoDistrict(kind: r.kind ?? baseKind, name: r.name)
        for column in [Column.name, .district, .province] {
            let given: Bool
            switch column {
            case .name: given = !r.name.isEmpty
            case .district: given = r.district != nil || noDistrict
            default: given = r.province != nil
            }
            guard !given else { continue }
            if let i = placeColumns[column] {
                let value = i < fields.count ? fields[i].trimmingCharacters(in: .whitespacesAndNewlines) : ""
                if !value.isEmpty { continue }   // a number, reported above
                placeProblems.append(Message("sheet.empty-place", ["cell": place.cell(i, line: line), "what": .message(fieldName(column)),
                                                                   "column": .message(place.column(i))]))
            } else {
                placeProblems.append(Message("sheet.no-place-column", ["what": .message(fieldName(column)), "header": "\(ScoreColumnNames.table.first { $0.column == column }?.names.joined(separator: " / ") ?? label(column))"]))
            }
        }
        problems.insert(contentsOf: placeProblems, at: 0)
        let missing = (1...10).filter { r.indicators[$0] == nil }
        if !missing.isEmpty, !badIndicator {
            let numbers = missing.map(String.init).joined(separator: ", ")
            problems.append(missing.count == 1 ? Message("sheet.missing-indicator", ["number": "\(numbers)"])
                                               : Message("sheet.missing-indicators", ["numbers": "\(numbers)"]))
        }
        // A percentage stored as a fraction (0.9939 for 99.39 %) is a valid number between 0 and 100 but
        // not the score: ten scores all at most 1 are refused, naming their cells.
        if missing.isEmpty, (1...10).allSatisfy({ r.indicators[$0]! <= 1 }), let example = (1...10).lazy.compactMap({ r.indicators[$0] }).first(where: { $0 > 0 }) {
            let cells: String
            if place.sheet != nil, let first = columns.firstIndex(of: .indicator(1)), let last = columns.firstIndex(of: .indicator(10)) {
                cells = "\(TableRow.columnLetters(first))\(line)–\(TableRow.columnLetters(last))\(line)"
            } else {
                cells = (1...10).map { "\(r.indicators[$0]!)" }.joined(separator: ", ")
            }
            problems.append(Message("sheet.fractions", ["cells": "\(cells)", "value": "\(example)", "percent": "\(example * 100)"]))
        }
        r.problems = problems
        return r
    }

    /// The name of a place column, for messages.
    private static func fieldName(_ c: Column) -> Message {
        switch c {
        case .district: return Message("sheet.field.district")
        case .province: return Message("sheet.field.province")
        default: return Message("sheet.field.name")
        }
    }

    /// What to type instead of `value` in a score cell.
    private static func typeHint(_ value: String) -> Message {
        let digits = ThaiNumerals.toArabic(value)
        if digits.contains(","), decimal(digits.replacingOccurrences(of: ",", with: ".")) != nil {
            return Message("sheet.hint.point", ["number": "\(digits.replacingOccurrences(of: ",", with: "."))"])
        }
        if let d = decimal(digits), d > 100 { return Message("sheet.hint.at-most-100") }
        return Message("sheet.hint.number")
    }

    static func decimal(_ text: String) -> Decimal? {
        let s = ThaiNumerals.toArabic(text).trimmingCharacters(in: .whitespaces)
        guard !s.isEmpty, s.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }), s.filter({ $0 == "." }).count <= 1,
              s.first != ".", s.last != "." else { return nil }
        return Decimal(string: s, locale: Locale(identifier: "en_US_POSIX"))
    }

    // MARK: Data

    /// The data of `row`: `base` with the row's organisation and scores. What belongs to the base's
    /// own organisation is left out: its logo, website, address, question and tool scores, photos,
    /// signatory, scores quoted in citations, and the analysis narratives that quote its scores
    /// (they are written again from the row's scores); its measures, limitations, rationale and
    /// options are kept.
    public static func data(for row: Row, base: ReportData) -> ReportData {
        var d = base
        var org = Organization(name: row.name, kind: row.kind ?? base.organization?.kind,
                               district: row.district, province: row.province)
        org.head = row.head
        d.organization = org
        d.assessment = Assessment(year: base.assessment?.year, indicators: row.indicators,
                                  official: row.officialTotal == nil && row.officialLevel == nil ? nil
                                      : OfficialResult(total: row.officialTotal, level: row.officialLevel))
        if let a = base.analysis, a.rationale != nil || a.summary != nil {
            d.analysis = Analysis(rationale: a.rationale, summary: a.summary)
        } else {
            d.analysis = nil
        }
        d.photos = nil
        d.measures = base.measures?.map { m in
            var m = m
            m.citations = m.citations?.map { Citation(indicator: $0.indicator, question: $0.question, text: $0.text) }
            return m
        }
        d.signatory = row.signatory == nil && row.position == nil ? nil
            : Signatory(name: row.signatory, position: row.position, date: base.signatory?.date)
        return d
    }
}

/// A problem with a score CSV as a whole, with its place.
public struct ScoreSheetError: CataloguedError, CustomStringConvertible, Sendable {
    public var file: String
    /// The CSV line, or the sheet's row number.
    public var line: Int?
    /// What is wrong, without the place.
    public var problem: Message
    /// The workbook sheet; nil for a CSV file.
    public var sheet: String?

    public init(file: String, line: Int?, message: Message, sheet: String? = nil) {
        self.file = file
        self.line = line
        self.problem = message
        self.sheet = sheet
    }

    /// What is wrong, in English, without the place.
    public var message: String { problem.text(in: .en) }

    public var catalogueMessage: Message {
        switch (sheet, line) {
        case let (sheet?, line?): return Message("sheet.place.sheet-row", ["file": "\(file)", "sheet": "\(sheet)", "row": "\(line)", "text": .message(problem)])
        case let (sheet?, nil): return Message("sheet.place.sheet", ["file": "\(file)", "sheet": "\(sheet)", "text": .message(problem)])
        case let (nil, line?): return Message("sheet.place.line", ["file": "\(file)", "line": "\(line)", "text": .message(problem)])
        case (nil, nil): return Message("sheet.place.file", ["file": "\(file)", "text": .message(problem)])
        }
    }

    public var description: String { catalogueMessage.text(in: .en) }
}
