import ArgumentParser
import Foundation
import Ontology
import Clinical
import Diagnosis
import Composition

/// Loads the knowledge base for a command, turning data problems into a clean error and exit.
func loadKnowledgeBase() throws -> KnowledgeBase {
    let root = try Root.composition()
    do {
        return try root.knowledgeBase()
    } catch {
        throw CLIFailure("HPO release: \(error.description)")
    }
}

/// A failure reported to the user as one line on standard error with a non-zero exit.
struct CLIFailure: Error, CustomStringConvertible {
    let description: String
    init(_ message: String) { description = message }
}

/// Prints an Encodable value as pretty, key-sorted JSON.
func printJSON(_ value: some Encodable) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    print(String(decoding: data, as: UTF8.self))
}

/// Parses a term id given on the command line and resolves it, with a note for alt/obsolete ids
/// and suggestions for unknown ones.
func resolveTerm(_ text: String, in kb: KnowledgeBase, search: TermSearch? = nil) throws -> (index: Int32, note: String?) {
    guard let id = TermID(text.uppercased().hasPrefix("HP:") ? "HP:" + text.dropFirst(3) : text) else {
        throw CLIFailure("'\(text)' is not a term id; HPO ids look like HP:0034282 (use 'ossify search' to find one)")
    }
    let r = kb.resolve(id)
    if let index = r.index { return (index, kb.resolutionNote(r)) }
    var message = kb.resolutionNote(r) ?? "\(id) is not known"
    let close = kb.closeIDs(to: id)
    if !close.isEmpty {
        message += ". Closest ids: " + close.map { "\($0) \(kb.term($0)?.name ?? "")" }.joined(separator: "; ")
    }
    throw CLIFailure(message)
}

/// The diagnosis service over a knowledge base, from the root's knowledge folder.
func loadDiagnosisService(_ kb: KnowledgeBase) throws -> DiagnosisService {
    let root = try Root.composition()
    do {
        return try root.diagnosisService(kb)
    } catch {
        throw CLIFailure("Knowledge/: \(error)")
    }
}

/// One curated knowledge file through the root, its failure as one line.
func loadKnowledge<T>(_ load: (CompositionRoot) throws -> T) throws -> T {
    let root = try Root.composition()
    do {
        return try load(root)
    } catch {
        throw CLIFailure("Knowledge/: \(error)")
    }
}
