import Foundation
import ThaiFormat

/// A row of scores pasted from a spreadsheet, read without guessing.
///
/// The row is the organisation's cells (an optional row number, then name, district, province: any
/// text), then the ten indicator scores next to each other, optionally followed by the announced
/// total, and after a total optionally the announced level:
///
///     [ลำดับ] [ชื่อหน่วยงาน อำเภอ จังหวัด] 1 2 3 4 5 6 7 8 9 10 [คะแนนรวม [ระดับ]]
///
/// Exactly ten numbers in a row are the ten scores; eleven are the ten scores and the total. Any
/// other row (twelve numbers, a score cell left empty or holding words between the numbers,
/// words after ten scores) is refused with what was found, so that no score is ever moved to
/// another indicator's place.
struct PastedRow: Equatable {
    var scores: [String]
    var total: String?
    var level: String?

    /// Why a pasted row cannot be read, in Thai: what was found and what is expected.
    struct Problem: Error, Equatable { let reason: String }

    static let expected = "แถวที่วางต้องมีคะแนน 10 ช่องติดกัน (ตัวชี้วัด 1–10) หรือ 11 ช่อง (คะแนน 10 ช่องตามด้วยคะแนนรวม) "
        + "โดยข้างหน้าคะแนนมีลำดับ ชื่อหน่วยงาน อำเภอ จังหวัด ได้ และหลังคะแนนรวมมีระดับได้ ไม่ได้บันทึกคะแนน"

    private enum Kind { case number, text, blank }

    /// A number as a score cell holds it: Arabic or Thai digits with at most one decimal point.
    static func isNumber(_ cell: String) -> Bool {
        let s = ThaiNumerals.toArabic(cell)
        return s.range(of: #"^[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil
    }

    /// The cells of a pasted row: the first line, split at tabs (a spreadsheet's copy, empty cells kept
    /// in place), else at spaces.
    static func cells(_ row: String) -> [String] {
        let line = row.replacingOccurrences(of: "\r", with: "").split(separator: "\n").first.map(String.init) ?? ""
        if line.contains("\t") {
            var parts = line.components(separatedBy: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
            while parts.last?.isEmpty == true { parts.removeLast() }
            while parts.first?.isEmpty == true { parts.removeFirst() }
            return parts
        }
        return line.components(separatedBy: " ").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    static func read(_ row: String) throws -> PastedRow {
        let cells = cells(row)
        func kind(_ c: String) -> Kind { c.isEmpty ? .blank : isNumber(c) ? .number : .text }
        let kinds = cells.map(kind)
        func shown(_ c: String) -> String { c.isEmpty ? "ช่องว่าง" : "'\(c.count > 40 ? String(c.prefix(40)) + "…" : c)'" }
        func fail(_ found: String) -> Problem { Problem(reason: "อ่านแถวที่วางไม่ได้: \(found) \(expected)") }
        let numbers = cells.filter(isNumber)
        guard !numbers.isEmpty else {
            throw fail(cells.isEmpty ? "ไม่มีค่าในแถวที่วาง" : "ไม่พบตัวเลขในแถวที่วาง (\(cells.count) ช่อง)")
        }
        // A row number before the name is not a score.
        var start = 0
        if kinds.count > 1, kinds[0] == .number, kinds[1] == .text { start = 1 }
        guard let first = kinds[start...].firstIndex(of: .number) else { throw fail("ไม่พบตัวเลขในแถวที่วาง") }
        var end = first
        while end < kinds.count, kinds[end] == .number { end += 1 }
        let run = Array(cells[first..<end])
        let after = Array(cells[end...])
        let listed = run.joined(separator: ", ")
        if !after.isEmpty, after.contains(where: isNumber) {
            throw fail("พบตัวเลข \(numbers.count - start) ช่องที่ไม่ติดกัน: หลังตัวเลข \(run.count) ช่อง (\(listed)) มี \(shown(after[0])) คั่นอยู่")
        }
        guard run.count == 10 || run.count == 11 else {
            throw fail("พบตัวเลขติดกัน \(run.count) ช่อง (\(listed))")
        }
        var pasted = PastedRow(scores: Array(run.prefix(10)), total: run.count == 11 ? run[10] : nil, level: nil)
        if !after.isEmpty {
            guard run.count == 11, after.count == 1 else {
                throw fail("หลังตัวเลข \(run.count) ช่อง (\(listed)) มี " + after.map(shown).joined(separator: ", "))
            }
            pasted.level = after[0]
        }
        return pasted
    }
}
