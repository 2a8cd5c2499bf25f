import XCTest
@testable import ThaiFormat

final class ThaiLineKeeperTests: XCTestCase {
    let wj = "\u{2060}"
    let zw = "\u{200B}"
    let keeper = ThaiLineKeeper(words: ["เจ้าหน้าที่", "งบประมาณ", "ปีงบประมาณ"], names: ["เทศบาลตำบลคลองแสนแสบ"])
    let cells = ThaiLineKeeper(words: ["เจ้าหน้าที่", "งบประมาณ", "ปีงบประมาณ"], names: ["เทศบาลตำบลคลองแสนแสบ"], inCells: true)

    func testNumbersAndScoresAreJoinedDigitByDigit() {
        XCTAssertEqual(keeper.keep("ได้ 99.09 คะแนน"), "ได้ 9\(wj)9\(wj).\(wj)0\(wj)9 คะแนน")
        XCTAssertEqual(keeper.keep("๑๐๐.๐๐"), "๑\(wj)๐\(wj)๐\(wj).\(wj)๐\(wj)๐")
        // A full stop ending a sentence after a number is not part of it.
        XCTAssertEqual(keeper.keep("ปี 25. ต่อ"), "ปี 2\(wj)5. ต่อ")
    }

    func testListedWordsAreJoinedBetweenLettersButNotBeforeTheirMarks() {
        let kept = keeper.keep("ให้เจ้าหน้าที่ทุกคน")
        XCTAssertEqual(kept.replacingOccurrences(of: wj, with: "").replacingOccurrences(of: zw, with: ""), "ให้เจ้าหน้าที่ทุกคน")
        XCTAssertTrue(kept.contains("เ\(wj)จ้\(wj)า\(wj)ห\(wj)น้\(wj)า\(wj)ที่"), kept)
        // No joiner before a tone mark or an upper vowel, and none around the word: there a zero
        // width space parts it from the Thai letters around it.
        XCTAssertFalse(kept.contains("\(wj)\u{0E49}"))
        XCTAssertTrue(kept.unicodeScalars.starts(with: "ให้\(zw)เ\(wj)จ".unicodeScalars), kept)
        XCTAssertTrue(kept.unicodeScalars.reversed().starts(with: "ที่\(zw)ทุกคน".unicodeScalars.reversed()), kept)
        // Next to a space, a digit or the text's ends: nothing added.
        XCTAssertEqual(keeper.keep("เจ้าหน้าที่ 2 คน").components(separatedBy: zw).count, 1)
    }

    func testALongNameIsJoinedInPartsThatMayEndALine() {
        let k = ThaiLineKeeper(words: ["เทศบาลเมือง", "องค์การบริหาร", "ส่วนตำบล", "องค์การบริหารส่วนตำบล"],
                               names: ["เทศบาลเมืองศรีสะเกษ", "องค์การบริหารส่วนตำบลวังทอง"], inCells: true)
        XCTAssertEqual(k.keep("ของเทศบาลเมืองศรีสะเกษ"),
                       "ของ\(zw)เ\(wj)ท\(wj)ศ\(wj)บ\(wj)า\(wj)ล\(wj)เ\(wj)มื\(wj)อ\(wj)ง\(zw)ศ\(wj)รี\(wj)ส\(wj)ะ\(wj)เ\(wj)ก\(wj)ษ")
        let wangthong = k.keep("องค์การบริหารส่วนตำบลวังทอง")
        XCTAssertEqual(wangthong.components(separatedBy: zw).map { $0.replacingOccurrences(of: wj, with: "") },
                       ["องค์การบริหาร", "ส่วนตำบล", "วังทอง"])
        // Fifteen letters or fewer: one part.
        XCTAssertFalse(k.keep("เทศบาลเมือง").contains(zw))
        XCTAssertEqual(k.keep(wangthong), wangthong, "keeping twice")
    }

    /// Joined as one, a long name that does not fit the rest of a line left it short, and LibreOffice
    /// spread the letters of the justified line over the whole width ("ห น่ ว ย ง า น ภ า ค รั ฐ …").
    func testAcrossThePageALongNameMayBreakBetweenItsWordsOnly() {
        let page = ThaiLineKeeper(words: ["เทศบาลเมือง", "องค์การบริหาร", "ส่วนตำบล", "องค์การบริหารส่วนตำบล"],
                                  names: ["เทศบาลเมืองศรีสะเกษ", "องค์การบริหารส่วนตำบลวังทอง"])
        let (zw, wj) = (self.zw, self.wj)
        let parts = { (s: String) in s.components(separatedBy: zw).map { $0.replacingOccurrences(of: wj, with: "") } }
        XCTAssertEqual(parts(page.keep("ของเทศบาลเมืองศรีสะเกษได้")), ["ของ", "เทศบาลเมือง", "ศรีสะเกษ", "ได้"])
        XCTAssertTrue(page.keep("เทศบาลเมืองศรีสะเกษ").contains("ศ\(wj)รี\(wj)ส\(wj)ะ\(wj)เ\(wj)ก\(wj)ษ"))
        // Across the page องค์การบริหารส่วนตำบล stays one part (in cells it is two).
        XCTAssertEqual(parts(page.keep("องค์การบริหารส่วนตำบลวังทอง")), ["องค์การบริหารส่วนตำบล", "วังทอง"])
        // A listed word that is no name, or a name of fifteen letters or fewer, stays whole.
        XCTAssertEqual(parts(page.keep("องค์การบริหารส่วนตำบล")), ["องค์การบริหารส่วนตำบล"])
        let short = ThaiLineKeeper(words: ["เทศบาลตำบล"], names: ["เทศบาลตำบลนาดี"])
        XCTAssertEqual(parts(short.keep("เทศบาลตำบลนาดี")), ["เทศบาลตำบลนาดี"])
        XCTAssertEqual(page.keep(page.keep("ของเทศบาลเมืองศรีสะเกษได้")), page.keep("ของเทศบาลเมืองศรีสะเกษได้"), "keeping twice")
    }

