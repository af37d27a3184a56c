/// A problem in a curated monograph file, naming the file and the JSON path of the field, e.g.
/// `poh.json: clinicalFeatures[2].sources: no source given`.
public struct MonographError: Error, Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// The field's path in the file: `identifiers[0].value`, or empty for the whole file.
    public var path: String
    public var reason: String

    public init(file: String, path: String, reason: String) {
        self.file = file
        self.path = path
        self.reason = reason
    }

    public var description: String { path.isEmpty ? "\(file): \(reason)" : "\(file): \(path): \(reason)" }
}

/// Every problem found while loading the monographs.
public struct MonographLoadError: Error, Sendable, CustomStringConvertible {
    public var errors: [MonographError]

    public init(errors: [MonographError]) {
        self.errors = errors
    }

    public var description: String {
        "invalid curated monographs:\n" + errors.map { "  " + $0.description }.joined(separator: "\n")
    }
}

/// A JSON path from a decoding path: `a.b[2].c`.
func jsonPath(_ keys: [any CodingKey]) -> String {
    var out = ""
    for key in keys {
        if let i = key.intValue {
            out += "[\(i)]"
        } else {
            out += (out.isEmpty ? "" : ".") + key.stringValue
        }
    }
    return out
}
