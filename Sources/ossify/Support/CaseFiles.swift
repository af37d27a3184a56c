import ArgumentParser
import Clinical
import Foundation
import Ontology
import Phenopackets

/// A case read for evaluation: the record (no diagnosis in it) and, apart, the true diagnoses.
struct LoadedCase {
    var id: String
    var truth: [TermID]
    var record: PatientRecord
}

/// Reads phenopacket files, folders and .jsonl batches for `evaluate` and `diagnose`.
enum CaseFiles {
    /// Every readable case; unreadable ones are counted and reported by source and line.
    static func load(_ paths: [String], lenient: Bool = false) throws -> (cases: [LoadedCase], refused: [String]) {
        let reader = PhenopacketReader(unknownKeys: lenient ? .warn : .reject)
        var cases: [LoadedCase] = []
        var refused: [String] = []
        for path in paths {
            let entries: [PhenopacketReader.Entry]
            do {
                entries = try reader.read(at: URL(fileURLWithPath: path))
            } catch {
                throw CLIFailure(error.description)
            }
            for entry in entries {
                do {
                    let packet = try entry.result.get()
                    cases.append(LoadedCase(id: packet.id, truth: packet.diagnosisIDs, record: try packet.patientRecord()))
                } catch {
                    refused.append(error.description)
                }
            }
        }
        return (cases, refused)
    }

    /// One phenopacket file: any problem is an error, except, with `lenient`, keys the schema does
    /// not have; warnings (unknown keys, dropped malformed modifiers) go to standard error.
    static func loadOne(_ path: String, lenient: Bool = false) throws -> PatientRecord {
        do {
            let reader = PhenopacketReader(unknownKeys: lenient ? .warn : .reject)
            let (packet, warnings) = try reader.readFileWithWarnings(at: URL(fileURLWithPath: path))
            for w in warnings { FileHandle.standardError.write(Data("warning: \(URL(fileURLWithPath: path).lastPathComponent): \(w)\n".utf8)) }
            return try packet.patientRecord()
        } catch {
            throw CLIFailure(error.description)
        }
    }
}
