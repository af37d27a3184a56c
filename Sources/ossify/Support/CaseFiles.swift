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
    static func load(_ paths: [String]) throws -> (cases: [LoadedCase], refused: [String]) {
        let reader = PhenopacketReader()
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

    /// One phenopacket file, strictly: any problem is an error.
    static func loadOne(_ path: String) throws -> PatientRecord {
        do {
            return try PhenopacketReader().readFile(at: URL(fileURLWithPath: path)).patientRecord()
        } catch {
            throw CLIFailure(error.description)
        }
    }
}
