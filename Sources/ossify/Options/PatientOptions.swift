public import ArgumentParser
import Clinical
import Ontology

/// The patient given on the command line, shared by `diagnose` and `assess`: a phenopacket file, or
/// findings as flags (flags add to a file's findings).
struct PatientOptions: ParsableArguments {
    @Argument(help: "A GA4GH Phenopacket v2 JSON file.")
    var phenopacket: String?

    @Option(name: .customLong("present"), parsing: .singleValue,
            help: "Observed HPO terms, comma-separated (repeatable).")
    var present: [String] = []

    @Option(name: .customLong("excluded"), parsing: .singleValue,
            help: "Excluded HPO terms, comma-separated (repeatable).")
    var excluded: [String] = []

    @Option(help: "Age at onset as an ISO 8601 duration (P2Y) or an HPO onset term (HP:0003593).")
    var onset: String?

    @Option(help: "Age at the last encounter as an ISO 8601 duration, e.g. P9Y.")
    var age: String?

    @Option(help: "Sex at birth: female, male, other, unknown.")
    var sex: Sex?

    @Option(name: .customLong("lab"), parsing: .singleValue,
            help: "A lab value as NAME=VALUE UNIT, e.g. \"PTH=40 pg/mL\" (repeatable).")
    var labs: [String] = []

    @Option(help: "A gene symbol found to carry the causal variant, e.g. GNAS.")
    var gene: String?

    @Option(help: "An HGVS expression, e.g. NM_000516.7:c.565_568del.")
    var variant: String?

    @Option(help: "Parent of origin of the variant: paternal, maternal, de novo, unknown.")
    var origin: ParentOfOrigin?

    @Flag(help: "Read a phenopacket with keys the schema does not have, with a warning for each (by default such a file is refused).")
    var lenient = false

    @Option(name: .customLong("gnas-sequencing"), help: "GNAS (Gs-alpha) sequencing result: variant, negative, not-done.")
    var gnasSequencing: TestResults.Sequencing?

    @Option(name: .customLong("gnas-methylation"), help: "GNAS methylation result: loss-AB, broad-loss, stx16-deletion, patUPD20q, normal.")
    var gnasMethylation: TestResults.Methylation?

    @Option(name: .customLong("acvr1"), help: "ACVR1 testing result: variant, negative.")
    var acvr1: TestResults.ACVR1?

    @Option(name: .customLong("gs-alpha-activity"), help: "Erythrocyte Gs-alpha activity: reduced, normal.")
    var gsAlphaActivity: TestResults.GsAlphaActivity?

    @Option(name: .customLong("lesion-imaging"), help: "What imaging or histology shows the lesions to be: bone, calcification.")
    var lesionImaging: TestResults.LesionNature?

    @Option(name: .customLong("flare-ups"), help: "Flare-ups (painful soft-tissue swellings before new bone): yes, no.")
    var flareUps: YesNo?

    var hasFlagFindings: Bool {
        !present.isEmpty || !excluded.isEmpty || !labs.isEmpty || gene != nil || variant != nil || !flagTests.isEmpty
    }

    /// The test results given as flags.
    var flagTests: TestResults {
        TestResults(gnasSequencing: gnasSequencing, gnasMethylation: gnasMethylation, acvr1: acvr1,
                    gsAlphaActivity: gsAlphaActivity, lesionImaging: lesionImaging, flareUps: flareUps.map { $0 == .yes })
    }

    func validate() throws {
        if gnasSequencing == .negative, gene?.uppercased() == "GNAS" {
            throw ValidationError("--gnas-sequencing negative contradicts --gene GNAS: give one or the other")
        }
        if acvr1 == .negative, gene?.uppercased() == "ACVR1" {
            throw ValidationError("--acvr1 negative contradicts --gene ACVR1: give one or the other")
        }
    }

