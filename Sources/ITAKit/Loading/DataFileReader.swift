import Foundation
import ThaiFormat
import Yams

/// Turns the YAML (or JSON) node tree of a data file into a `ReportData`, checking
/// shapes and text as it goes and remembering where each field was written.
///
/// It never stops at the first problem: every problem becomes a `Diagnostic` and
/// reading goes on, so the user sees them all at once.
final class DataFileReader {
    let file: String
    /// The file's lines, to see what YAML itself drops (a comment that cut a text short).
    let lines: [String]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var sourceMap = SourceMap()
    /// The paths of the values the file gives (not empty ones), in reading order.
    private(set) var filled: [String] = []

    init(file: String, source: String = "") {
        self.file = file
        lines = source.components(separatedBy: "\n")
    }

    // MARK: Schema (the known keys of each mapping)

    static let rootKeys = ["fiscal_year", "document", "organization", "assessment", "analysis", "limitations",
                           "measures", "photos", "signatory", "options"]
    static let organizationKeys = ["name", "kind", "district", "province", "logo", "website", "address", "head"]
    static let assessmentKeys = ["year", "indicators", "questions", "question_texts", "tools", "official"]
    static let toolKeys = ["IIT", "EIT", "EIT_part1", "EIT_part2", "OIT"]
    static let officialKeys = ["total", "level"]
    static let analysisKeys = ["rationale", "summary", "issues", "indicators", "overview", "strengths", "weaknesses"]
    static let issueKeys = ["issue", "questions", "deficiencies", "to_develop", "maintain"]
    static let limitationKeys = ["problems", "suggestions"]
    static let measureKeys = ["issue", "indicators", "questions", "title", "steps", "owners", "period", "follow_up",
                              "summary", "details", "outcome", "dates", "citations", "suggestion", "analysis"]
    static let periodKeys = ["from", "to", "text"]
    static let citationKeys = ["indicator", "question", "score", "text"]
    static let photoKeys = ["file", "caption", "date"]
    static let signatoryKeys = ["name", "position", "date"]
    static let optionKeys = ["digits", "form_year", "strength_threshold", "period_days"]

    // MARK: Entry

    func read(_ root: Node) -> ReportData? {
        sourceMap.recordValue("", position(root))
        guard let m = mapping(root, "", keys: Self.rootKeys) else { return nil }
        var data = ReportData()
        data.fiscalYear = m["fiscal_year"].flatMap { int($0, "fiscal_year") }
        if let n = m["document"] { data.document = enumValue(n, "document", DocumentKind.self) }
        if let n = m["organization"] { data.organization = organization(n, "organization") }
        if let n = m["assessment"] { data.assessment = assessment(n, "assessment") }
        if let n = m["analysis"] { data.analysis = analysis(n, "analysis") }
        if let n = m["limitations"] { data.limitations = limitations(n, "limitations") }
        if let n = m["measures"] { data.measures = list(n, "measures") { self.measure($0, $1) } }
        if let n = m["photos"] { data.photos = list(n, "photos") { self.photo($0, $1) } }
        if let n = m["signatory"] { data.signatory = signatory(n, "signatory") }
        if let n = m["options"] { data.options = options(n, "options") }
        return data
    }

    // MARK: Sections

    private func organization(_ node: Node, _ path: String) -> Organization? {
        guard let m = mapping(node, path, keys: Self.organizationKeys, openTextFields: true) else { return nil }
        var o = Organization()
        o.name = m["name"].flatMap { string($0, path + ".name") }
        o.kind = m["kind"].flatMap { string($0, path + ".kind") }
        o.district = m["district"].flatMap { placeName($0, path + ".district") }
        o.province = m["province"].flatMap { placeName($0, path + ".province") }
        o.logo = m["logo"].flatMap { string($0, path + ".logo") }
        o.website = m["website"].flatMap { string($0, path + ".website") }
        o.address = m["address"].flatMap { string($0, path + ".address") }
        o.head = m["head"].flatMap { string($0, path + ".head") }
        var extra: [String: String] = [:]
        for (key, value) in m where !Self.organizationKeys.contains(key) {
            if let text = string(value, path + "." + key) { extra[key] = text }
        }
        if !extra.isEmpty { o.extra = extra }
        return o
    }

