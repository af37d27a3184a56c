import Foundation
import Testing
import Ontology
@testable import Clinical

/// The curated files in Knowledge/ load, are internally consistent and cite their sources.
/// (Existence of every HPO id in the pinned release is checked by the lead's ontology test.)
@Suite struct KnowledgeFilesTests {
    let directory: URL

    init() throws { directory = try KnowledgeDirectory.locate() }

    @Test func everyFileLoads() throws {
        _ = try LabKnowledge.load(from: directory.appendingPathComponent(LabKnowledge.fileName))
        _ = try GNASTranscript.load(from: directory.appendingPathComponent(GNASTranscript.fileName))
        _ = try InheritanceKnowledge.load(from: directory.appendingPathComponent(InheritanceKnowledge.fileName))
        _ = try SpectrumKnowledge.load(from: directory.appendingPathComponent(SpectrumKnowledge.fileName))
    }

    @Test(arguments: ["labs.json", "gnas-transcript.json", "gnas-inheritance.json", "gnas-spectrum.json"])
    func hpoIdsHaveValidSyntax(_ file: String) throws {
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        let candidates = text.matches(of: /HP:[0-9A-Za-z]*/).map { String($0.output) }
        for id in candidates {
            #expect(id.wholeMatch(of: /HP:\d{7}/) != nil, "\(file): \(id)")
            #expect(TermID(id)?.hpoNumber != nil)
        }
    }

    @Test func spectrumRulesAreComplete() throws {
        let k = try SpectrumKnowledge.load()
        try k.validate()
        // Every category can be reached by some rule, and the fallback is last.
        #expect(Set(k.rules.map(\.classification)) == Set(SpectrumClass.allCases))
        #expect(k.rules.last?.classification == .unclassified)
        // UNCONFIRMED marks of the domain brief are carried.
        #expect(k.ippsd.unconfirmed)
        #expect(k.thresholds.ahoFeaturesForMultiple.unconfirmed == true)
        #expect(k.definition(.ahoFeatures)?.unconfirmed == true)
        #expect(k.followUp.unconfirmed)
        for c in k.criteria {
            #expect(!c.nextStep.isEmpty && !c.source.isEmpty, "\(c.id)")
            for t in (c.terms ?? []) + (c.supportive ?? []) + (c.featureGroups ?? []).flatMap(\.terms) {
                #expect(t.id.prefix == "HP" && !t.label.isEmpty && k.sources[t.source] != nil, "\(c.id): \(t.id)")
            }
        }
    }

    /// The identifiers of the spectrum categories agree with the disease monographs.
    @Test func spectrumIdentifiersMatchMonographs() throws {
        let k = try SpectrumKnowledge.load()
        for info in k.classifications {
            let file = info.id == .fopSuspected ? "fop" : info.id.rawValue
            let url = directory.appendingPathComponent("monographs/\(file).json")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
            let ids = Set(((object?["identifiers"] as? [[String: Any]]) ?? []).compactMap { $0["value"] as? String })
            for id in [info.omim, info.mondo, info.orpha].compactMap({ $0 }) {
                #expect(ids.contains(id), "\(info.id.rawValue): \(id) not in monographs/\(file).json")
            }
        }
    }

    @Test func spectrumValidationRejectsBrokenRules() throws {
        var k = try SpectrumKnowledge.load()
        k.rules.insert(.init(classification: .poh, when: ["depth-of-bone": .met], reason: "x", source: "S2"), at: 0)
        #expect(throws: KnowledgeError.self) { try k.validate() }
        var noFallback = try SpectrumKnowledge.load()
        noFallback.rules.removeLast()
        #expect(throws: KnowledgeError.self) { try noFallback.validate() }
        var badSource = try SpectrumKnowledge.load()
        badSource.rules[0].source = "S99"
        #expect(throws: KnowledgeError.self) { try badSource.validate() }
    }

    @Test func labValidationRejectsBadIntervals() throws {
        var k = try LabKnowledge.load()
        k.analytes[0].intervals[0].low = 99
        #expect(throws: KnowledgeError.self) { try k.validate() }
        var dup = try LabKnowledge.load()
        dup.analytes[1].aliases.append("PTH")
        #expect(throws: KnowledgeError.self) { try dup.validate() }
    }

    @Test func inheritanceValidationRejectsUnknownSources() throws {
        var k = try InheritanceKnowledge.load()
        try k.validate()
        k.parentsUntested.source = "S1, S404"
        #expect(throws: KnowledgeError.self) { try k.validate() }
        var p = try InheritanceKnowledge.load()
        p.transmission.probability = 1.5
        #expect(throws: KnowledgeError.self) { try p.validate() }
    }

    @Test func missingFileNamesTheFile() {
        #expect {
            _ = try LabKnowledge.load(from: directory.appendingPathComponent("no-such.json"))
        } throws: { error in
            (error as? KnowledgeError)?.file == "no-such.json"
        }
    }
}
