import Foundation

/// Spells an amount of money in Thai words, as cheques and contracts write it
/// ("หนึ่งล้านบาทถ้วน", "ยี่สิบเอ็ดบาทห้าสิบสตางค์").
///
/// Rules (the Royal Institute's): a 1 in the units place of a number is เอ็ด whenever
/// any digit before it is not zero (11 สิบเอ็ด, 101 หนึ่งร้อยเอ็ด, 1,000,001
/// หนึ่งล้านเอ็ด, 11,000,000 สิบเอ็ดล้าน), and หนึ่ง when it stands alone (1, 1,000,000
/// หนึ่งล้าน); the number before each ล้าน is read by the same rule, so 1,000,001,000,000
/// is หนึ่งล้านเอ็ดล้าน. 2 in the tens place is ยี่สิบ and 1 there is สิบ; every six digits
/// add a ล้าน (1,000,000,000,000 is หนึ่งล้านล้าน); สตางค์ are the amount rounded half-up
/// to two places and read as a number of their own (0.01 หนึ่งสตางค์, 1.21
/// หนึ่งบาทยี่สิบเอ็ดสตางค์).
public enum BahtText {
    /// The largest number of integer digits accepted (amounts below 10^30 baht).
    public static let maximumIntegerDigits = 30

    static let digitWords = ["ศูนย์", "หนึ่ง", "สอง", "สาม", "สี่", "ห้า", "หก", "เจ็ด", "แปด", "เก้า"]
    static let placeWords = ["", "สิบ", "ร้อย", "พัน", "หมื่น", "แสน"]

    /// The amount in words, or nil for negative amounts, NaN and amounts of 10^30 baht or more.
    public static func spell(_ amount: Decimal) -> String? {
        guard !amount.isNaN, amount >= 0 else { return nil }
        let rounded = ThaiNumberFormat.roundHalfUp(amount, places: 2)
        let (_, integer, fraction) = ThaiNumberFormat.digits(of: rounded)
        let intDigits = String(integer.drop(while: { $0 == "0" }))
        guard intDigits.count <= maximumIntegerDigits else { return nil }
        var frac = String(fraction.prefix(2))
        while frac.count < 2 { frac += "0" }
        let satang = Int(frac) ?? 0

        if intDigits.isEmpty {
            return satang == 0 ? "ศูนย์บาทถ้วน" : spellNumber(String(satang)) + "สตางค์"
        }
        let baht = spellNumber(intDigits) + "บาท"
        return satang == 0 ? baht + "ถ้วน" : baht + spellNumber(String(satang)) + "สตางค์"
    }

    /// A non-negative integer given as its decimal digits (Arabic or Thai), in Thai words
    /// ("21" → "ยี่สิบเอ็ด"); "ศูนย์" for zero. Non-digit characters are ignored.
    public static func spellNumber(_ digits: String) -> String {
        let clean = ThaiNumerals.toArabic(digits).filter { $0.isASCIIDigit }.drop(while: { $0 == "0" })
        guard !clean.isEmpty else { return digitWords[0] }
        let values = clean.compactMap { $0.wholeNumberValue }
        // Groups of six digits from the right; each higher group is followed by ล้าน.
        var groups: [[Int]] = []
        var end = values.count
        while end > 0 {
            let start = max(0, end - 6)
            groups.insert(Array(values[start..<end]), at: 0)
            end = start
        }
        var out = ""
        var higher = false
        for (i, group) in groups.enumerated() {
            out += spellGroup(group, afterNonZero: higher)
            if group.contains(where: { $0 != 0 }) { higher = true }
            if i < groups.count - 1 { out += "ล้าน" }
        }
        return out
    }

    /// Up to six digits (most significant first), spelled; empty for an all-zero group.
    /// `afterNonZero`: a higher group of the same number has a non-zero digit, so a lone 1
    /// in the units place is เอ็ด (1,000,001 หนึ่งล้านเอ็ด).
    static func spellGroup(_ group: [Int], afterNonZero: Bool = false) -> String {
        var out = ""
        for (i, d) in group.enumerated() where d != 0 {
            let place = group.count - 1 - i
            switch place {
            case 0:
                let before = afterNonZero || group.dropLast().contains { $0 != 0 }
                out += (d == 1 && before) ? "เอ็ด" : digitWords[d]
            case 1:
                out += d == 1 ? "สิบ" : (d == 2 ? "ยี่สิบ" : digitWords[d] + "สิบ")
            default:
                out += digitWords[d] + placeWords[place]
            }
        }
        return out
    }
}
