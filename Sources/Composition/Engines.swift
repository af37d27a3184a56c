public import Foundation
public import Clinical
public import Diagnosis
public import Ontology

/// The engines the registry runs on stored records: the diagnosis service (HPO release, lab
/// intervals, genotype rules, monographs) and the GNAS-spectrum knowledge. Loaded once at start.
public struct Engines: Sendable {
    public let diagnosis: DiagnosisService
    public let spectrum: SpectrumKnowledge
    public let labs: LabKnowledge
    public let transcript: GNASTranscript

    public init(diagnosis: DiagnosisService, spectrum: SpectrumKnowledge, labs: LabKnowledge, transcript: GNASTranscript) {
        self.diagnosis = diagnosis
        self.spectrum = spectrum
        self.labs = labs
        self.transcript = transcript
    }

    /// The data release stored with every result: the HPO release and the Knowledge/ versions.
    public var dataRelease: String {
        "HPO \(diagnosis.kb.release.hpoVersion) (annotations \(diagnosis.kb.release.annotationVersion)); "
            + "labs \(labs.version); GNAS spectrum \(spectrum.version)"
    }

    public static let assessmentEngineVersion = "ossify-gnas-spectrum 2.0"

    /// The engines over a knowledge base and the knowledge folder (``CompositionRoot/engines()`` finds both).
    public static func load(kb: KnowledgeBase, knowledge dir: URL) throws -> Engines {
        Engines(
            diagnosis: try DiagnosisService.load(kb: kb, knowledgeDirectory: dir),
            spectrum: try SpectrumKnowledge.load(from: dir.appendingPathComponent(SpectrumKnowledge.fileName)),
            labs: try LabKnowledge.load(from: dir.appendingPathComponent(LabKnowledge.fileName)),
            transcript: try GNASTranscript.load(from: dir.appendingPathComponent(GNASTranscript.fileName)))
    }
}
