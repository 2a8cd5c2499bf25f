import ThaiFormat

/// The header names a score sheet's columns are known by, English and Thai. Matching ignores case,
/// spaces, line breaks and underscores, and reads Thai digits as Arabic ones.
enum ScoreColumnNames {
    /// Each column with the names it accepts, in the order they are listed to users.
    static let table: [(column: ScoreSheet.Column, names: [String])] = [
        (.rowNumber, ["ลำดับ", "ลำดับที่", "ที่", "no", "no.", "#"]),
        (.name, ["name", "organization", "organisation", "org", "ชื่อหน่วยงาน", "หน่วยงาน", "ชื่อ อปท.", "อปท."]),
        (.district, ["district", "amphoe", "อำเภอ"]),
        (.province, ["province", "จังหวัด"]),
        (.kind, ["kind", "ประเภท", "ประเภทหน่วยงาน"]),
        (.head, ["head", "ตำแหน่งหัวหน้าหน่วยงาน"]),
        (.signatory, ["signatory", "signatory_name", "ผู้ลงนาม"]),
        (.position, ["position", "signatory_position", "ตำแหน่ง"]),
        (.total, ["total", "official_total", "คะแนนรวม"]),
        (.level, ["level", "official_level", "ระดับ", "ระดับผลการประเมิน"]),
    ]

    /// Prefixes of the indicators' columns (the number 1–10 follows), the empty one for a bare number.
    static let indicatorPrefixes = ["indicator", "ind", "ตัวชี้วัดที่", "ตัวชี้วัด", ""]

    static func normalized(_ raw: String) -> String {
        String(ThaiNumerals.toArabic(raw).lowercased().unicodeScalars.filter {
            !$0.properties.isWhitespace && $0 != "_"
        }.map(Character.init))
    }

    private static let lookup: [String: ScoreSheet.Column] = {
        var map: [String: ScoreSheet.Column] = [:]
        for (column, names) in table { for n in names { map[normalized(n)] = column } }
        return map
    }()

    /// The column a header names; nil when the name is not known.
    static func column(_ raw: String) -> ScoreSheet.Column? {
        let n = normalized(raw)
        if let c = lookup[n] { return c }
        for prefix in indicatorPrefixes where n.hasPrefix(prefix) {
            if let k = Int(n.dropFirst(prefix.count)), (1...10).contains(k), !n.dropFirst(prefix.count).hasPrefix("0") { return .indicator(k) }
        }
        return nil
    }

    /// Every accepted name, grouped by column, for messages.
    static var listing: String {
        let fixed = table.map { column, names in
            column == .rowNumber ? "row numbers (ignored): \(names.joined(separator: ", "))" : names.joined(separator: " / ")
        }
        let indicators = "the ten scores: 1 … 10, ind1 … ind10, indicator1 … indicator10, ตัวชี้วัดที่ 1 … ตัวชี้วัดที่ 10"
        return (fixed.prefix(4) + [indicators] + fixed.dropFirst(4)).joined(separator: "; ")
    }
}
