import Clinical
import Ontology
@testable import Phenopackets

/// Synthetic patient records from a seeded generator, each of a form that the export keeps whole:
/// the overall onset is the earliest feature age, every lesion's term is also an observed phenotype
/// (a bare one after the others, as an import records it),
/// zygosity and ACMG class are words the export knows; with scored joints and procedures.
struct RandomRecords {
    /// SplitMix64: reproducible without Foundation.
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }

    mutating func age() -> Age {
        Age(years: int(0...40), months: chance(50) ? int(0...11) : 0, weeks: chance(10) ? int(1...3) : 0,
            days: chance(20) ? int(0...27) : 0)
    }

    mutating func record(id: String) -> PatientRecord {
        let terms = [34282, 11987, 3165, 1513, 4322, 1250, 2748, 11986, 25027, 5930].map(TermID.hpo)
        let onsetTerms = [3593, 11463, 3577, 3581].map(TermID.hpo)
        let lateralities = [12832, 12833, 12834, 12835].map(TermID.hpo)
        var record = PatientRecord(id: id, sex: pick([.female, .male, .other, .unknown]), age: chance(80) ? age() : nil)
        var seen: Set<TermID> = []
        for _ in 0..<int(0...8) {
            let term = pick(terms)
            guard seen.insert(term).inserted else { continue }
            var p = PhenotypeObservation(term: term, excluded: chance(25))
            if chance(40) { p.onset = chance(70) ? .age(age()) : .term(pick(onsetTerms)) }
            if chance(20) { p.severity = pick([12825, 12826, 12828].map(TermID.hpo)) }
            if chance(20) { p.laterality = pick(lateralities) }
            if chance(15) { p.modifiers = [TermID.hpo(31796)] }
            record.phenotypes.append(p)
        }
        var implied: Set<TermID> = []
        for index in 0..<int(0...4) {
            var lesion = Lesion(region: pick(BodySite.regions.map(\.name) + ["elbow", "scalp; left"]))
            if chance(50) { lesion.id = "L\(index)" }
            if chance(70) { lesion.side = pick(BodySide.allCases) }
            if chance(70) { lesion.depth = pick(TissueDepth.allCases) }
            if chance(50) { lesion.morphology = pick(LesionMorphology.allCases) }
            if chance(50) { lesion.age = age() }
            if chance(50) { lesion.percentOfRegion = Double(int(0...1000)) / 10 }
            if chance(30) { lesion.surface = pick(BodySurface.allCases) }
            if chance(30) { lesion.imaging = pick(ImagingModality.allCases) }
            // Region names the note cannot keep exactly are not generated.
            if lesion.region.contains(";") { lesion.region = "scalp" }
            record.lesions.append(lesion)
            // A lesion's term is observed: as a phenotype with more to say (onset, severity), or as
            // a bare observation after all the others, in the order of the lesions, which is where
            // an import puts it (the export leaves bare ones out, the lesion's feature says it).
            let term = Phenopacket.defaultLesionTerm(lesion)
            let bare = PhenotypeObservation(term: term)
            if !implied.contains(term) {
                if record.phenotypes.contains(bare) || !record.phenotypes.contains(where: { $0.term == term && !$0.excluded }) {
                    record.phenotypes.removeAll { $0.term == term && ($0 == bare || $0.excluded) }
                    record.phenotypes.append(bare)
                    implied.insert(term)
                }
            }
        }
        let ages = record.phenotypes.filter { !$0.excluded }.compactMap { if case .age(let a)? = $0.onset { a } else { nil } }
            + record.lesions.compactMap(\.age)
        record.onset = ages.min().map(Onset.age)
        for _ in 0..<int(0...3) {
            var lab = LabResult(analyte: pick(["LOINC:2731-8", "LOINC:17861-6", "LOINC:2777-1"]),
                                value: Double(int(0...4000)) / 10, unit: pick(["pg/mL", "mmol/L", "mg/dL"]))
            if chance(50) { lab.referenceLow = Double(int(0...50)) / 10 }
            if chance(50) { lab.referenceHigh = Double(int(60...900)) / 10 }
            if chance(50) { lab.ageAtMeasurement = age() }
            if chance(20) { lab.bodySite = pick(["lower-leg", "forearm", "thigh", "upper-arm"]) }
            if chance(20) { lab.side = pick(BodySide.allCases) }
            record.labs.append(lab)
        }
        for _ in 0..<int(0...3) {
            var v = VariantObservation(gene: chance(80) ? pick(["GNAS", "ACVR1", "BMP2"]) : nil)
            if chance(70) {
                v.hgvs = pick(["NM_000516.7:c.565_568del", "NC_000020.11:g.58909000del", "NP_000507.1:p.(Arg201His)", "GNAS deletion"])
            }
            if chance(50) { v.zygosity = pick(["heterozygous", "homozygous", "hemizygous", "compound heterozygous"]) }
            if chance(50) { v.origin = pick(ParentOfOrigin.allCases) }
            if chance(50) { v.acmgClass = pick(["pathogenic", "likely pathogenic", "uncertain significance", "likely benign", "benign"]) }
            if v != VariantObservation() { record.variants.append(v) }
        }
        for _ in 0..<int(0...3) {
            record.joints.append(JointInvolvement(joint: pick(Joint.allCases), side: chance(70) ? pick(BodySide.allCases) : nil,
                                                  score: int(0...2), age: chance(70) ? age() : nil))
        }
        for _ in 0..<int(0...2) {
            var p = ProcedureObservation(kind: pick(ProcedureKind.allCases), date: "20\(int(10...25))-0\(int(1...9))-1\(int(0...9))")
            if chance(60) { p.lesionID = record.lesions.compactMap(\.id).first ?? "L9" }
            if chance(60) { p.recurrence = chance(50) }
            if p.recurrence == true, chance(70) { p.recurrenceDate = "2026-0\(int(1...9))-2\(int(0...8))" }
            record.procedures.append(p)
        }
        return record
    }
}
