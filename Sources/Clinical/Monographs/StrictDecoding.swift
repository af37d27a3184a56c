/// A coding key for any JSON object key, used to see the keys a strict decoder does not know.
struct AnyCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = String(intValue)
        self.intValue = intValue
    }
}

extension Decoder {
    /// A keyed container that rejects keys its type does not declare: a misspelt field in a curated
    /// file is an error, not silently dropped data.
    func strictContainer<Key: CodingKey & CaseIterable>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        let known = Set(Key.allCases.map(\.stringValue))
        let all = try container(keyedBy: AnyCodingKey.self)
        if let unknown = all.allKeys.map(\.stringValue).sorted().first(where: { !known.contains($0) }) {
            throw DecodingError.dataCorrupted(.init(
                codingPath: codingPath + [AnyCodingKey(stringValue: unknown)],
                debugDescription: "unknown key '\(unknown)'; allowed: \(Key.allCases.map(\.stringValue).joined(separator: ", "))"))
        }
        return try container(keyedBy: Key.self)
    }
}