    private func assessment(_ node: Node, _ path: String) -> Assessment? {
        guard let m = mapping(node, path, keys: Self.assessmentKeys) else { return nil }
        var a = Assessment()
        a.year = m["year"].flatMap { int($0, path + ".year") }
        if let n = m["indicators"] {
            a.indicators = intKeyedMap(n, path + ".indicators", requireValues: true) { self.decimal($0, $1) }
        }
        if let n = m["questions"] {
            a.questions = codeKeyedMap(n, path + ".questions") { self.decimal($0, $1) }
        }
        if let n = m["question_texts"] {
            a.questionTexts = codeKeyedMap(n, path + ".question_texts") { self.string($0, $1) }
        }
        if let n = m["tools"], let t = mapping(n, path + ".tools", keys: Self.toolKeys) {
            var s = ToolScores()
            s.iit = t["IIT"].flatMap { decimal($0, path + ".tools.IIT") }
            s.eit = t["EIT"].flatMap { decimal($0, path + ".tools.EIT") }
            s.eitPart1 = t["EIT_part1"].flatMap { decimal($0, path + ".tools.EIT_part1") }
            s.eitPart2 = t["EIT_part2"].flatMap { decimal($0, path + ".tools.EIT_part2") }
            s.oit = t["OIT"].flatMap { decimal($0, path + ".tools.OIT") }
            a.tools = s
        }
        if let n = m["official"], let o = mapping(n, path + ".official", keys: Self.officialKeys) {
            var r = OfficialResult()
            r.total = o["total"].flatMap { decimal($0, path + ".official.total") }
            r.level = o["level"].flatMap { string($0, path + ".official.level") }
            a.official = r
        }
        return a
    }

    private func analysis(_ node: Node, _ path: String) -> Analysis? {
        guard let m = mapping(node, path, keys: Self.analysisKeys) else { return nil }
        var a = Analysis()
        a.rationale = m["rationale"].flatMap { string($0, path + ".rationale") }
        a.summary = m["summary"].flatMap { string($0, path + ".summary") }
        a.overview = m["overview"].flatMap { string($0, path + ".overview") }
        a.strengths = m["strengths"].flatMap { string($0, path + ".strengths") }
        a.weaknesses = m["weaknesses"].flatMap { string($0, path + ".weaknesses") }
        if let n = m["issues"] {
            a.issues = list(n, path + ".issues") { node, p in
                guard let im = self.mapping(node, p, keys: Self.issueKeys) else { return nil }
                var i = IssueAnalysis()
                i.issue = im["issue"].flatMap { self.int($0, p + ".issue") }
                i.questions = im["questions"].flatMap { self.codeList($0, p + ".questions") }
                i.deficiencies = im["deficiencies"].flatMap { self.string($0, p + ".deficiencies") }
                i.toDevelop = im["to_develop"].flatMap { self.string($0, p + ".to_develop") }
                i.maintain = im["maintain"].flatMap { self.string($0, p + ".maintain") }
                return i
            }
        }
        if let n = m["indicators"] {
            a.indicators = intKeyedMap(n, path + ".indicators") { self.string($0, $1) }
        }
        return a
    }

    private func limitations(_ node: Node, _ path: String) -> Limitations? {
        guard let m = mapping(node, path, keys: Self.limitationKeys) else { return nil }
        var l = Limitations()
        l.problems = m["problems"].flatMap { stringList($0, path + ".problems") }
        l.suggestions = m["suggestions"].flatMap { stringList($0, path + ".suggestions") }
        return l
    }

