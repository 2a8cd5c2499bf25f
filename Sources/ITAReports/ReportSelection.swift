import ITAKit

/// Which reports to write for a data file: every report the data can fill, or the ones asked for.
public enum ReportSelection: Sendable, Equatable {
    /// Every report the data can fill.
    case all
    /// These reports; one the data cannot fill is an error.
    case only([ReportKind])

    /// Reads `--report` text: "all", or report names separated by commas ("o34,o35").
    public static func parse(_ text: String) throws -> ReportSelection {
        let parts = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        if parts.isEmpty || parts == ["all"] { return .all }
        var kinds: [ReportKind] = []
        for p in parts {
            guard let k = ReportKind(rawValue: p) else { throw ReportSelectionError.unknownReport(p) }
            if !kinds.contains(k) { kinds.append(k) }
        }
        return .only(kinds.sorted())
    }

    /// The reports to write for `data`, or why none (or not the one asked for) can be written.
    public func kinds(for data: ReportData) throws -> [ReportKind] {
        let possible = ReportGenerator.possibleReportReasons(data)
        switch self {
        case .all:
            let kinds = ReportKind.allCases.filter { possible[$0] == .some(nil) }
            if kinds.isEmpty {
                throw ReportSelectionError.nothingPossible(reasons: ReportKind.allCases.compactMap { possible[$0] ?? nil })
            }
            return kinds
        case let .only(kinds):
            for k in kinds { if let reason = possible[k] ?? nil { throw GenerateError.reportNotPossible(kind: k, reason: reason) } }
            return kinds
        }
    }
}

/// Why a report selection gives nothing to write.
public enum ReportSelectionError: CataloguedError, CustomStringConvertible {
    case unknownReport(String)
    case nothingPossible(reasons: [Message])

    public var catalogueMessage: Message {
        switch self {
        case let .unknownReport(s): return Message("report.unknown", ["value": "\(s)"])
        case let .nothingPossible(reasons):
            return Message("report.none-possible", ["reasons": .joined(reasons.map { .message($0) }, "; ")])
        }
    }

    public var description: String { catalogueMessage.text(in: .en) }
}

