/// A proto3 enum: written as its name, read from its name or its number. The first case is the proto3
/// default (number 0) and is omitted on output. An unknown name is an error that does not repeat it.
public protocol ProtoEnum: ProtoJSONValue, CaseIterable, RawRepresentable, Sendable where RawValue == String {}

extension ProtoEnum {
    public static var protoDefault: Self {
        // Every ProtoEnum has at least one case: its default.
        if let first = allCases.first { return first }
        preconditionFailure("a ProtoEnum needs at least one case")
    }

    public var isProtoDefault: Bool { self == Self.protoDefault }

    /// "unknown value of the enum Sex: UNKNOWN_SEX, FEMALE, MALE, OTHER_SEX": the enum's own names only.
    static var unknownValueText: String {
        "unknown value of the enum \(Self.self): " + allCases.map(\.rawValue).joined(separator: ", ")
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let name = try? c.decode(String.self) {
            guard let value = Self(rawValue: name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: Self.unknownValueText))
            }
            self = value
        } else if let number = try? c.decode(Int.self) {
            let cases = Array(Self.allCases)
            guard cases.indices.contains(number) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: Self.unknownValueText))
            }
            self = cases[number]
        } else {
            throw DecodingError.typeMismatch(String.self, .init(codingPath: decoder.codingPath,
                                                                debugDescription: "expected the name of a value of the enum \(Self.self)"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(rawValue)
    }
}