    private func measure(_ node: Node, _ path: String) -> Measure? {
        guard let m = mapping(node, path, keys: Self.measureKeys) else { return nil }
        var x = Measure()
        x.issue = m["issue"].flatMap { int($0, path + ".issue") }
        x.indicators = m["indicators"].flatMap { intList($0, path + ".indicators") }
        x.questions = m["questions"].flatMap { codeList($0, path + ".questions") }
        x.title = m["title"].flatMap { string($0, path + ".title") }
        x.steps = m["steps"].flatMap { stringList($0, path + ".steps") }
        x.owners = m["owners"].flatMap { stringList($0, path + ".owners") }
        x.period = m["period"].flatMap { period($0, path + ".period") }
        x.followUp = m["follow_up"].flatMap { string($0, path + ".follow_up") }
        x.summary = m["summary"].flatMap { string($0, path + ".summary") }
        x.details = m["details"].flatMap { stringList($0, path + ".details") }
        x.outcome = m["outcome"].flatMap { string($0, path + ".outcome") }
        x.suggestion = m["suggestion"].flatMap { string($0, path + ".suggestion") }
        x.analysis = m["analysis"].flatMap { string($0, path + ".analysis") }
        if let n = m["dates"] {
            x.dates = list(n, path + ".dates", acceptSingle: true) { self.date($0, $1) }
        }
        if let n = m["citations"] {
            x.citations = list(n, path + ".citations") { node, p in
                guard let cm = self.mapping(node, p, keys: Self.citationKeys) else { return nil }
                var c = Citation()
                c.indicator = cm["indicator"].flatMap { self.int($0, p + ".indicator") }
                c.question = cm["question"].flatMap { self.code($0, p + ".question") }
                c.score = cm["score"].flatMap { self.decimal($0, p + ".score") }
                c.text = cm["text"].flatMap { self.string($0, p + ".text") }
                return c
            }
        }
        return x
    }

    private func period(_ node: Node, _ path: String) -> Period? {
        if case .scalar = node {
            guard let text = string(node, path) else { return nil }
            return Period(text: text)
        }
        guard let m = mapping(node, path, keys: Self.periodKeys) else { return nil }
        var p = Period()
        p.from = m["from"].flatMap { date($0, path + ".from") }
        p.to = m["to"].flatMap { date($0, path + ".to") }
        p.text = m["text"].flatMap { string($0, path + ".text") }
        return p
    }

    private func photo(_ node: Node, _ path: String) -> Photo? {
        guard let m = mapping(node, path, keys: Self.photoKeys) else { return nil }
        return Photo(file: m["file"].flatMap { string($0, path + ".file") },
                     caption: m["caption"].flatMap { string($0, path + ".caption") },
                     date: m["date"].flatMap { date($0, path + ".date") })
    }

    private func signatory(_ node: Node, _ path: String) -> Signatory? {
        guard let m = mapping(node, path, keys: Self.signatoryKeys) else { return nil }
        return Signatory(name: m["name"].flatMap { string($0, path + ".name") },
                         position: m["position"].flatMap { string($0, path + ".position") },
                         date: m["date"].flatMap { date($0, path + ".date") })
    }

    private func options(_ node: Node, _ path: String) -> DocumentOptions? {
        guard let m = mapping(node, path, keys: Self.optionKeys) else { return nil }
        var o = DocumentOptions()
        if let n = m["digits"] { o.digits = enumValue(n, path + ".digits", DigitStyle.self) }
        o.formYear = m["form_year"].flatMap { int($0, path + ".form_year") }
        o.strengthThreshold = m["strength_threshold"].flatMap { decimal($0, path + ".strength_threshold") }
        o.periodDays = m["period_days"].flatMap { bool($0, path + ".period_days") }
        return o
    }

    // MARK: Shapes

