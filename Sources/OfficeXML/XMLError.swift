/// Errors from parsing, querying or serialising an XML part.
public enum XMLError: Error, CustomStringConvertible, Equatable {
    /// The part is not well-formed XML; `line` is 1-based.
    case malformed(part: String, line: Int, column: Int, message: String)
    /// The part is well-formed XML but uses a namespace prefix it never declares (or declares one wrongly).
    case namespace(part: String, line: Int, column: Int, message: String)
    /// The part declares a DOCTYPE, which office parts never do and which could pull in entities.
    case doctypeNotAllowed(part: String)
    /// An XPath expression could not be evaluated.
    case invalidXPath(expression: String)
    /// The document could not be serialised.
    case serialisationFailed(part: String)

    public var description: String {
        switch self {
        case let .malformed(part, line, column, message):
            return "\(part):\(line):\(column): the XML is broken: \(message). Open the file in Word or LibreOffice and save it again, or repair this part."
        case let .namespace(part, line, column, message):
            return "\(part):\(line):\(column): the XML namespaces are broken: \(message). Word and LibreOffice refuse such a file: open the template in the program that made it and save it again, or repair this part."
        case let .doctypeNotAllowed(part):
            return "\(part): the part declares a DOCTYPE; office documents never do, so it is refused for safety."
        case let .invalidXPath(expression):
            return "invalid XPath expression: \(expression)"
        case let .serialisationFailed(part):
            return "\(part): the XML could not be written out"
        }
    }
}
