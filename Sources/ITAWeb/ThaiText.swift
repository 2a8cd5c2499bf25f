import Foundation
import ITAKit
import ITAReports

/// The app's words in Thai: names of documents and sections, states, and the problems it reports.
enum ThaiText {
    static func document(_ kind: ReportKind) -> String {
        switch kind {
        case .o34: return "O34 มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
        case .o35: return "O35 รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
        case .analysis: return "รายงานการวิเคราะห์ผลการประเมิน ITA สู่การพัฒนา"
        }
    }

    static func short(_ kind: ReportKind) -> String {
        switch kind {
        case .o34: return "O34"
        case .o35: return "O35"
        case .analysis: return "รายงานการวิเคราะห์"
        }
    }

    static func format(_ f: ExportFormat) -> String {
        switch f {
        case .docx: return "Word (DOCX)"
        case .odt: return "LibreOffice (ODT)"
        case .pdf: return "PDF"
        }
    }

    /// Why a report cannot be filled yet from `data`, or nil when it can.
    static func notPossible(_ kind: ReportKind, _ data: ReportData) -> String? {
        guard ReportGenerator.possibleReports(data)[kind] ?? nil != nil else { return nil }
        let scored = Set((data.assessment?.indicators ?? [:]).keys)
        let missing = (1...10).filter { !scored.contains($0) }
        switch kind {
        case .o34:
            if !missing.isEmpty { return "ยังไม่มีคะแนนตัวชี้วัด " + numbers(missing) }
            if (data.measures ?? []).isEmpty { return "ยังไม่มีมาตรการของปีนี้" }
            return "ปีผลการประเมิน (\(data.assessment?.year ?? 0)) ไม่ใช่ปีก่อนปีงบประมาณ \(data.fiscalYear ?? 0)"
        case .analysis:
            return "ยังไม่มีคะแนนตัวชี้วัด " + numbers(missing)
        case .o35:
            return (data.measures ?? []).isEmpty ? "ยังไม่มีมาตรการ" : "ยังไม่มีผลการดำเนินการของมาตรการ (สรุปผลหรือรายละเอียด และผลลัพธ์)"
        }
    }

    static func numbers(_ n: [Int]) -> String {
        n.count == 10 ? "ที่ 1–10" : "ที่ " + n.map(String.init).joined(separator: ", ")
    }

    /// A requirement the data does not meet yet.
    static func gap(_ g: CompletenessGap) -> String { g.text(in: .th) }

    static func severity(_ d: Diagnostic) -> String {
        d.severity == .error ? Message("severity.error").text(in: .th) : Message("severity.warning").text(in: .th)
    }

    /// A validator diagnostic in Thai, from the message catalogue: what is wrong and what to do.
    static func diagnostic(_ d: Diagnostic) -> String { d.text(in: .th) }

    /// An error of the documents' code, in Thai where the catalogue has it.
    static func error(_ e: Error) -> String { errorText(e, in: .th) }
}
