#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Reads one JSON knowledge file into a Codable value, turning every failure into a
/// ``KnowledgeError`` that names the file and the JSON path.
enum KnowledgeLoading {
    /// ``KnowledgeDirectory/locate(environment:)`` with its failure as a ``KnowledgeError``.
    static func directory() throws(KnowledgeError) -> URL {
        do { return try KnowledgeDirectory.locate() } catch {
            throw KnowledgeError(file: "Knowledge/", reason: "not found; set OSSIFY_KNOWLEDGE to the repository's Knowledge folder")
        }
    }

    static func decode<T: Decodable>(_ type: T.Type, from url: URL) throws(KnowledgeError) -> T {
        let name = url.lastPathComponent
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw KnowledgeError(file: name, reason: "cannot be read")
        }
        return try decode(type, from: data, name: name)
    }

    static func decode<T: Decodable>(_ type: T.Type, from data: Data, name: String) throws(KnowledgeError) -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let DecodingError.keyNotFound(key, context) {
            throw KnowledgeError(file: name, reason: "missing '\(key.stringValue)' at \(path(context.codingPath))")
        } catch let DecodingError.typeMismatch(_, context) {
            throw KnowledgeError(file: name, reason: "wrong type at \(path(context.codingPath)): \(context.debugDescription)")
        } catch let DecodingError.valueNotFound(_, context) {
            throw KnowledgeError(file: name, reason: "null value at \(path(context.codingPath))")
        } catch let DecodingError.dataCorrupted(context) {
            throw KnowledgeError(file: name, reason: "invalid value at \(path(context.codingPath)): \(context.debugDescription)")
        } catch {
            throw KnowledgeError(file: name, reason: "is not valid JSON")
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.isEmpty ? "top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? "." + $0.stringValue }.joined()
    }
}
