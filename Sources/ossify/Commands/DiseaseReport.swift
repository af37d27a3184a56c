import Clinical
import Ontology

/// What `ossify disease --json` prints: the curated monograph (with the sources it cites and the
/// profile derived from the HPO annotations), or the derived profile alone.
struct DiseaseReport: Encodable {
    enum Kind: String, Encodable { case monograph, derived }

    var kind: Kind
    /// The curated monograph's file, relative to the repository.
    var file: String?
    var monograph: Monograph?
    /// The sources the monograph cites, with full citations.
    var sources: [MonographSource]?
    /// The facts marked UNCONFIRMED, by JSON path within `monograph`.
    var unconfirmed: [String]?
    /// Derived from the HPO annotations, not curated.
    var hpoProfile: DiseaseProfile?
}
