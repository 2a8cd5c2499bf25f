import Foundation
import ThaiFormat

/// Rolls a year's O34 data forward: the same measures become the O35 report of this year
/// (results left to fill) and the draft O34 of the next year (periods moved on, scores to fill).
///
/// ```swift
/// let files = try YearRollover.roll(data, to: 2569)
/// for f in files { try f.text.write(toFile: f.suggestedName(from: "sisaket-2568"), atomically: true, encoding: .utf8) }
/// ```
public enum YearRollover {
    /// Why a data file cannot be rolled forward.
    public enum RolloverError: CataloguedError, CustomStringConvertible {
        case noFiscalYear
        case notAPlan(DocumentKind)
        case noMeasures
        case yearNotAfter(to: Int, from: Int)

        public var catalogueMessage: Message {
            switch self {
            case .noFiscalYear:
                return Message("rollover.no-fiscal-year")
            case let .notAPlan(kind):
                return Message("rollover.not-a-plan", ["document": "\(kind.rawValue.uppercased())"])
            case .noMeasures:
                return Message("rollover.no-measures")
            case let .yearNotAfter(to, from):
                return Message("rollover.year-not-after", ["to": "\(to)", "from": "\(from)", "next": "\(from + 1)"])
            }
        }

        public var description: String { catalogueMessage.text(in: .en) }
    }

    /// One data file the rollover writes.
    public struct RolledFile: Sendable {
        /// The document it is for (o35 or o34).
        public var document: DocumentKind
        /// Its fiscal year (BE).
        public var fiscalYear: Int
        /// The data as written.
        public var data: ReportData
        /// The fields left to fill, by path, with what belongs there.
        public var toFill: [String: String]
        /// The file's text, header comment included.
        public var text: String

        /// A file name next to the source's: `sisaket-2568` gives `sisaket-o35-2568.yaml` and `sisaket-o34-2569.yaml`.
        public func suggestedName(from sourceStem: String) -> String {
            var stem = sourceStem
            for sep in ["-", "_", " ", "."] {
                for y in [String(fiscalYear), String(fiscalYear - 1)] where stem.hasSuffix(sep + y) {
                    stem = String(stem.dropLast(y.count + 1))
                }
            }
            if stem.isEmpty { stem = "ita" }
            return "\(stem)-\(document.rawValue)-\(fiscalYear).yaml"
        }
    }

    /// The O35 of the file's fiscal year and the draft O34 of `year`.
    public static func roll(_ data: ReportData, to year: Int) throws -> [RolledFile] {
        guard let fy = data.fiscalYear else { throw RolloverError.noFiscalYear }
        if let kind = data.document, kind == .o35 { throw RolloverError.notAPlan(kind) }
        guard year > fy else { throw RolloverError.yearNotAfter(to: year, from: fy) }
        guard let measures = data.measures, !measures.isEmpty else { throw RolloverError.noMeasures }
        return [report(data, fiscalYear: fy, measures: measures), nextPlan(data, from: fy, to: year, measures: measures)]
    }

    // MARK: O35 of this year

