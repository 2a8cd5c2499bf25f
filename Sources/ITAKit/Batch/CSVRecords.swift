/// Splits CSV text (RFC 4180: quoted fields may hold commas, quotes doubled, line breaks) into
/// records, each with the line it starts on. A file whose first line has tabs and no commas is
/// read as tab-separated.
enum CSVRecords {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    static func parse(_ text: String, file: String) throws -> [Record] {
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" }
        let separator: Character = firstLine.contains("\t") && !firstLine.contains(",") ? "\t" : ","
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var fieldStarted = false
        var line = 1
        var recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            records.append(Record(line: recordLine, fields: fields))
            fields = []
            field = ""
            fieldStarted = false
        }

        while let ch = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if ch == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { quoted = false; pending = next }
                } else {
                    if ch == "\n" || ch == "\r\n" { line += 1 }
                    field.append(ch == "\r\n" ? "\n" : ch)
                }
                continue
            }
            switch ch {
            case "\"" where !fieldStarted:
                quoted = true
                fieldStarted = true
            case separator:
                fields.append(field)
                field = ""
                fieldStarted = false
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(ch)
                fieldStarted = true
            }
        }
        if quoted {
            throw ScoreSheetError(file: file, line: recordLine, message: Message("sheet.unclosed-quote"))
        }
        if fieldStarted || !fields.isEmpty || !field.isEmpty { endRecord() }
        return records
    }
}
