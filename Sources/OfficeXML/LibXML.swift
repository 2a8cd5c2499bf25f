import CLibXML2

/// libxml2's one-time global setup, run before the first parse from any thread.
enum LibXML {
    /// Swift runs a global's initialiser once, atomically; touching it initialises the library.
    static let ready: Void = { xmlInitParser() }()

    /// Largest element nesting accepted in a part. Office parts nest a few tens deep; libxml2's own limit
    /// without `XML_PARSE_HUGE` is 256, which also keeps every recursive walk in libxml2 shallow.
    static let maxDepth = 256
}
