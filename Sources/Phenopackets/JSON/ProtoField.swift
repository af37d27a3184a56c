/// proto3 JSON plumbing for the schema types: a field that has the proto3 default value (false, 0,
/// "", an empty list, the first enum value) is left out when written, and absent or `null` when read.
///
/// Declare such a field as `@ProtoField public var excluded: Bool = false`; the synthesized `Codable`
/// conformance of the enclosing type then picks the `KeyedDecodingContainer` and
/// `KeyedEncodingContainer` overloads below.
@propertyWrapper
public struct ProtoField<Value: ProtoJSONValue>: Hashable, Codable {
    public var wrappedValue: Value

    public init(wrappedValue: Value) {
        self.wrappedValue = wrappedValue
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        wrappedValue = c.decodeNil() ? Value.protoDefault : try c.decode(Value.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(wrappedValue)
    }
}

/// A value that can stand in a proto3 field: it has a default that is omitted on output, and it may
/// be read more leniently than `Decodable` alone allows (64-bit integers and doubles as strings).
public protocol ProtoJSONValue: Hashable, Codable {
    static var protoDefault: Self { get }
    var isProtoDefault: Bool { get }
    /// Reads the value of `key`; nil when the key is absent or `null`.
    static func decodeProto<K: CodingKey>(from c: KeyedDecodingContainer<K>, forKey key: K) throws -> Self?
    func encodeProto<K: CodingKey>(to c: inout KeyedEncodingContainer<K>, forKey key: K) throws
}

extension ProtoJSONValue {
    public static func decodeProto<K: CodingKey>(from c: KeyedDecodingContainer<K>, forKey key: K) throws -> Self? {
        try c.decodeIfPresent(Self.self, forKey: key)
    }

    public func encodeProto<K: CodingKey>(to c: inout KeyedEncodingContainer<K>, forKey key: K) throws {
        try c.encode(self, forKey: key)
    }
}

extension ProtoField: Sendable where Value: Sendable {}

extension KeyedDecodingContainer {
    public func decode<V>(_ type: ProtoField<V>.Type, forKey key: Key) throws -> ProtoField<V> {
        ProtoField(wrappedValue: try V.decodeProto(from: self, forKey: key) ?? V.protoDefault)
    }
}

extension KeyedEncodingContainer {
    public mutating func encode<V>(_ value: ProtoField<V>, forKey key: Key) throws {
        guard !value.wrappedValue.isProtoDefault else { return }
        try value.wrappedValue.encodeProto(to: &self, forKey: key)
    }
}

// String and Bool call the decoder's concrete overloads: much faster than the generic path.
extension Bool: ProtoJSONValue {
    public static var protoDefault: Bool { false }
    public var isProtoDefault: Bool { !self }

    public static func decodeProto<K: CodingKey>(from c: KeyedDecodingContainer<K>, forKey key: K) throws -> Bool? {
        try c.decodeIfPresent(Bool.self, forKey: key)
    }
}

extension String: ProtoJSONValue {
    public static var protoDefault: String { "" }
    public var isProtoDefault: Bool { isEmpty }

    public static func decodeProto<K: CodingKey>(from c: KeyedDecodingContainer<K>, forKey key: K) throws -> String? {
        try c.decodeIfPresent(String.self, forKey: key)
    }
}

extension Array: ProtoJSONValue where Element: Hashable & Codable {
    public static var protoDefault: [Element] { [] }
    public var isProtoDefault: Bool { isEmpty }
}

extension Dictionary: ProtoJSONValue where Key == String, Value: Hashable & Codable {
    public static var protoDefault: [String: Value] { [:] }
    public var isProtoDefault: Bool { isEmpty }
}

extension Double: ProtoJSONValue {
    public static var protoDefault: Double { 0 }
    public var isProtoDefault: Bool { self == 0 && sign == .plus }

    /// A JSON number, or a string: a number in quotes, "NaN", "Infinity" or "-Infinity".
    public static func decodeProto<K: CodingKey>(from c: KeyedDecodingContainer<K>, forKey key: K) throws -> Double? {
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return nil }
        if let number = try? c.decode(Double.self, forKey: key) { return number }
        guard let text = try? c.decode(String.self, forKey: key) else {
            throw DecodingError.typeMismatch(Double.self, .init(codingPath: c.codingPath + [key], debugDescription: "expected a number"))
        }
        switch text {
        case "NaN": return .nan
        case "Infinity": return .infinity
        case "-Infinity": return -.infinity
        default:
            guard let number = Double(text) else {
                throw DecodingError.typeMismatch(Double.self, .init(codingPath: c.codingPath + [key], debugDescription: "expected a number"))
            }
            return number
        }
    }

    public func encodeProto<K: CodingKey>(to c: inout KeyedEncodingContainer<K>, forKey key: K) throws {
        if isNaN { try c.encode("NaN", forKey: key) }
        else if isInfinite { try c.encode(self < 0 ? "-Infinity" : "Infinity", forKey: key) }
        else { try c.encode(self, forKey: key) }
    }
}

/// Integers are read from JSON numbers or from strings of digits (proto3 JSON writes 64-bit integers
/// as strings and accepts either form for every integer type).
public protocol ProtoInteger: ProtoJSONValue, FixedWidthInteger {
    /// 64-bit integers are written as strings, 32-bit ones as numbers.
    static var writesAsString: Bool { get }
}

extension ProtoInteger {
    public static var protoDefault: Self { 0 }
    public var isProtoDefault: Bool { self == 0 }

    public static func decodeProto<K: CodingKey>(from c: KeyedDecodingContainer<K>, forKey key: K) throws -> Self? {
        guard c.contains(key), try !c.decodeNil(forKey: key) else { return nil }
        if let number = try? c.decode(Self.self, forKey: key) { return number }
        if let text = try? c.decode(String.self, forKey: key), let number = Self(text) { return number }
        throw DecodingError.typeMismatch(Self.self, .init(codingPath: c.codingPath + [key],
                                                          debugDescription: "expected an integer"))
    }

    public func encodeProto<K: CodingKey>(to c: inout KeyedEncodingContainer<K>, forKey key: K) throws {
        if Self.writesAsString { try c.encode(String(self), forKey: key) } else { try c.encode(self, forKey: key) }
    }
}

extension Int32: ProtoInteger { public static var writesAsString: Bool { false } }
extension UInt32: ProtoInteger { public static var writesAsString: Bool { false } }
extension Int64: ProtoInteger { public static var writesAsString: Bool { true } }
extension UInt64: ProtoInteger { public static var writesAsString: Bool { true } }
