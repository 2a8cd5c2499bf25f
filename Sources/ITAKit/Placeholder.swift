// ITAKit
