import CLibYAML

/// How far the aliases of a YAML text multiply it, measured on libyaml's events before anything is built.
///
/// A YAML parser builds `*name` as a copy of what `&name` holds; ten anchors each repeating the one
/// before ten times make a few hundred bytes stand for ten billion values. Building, hashing (a mapping
/// key that is an alias is hashed whole to find duplicate keys) or converting such a tree never ends, so
/// the expanded size is counted first, in one pass over the events, each alias adding the size of its
/// anchor without being walked.
public enum YAMLExpansion {
    /// The text expands to more than `limit` values; `line` and `column` (from 1) place the alias where
    /// the count went past it.
    public struct TooLarge: Error, Equatable, Sendable {
        public let limit: Int
        public let line: Int
        public let column: Int
    }

    /// Throws `TooLarge` when the documents of `text` hold more than `limit` values (scalars, lists and
    /// mappings, keys included) once their aliases are expanded. Text libyaml cannot parse is left to the
    /// parser that reads it next, which reports it with its own message.
    public static func check(_ text: String, limit: Int) throws {
        var bytes = Array(text.utf8)
        if bytes.isEmpty { return }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return }
        defer { yaml_parser_delete(&parser) }
        try bytes.withUnsafeMutableBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            var sizes: [String: Int] = [:]
            // Open lists and mappings: their anchor and their size so far (kept for the anchor).
            var open: [(anchor: String?, size: Int)] = []
            // Values counted so far, in every document, aliases expanded.
            var total = 0
            func count(_ n: Int, _ mark: yaml_mark_t) throws {
                total += n
                if total > limit { throw TooLarge(limit: limit, line: Int(mark.line) + 1, column: Int(mark.column) + 1) }
            }
            /// A scalar or an alias of `n` values inside the innermost open list or mapping.
            func add(_ n: Int, _ mark: yaml_mark_t) throws {
                try count(n, mark)
                if !open.isEmpty { open[open.count - 1].size += n }
            }
            func name(_ p: UnsafeMutablePointer<yaml_char_t>?) -> String? {
                p.map { String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self)) }
            }
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else { return }
                defer { yaml_event_delete(&event) }
                let mark = event.start_mark
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return
                case YAML_SCALAR_EVENT:
                    if let a = name(event.data.scalar.anchor) { sizes[a] = 1 }
                    try add(1, mark)
                case YAML_ALIAS_EVENT:
                    try add(name(event.data.alias.anchor).flatMap { sizes[$0] } ?? 1, mark)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    try count(1, mark)
                    let anchor = event.type == YAML_SEQUENCE_START_EVENT ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
                    open.append((name(anchor), 1))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    guard let node = open.popLast() else { return }
                    if let a = node.anchor { sizes[a] = node.size }
                    if !open.isEmpty { open[open.count - 1].size += node.size }
                default:
                    break
                }
            }
        }
    }
}