    /// LibreOffice cut "(14 กุมภ / าพันธ์ 2568)" in a photo caption of the ODT.
    func testAMonthNameIsKeptWhole() {
        XCTAssertEqual(keeper.keep("(14 กุมภาพันธ์ 2568)"),
                       "(1\(wj)4\u{00A0}กุ\(wj)ม\(wj)ภ\(wj)า\(wj)พั\(wj)น\(wj)ธ์\u{00A0}2\(wj)5\(wj)6\(wj)8)")
        XCTAssertEqual(cells.keep("เดือนกุมภาพันธ์"), "เดือน\(zw)กุ\(wj)ม\(wj)ภ\(wj)า\(wj)พั\(wj)น\(wj)ธ์")
    }

    func testAnAbbreviatedMonthKeepsItsTwoDigitYear() {
        XCTAssertEqual(keeper.keep("ธ.ค. ๖๓ – มี.ค. ๖๔"), "ธ.ค.\u{00A0}๖\(wj)๓ – มี.ค.\u{00A0}๖\(wj)๔")
        // A four-digit year after a month still may go to the next line in a table cell.
        XCTAssertEqual(cells.keep("มี.ค. 2564"), "มี.ค. 2\(wj)5\(wj)6\(wj)4")
    }

    func testASlashBetweenThaiWordsMayEndALine() {
        XCTAssertEqual(keeper.keep("โครงการ/กิจกรรม"), "โครงการ/\(zw)กิจกรรม")
        XCTAssertEqual(keeper.keep("30/09/2568"), "3\(wj)0\(wj)/\(wj)0\(wj)9\(wj)/\(wj)2\(wj)5\(wj)6\(wj)8")
    }

    func testTheLongestListedWordWins() {
        let kept = keeper.keep("ปีงบประมาณ")
        XCTAssertFalse(kept.hasPrefix("ป\(wj)ี"), "a joiner before the vowel mark: \(kept)")
        XCTAssertTrue(kept.contains("ปี\(wj)ง"), "ปี and งบประมาณ are joined as one word: \(kept)")
    }

    func testEraAndYearShareANoBreakSpaceAndAMonthKeepsAPlainSpaceBeforeItsYearInCellsOnly() {
        XCTAssertEqual(keeper.keep("พ.ศ. 2568"), "พ.ศ.\u{00A0}2\(wj)5\(wj)6\(wj)8")
        XCTAssertEqual(cells.keep("30\u{00A0}กันยายน\u{00A0}2568"), "3\(wj)0\u{00A0}กั\(wj)น\(wj)ย\(wj)า\(wj)ย\(wj)น 2\(wj)5\(wj)6\(wj)8")
        XCTAssertEqual(cells.keep("30 กันยายน 2568"), "3\(wj)0\u{00A0}กั\(wj)น\(wj)ย\(wj)า\(wj)ย\(wj)น 2\(wj)5\(wj)6\(wj)8")
        // Across the page the whole date holds together: "(3 มีนาคม / 2568)" is not split.
        XCTAssertEqual(keeper.keep("(3 มีนาคม 2568)"), "(3\u{00A0}มี\(wj)น\(wj)า\(wj)ค\(wj)ม\u{00A0}2\(wj)5\(wj)6\(wj)8)")
        XCTAssertEqual(keeper.keep("มี.ค. 2564"), "มี.ค.\u{00A0}2\(wj)5\(wj)6\(wj)4")
        XCTAssertEqual(keeper.keep(keeper.keep("(3 มีนาคม 2568)")), keeper.keep("(3 มีนาคม 2568)"), "keeping twice")
    }

    func testTheOrganisationNameIsKeptWhole() {
        let kept = keeper.keep("ของเทศบาลตำบลคลองแสนแสบ ได้")
        XCTAssertTrue(kept.contains("ล\(wj)ค\(wj)ล\(wj)อ\(wj)ง\(wj)แ\(wj)ส"), kept)
        XCTAssertTrue(kept.unicodeScalars.starts(with: "ของ\(zw)เ\(wj)ท".unicodeScalars), kept)
    }

    func testAYearInTheNextRunIsJoinedToTheEraInTheRunBefore() {
        XCTAssertEqual(keeper.keep(segments: ["ประจำปี พ.ศ. ", "2568"]), ["ประจำปี พ.ศ.\u{00A0}", "2\(wj)5\(wj)6\(wj)8"])
    }

    func testKeepingTwiceChangesNothingMoreAndPlainTextStaysPlain() {
        let once = keeper.keep("เจ้าหน้าที่ได้ 99.09 คะแนน พ.ศ. 2568")
        XCTAssertEqual(keeper.keep(once), once)
        XCTAssertEqual(keeper.keep("ข้อความธรรมดา"), "ข้อความธรรมดา")
        XCTAssertEqual(keeper.keep(""), "")
        XCTAssertEqual(keeper.keep(wj), "")
    }
}
