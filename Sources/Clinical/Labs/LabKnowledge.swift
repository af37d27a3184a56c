#if canImport(FoundationEssentials)
public import FoundationEssentials
#else
public import Foundation
#endif

/// The curated lab knowledge of `Knowledge/labs.json`: for each analyte its names, LOINC code,
/// units with conversion factors, default reference intervals and the HPO terms a result implies.
public struct LabKnowledge: Sendable, Codable, Hashable {
    public var version: String
    /// Source keys used by the entries (e.g. `S21`) and what they stand for.
    public var sources: [String: String]
    public var analytes: [Analyte]

    public static let fileName = "labs.json"

    public init(version: String, sources: [String: String], analytes: [Analyte]) {
        self.version = version
        self.sources = sources
        self.analytes = analytes
    }

    /// Reads and checks `labs.json`.
    public static func load(from url: URL) throws(KnowledgeError) -> LabKnowledge {
        let knowledge = try KnowledgeLoading.decode(LabKnowledge.self, from: url)
        try knowledge.validate()
        return knowledge
    }

    /// Reads `labs.json` from ``KnowledgeDirectory/locate()``.
    public static func load() throws(KnowledgeError) -> LabKnowledge {
        try load(from: KnowledgeLoading.directory().appendingPathComponent(fileName))
    }

    /// The analyte a name, alias or LOINC code refers to (case-insensitive).
    public func analyte(named name: String) -> Analyte? {
        let key = LabKnowledge.normalize(name)
        return analytes.first { a in
            LabKnowledge.normalize(a.id) == key || a.aliases.contains { LabKnowledge.normalize($0) == key }
        }
    }

    /// The label of a `LOINC:` assay code in exports: the name of the analyte that code is kept
    /// for (labs.json); nil for other codes and for LOINC codes no analyte has.
    public func assayLabel(_ code: String) -> String? {
        guard code.hasPrefix("LOINC:") else { return nil }
        return analytes.first { "LOINC:" + $0.loinc.code == code }?.name
    }

    /// Lower-cased, without spaces, with the micro signs written as `u`.
    static func normalize(_ text: String) -> String {
        // ASCII (nearly every name and code) byte by byte: the lookup runs for every lab a page shows.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for b in text.utf8 where !(b == 0x20 || (0x09...0x0D).contains(b)) {
                bytes.append((0x41...0x5A).contains(b) ? b + 0x20 : b)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return String(text.lowercased().filter { !$0.isWhitespace }.map { $0 == "µ" || $0 == "μ" ? "u" : $0 })
    }

    /// Internal consistency: unique ids and aliases, positive factors, ordered intervals, known sources.
    public func validate() throws(KnowledgeError) {
        var names: Set<String> = []
        for a in analytes {
            for n in Set(([a.id] + a.aliases).map(LabKnowledge.normalize)) {
                guard names.insert(n).inserted else {
                    throw KnowledgeError(file: Self.fileName, reason: "the name '\(n)' is used by two analytes")
                }
            }
            guard a.units.contains(where: { $0.symbol == a.conventionalUnit && $0.perConventional == 1 }) else {
                throw KnowledgeError(file: Self.fileName, reason: "\(a.id): the conventional unit needs a unit entry with factor 1")
            }
            guard a.units.contains(where: { $0.symbol == a.siUnit }) else {
                throw KnowledgeError(file: Self.fileName, reason: "\(a.id): the SI unit has no unit entry")
            }
            for u in a.units where !(u.perConventional.isFinite && u.perConventional > 0) {
                throw KnowledgeError(file: Self.fileName, reason: "\(a.id): unit \(u.symbol) needs a positive factor")
            }
            for i in a.intervals {
                guard let high = i.high, i.low <= high else {
                    throw KnowledgeError(file: Self.fileName, reason: "\(a.id): interval '\(i.population)' needs a high bound not below the low one")
                }
                if let to = i.to, to <= i.from {
                    throw KnowledgeError(file: Self.fileName, reason: "\(a.id): interval '\(i.population)' ends before it starts")
                }
                guard sources[i.source] != nil else {
                    throw KnowledgeError(file: Self.fileName, reason: "\(a.id): unknown source '\(i.source)'")
                }
            }
            guard a.plausible.low < a.plausible.high, sources[a.plausible.source] != nil else {
                throw KnowledgeError(file: Self.fileName, reason: "\(a.id): the plausible range needs low below high and a known source")
            }
            // Every age from birth has an interval for each sex: an interval ends where the next begins.
            let starts = [Age()] + a.intervals.compactMap(\.to)
            for sex in [Sex.male, .female] {
                for age in starts where !a.intervals.contains(where: { ($0.sex == nil || $0.sex == sex) && $0.contains(age: age) }) {
                    throw KnowledgeError(file: Self.fileName, reason: "\(a.id): no reference interval for \(sex.rawValue)s aged \(age)")
                }
            }
        }
    }
}