    /// The entries of a mapping by key; unknown and repeated keys are reported. With `openTextFields`, a key
    /// that is not a near-miss of a known one is kept (the organisation's extra fields, `org.<name>`).
    private func mapping(_ node: Node, _ path: String, keys known: [String], openTextFields: Bool = false) -> [String: Node]? {
        sourceMap.recordValue(path, position(node))
        if isNull(node) { return nil }
        guard case let .mapping(m) = node else {
            report(.error, .wrongType, node, path,
                   Message("read.expected-group", ["found": .message(describe(node))]),
                   hint: Message("read.expected-group.hint", ["key": "\(lastComponent(path))"]))
            return nil
        }
        var out: [String: Node] = [:]
        let entries = Array(m)
        for (i, (keyNode, value)) in entries.enumerated() {
            let key = keyNode.string ?? ""
            let childPath = path.isEmpty ? key : "\(path).\(key)"
            sourceMap.recordKey(childPath, position(keyNode))
            if !known.contains(key), let split = commaSplit(entries, i) {
                // The whole part alone is not the number typed: the field is left out, not misread.
                reportCommaSplit(split, keyNode, path)
                out[split.key] = nil
                continue
            }
            if !known.contains(key) {
                let caseMatch = known.first { $0.caseInsensitiveCompare(key) == .orderedSame }
                let suggestion = caseMatch ?? KeySuggester.nearest(to: key, in: known)
                if openTextFields, suggestion == nil, key.range(of: #"^[A-Za-z][A-Za-z0-9_]*$"#, options: .regularExpression) != nil {
                    if out[key] != nil {
                        report(.error, .duplicateKey, keyNode, childPath, Message("read.key-twice", ["key": "\(key)"]),
                               hint: Message("hint.keep-one"))
                    } else {
                        out[key] = value
                    }
                    continue
                }
                let hint = suggestion.map { Message("hint.did-you-mean", ["suggestion": "\($0)"]) }
                    ?? Message("read.unknown-field.known", ["fields": "\(known.joined(separator: ", "))"])
                report(.error, .unknownKey, keyNode, childPath, Message("read.unknown-field", ["key": "\(key)"]), hint: hint)
                continue
            }
            if out[key] != nil {
                report(.error, .duplicateKey, keyNode, childPath, Message("read.key-twice", ["key": "\(key)"]),
                       hint: Message("hint.keep-one"))
                continue
            }
            out[key] = value
        }
        return out
    }

    /// A sequence read item by item; nil items (already reported) are dropped.
    private func list<T>(_ node: Node, _ path: String, acceptSingle: Bool = false,
                         _ item: (Node, String) -> T?) -> [T]? {
        sourceMap.recordValue(path, position(node))
        if isNull(node) { return nil }
        guard case let .sequence(s) = node else {
            if acceptSingle, case .scalar = node { return item(node, "\(path)[0]").map { [$0] } }
            report(.error, .wrongType, node, path, Message("read.expected-list", ["found": .message(describe(node))]),
                   hint: Message("read.expected-list.hint"))
            return nil
        }
        var out: [T] = []
        for (i, child) in s.enumerated() {
            let p = "\(path)[\(i)]"
            sourceMap.recordValue(p, position(child))
            if let v = item(child, p) { out.append(v) }
        }
        return out
    }

