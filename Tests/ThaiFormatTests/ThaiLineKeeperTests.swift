import XCTest
@testable import ThaiFormat

final class ThaiLineKeeperTests: XCTestCase {
    let wj = "\u{2060}"
    let keeper = ThaiLineKeeper(words: ["เจ้าหน้าที่", "งบประมาณ", "ปีงบประมาณ"], names: ["เทศบาลตำบลคลองแสนแสบ"])

    func testNumbersAndScoresAreJoinedDigitByDigit() {
        XCTAssertEqual(keeper.keep("ได้ 99.09 คะแนน"), "ได้ 9\(wj)9\(wj).\(wj)0\(wj)9 คะแนน")
        XCTAssertEqual(keeper.keep("๑๐๐.๐๐"), "๑\(wj)๐\(wj)๐\(wj).\(wj)๐\(wj)๐")
        // A full stop ending a sentence after a number is not part of it.
        XCTAssertEqual(keeper.keep("ปี 25. ต่อ"), "ปี 2\(wj)5. ต่อ")
    }

    func testListedWordsAreJoinedBetweenLettersButNotBeforeTheirMarks() {
        let kept = keeper.keep("ให้เจ้าหน้าที่ทุกคน")
        XCTAssertEqual(kept.replacingOccurrences(of: wj, with: ""), "ให้เจ้าหน้าที่ทุกคน")
        XCTAssertTrue(kept.contains("เ\(wj)จ้\(wj)า\(wj)ห\(wj)น้\(wj)า\(wj)ที่"), kept)
        // No joiner before a tone mark or an upper vowel, and none around the word.
        XCTAssertFalse(kept.contains("\(wj)\u{0E49}"))
        XCTAssertTrue(kept.hasPrefix("ให้เ"))
    }

    func testTheLongestListedWordWins() {
        let kept = keeper.keep("ปีงบประมาณ")
        XCTAssertFalse(kept.hasPrefix("ป\(wj)ี"), "a joiner before the vowel mark: \(kept)")
        XCTAssertTrue(kept.contains("ปี\(wj)ง"), "ปี and งบประมาณ are joined as one word: \(kept)")
    }

    func testEraAndYearShareANoBreakSpaceAndAMonthKeepsAPlainSpaceBeforeItsYear() {
        XCTAssertEqual(keeper.keep("พ.ศ. 2568"), "พ.ศ.\u{00A0}2\(wj)5\(wj)6\(wj)8")
        XCTAssertEqual(keeper.keep("30\u{00A0}กันยายน\u{00A0}2568"), "3\(wj)0\u{00A0}กันยายน 2\(wj)5\(wj)6\(wj)8")
    }

    func testTheOrganisationNameIsKeptWhole() {
        let kept = keeper.keep("ของเทศบาลตำบลคลองแสนแสบ ได้")
        XCTAssertTrue(kept.contains("ล\(wj)ค\(wj)ล\(wj)อ\(wj)ง\(wj)แ\(wj)ส"), kept)
        XCTAssertTrue(kept.hasPrefix("ของเ\(wj)ท"), kept)
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
