import Clinical

/// Synthetic registry data for load tests and demos (`ossify db seed`): sites, patients with about
/// ten visits each, and the parts of each visit, drawn from a seeded generator so two runs with
/// the same seed give the same registry. Nothing here is real patient data.
public struct Seeder: Sendable {
    public var patients: Int
    public var visitsPerPatient: Int
    public var seed: UInt64

    public init(patients: Int, visitsPerPatient: Int = 10, seed: UInt64 = 2762) {
        self.patients = patients
        self.visitsPerPatient = visitsPerPatient
        self.seed = seed
    }

    /// A small deterministic generator (SplitMix64).
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Adds the synthetic patients to `store`, one transaction per patient, each audited as a
    /// creation by `who`. Returns the number of visits written.
    @discardableResult
    public func run(on store: RegistryStore, by who: Principal,
                    progress: @Sendable (Int) -> Void = { _ in }) async throws(RegistryError) -> Int {
        var sites: [Site] = try await store.sites()
        for code in ["seed-a", "seed-b", "seed-c"] where !sites.contains(where: { $0.code == code }) {
            sites.append(try await store.createSite(code: code, name: "Synthetic centre \(code.suffix(1).uppercased())", by: who))
        }
        let seedSites = sites.filter { $0.code.hasPrefix("seed-") }
        var rng = Generator(state: seed)
        let batch = UInt64.random(in: 0...UInt64(UInt32.max), using: &rng)
        var visits = 0
        let regions = BodyRegion.catalog
        let hpo = ["HP:0034282", "HP:0001510", "HP:0004322", "HP:0001263", "HP:0010766", "HP:0002758", "HP:0100777"]
        for n in 0..<patients {
            let site = seedSites[n % seedSites.count]
            let birthYear = Int.random(in: 1980...2022, using: &rng)
            let birth = CivilDate(year: birthYear, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))
            guard let birth else { continue }
            var patient = PatientFields(pseudonym: "SYN-\(batch)-\(n)", birthDate: birth.description,
                                        sex: Bool.random(using: &rng) ? .female : .male)
            patient.orphaCode = "ORPHA:2762"
            patient.geneticGene = "GNAS"
            patient.geneticHgvs = "NM_000516.7:c.565C>T"
            patient.reuseConsent = true
            let stored = try await store.create(patient, parent: site.id, by: who)
            var plan: [(VisitFields, [any RecordFieldsBox])] = []
            var date = birth.adding(days: Int.random(in: 200...2000, using: &rng)) ?? birth
            for v in 0..<visitsPerPatient {
                var parts: [any RecordFieldsBox] = []
                parts.append(Box(PhenotypicFeatureFields(hpoId: hpo[Int.random(in: 0..<hpo.count, using: &rng)], onset: "P\(Int.random(in: 0...5, using: &rng))Y")))
                parts.append(Box(MeasurementFields(loinc: "8302-2", name: "body height", value: Double(60 + v * 6 + Int.random(in: 0...5, using: &rng)), unit: "cm")))
                let region = regions[Int.random(in: 0..<regions.count, using: &rng)]
                parts.append(Box(LesionFields(lesionId: "L\(Int.random(in: 1...4, using: &rng))", region: region.code,
                                              side: region.paired ? (Bool.random(using: &rng) ? .left : .right) : .midline,
                                              surface: Bool.random(using: &rng) ? .anterior : .posterior,
                                              percentOfRegion: Double(Int.random(in: 1...60, using: &rng)),
                                              depth: TissueDepth.allCases[Int.random(in: 0..<TissueDepth.allCases.count, using: &rng)],
                                              morphology: .plaque, imaging: .radiograph)))
                parts.append(Box(JointInvolvementFields(joint: .elbow, side: .left, score: min(2, v / 4))))
                if v == 0 {
                    parts.append(Box(VariantFields(gene: "GNAS", hgvs: "NM_000516.7:c.565C>T", zygosity: .heterozygous,
                                                   parentOfOrigin: .paternal, acmgClass: .pathogenic)))
                    parts.append(Box(DiagnosisFields(code: "ORPHA:2762", label: "Progressive osseous heteroplasia", status: .confirmed)))
                }
                plan.append((VisitFields(date: date.description, kind: v == 0 ? "baseline" : "follow-up"), parts))
                date = date.adding(days: Int.random(in: 90...400, using: &rng)) ?? date
            }
            try await store.addVisits(plan, patient: stored.id, by: who)
            visits += plan.count
            if n % 500 == 499 { progress(n + 1) }
        }
        return visits
    }
}

/// A visit part of any type, for bulk writes.
protocol RecordFieldsBox: Sendable {
    var table: String { get }
    var parentColumn: String { get }
    var columns: [String] { get }
    func values() throws(RegistryError) -> [SQLValue]
}

struct Box<F: RecordFields>: RecordFieldsBox {
    let fields: F
    init(_ fields: F) { self.fields = fields }
    var table: String { F.table }
    var parentColumn: String { F.parentColumn }
    var columns: [String] { F.columns.map(\.column) }
    func values() throws(RegistryError) -> [SQLValue] { try fields.sqlValues() }
}

extension RegistryStore {
    /// Writes visits with their parts for one patient in one transaction (bulk seeding), audited as
    /// one creation.
    func addVisits(_ plan: [(VisitFields, [any RecordFieldsBox])], patient: Int64, by who: Principal) async throws(RegistryError) {
        var prepared: [(values: [SQLValue], parts: [(box: any RecordFieldsBox, values: [SQLValue])])] = []
        for (visit, parts) in plan {
            try Self.validate(visit)
            var p: [(box: any RecordFieldsBox, values: [SQLValue])] = []
            for part in parts { p.append((part, try part.values())) }
            prepared.append((try visit.sqlValues(), p))
        }
        let rows = prepared
        try await RegistryError.wrap(.visit) {
            try await database.transaction { tx in
                try await insertVisits(tx, rows, patient: patient, now: timestamp(), who: who)
            }
        }
    }
}