    /// A mapping from indicator numbers (1–10; Thai digits accepted) to values. A number outside 1–10 is an
    /// error. With `requireValues`, an entry left empty is an error once any other entry has a value (all
    /// empty is a form not filled yet): in a one-line map `{1: 98,50}` the comma makes such an entry.
    private func intKeyedMap<T>(_ node: Node, _ path: String, requireValues: Bool = false,
                                _ value: (Node, String) -> T?) -> [Int: T]? {
        sourceMap.recordValue(path, position(node))
        if isNull(node) { return nil }
        guard case let .mapping(m) = node else {
            report(.error, .wrongType, node, path,
                   Message("read.expected-indicator-map", ["found": .message(describe(node))]),
                   hint: Message("read.expected-indicator-map.hint", ["key": "\(lastComponent(path))"]))
            return nil
        }
        let entries = Array(m)
        let anyValue = entries.contains { !isNull($0.value) }
        var out: [Int: T] = [:]
        for (i, (keyNode, valueNode)) in entries.enumerated() {
            let raw = keyNode.string ?? ""
            let p = "\(path).\(raw)"
            sourceMap.recordKey(p, position(keyNode))
            // `{1: 98,50, 2: …}`: YAML splits "98,50" at the comma into 98 and a key "50" with no value.
            if let split = commaSplit(entries, i) {
                reportCommaSplit(split, keyNode, path)
                continue
            }
            guard let n = Int(ThaiNumerals.toArabic(raw).trimmingCharacters(in: .whitespaces)) else {
                report(.error, .indicatorOutOfRange, keyNode, p, Message("read.not-indicator-number", ["value": "\(raw)"]),
                       hint: Message("hint.indicators-1-10"))
                continue
            }
            let canonical = "\(path).\(n)"
            sourceMap.recordKey(canonical, position(keyNode))
            sourceMap.recordValue(canonical, position(valueNode))
            guard (1...10).contains(n) else {
                report(.error, .indicatorOutOfRange, keyNode, canonical, Message("check.no-such-indicator", ["number": "\(n)"]),
                       hint: Message("hint.indicators-1-10"))
                continue
            }
            if out[n] != nil {
                report(.error, .duplicateKey, keyNode, canonical, Message("read.indicator-twice", ["number": "\(n)"]),
                       hint: Message("hint.keep-one"))
                continue
            }
            if requireValues, anyValue, isNull(valueNode) {
                report(.error, .missingField, keyNode, canonical, Message("read.indicator-no-score", ["number": "\(n)"]),
                       hint: Message("read.indicator-no-score.hint", ["number": "\(n)"]))
                continue
            }
            if let v = value(valueNode, canonical) { out[n] = v }
        }
        return out
    }

    /// A mapping from question codes (normalised to "i1", "e9", "o35") to values.
    private func codeKeyedMap<T>(_ node: Node, _ path: String, _ value: (Node, String) -> T?) -> [String: T]? {
        sourceMap.recordValue(path, position(node))
        if isNull(node) { return nil }
        guard case let .mapping(m) = node else {
            report(.error, .wrongType, node, path,
                   Message("read.expected-question-map", ["found": .message(describe(node))]),
                   hint: Message("read.expected-question-map.hint", ["key": "\(lastComponent(path))"]))
            return nil
        }
        var out: [String: T] = [:]
        let entries = Array(m)
        for (i, (keyNode, valueNode)) in entries.enumerated() {
            let raw = keyNode.string ?? ""
            if let split = commaSplit(entries, i) {
                reportCommaSplit((QuestionCode.normalize(split.key), split.whole, split.fraction), keyNode, path)
                out[QuestionCode.normalize(split.key)] = nil
                continue
            }
            let code = QuestionCode.normalize(raw)
            let p = "\(path).\(code)"
            sourceMap.recordKey(p, position(keyNode))
            sourceMap.recordValue(p, position(valueNode))
            guard QuestionCode.split(code) != nil else {
                report(.error, .unknownQuestion, keyNode, p, Message("read.not-question-code", ["value": "\(raw)"]),
                       hint: Message("hint.question-codes"))
                continue
            }
            if out[code] != nil {
                report(.error, .duplicateKey, keyNode, p, Message("read.question-twice", ["code": "\(code)"]),
                       hint: Message("hint.keep-one"))
                continue
            }
            if let v = value(valueNode, p) { out[code] = v }
        }
        return out
    }

    // MARK: Scalars

    /// The text a clerk typed where YAML found a group of one field: a plain key and a plain value
    /// (`ขั้นตอน: หนึ่ง` in a list, a colon and a space inside unquoted text), joined back as typed.
    static func textSplitAtAColon(_ node: Node) -> String? {
        guard case let .mapping(m) = node, m.count == 1, let pair = m.first,
              case let .scalar(key) = pair.key, key.style == .plain, !key.string.isEmpty else { return nil }
        switch pair.value {
        case let .scalar(value) where value.style == .plain:
            return value.string.isEmpty ? key.string + ":" : key.string + ": " + value.string
        default:
            return nil
        }
    }

