import Foundation

/// The starter data file `itareport init` writes, with Thai comments on every field.
public enum StarterFile {
    /// Why the starter could not be produced.
    public enum StarterError: CataloguedError, CustomStringConvertible {
        case missingResource
        public var catalogueMessage: Message { Message("init.missing-resource") }
        public var description: String { catalogueMessage.text(in: .en) }
    }

    /// The starter text for `organization` (may be empty) and document fiscal year `fiscalYear` (BE).
    public static func text(organization: String?, fiscalYear: Int) throws -> String {
        let url = ResourceLocator.url("starter.yaml")
        guard let template = try? String(contentsOf: url, encoding: .utf8) else { throw StarterError.missingResource }
        let name = organization.map { $0.contains(":") || $0.contains("#") ? "\"\($0)\"" : $0 } ?? ""
        return template
            .replacingOccurrences(of: "__ORG__", with: name)
            .replacingOccurrences(of: "__ASSESSED__", with: String(fiscalYear - 1))
            .replacingOccurrences(of: "__YEAR__", with: String(fiscalYear))
    }
}