    private static func report(_ data: ReportData, fiscalYear fy: Int, measures: [Measure]) -> RolledFile {
        var out = ReportData(fiscalYear: fy, document: .o35, organization: data.organization,
                             assessment: data.assessment, options: data.options)
        // The O35 form of this year decides what the file carries and asks for: what it does not print
        // (the plan's steps, owners and period on the 2567 form) stays as a comment beside the measure.
        let form = FormCatalog.shipped.form(for: .o35, fiscalYear: fy, formYear: data.options?.formYear)
        let prints = { (field: String) in form?.prints("measures[].\(field)") ?? true }
        if let summary = data.analysis?.summary, form?.prints("analysis.summary") == true { out.analysis = Analysis(summary: summary) }
        var notes: [String: [String]] = [:]
        out.measures = measures.enumerated().map { i, m in
            var plan: [String] = []
            if !prints("steps"), let steps = m.steps, !steps.isEmpty {
                plan.append("แผน: " + steps.joined(separator: " / "))
            }
            if !prints("owners"), let owners = m.owners, !owners.isEmpty { plan.append("ผู้รับผิดชอบ: " + owners.joined(separator: ", ")) }
            if !prints("period"), let p = m.period?.formatted() { plan.append("ระยะเวลา: " + p) }
            if !plan.isEmpty { notes["measures[\(i)].title"] = plan }
            return Measure(issue: m.issue, indicators: m.indicators, questions: m.questions, title: m.title,
                           steps: prints("steps") ? m.steps : nil, owners: prints("owners") ? m.owners : nil,
                           period: prints("period") ? m.period : nil, followUp: prints("follow_up") ? m.followUp : nil)
        }
        out.signatory = data.signatory.map { Signatory(name: $0.name, position: $0.position) }

        let results = form?.results ?? ["summary", "details", "outcome", "citations"]
        let what: [String: String] = [
            "summary": "สรุปผลการดำเนินการ (สิ่งที่ทำจริง)",
            "details": "รายละเอียดการดำเนินการ ข้อละบรรทัด ขึ้นต้นด้วย \"- \"",
            "outcome": "ผลลัพธ์หรือความสำเร็จของการดำเนินการ",
            "dates": "วันที่ดำเนินการ เช่น [\(fy)-05-10]",
            "citations": "คะแนน ITA ที่ผลลัพธ์อ้างถึง เช่น - {indicator: 4} (ถ้าไม่เขียน outcome ระบบเรียบเรียงจากข้อนี้)",
            "suggestion": "ข้อเสนอแนะของมาตรการนี้",
        ]
        var toFill: [String: String] = [:]
        for i in measures.indices {
            for field in results { toFill["measures[\(i)].\(field)"] = what[field] ?? field }
        }
        toFill["signatory.date"] = "วันที่ลงนาม"
        if data.assessment != nil {
            notes["assessment"] = ["ผลการประเมิน ITA ปี \(data.assessedYear.map(String.init) ?? "")" +
                                   " ยกมาจากไฟล์ O34 ใช้อ้างอิงในผลลัพธ์ (citations)"]
        }
        notes["measures"] = ["มาตรการ \(measures.count) รายการยกมาจาก O34 ปีงบประมาณ \(fy)",
                             "กรอกผลของแต่ละมาตรการในช่องที่มีคำว่า \(DataFileWriter.fillMarker)"]
        let header = [
            "รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O35) ปีงบประมาณ \(fy)",
            organizationLine(data),
            "",
            "ยกมาจาก O34 ปีงบประมาณ \(fy): หน่วยงาน ผลการประเมิน ITA ปี \(data.assessedYear.map(String.init) ?? "-")",
            "และมาตรการ \(measures.count) รายการ (ชื่อ ขั้นตอน ผู้รับผิดชอบ ระยะเวลา)" + (prints("steps") ? "" : " แผนของแต่ละมาตรการอยู่ในหมายเหตุเหนือชื่อ"),
            "ต้องกรอก: ผลของทุกมาตรการ (summary หรือ details และ outcome หรือ citations)" +
                (results.contains("suggestion") ? " dates ข้อเสนอแนะ (suggestion)" : "") + " และวันที่ลงนาม",
            "ช่องที่ต้องกรอกมีคำว่า \"\(DataFileWriter.fillMarker)\" ช่องที่เว้นว่างถือว่ายังไม่ได้กรอก",
            "ตรวจไฟล์: itareport validate ไฟล์นี้  แล้วสร้างเอกสาร: itareport generate ไฟล์นี้ --report o35",
        ]
        let writer = DataFileWriter(header: header, placeholders: toFill, notes: notes)
        return RolledFile(document: .o35, fiscalYear: fy, data: out, toFill: toFill, text: writer.text(for: out))
    }

    // MARK: Draft O34 of the next year