extension LabKnowledge {
    /// One measurable substance.
    public struct Analyte: Sendable, Codable, Hashable {
        public var id: String
        public var name: String
        public var aliases: [String]
        public var loinc: LOINCCode
        /// The unit the intervals are given in (mg/dL, pg/mL, mIU/L).
        public var conventionalUnit: String
        public var siUnit: String
        public var units: [LabUnit]
        public var intervals: [ReferenceInterval]
        public var lowTerm: SourcedTerm?
        public var highTerm: SourcedTerm?
        public var excludedWhenNormal: [SourcedTerm]
        /// Values outside this range (conventional unit) are refused as entry errors.
        public var plausible: PlausibleRange

        /// The unit a symbol such as `mg/dl` or `µIU/mL` stands for.
        public func unit(_ symbol: String) -> LabUnit? {
            let key = LabKnowledge.normalize(symbol)
            return units.first { u in
                LabKnowledge.normalize(u.symbol) == key || u.aliases.contains { LabKnowledge.normalize($0) == key }
            }
        }
    }

    /// The range, in the conventional unit, outside which a value is taken for an entry error.
    public struct PlausibleRange: Sendable, Codable, Hashable {
        public var low: Double
        public var high: Double
        public var source: String
        /// Why the limits are not confirmed by a primary source, when they are not; shown to the user.
        public var unconfirmed: String?

        public func contains(_ conventionalValue: Double) -> Bool { conventionalValue >= low && conventionalValue <= high }
    }

    public struct LOINCCode: Sendable, Codable, Hashable {
        public var code: String
        /// False while the code is marked "verify" in the domain brief.
        public var verified: Bool
        public var note: String?
        public var source: String
    }

    /// A unit and its factor: a value in this unit is the conventional value times `perConventional`.
    public struct LabUnit: Sendable, Codable, Hashable {
        public var symbol: String
        public var aliases: [String]
        public var perConventional: Double
        public var source: String
    }
}

/// A reference interval in the analyte's conventional unit, for an age range `[from, to)` and
/// optionally one sex.
public struct ReferenceInterval: Sendable, Codable, Hashable {
    public var sex: Sex?
    public var from: Age
    public var to: Age?
    public var low: Double
    /// nil: no upper limit (a laboratory range given as a lower limit only).
    public var high: Double?
    /// Who the interval is for, in words ("males 1-4 years").
    public var population: String
    public var source: String
    /// Why the interval is not a confirmed laboratory reference interval, when it is not; shown to the user.
    public var unconfirmed: String?

    public init(sex: Sex? = nil, from: Age = Age(), to: Age? = nil, low: Double, high: Double?,
                population: String, source: String, unconfirmed: String? = nil) {
        self.unconfirmed = unconfirmed
        self.sex = sex
        self.from = from
        self.to = to
        self.low = low
        self.high = high
        self.population = population
        self.source = source
    }

    func contains(age: Age) -> Bool {
        from.totalDays <= age.totalDays && (to.map { age.totalDays < $0.totalDays } ?? true)
    }
}
