import FoundationEssentials

/// Encodes an `Encodable` value straight into a `JSONValue`, without text in between: the sibling
/// of `JSONValueDecoder`. `JSONValue(encoding:)` used to encode to JSON text and parse it back,
/// which was most of the time of storing a differential (`POST /patients/{id}/diagnose`, perf).
/// Foundation's own encoder offers no tree output, hence this one. The output is the value
/// `JSONEncoder` (default strategies) would write: nil optionals left out, `Date`, `Data`, `URL`
/// and `Decimal` in `JSONEncoder`'s forms (they go through it), non-finite numbers refused.
struct JSONValueEncoder {
    static func encode(_ value: some Encodable) throws -> JSONValue {
        let root = Node()
        try root.store(value, codingPath: [])
        return root.json
    }

    /// One value under construction; containers share their node, so nested containers and
    /// super-encoders write into the tree in place.
    final class Node {
        enum Kind {
            case empty
            case value(JSONValue)
            case object([String: Node])
            case array([Node])
        }

        var kind = Kind.empty

        var json: JSONValue {
            switch kind {
            case .empty: .object([:])
            case .value(let v): v
            case .object(let members): .object(members.mapValues(\.json))
            case .array(let items): .array(items.map(\.json))
            }
        }

        func child(_ key: String) -> Node {
            if case .object(var members) = kind {
                if let existing = members[key] { return existing }
                let node = Node()
                kind = .empty // drop the reference while mutating, so the dictionary stays unique
                members[key] = node
                kind = .object(members)
                return node
            }
            let node = Node()
            kind = .object([key: node])
            return node
        }

        func append() -> Node {
            let node = Node()
            if case .array(var items) = kind {
                kind = .empty
                items.append(node)
                kind = .array(items)
            } else {
                kind = .array([node])
            }
            return node
        }

        func makeObject() { if case .object = kind { return }; kind = .object([:]) }
        func makeArray() { if case .array = kind { return }; kind = .array([]) }

        func number(_ n: Double, _ path: [any CodingKey]) throws {
            guard n.isFinite else {
                throw EncodingError.invalidValue(n, .init(codingPath: path, debugDescription: "a non-finite number has no JSON form"))
            }
            kind = .value(.number(n))
        }

        func store<T: Encodable>(_ value: T, codingPath: [any CodingKey]) throws {
            switch value {
            case let s as String: kind = .value(.string(s))
            case let b as Bool: kind = .value(.bool(b))
            case let n as Double: try number(n, codingPath)
            // JSONEncoder writes a Float's shortest decimal form, which reads back as that Double.
            case let n as Float: try number(Double(n.description) ?? Double(n), codingPath)
            case let n as Int: kind = .value(.number(Double(n)))
            case let n as Int64: kind = .value(.number(Double(n)))
            case let n as Int32: kind = .value(.number(Double(n)))
            case let n as UInt: kind = .value(.number(Double(n)))
            case let v as JSONValue: kind = .value(v)
            case is Date, is Data, is URL, is Decimal:
                // The types JSONEncoder writes in forms of its own.
                let data = try JSONEncoder().encode(value)
                guard let parsed = JSONValue(parsing: Array(data)) else {
                    throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "not encodable"))
                }
                kind = .value(parsed)
            default:
                try value.encode(to: Encoder(node: self, codingPath: codingPath))
            }
        }
    }

    struct Encoder: Swift.Encoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            node.makeObject()
            return KeyedEncodingContainer(Keyed(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            node.makeArray()
            return Unkeyed(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer { Single(node: node, codingPath: codingPath) }
    }

    struct Keyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil(forKey key: Key) throws { node.child(key.stringValue).kind = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try node.child(key.stringValue).store(value, codingPath: codingPath + [key])
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = node.child(key.stringValue)
            child.makeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = node.child(key.stringValue)
            child.makeArray()
            return Unkeyed(node: child, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Swift.Encoder {
            Encoder(node: node.child("super"), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Swift.Encoder {
            Encoder(node: node.child(key.stringValue), codingPath: codingPath + [key])
        }
    }

    struct IndexKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(_ index: Int) { stringValue = String(index); intValue = index }
        init?(stringValue: String) { self.stringValue = stringValue; intValue = Int(stringValue) }
        init?(intValue: Int) { self.init(intValue) }
    }

    struct Unkeyed: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int {
            if case .array(let items) = node.kind { return items.count }
            return 0
        }

        mutating func encodeNil() throws { node.append().kind = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let path = codingPath + [IndexKey(count)]
            try node.append().store(value, codingPath: path)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let path = codingPath + [IndexKey(count)]
            let child = node.append()
            child.makeObject()
            return KeyedEncodingContainer(Keyed<NestedKey>(node: child, codingPath: path))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let path = codingPath + [IndexKey(count)]
            let child = node.append()
            child.makeArray()
            return Unkeyed(node: child, codingPath: path)
        }

        mutating func superEncoder() -> any Swift.Encoder {
            Encoder(node: node.append(), codingPath: codingPath + [IndexKey(count)])
        }
    }

    struct Single: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws { node.kind = .value(.null) }

        mutating func encode<T: Encodable>(_ value: T) throws { try node.store(value, codingPath: codingPath) }
    }
}