    private static func nextPlan(_ data: ReportData, from fy: Int, to year: Int, measures: [Measure]) -> RolledFile {
        let shift = year - fy
        var out = ReportData(fiscalYear: year, document: data.document ?? .o34, organization: data.organization,
                             limitations: data.limitations, options: data.options)
        // The ITA year moves with the fiscal year, keeping the file's own pairing (an O34 of N analyses N − 1).
        let assessed = data.assessment?.year.map { $0 + shift } ?? year - 1
        out.assessment = Assessment(year: assessed)
        // Last year's rationale speaks of last year's results: it is not carried over (the tool writes one from
        // the new scores, or the clerk writes their own).
        let rationaleDropped = data.analysis?.rationale != nil
        var textPeriods: [Int] = []
        out.measures = measures.enumerated().map { i, m in
            var period = m.period
            if var p = period {
                p.from = p.from.map { move($0, years: shift) }
                p.to = p.to.map { move($0, years: shift) }
                if let t = p.text {
                    p.text = moveYears(in: t, by: shift)
                    textPeriods.append(i + 1)
                }
                period = p
            }
            return Measure(issue: m.issue, indicators: m.indicators, questions: m.questions, title: m.title,
                           steps: m.steps, owners: m.owners, period: period, followUp: m.followUp)
        }
        out.signatory = data.signatory.map { Signatory(name: $0.name, position: $0.position) }

        let toFill: [String: String] = [
            "assessment.indicators": "คะแนนรายตัวชี้วัด 1–10 ของ ITA ปี \(assessed) ตามที่ระบบประกาศ",
            "assessment.official.total": "คะแนนรวมที่ประกาศ ปี \(assessed)",
            "assessment.official.level": "ระดับที่ประกาศ ปี \(assessed)",
            "assessment.questions": "คะแนนรายข้อ ปี \(assessed) เช่น i1: 99.50 (ย่อหน้า 4 ช่อง บรรทัดละข้อ)",
            "signatory.date": "วันที่ลงนาม",
        ]
        var notes: [String: [String]] = [
            "measures": ["มาตรการยกมาจากปีงบประมาณ \(fy) ระยะเวลาเลื่อนไป \(shift) ปี",
                         "ทบทวนให้ตรงกับผลการประเมินปี \(assessed): เพิ่ม ลบ หรือแก้มาตรการได้"],
        ]
        if data.limitations != nil { notes["limitations"] = ["ยกมาจากปีงบประมาณ \(fy): ทบทวนให้ตรงกับปีนี้"] }
        var header = [
            out.document == .analysis
                ? "รายงานการวิเคราะห์ผลการประเมิน ITA สู่การพัฒนา ปีงบประมาณ \(year) (ฉบับร่าง)"
                : "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน (O34) ปีงบประมาณ \(year) (ฉบับร่าง)",
            organizationLine(data),
            "",
            "ยกมาจาก\(out.document == .analysis ? "รายงานการวิเคราะห์" : " O34") ปีงบประมาณ \(fy): หน่วยงาน ข้อจำกัด และมาตรการ \(measures.count) รายการ",
            "(ระยะเวลาเลื่อนไป \(shift) ปี) ผลการวิเคราะห์ปีก่อนไม่ได้ยกมา ระบบจะเรียบเรียงใหม่จากคะแนนปี \(assessed)",
            "ต้องกรอก: คะแนน ITA ปี \(assessed) (assessment) และวันที่ลงนาม แล้วทบทวนมาตรการและข้อจำกัด",
            "ช่องที่ต้องกรอกมีคำว่า \"\(DataFileWriter.fillMarker)\" ช่องที่เว้นว่างถือว่ายังไม่ได้กรอก",
            "ตรวจไฟล์: itareport validate ไฟล์นี้  แล้วสร้างเอกสาร: itareport generate ไฟล์นี้",
        ]
        if rationaleDropped {
            header.insert("หลักการและเหตุผล (analysis.rationale) ของปี \(fy) ไม่ได้ยกมา: ระบบจะเรียบเรียงใหม่จากคะแนนปี \(assessed) หรือเขียนเองได้",
                          at: 5)
        }
        if !textPeriods.isEmpty {
            header.insert("ระยะเวลาที่เขียนเป็นข้อความ (มาตรการที่ \(textPeriods.map(String.init).joined(separator: ", "))) เลื่อนเฉพาะปี พ.ศ. 4 หลัก: ตรวจอีกครั้ง",
                          at: 6)
        }
        let writer = DataFileWriter(header: header, placeholders: toFill, notes: notes)
        return RolledFile(document: out.document ?? .o34, fiscalYear: year, data: out, toFill: toFill,
                          text: writer.text(for: out))
    }

    // MARK: Helpers

    private static func organizationLine(_ data: ReportData) -> String {
        let o = data.organization
        return [o?.name, o?.district.map { "อำเภอ\($0)" }, o?.province.map { "จังหวัด\($0)" }]
            .compactMap { $0 }.joined(separator: " ")
    }

    /// The same day `years` later (29 February becomes 28 February in a common year).
    static func move(_ d: CalendarDate, years: Int) -> CalendarDate {
        CalendarDate(year: d.year + years, month: d.month, day: d.day)
            ?? CalendarDate(year: d.year + years, month: d.month, day: d.day - 1)
            ?? d
    }

    /// Free-text periods: every four-digit BE year (Arabic or Thai digits) moved by `years`.
    static func moveYears(in text: String, by years: Int) -> String {
        var out = ""
        var digits = ""
        func flush() {
            let arabic = ThaiNumerals.toArabic(digits)
            if digits.count == 4, let y = Int(arabic), (2500...2700).contains(y) {
                let moved = String(y + years)
                out += digits == arabic ? moved : ThaiNumerals.toThai(moved)
            } else {
                out += digits
            }
            digits = ""
        }
        for ch in text {
            if ch.isNumber, ThaiNumerals.toArabic(String(ch)).allSatisfy(\.isASCII) {
                digits.append(ch)
            } else {
                flush()
                out.append(ch)
            }
        }
        flush()
        return out
    }
}
