import ArgumentParser
import ITAKit

/// `--document o34|o35|analysis` on the commands that take it.
extension DocumentKind: ExpressibleByArgument {}
