import ArgumentParser
import ITAKit

/// A year option given in the Buddhist Era, as every year in ITA documents is.
enum BuddhistEraYear {
    /// Years a document of today may name (BE).
    static let plausible = 2500...2700

    /// Rejects a year outside `plausible`, telling a user who typed a CE year the BE one to type instead.
    static func validate(_ year: Int, option: String, example: Int) throws {
        guard !plausible.contains(year) else { return }
        if (1900...2157).contains(year) {
            throw ValidationError(Console.text(Message("cli.year.ce", ["year": "\(year)", "option": "\(option)", "be_year": "\(year + 543)"])))
        }
        throw ValidationError(Console.text(Message("cli.year.implausible", ["year": "\(year)", "option": "\(option)", "example": "\(example)"])))
    }
}
