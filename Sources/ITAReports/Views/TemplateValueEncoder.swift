import Foundation
import TemplateEngine

/// A value the program builds as template data itself (a chart's series), carried through a typed view as is.
public struct RawTemplateValue: Encodable, Sendable {
    public let value: TemplateValue
    public init(_ value: TemplateValue) { self.value = value }
    /// Only `TemplateValueEncoder` gives it meaning; other encoders see nothing.
    public func encode(to encoder: any Encoder) throws {}
}

/// Turns a typed form view (`Encodable`) into the `TemplateValue` a template is filled with.
///
/// Every property becomes a name, including absent optionals (as null), so that a template's
/// `{{#if org.logo}}` finds the name it tests; `Decimal` becomes a number and `Data` an image.
public enum TemplateValueEncoder {
    public static func encode<T: Encodable>(_ value: T) throws -> TemplateValue {
        let box = Box()
        try value.encode(to: ViewEncoder(box: box, codingPath: []))
        return box.value
    }

    /// A node of the value being built; containers fill in their children as they are encoded.
    final class Box {
        enum Content { case value(TemplateValue), object([(String, Box)]), list([Box]) }
        var content: Content = .value(.null)
        var value: TemplateValue {
            switch content {
            case let .value(v): return v
            case let .object(entries): return .object(Dictionary(entries.map { ($0.0, $0.1.value) }, uniquingKeysWith: { _, b in b }))
            case let .list(items): return .list(items.map(\.value))
            }
        }
        func child(_ key: String) -> Box {
            let b = Box()
            if case var .object(entries) = content { entries.append((key, b)); content = .object(entries) } else { content = .object([(key, b)]) }
            return b
        }
        func append() -> Box {
            let b = Box()
            if case var .list(items) = content { items.append(b); content = .list(items) } else { content = .list([b]) }
            return b
        }
    }

    struct ViewEncoder: Encoder {
        let box: Box
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if case .object = box.content {} else { box.content = .object([]) }
            return KeyedEncodingContainer(Keyed<Key>(box: box, codingPath: codingPath))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if case .list = box.content {} else { box.content = .list([]) }
            return Unkeyed(box: box, codingPath: codingPath)
        }
        func singleValueContainer() -> any SingleValueEncodingContainer { Single(box: box, codingPath: codingPath) }
    }

    static func encodeValue<T: Encodable>(_ value: T, into box: Box, codingPath: [any CodingKey]) throws {
        switch value {
        case let d as Decimal: box.content = .value(.number(d))
        case let d as Data: box.content = .value(.image(d))
        case let v as RawTemplateValue: box.content = .value(v.value)
        case let s as String: box.content = .value(.string(s))
        case let b as Bool: box.content = .value(.bool(b))
        case let i as Int: box.content = .value(.number(Decimal(i)))
        default: try value.encode(to: ViewEncoder(box: box, codingPath: codingPath))
        }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: Box
        var codingPath: [any CodingKey]
        mutating func encodeNil(forKey key: Key) throws { box.child(key.stringValue).content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try TemplateValueEncoder.encodeValue(value, into: box.child(key.stringValue), codingPath: codingPath + [key])
        }
        // Absent optionals stay names (null), unlike JSON, so templates can test them.
        mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            ViewEncoder(box: box.child(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            ViewEncoder(box: box.child(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { ViewEncoder(box: box.child("super"), codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { ViewEncoder(box: box.child(key.stringValue), codingPath: codingPath + [key]) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        var count: Int { if case let .list(items) = box.content { return items.count } else { return 0 } }
        mutating func encodeNil() throws { box.append().content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try TemplateValueEncoder.encodeValue(value, into: box.append(), codingPath: codingPath)
        }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            ViewEncoder(box: box.append(), codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            ViewEncoder(box: box.append(), codingPath: codingPath).unkeyedContainer()
        }
        mutating func superEncoder() -> any Encoder { ViewEncoder(box: box.append(), codingPath: codingPath) }
    }

    struct Single: SingleValueEncodingContainer {
        let box: Box
        var codingPath: [any CodingKey]
        mutating func encodeNil() throws { box.content = .value(.null) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            try TemplateValueEncoder.encodeValue(value, into: box, codingPath: codingPath)
        }
    }
}
