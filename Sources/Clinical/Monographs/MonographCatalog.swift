#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif
public import Ontology

/// The curated monographs of `Knowledge/monographs/`: one JSON file per disease plus the shared
/// `sources.json`, loaded and validated together, and looked up by key or by any of their ids.
public struct MonographCatalog: Sendable {
    public static let sourcesFileName = "sources.json"

    public private(set) var monographs: [Monograph]
    public private(set) var sources: MonographSourceList
    /// The file each monograph was read from, by key.
    public private(set) var files: [String: String]
    private var index: [String: Int]

    /// Builds a catalog from decoded values, validating them; `files` defaults to `KEY.json`.
    public init(monographs: [Monograph], sources: MonographSourceList, files: [String: String] = [:]) throws(MonographLoadError) {
        self.monographs = monographs.sorted { $0.key < $1.key }
        self.sources = sources
        var fileNames: [String: String] = [:]
        for m in monographs { fileNames[m.key] = files[m.key] ?? m.key + ".json" }
        self.files = fileNames
        var errors: [MonographError] = []
        var index: [String: Int] = [:]
        let keys = Set(monographs.map(\.key))
        for (n, m) in self.monographs.enumerated() {
            let file = fileNames[m.key] ?? m.key + ".json"
            errors += m.validate(file: file, sources: sources, knownKeys: keys)
            for (alias, path) in [(m.key, "key")] + m.identifiers.enumerated().map({ ($0.element.value.description, "identifiers[\($0.offset)].value") }) {
                let norm = Self.normalize(alias)
                if let other = index[norm], other != n {
                    errors.append(MonographError(file: file, path: path,
                                                 reason: "'\(alias)' is also used by \(fileNames[self.monographs[other].key] ?? "")"))
                }
                index[norm] = n
            }
        }
        for (i, s) in sources.sources.enumerated() where sources.sources[..<i].contains(where: { $0.key == s.key }) {
            errors.append(MonographError(file: Self.sourcesFileName, path: "sources[\(i)].key", reason: "duplicate source key '\(s.key)'"))
        }
        self.index = index
        if !errors.isEmpty { throw MonographLoadError(errors: errors) }
    }

    /// Loads every `*.json` of a folder (`sources.json` as the source list, the rest as monographs).
    /// Reports every problem found, each naming its file and field.
    public static func load(from directory: URL) throws(MonographLoadError) -> MonographCatalog {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
                .filter { $0.hasSuffix(".json") }.sorted()
        } catch {
            throw MonographLoadError(errors: [MonographError(file: directory.path, path: "", reason: "the folder cannot be read")])
        }
        guard names.contains(sourcesFileName) else {
            throw MonographLoadError(errors: [MonographError(file: sourcesFileName, path: "", reason: "missing: the shared source list is required")])
        }
        var errors: [MonographError] = []
        var sources: MonographSourceList?
        var monographs: [Monograph] = []
        var files: [String: String] = [:]
        for name in names {
            let data: Data
            do { data = try Data(contentsOf: directory.appendingPathComponent(name)) } catch {
                errors.append(MonographError(file: name, path: "", reason: "cannot be read"))
                continue
            }
            do throws(MonographError) {
                if name == sourcesFileName {
                    sources = try decode(MonographSourceList.self, from: data, file: name)
                } else {
                    let m = try decode(Monograph.self, from: data, file: name)
                    monographs.append(m)
                    files[m.key] = name
                }
            } catch {
                errors.append(error)
            }
        }
        guard let sources, errors.isEmpty else { throw MonographLoadError(errors: errors) }
        return try MonographCatalog(monographs: monographs, sources: sources, files: files)
    }

    /// Decodes one file, turning a decoding failure into an error naming the file and field path.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, file: String) throws(MonographError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw MonographError(file: file, path: jsonPath(context.codingPath + [key]), reason: "required field is missing")
        } catch let DecodingError.typeMismatch(expected, context) {
            throw MonographError(file: file, path: jsonPath(context.codingPath), reason: "wrong type: expected \(typeName(expected))")
        } catch let DecodingError.valueNotFound(expected, context) {
            throw MonographError(file: file, path: jsonPath(context.codingPath), reason: "null where \(typeName(expected)) is required")
        } catch let DecodingError.dataCorrupted(context) {
            let path = jsonPath(context.codingPath)
            throw MonographError(file: file, path: path,
                                 reason: path.isEmpty ? "not valid JSON" : context.debugDescription)
        } catch {
            throw MonographError(file: file, path: "", reason: "cannot be decoded")
        }
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is [Any].Type: "a list"
        default: "\(type)".hasPrefix("Array") ? "a list" : (("\(type)".hasPrefix("Dictionary")) ? "an object" : "\(type)")
        }
    }

    /// Every problem the HPO release reveals (unknown or obsolete HPO terms, ids not in the annotations).
    public func validate(against kb: KnowledgeBase) -> [MonographError] {
        monographs.flatMap { $0.validate(file: files[$0.key] ?? $0.key + ".json", against: kb) }
    }

    /// The monograph for a key (`poh`, `osteoma-cutis`) or any of its ids, in any letter case:
    /// `OMIM:166350`, `omim:166350`, `ORPHA:2762`, `Orphanet:2762`, `MONDO:0008153`.
    public func monograph(for query: String) -> Monograph? {
        index[Self.normalize(query)].map { monographs[$0] }
    }

    /// The display name of a differential's neighbour: a curated monograph's name when there is one.
    public func neighbourName(_ neighbour: String) -> String? {
        monograph(for: neighbour)?.name.value
    }

    static func normalize(_ text: String) -> String {
        let t = String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
        guard let id = TermID(t) else { return t.lowercased() }
        var prefix = id.prefix.uppercased()
        if prefix == "ORPHANET" { prefix = "ORPHA" }
        if prefix == "MIM" { prefix = "OMIM" }
        return prefix + ":" + id.local.uppercased()
    }
}