    /// A text value: mended if damaged (with a warning), refused if it is form guidance.
    private func string(_ node: Node, _ path: String) -> String? {
        sourceMap.recordValue(path, position(node))
        if isNull(node) { return nil }
        guard case let .scalar(s) = node else {
            if let text = Self.textSplitAtAColon(node) {
                // `- ขั้นตอน: หนึ่ง` is a field named ขั้นตอน to YAML: the clerk meant one text.
                report(.error, .wrongType, node, path, Message("read.colon-in-text", ["text": "\(text)"]),
                       hint: Message("read.colon-in-text.hint", ["text": "\(text)"]))
                return nil
            }
            report(.error, .wrongType, node, path, Message("read.expected-text", ["found": .message(describe(node))]),
                   hint: Message("read.expected-text.hint"))
            return nil
        }
        var text = s.string
        let mended = ThaiTextMender.mend(text)
        if !mended.repairs.isEmpty {
            text = mended.text
            report(.warning, .mendedText, node, path,
                   Message("read.mended-text", ["repairs": "\(mended.repairs.joined(separator: ", "))"]),
                   hint: Message("read.mended-text.hint"))
        }
        if let phrase = GuidanceText.match(in: text) {
            report(.error, .guidanceText, node, path, Message("read.guidance-text", ["phrase": "\(phrase)"]),
                   hint: Message("read.guidance-text.hint"))
        }
        if !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { filled.append(path) }
        if let comment = commentCut(node) {
            // The document would print the cut text as if it were whole.
            report(.error, .commentCut, node, path, Message("read.comment-cut", ["comment": "\(comment)"]),
                   hint: Message("hint.quote-text", ["key": "\(lastComponent(path))", "text": "\(s.string) \(comment)"]))
        }
        return text
    }

    /// The comment YAML cut from the end of a one-line unquoted text (`title: ข้อ 1 #2` reads "ข้อ 1"), or nil.
    private func commentCut(_ node: Node) -> String? {
        guard case let .scalar(s) = node, s.style == .plain, !s.string.contains("\n"), let mark = node.mark,
              lines.indices.contains(mark.line - 1) else { return nil }
        let line = Array(lines[mark.line - 1].unicodeScalars)
        let value = Array(s.string.unicodeScalars)
        let start = mark.column - 1
        guard start >= 0, start + value.count <= line.count, Array(line[start..<(start + value.count)]) == value else { return nil }
        var rest = String.UnicodeScalarView()
        rest.append(contentsOf: line[(start + value.count)...])
        let trailing = String(rest)
        guard trailing.first == " " || trailing.first == "\t" else { return nil }
        let comment = trailing.trimmingCharacters(in: .whitespaces)
        return comment.hasPrefix("#") ? comment : nil
    }

    /// Entry `i` of a one-line map as the second half of a decimal typed with a comma: `{total: 98,97}` is
    /// read by YAML as `total: 98` and a key `97` with no value, written right after the comma. Gives the
    /// previous entry's key and the number as typed.
    private func commaSplit(_ entries: [(key: Node, value: Node)], _ i: Int) -> (key: String, whole: String, fraction: String)? {
        guard i > 0, isNull(entries[i].value), let raw = entries[i].key.string, !raw.isEmpty, raw.allSatisfy(\.isNumber),
              case let .scalar(prev) = entries[i - 1].value, !isNull(entries[i - 1].value),
              !prev.string.isEmpty, prev.string.allSatisfy({ $0.isNumber || $0 == "." }),
              followsComma(entries[i].key) else { return nil }
        return (entries[i - 1].key.string ?? "", prev.string, raw)
    }

    /// Reports a decimal typed with a comma (see `commaSplit`) at the field it was meant for.
    private func reportCommaSplit(_ split: (key: String, whole: String, fraction: String), _ keyNode: Node, _ path: String) {
        let field = path.isEmpty ? split.key : "\(path).\(split.key)"
        report(.error, .wrongType, keyNode, field,
               Message("read.comma-split", ["whole": "\(split.whole)", "fraction": "\(split.fraction)"]),
               hint: Message("hint.use-point", ["number": "\(split.whole).\(split.fraction)"]))
    }

