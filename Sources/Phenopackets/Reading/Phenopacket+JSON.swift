public import Foundation

extension Phenopacket {
    /// Decodes and validates one phenopacket from JSON. Unknown fields are ignored; proto field names
    /// (`phenotypic_features`) are read like the JSON names (`phenotypicFeatures`).
    /// - Throws: ``PhenopacketError`` with the JSON path of every problem (no file or line: the
    ///   reader adds them).
    public static func decode(from json: Data) throws(PhenopacketError) -> Phenopacket {
        try decode(from: json, using: JSONDecoder())
    }

    static func decode(from json: Data, using decoder: JSONDecoder) throws(PhenopacketError) -> Phenopacket {
        try decode(from: json, using: decoder, unknownKeys: .reject).phenopacket
    }

    /// What to do with keys the schema does not have.
    public enum UnknownKeyPolicy: Sendable {
        /// Refuse the document, naming each key's JSON path (as proto3 JSON parsers do).
        case reject
        /// Read the document and return a warning per key.
        case warn
    }

    /// Decodes and validates one phenopacket; keys the schema does not have are refused or returned
    /// as warnings (their JSON paths) according to `unknownKeys`.
    public static func decode(from json: Data, unknownKeys: UnknownKeyPolicy) throws(PhenopacketError) -> (phenopacket: Phenopacket, warnings: [String]) {
        try decode(from: json, using: JSONDecoder(), unknownKeys: unknownKeys)
    }

    static func decode(from json: Data, using decoder: JSONDecoder,
                       unknownKeys: UnknownKeyPolicy) throws(PhenopacketError) -> (phenopacket: Phenopacket, warnings: [String]) {
        var packet = try decodeDocument(Phenopacket.self, from: json, using: decoder)
        let unknown = UnknownKeys.paths(in: json, decoded: packet)
        if unknownKeys == .reject, !unknown.isEmpty {
            throw PhenopacketError(issues: unknown.map { .init(path: $0, problem: .unknownField) })
        }
        var warnings = unknown.map { "\($0): \(PhenopacketError.Problem.unknownField.description); ignored" }
        // A malformed modifier qualifies one feature: it is dropped with a warning, not the whole case.
        for i in packet.phenotypicFeatures.indices {
            let modifiers = packet.phenotypicFeatures[i].modifiers
            for (k, m) in modifiers.enumerated() where m.termID == nil {
                warnings.append("phenotypicFeatures[\(i)].modifiers[\(k)].id: \(PhenopacketError.Problem.invalidOntologyID.description); the modifier was dropped")
            }
            packet.phenotypicFeatures[i].modifiers = modifiers.filter { $0.termID != nil }
        }
        try packet.validate()
        return (packet, warnings)
    }

    /// Decodes any schema document, turning decoding errors into path-bearing issues.
    static func decodeDocument<T: Decodable>(_ type: T.Type, from json: Data, using decoder: JSONDecoder) throws(PhenopacketError) -> T {
        do {
            // Proto field names (snake_case) are accepted as well as the JSON names.
            let camel = ProtoFieldNames.containsSnakeCaseKey(json) ? ProtoFieldNames.camelCased(json) ?? json : json
            return try decoder.decode(T.self, from: camel)
        } catch let error as DecodingError {
            var issue = PhenopacketError.Issue(error)
            if case .invalidJSON = issue.problem, let position = JSONSyntax.errorPosition(in: Array(json)) {
                issue.problem = .invalidJSON(line: position.line, column: position.column)
            }
            throw PhenopacketError(issues: [issue])
        } catch {
            throw PhenopacketError(path: "", problem: .invalidJSON(line: nil, column: nil))
        }
    }

    /// The proto3 JSON form: lowerCamelCase keys, enums by name, default values left out.
    /// - Parameter pretty: indented with sorted keys (for files people read) instead of one line (JSONL).
    public func jsonData(pretty: Bool = false) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// JSONL: each phenopacket's one-line JSON followed by a newline.
    public static func jsonLines(_ packets: some Sequence<Phenopacket>) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var data = Data()
        for packet in packets {
            data += try encoder.encode(packet)
            data.append(10)
        }
        return data
    }
}

extension Phenopacket.Family {
    /// Decodes and validates a family document.
    public static func decode(from json: Data) throws(PhenopacketError) -> Phenopacket.Family {
        let family = try Phenopacket.decodeDocument(Phenopacket.Family.self, from: json, using: JSONDecoder())
        try family.validate()
        return family
    }
}

extension Phenopacket.Cohort {
    /// Decodes and validates a cohort document.
    public static func decode(from json: Data) throws(PhenopacketError) -> Phenopacket.Cohort {
        let cohort = try Phenopacket.decodeDocument(Phenopacket.Cohort.self, from: json, using: JSONDecoder())
        try cohort.validate()
        return cohort
    }
}
