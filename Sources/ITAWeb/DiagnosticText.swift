import Foundation
import ITAKit

/// Diagnostics of the data file reader and validator, worded in Thai for the forms.
enum DiagnosticText {
    static func thai(_ d: Diagnostic) -> String {
        let found = d.message.range(of: #"found '([^']*)'"#, options: .regularExpression).map { String(d.message[$0].dropFirst(7).dropLast()) }
        let value = found.map { " ('\($0)')" } ?? ""
        switch d.kind {
        case .wrongType where d.message.contains("expected a number"):
            let pointed = found.map { $0.replacingOccurrences(of: ",", with: ".") }
            if let f = found, f.filter({ $0 == "," }).count == 1, let p = pointed, Decimal(string: p) != nil {
                return "คะแนน '\(f)' ใช้จุลภาคแทนจุดทศนิยม ให้พิมพ์ \(p)"
            }
            return "ค่าที่กรอก\(value)ไม่ใช่ตัวเลข ให้พิมพ์ตัวเลขและใช้จุดทศนิยม เช่น 98.97"
        case .wrongType where d.message.contains("expected a date"), .invalidDate:
            return "วันที่\(value)ไม่ถูกต้อง ให้พิมพ์ปี-เดือน-วัน เช่น 2568-03-15 (ปี พ.ศ. หรือ ค.ศ.)"
        case .wrongType:
            return "ค่าที่กรอก\(value)ไม่ถูกรูปแบบของช่องนี้"
        case .scoreOutOfRange:
            return "คะแนนต้องอยู่ระหว่าง 0 ถึง 100 ตรวจตัวเลขและจุดทศนิยมอีกครั้ง"
        case .indicatorOutOfRange:
            return "ตัวชี้วัดมีเลข 1 ถึง 10 เท่านั้น"
        case .issueOutOfRange:
            return "ประเด็นการวิเคราะห์มีเลข 1 ถึง 7 เท่านั้น"
        case .unknownQuestion:
            return "ไม่รู้จักรหัสข้อคำถามนี้ในกรอบการประเมินของปีนั้น ตรวจรหัส เช่น i1, e9, o35"
        case .missingField where d.message.contains("not filled yet"):
            return "ยังไม่ได้กรอก"
        case .missingField:
            return "ยังขาดข้อมูลที่ต้องมี"
        case .missingIndicators:
            return "ยังไม่มีคะแนนครบทั้ง 10 ตัวชี้วัด"
        case .implausibleYear, .ceYear:
            return "ปีไม่ถูกต้อง ให้ใช้ปี พ.ศ. เช่น 2568"
        case .periodOutsideFiscalYear, .dateOutsideFiscalYear:
            return "วันที่อยู่นอกปีงบประมาณของเอกสาร"
        case .periodReversed:
            return "วันเริ่มอยู่หลังวันสิ้นสุด"
        case .officialTotalDiffers:
            return "คะแนนรวมที่ประกาศไม่ตรงกับคะแนนที่คำนวณจากตัวชี้วัด ตรวจคะแนนตัวชี้วัดหรือคะแนนรวมอีกครั้ง"
        case .officialLevelDiffers:
            return "ระดับผลการประเมินที่ประกาศไม่ตรงกับระดับของคะแนนรวม"
        case .toolScoreDiffers:
            return "คะแนนรายเครื่องมือไม่ตรงกับคะแนนที่คำนวณจากตัวชี้วัด"
        case .provisionalRubric:
            return "เกณฑ์ระดับคะแนนของปีนี้ยังไม่ได้ยืนยันจากแหล่งอ้างอิง ให้กรอกระดับผลการประเมินตามที่ประกาศ"
        case .unknownYear:
            return "ไม่มีกรอบการประเมินของปีนี้ในโปรแกรม"
        case .guidanceText:
            return "ข้อความนี้ยังเป็นคำอธิบายตัวอย่าง ให้แทนด้วยข้อความของหน่วยงาน"
        case .mendedText:
            return "แก้ข้อความภาษาไทยที่เสียจากการคัดลอกให้แล้ว ตรวจดูอีกครั้ง"
        case .placePrefix:
            return "ไม่ต้องพิมพ์คำว่า อำเภอ/จังหวัด/ตำบล นำหน้าชื่อ (ตัดออกให้แล้ว)"
        case .citationWithoutScore:
            return "ตัวเลขที่อ้างถึงยังไม่มีคะแนน"
        case .notPrinted:
            return "เอกสารแบบที่เลือกไม่ได้พิมพ์ช่องนี้"
        case .invalidValue:
            return "ค่าที่กรอก\(value)ไม่ใช่ค่าที่ใช้ได้ในช่องนี้"
        case .commentCut:
            return "ข้อความถูกตัดที่เครื่องหมาย # ให้ใส่ข้อความในเครื่องหมายคำพูด"
        case .syntax, .unreadable, .unknownKey, .duplicateKey:
            return "ไฟล์ข้อมูลมีปัญหา: \(d.message)"
        }
    }
}
