/// Where each field of a data file was written: path → line and column.
public struct SourceMap: Sendable, Equatable {
    /// A 1-based position in the file.
    public struct Position: Sendable, Equatable {
        public var line: Int
        public var column: Int
        public init(line: Int, column: Int) {
            self.line = line
            self.column = column
        }
    }

    /// Positions of values, by path.
    public private(set) var values: [String: Position] = [:]
    /// Positions of keys, by path (where the key of a mapping entry was written).
    public private(set) var keys: [String: Position] = [:]

    public init() {}

    mutating func recordValue(_ path: String, _ position: Position?) {
        if let position { values[path] = position }
    }

    mutating func recordKey(_ path: String, _ position: Position?) {
        if let position { keys[path] = position }
    }

    /// The best-known position of `path`: its value, its key, or the nearest enclosing field.
    public func position(of path: String) -> Position? {
        var p = path
        while true {
            if let v = values[p] ?? keys[p] { return v }
            guard let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) else { return values[""] }
            p = String(p[..<cut])
        }
    }
}
