import Clinical
import Analytics

/// Synthetic registry data for load tests, demos and the cohort analyses (`ossify db seed`): sites,
/// patients with about ten visits each, and the parts of each visit, drawn from a seeded generator
/// so two runs with the same seed give the same registry. Lesion depths, joint scores, excisions
/// and recurrences follow `NaturalHistory` (see `Seeder+History.swift`). Nothing here is real
/// patient data.
public struct Seeder: Sendable {
    public var patients: Int
    public var visitsPerPatient: Int
    public var seed: UInt64
    /// The parameters the natural histories are drawn from.
    public var history: NaturalHistory
    /// The sites the patients are shared between (in turn), created when missing.
    public var siteCodes: [String]

    public init(patients: Int, visitsPerPatient: Int = 10, seed: UInt64 = 2762, history: NaturalHistory = .standard,
                siteCodes: [String] = ["seed-a", "seed-b", "seed-c"]) {
        self.patients = patients
        self.visitsPerPatient = visitsPerPatient
        self.seed = seed
        self.history = history
        self.siteCodes = siteCodes
    }

    /// Adds the synthetic patients to `store`, one transaction per patient, each audited as a
    /// creation by `who`. Returns the number of visits written.
    @discardableResult
    public func run(on store: RegistryStore, by who: Principal,
                    progress: @Sendable (Int) -> Void = { _ in }) async throws(RegistryError) -> Int {
        var sites: [Site] = try await store.sites()
        for code in siteCodes where !sites.contains(where: { $0.code == code }) {
            sites.append(try await store.createSite(code: code, name: "Synthetic centre \(code.suffix(1).uppercased())", by: who))
        }
        let seedSites = siteCodes.compactMap { code in sites.first { $0.code == code } }
        guard !seedSites.isEmpty else { throw .invalid([FieldProblem("siteCodes", "must name at least one site")]) }
        var rng = SplitMix64(state: seed)
        let batch = UInt64.random(in: 0...UInt64(UInt32.max), using: &rng)
        var visits = 0
        for n in 0..<patients {
            let site = seedSites[n % seedSites.count]
            guard let synthetic = syntheticPatient(n, batch: batch, using: &rng) else { continue }
            let stored = try await store.create(synthetic.patient, parent: site.id, by: who)
            try await store.addVisits(synthetic.visits, patient: stored.id, by: who)
            visits += synthetic.visits.count
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