    /// The record described by the flags alone (a phenopacket, when given, is merged by the caller).
    func flagRecord() throws -> PatientRecord {
        var record = PatientRecord(sex: sex ?? .unknown)
        do {
            if let age { record.age = try Age(iso8601: age) }
            if let onset {
                if onset.hasPrefix("HP:") {
                    guard let id = TermID(onset) else { throw ValidationError("--onset: '\(onset)' is not an HPO id") }
                    record.onset = .term(id)
                } else {
                    record.onset = .age(try Age(iso8601: onset))
                }
            }
        } catch let error as AgeError {
            throw ValidationError("--age/--onset: \(error.description)")
        }
        for (flag, lists, isExcluded) in [("--present", present, false), ("--excluded", excluded, true)] {
            for (position, item) in lists.flatMap({ $0.split(separator: ",") }).enumerated() {
                let text = item.trimmingSpaces
                guard let id = TermID(text) else {
                    throw ValidationError("\(flag) item \(position + 1): '\(text)' is not an ontology id such as HP:0034282")
                }
                record.phenotypes.append(PhenotypeObservation(term: id, excluded: isExcluded))
            }
        }
        for (index, text) in labs.enumerated() {
            record.labs.append(try Self.parseLab(text, position: index + 1))
        }
        if !flagTests.isEmpty { record.tests = flagTests }
        if gene != nil || variant != nil || origin != nil {
            var symbol = gene
            if let variant {
                let parsed: HGVSVariant
                do {
                    parsed = try HGVSVariant(parsing: variant)
                } catch {
                    throw ValidationError("--variant: \(error.description)\n  \(variant)\n  \(error.caretLine)")
                }
                // The gene of a GNAS transcript (NM_000516) or of "NM_...(GENE):c." when not given.
                if symbol == nil { symbol = parsed.gene ?? (parsed.reference?.hasPrefix("NM_000516") == true ? "GNAS" : nil) }
            }
            guard origin == nil || variant != nil || gene != nil else {
                throw ValidationError("--origin needs --gene or --variant")
            }
            record.variants.append(VariantObservation(gene: symbol, hgvs: variant, origin: origin))
        }
        return record
    }

    /// Parses `NAME=VALUE UNIT`, e.g. `calcium=2.35 mmol/L`.
    static func parseLab(_ text: String, position: Int) throws -> LabResult {
        let parts = text.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, !parts[0].trimmingSpaces.isEmpty else {
            throw ValidationError("--lab #\(position): expected NAME=VALUE UNIT, e.g. \"PTH=40 pg/mL\"")
        }
        let rhs = parts[1].trimmingSpaces
        let valueText = rhs.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" }
        guard let value = Double(valueText), value.isFinite else {
            throw ValidationError("--lab #\(position): the value after '=' is not a number")
        }
        let unit = rhs.dropFirst(valueText.count).trimmingSpaces
        guard !unit.isEmpty else {
            throw ValidationError("--lab #\(position): the unit is missing, e.g. \"calcium=2.35 mmol/L\"")
        }
        return LabResult(analyte: parts[0].trimmingSpaces, value: value, unit: unit)
    }
}

extension Sex: ExpressibleByArgument {}
extension TestResults.Sequencing: ExpressibleByArgument {}
extension TestResults.Methylation: ExpressibleByArgument {}
extension TestResults.ACVR1: ExpressibleByArgument {}
extension TestResults.GsAlphaActivity: ExpressibleByArgument {}
extension TestResults.LesionNature: ExpressibleByArgument {}

enum YesNo: String, ExpressibleByArgument, CaseIterable {
    case yes, no
}
extension ParentOfOrigin: ExpressibleByArgument {}

extension StringProtocol {
    var trimmingSpaces: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}

extension PatientOptions {
    /// The patient: the phenopacket's record (when a file is given) with the flags' findings added.
    func loadRecord() throws -> PatientRecord {
        var record = try flagRecord()
        if let path = phenopacket {
            var base = try CaseFiles.loadOne(path, lenient: lenient)
            base.phenotypes += record.phenotypes
            base.labs += record.labs
            base.variants += record.variants
            if let tests = record.tests { base.tests = (base.tests ?? TestResults()).merging(tests) }
            if sex != nil { base.sex = record.sex }
            if record.age != nil { base.age = record.age }
            if record.onset != nil { base.onset = record.onset }
            record = base
        }
        return record
    }

    /// A query builder's field (`phenotypes[3] HP:...`, `labs[0] calcium`) as the user typed it:
    /// the flag and the item's position for findings given as flags (they follow a file's own).
    func userField(_ field: String, record: PatientRecord) -> String {
        let flagTerms = (present + excluded).flatMap { $0.split(separator: ",") }.count
        func position(_ prefix: String) -> Int? {
            guard field.hasPrefix(prefix + "[") else { return nil }
            return Int(field.dropFirst(prefix.count + 1).prefix { $0.isNumber })
        }
        if let i = position("phenotypes"), i >= record.phenotypes.count - flagTerms {
            let k = i - (record.phenotypes.count - flagTerms)
            let presentCount = present.flatMap { $0.split(separator: ",") }.count
            return k < presentCount ? "--present item \(k + 1)" : "--excluded item \(k - presentCount + 1)"
        }
        if let i = position("labs"), i >= record.labs.count - labs.count {
            return "--lab item \(i - (record.labs.count - labs.count) + 1)"
        }
        return field
    }
}