    /// Whether the node is written right after a comma, with no space: the second half of "98,50".
    private func followsComma(_ node: Node) -> Bool {
        guard let mark = node.mark, lines.indices.contains(mark.line - 1), mark.column >= 2 else { return false }
        let line = Array(lines[mark.line - 1].unicodeScalars)
        return mark.column - 2 < line.count && line[mark.column - 2] == ","
    }

    /// A district or province name: the word อำเภอ, จังหวัด or ตำบล typed before it is removed, with a warning
    /// (the templates print "อำเภอ" and "จังหวัด" themselves).
    private func placeName(_ node: Node, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        for prefix in Self.placePrefixes where trimmed.hasPrefix(prefix) {
            let name = String(trimmed.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else { break }
            let printed = (prefix == "จ." || prefix == "จังหวัด" ? "จังหวัด" : "อำเภอ") + name
            report(.warning, .placePrefix, node, path, Message("read.place-prefix", ["prefix": "\(prefix)", "printed": "\(printed)"]),
                   hint: Message("read.place-prefix.hint", ["key": "\(lastComponent(path))", "name": "\(name)"]))
            return name
        }
        return text
    }

    static let placePrefixes = ["อำเภอ", "จังหวัด", "ตำบล", "อ.", "จ.", "ต."]

    private func stringList(_ node: Node, _ path: String) -> [String]? {
        // `-แต่งตั้ง…` (no space after the dash) is no list entry to YAML: the lines that follow fold into one
        // text, and the document would print every step as one.
        if case let .scalar(s) = node, s.style == .plain, s.string.trimmingCharacters(in: .whitespaces).first == "-" {
            let text = s.string.trimmingCharacters(in: .whitespaces)
            let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
            sourceMap.recordValue(path, position(node))
            report(.error, .wrongType, node, path, Message("read.dash-list", ["text": "\(shown)"]),
                   hint: Message("read.dash-list.hint", ["text": "\(String(text.dropFirst().prefix(30)))"]))
            return nil
        }
        return list(node, path, acceptSingle: true) { self.string($0, $1) }
    }

    private func code(_ node: Node, _ path: String) -> String? {
        guard let raw = string(node, path) else { return nil }
        let c = QuestionCode.normalize(raw)
        guard QuestionCode.split(c) != nil else {
            report(.error, .unknownQuestion, node, path, Message("read.not-question-code", ["value": "\(raw)"]),
                   hint: Message("hint.question-codes"))
            return nil
        }
        return c
    }

    private func codeList(_ node: Node, _ path: String) -> [String]? {
        list(node, path, acceptSingle: true) { self.code($0, $1) }
    }

    private func int(_ node: Node, _ path: String) -> Int? {
        sourceMap.recordValue(path, position(node))
        if isNull(node) { return nil }
        guard case let .scalar(s) = node,
              let n = Int(ThaiNumerals.toArabic(s.string).trimmingCharacters(in: .whitespaces)) else {
            report(.error, .wrongType, node, path, Message("read.expected-whole-number", ["found": .message(describe(node))]),
                   hint: Message("read.expected-whole-number.hint"))
            return nil
        }
        filled.append(path)
        return n
    }

    private func bool(_ node: Node, _ path: String) -> Bool? {
        sourceMap.recordValue(path, position(node))
        if isNull(node) { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on", "ใช่": filled.append(path); return true
        case "false", "no", "off", "ไม่": filled.append(path); return false
        default:
            report(.error, .wrongType, node, path, Message("read.expected-boolean", ["found": .message(describe(node))]),
                   hint: Message("read.expected-boolean.hint", ["key": "\(lastComponent(path))"]))
            return nil
        }
    }

    private func intList(_ node: Node, _ path: String) -> [Int]? {
        list(node, path, acceptSingle: true) { self.int($0, $1) }
    }

    /// A score or amount, read exactly from its digits (never through binary floating point). Only a plain
    /// decimal is a number: "98,50", "98.7.1", "9-8" or "+-98" are errors that say what to type.
    private func decimal(_ node: Node, _ path: String) -> Decimal? {
        sourceMap.recordValue(path, position(node))
        if isNull(node) { return nil }
        let text = node.scalar.map { ThaiNumerals.toArabic($0.string).trimmingCharacters(in: .whitespaces) } ?? ""
        if case .scalar = node, let d = Self.plainDecimal(text) { filled.append(path); return d }
        let hint: Message
        let pointed = text.replacingOccurrences(of: ",", with: ".")
        if case .scalar = node, text.filter({ $0 == "," }).count == 1, Self.plainDecimal(pointed) != nil {
            hint = Message("hint.use-point", ["number": "\(pointed)"])
        } else {
            hint = Message("read.expected-number.hint")
        }
        report(.error, .wrongType, node, path, Message("read.expected-number", ["found": .message(describe(node))]), hint: hint)
        return nil
    }

    /// `text` as a decimal when it is one: an optional sign, digits, and at most one point followed by digits.
    static func plainDecimal(_ text: String) -> Decimal? {
        guard text.range(of: #"^[+-]?[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil else { return nil }
        return Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))
    }

