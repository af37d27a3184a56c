public import Foundation

/// Why a phenopacket was refused: where (file, line of a JSONL file, JSON path) and what is wrong.
///
/// The texts never repeat values from the document (subject ids, free text, numbers, unknown enum
/// names): only field names, positions, ontology-term ids of the schema's own rules, and fixed wording.
public struct PhenopacketError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The file name (last path component), when the phenopacket came from a file.
    public var source: String?
    /// The 1-based line number in a JSONL file.
    public var line: Int?
    /// Everything wrong with the document; never empty.
    public var issues: [Issue]

    public init(source: String? = nil, line: Int? = nil, issues: [Issue]) {
        self.source = source
        self.line = line
        self.issues = issues
    }

    public init(source: String? = nil, line: Int? = nil, path: String, problem: Problem) {
        self.init(source: source, line: line, issues: [Issue(path: path, problem: problem)])
    }

    /// One thing wrong: the JSON path of the field (`phenotypicFeatures[3].type.id`; empty for the whole
    /// document) and the problem.
    public struct Issue: Hashable, Sendable, CustomStringConvertible {
        public var path: String
        public var problem: Problem

        public init(path: String, problem: Problem) {
            self.path = path
            self.problem = problem
        }

        public var description: String { path.isEmpty ? problem.description : path + ": " + problem.description }
    }

    public enum Problem: Hashable, Sendable, CustomStringConvertible {
        /// The file or folder could not be read.
        case unreadable
        /// The text is not JSON; the position is inside the document (line and column when known).
        case invalidJSON(line: Int?, column: Int?)
        /// A required field is absent or empty.
        case missing
        /// The JSON value has the wrong type.
        case wrongType(expected: String)
        /// An enum field holds a name that the enum does not have.
        case unknownEnumValue(enumName: String, allowed: [String])
        /// Not an ontology id of the form `PREFIX:LOCAL`.
        case invalidOntologyID
        /// Not an ISO 8601 duration of years, months, weeks and days.
        case invalidDuration
        /// Not an RFC 3339 time such as `2021-03-01T00:00:00Z`.
        case invalidTimestamp
        /// A number outside its allowed range; the text says which range.
        case outOfRange(allowed: String)
        /// A proto oneof with more than one of its fields set.
        case moreThanOne(of: [String])
        /// A proto oneof with none of its fields set where one is required.
        case noneOf([String])
        /// Only Phenopacket schema version 2 is read.
        case unsupportedSchemaVersion
        /// A value the mapping to Ossify's record does not know; the text names the values it knows.
        case unknownValue(allowed: [String])
        /// A key the schema does not have (a misspelling such as `phenotypicFeature`).
        case unknownField
        /// Anything else, in fixed wording.
        case other(String)

        public var description: String {
            switch self {
            case .unreadable: "could not be read"
            case .invalidJSON(let line, let column):
                switch (line, column) {
                case let (1?, c?): "not valid JSON (at column \(c))"
                case let (l?, c?): "not valid JSON (at line \(l), column \(c) of the document)"
                case let (l?, nil): "not valid JSON (at line \(l) of the document)"
                default: "not valid JSON"
                }
            case .missing: "required but missing or empty"
            case .wrongType(let expected): "expected \(expected)"
            case .unknownEnumValue(let name, let allowed): "not a value of the enum \(name) (one of " + allowed.joined(separator: ", ") + ")"
            case .invalidOntologyID: "not an ontology id of the form PREFIX:LOCAL (such as HP:0001250)"
            case .invalidDuration: "not an ISO 8601 age duration such as P3Y2M (whole years, months, weeks, days)"
            case .invalidTimestamp: "not an RFC 3339 time such as 2021-03-01T00:00:00Z"
            case .outOfRange(let allowed): "out of range (allowed: \(allowed))"
            case .moreThanOne(let fields): "only one of " + fields.joined(separator: ", ") + " may be given"
            case .noneOf(let fields): "one of " + fields.joined(separator: ", ") + " is required"
            case .unsupportedSchemaVersion: "only phenopacketSchemaVersion 2 is supported"
            case .unknownValue(let allowed): "not one of " + allowed.joined(separator: ", ")
            case .unknownField: "not a field of the Phenopacket v2 schema (check the spelling; --lenient reads the rest)"
            case .other(let text): text
            }
        }
    }

    public var description: String {
        var place = source ?? ""
        if let line { place += place.isEmpty ? "line \(line)" : " line \(line)" }
        let what = issues.map(\.description).joined(separator: "; ")
        return place.isEmpty ? what : place + ": " + what
    }

    /// The same error, located in a file (and line).
    public func located(source: String?, line: Int? = nil) -> PhenopacketError {
        PhenopacketError(source: source ?? self.source, line: line ?? self.line, issues: issues)
    }
}

extension PhenopacketError: LocalizedError {
    /// The same text as ``description``, for code that prints `localizedDescription`.
    public var errorDescription: String? { description }
}
