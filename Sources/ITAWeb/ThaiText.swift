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
    /// Short, for a clerk using the forms: the item and what it lacks, without the data file's keys or how
    /// to write them in YAML (the link beside it opens the form that fills it).
    static func gap(_ g: CompletenessGap) -> String {
        let field = g.field(in: .th).replacingOccurrences(of: #"\s*\([A-Za-z_ .\[\]]+(\s+หรือ\s+[A-Za-z_ .]+)?\)$"#, with: "", options: .regularExpression)
        return "\(g.item): ยังขาด\(field)"
    }

    static func severity(_ d: Diagnostic) -> String {
        d.severity == .error ? Message("severity.error").text(in: .th) : Message("severity.warning").text(in: .th)
    }

    /// A validator diagnostic in Thai, from the message catalogue: what is wrong and what to do. Where the
    /// catalogue's remedy tells how to write the data file, the clerk is told which form field to fill instead.
    static func diagnostic(_ d: Diagnostic) -> String {
        guard let remedy = d.remedy, let hint = formRemedy(remedy, problem: d.problem) else { return d.text(in: .th) }
        return "\(d.message(in: .th)) (\(hint))"
    }

    /// What to do, said in the forms' words, for the remedies that name the data file's keys.
    static func formRemedy(_ remedy: Message, problem: Message) -> String? {
        func arg(_ m: Message, _ name: String) -> String {
            guard case let .text(t)? = m.arguments[name] else { return "" }
            return t
        }
        switch remedy.id {
        case "check.provisional-split.hint":
            return "ตรวจดูการแบ่งกับการวิเคราะห์ของหน่วยงาน แล้วกรอกคะแนนที่หน่วยงานนับเป็นจุดแข็งในช่อง “\(Labels.strengthThreshold)” ที่หน้า\(Section.scores.title)"
        case "check.provisional-level.hint":
            return "กรอกระดับที่ระบบ ITA ประกาศในช่อง “\(Labels.level)” ที่หน้า\(Section.official.title)"
        case "check.total-not-computable.hint":
            return "กรอกคะแนนให้ครบทั้ง 10 ตัวชี้วัด หรือกรอกคะแนนรวมที่ประกาศในช่อง “\(Labels.total)” ที่หน้า\(Section.official.title)"
        case "check.o34-ita-year.hint":
            return "กรอก \(arg(problem, "previous")) ในช่อง “\(Labels.assessmentYear)” ที่หน้า\(Section.scores.title) หรือตรวจปีงบประมาณของไฟล์"
        case "check.indicators-missing.hint", "read.indicator-no-score.hint":
            return "กรอกคะแนนที่ระบบ ITA ประกาศในช่องของตัวชี้วัดนั้น ใช้จุดทศนิยม เช่น 98.50"
        case "check.citation-without-score.hint":
            return arg(remedy, "section") == "questions"
                ? "กรอกคะแนนของข้อนั้นที่หน้า\(Section.questions.title)"
                : "กรอกคะแนนของตัวชี้วัดนั้นที่หน้า\(Section.scores.title)"
        case "check.period-reversed.hint":
            return "สลับวันที่ในช่อง “ตั้งแต่” กับ “ถึง”"
        case "check.issue-number-missing.hint":
            return "เลือกประเด็นการวิเคราะห์ 1–7 ของมาตรการนี้"
        case "check.not-printed.organization", "check.not-printed.remove", "check.not-printed.elsewhere":
            // Fields no document of the file prints have no form field; a save keeps them in the file as they are.
            return "หน้าแก้ไขจึงไม่มีช่องนี้ให้กรอก และการบันทึกเก็บข้อมูลนี้ไว้ในไฟล์ตามเดิม"
        default:
            return nil
        }
    }

    /// Labels of form fields that messages refer to.
    enum Labels {
        static let strengthThreshold = "เกณฑ์คะแนนจุดแข็ง"
        static let level = "ระดับผลการประเมิน"
        static let total = "คะแนนรวม"
        static let assessmentYear = "ปีของผลการประเมิน ITA (พ.ศ.)"
    }

    /// An error of the documents' code, in Thai where the catalogue has it.
    static func error(_ e: Error) -> String { errorText(e, in: .th) }
}