    private func date(_ node: Node, _ path: String) -> CalendarDate? {
        sourceMap.recordValue(path, position(node))
        if isNull(node) { return nil }
        guard case let .scalar(s) = node else {
            report(.error, .wrongType, node, path, Message("read.expected-date", ["found": .message(describe(node))]),
                   hint: Message("read.expected-date.hint"))
            return nil
        }
        if let d = CalendarDate(iso: s.string) { filled.append(path); return d }
        report(.error, .invalidDate, node, path,
               DateProblem.of(s.string)?.message ?? Message("date.invalid", ["text": "\(s.string)"]),
               hint: Message("read.invalid-date.hint"))
        return nil
    }

    private func enumValue<E: RawRepresentable & CaseIterable>(_ node: Node, _ path: String, _ type: E.Type) -> E?
        where E.RawValue == String {
        guard let raw = string(node, path) else { return nil }
        if let v = E(rawValue: raw.lowercased()) { return v }
        let allowed = E.allCases.map(\.rawValue)
        let hint = KeySuggester.nearest(to: raw, in: allowed).map { Message("hint.did-you-mean", ["suggestion": "\($0)"]) }
            ?? Message("hint.use-one-of", ["values": "\(allowed.joined(separator: ", "))"])
        report(.error, .invalidValue, node, path, Message("read.value-not-allowed", ["value": "\(raw)"]), hint: hint)
        return nil
    }

    // MARK: Helpers

    private func isNull(_ node: Node) -> Bool {
        guard case let .scalar(s) = node, s.style == .plain else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// What a node is, for "found …": its text quoted, or the kind of node.
    private func describe(_ node: Node) -> Message {
        switch node {
        case let .scalar(s): return Message("quoted", ["value": "\(s.string)"])
        case .mapping: return Message("found.group")
        case .sequence: return Message("found.list")
        case .alias: return Message("found.alias")
        }
    }

    private func lastComponent(_ path: String) -> String {
        String(path.split(separator: ".").last ?? Substring(path))
    }

    private func position(_ node: Node) -> SourceMap.Position? {
        node.mark.map { SourceMap.Position(line: $0.line, column: $0.column) }
    }

    private func report(_ severity: Diagnostic.Severity, _ kind: Diagnostic.Kind, _ node: Node, _ path: String,
                        _ message: Message, hint: Message?) {
        let p = position(node) ?? sourceMap.position(of: path)
        diagnostics.append(Diagnostic(severity, kind, file: file, line: p?.line, column: p?.column,
                                      path: path, problem: message, remedy: hint))
    }
}
