import OfficeXML

/// The workbook's shared strings table (`xl/sharedStrings.xml`): the text cells of type `s` point to.
struct SharedStrings {
    var items: [String]

    static let empty = SharedStrings(items: [])

    init(items: [String]) { self.items = items }

    init(document: XMLDocument) {
        items = document.root?.elements("si").map(\.richText) ?? []
    }
}
