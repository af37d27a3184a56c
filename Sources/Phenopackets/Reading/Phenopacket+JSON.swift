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
        let packet = try decodeDocument(Phenopacket.self, from: json, using: decoder)
        try packet.validate()
        return packet
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
