import Analytics
import ArgumentParser
import Foundation
import Registry

/// `ossify cohort bench`: seeds a new SQLite registry with synthetic patients and times the read
/// of the cohort and each analysis on it (median of `--runs`). The target is ≤ 1 s per analysis on
/// 10,000 patients in a release build.
struct CohortBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Seed synthetic patients and time each analysis.")

    @Option(help: "Synthetic patients to seed.")
    var patients = 10_000
    @Option(help: "Runs of each analysis; the median is reported.")
    var runs = 3
    @Option(help: "SQLite file to seed (must not exist); a temporary file when omitted. An existing file with --reuse.")
    var database: String?
    @Flag(help: "Time the analyses on the patients already in --database instead of seeding.")
    var reuse = false

    func validate() throws {
        guard (10...200_000).contains(patients) else { throw ValidationError("--patients must be from 10 to 200000") }
        guard (1...20).contains(runs) else { throw ValidationError("--runs must be from 1 to 20") }
        if reuse, database == nil { throw ValidationError("--reuse needs --database") }
        if let database, !reuse, FileManager.default.fileExists(atPath: database) {
            throw ValidationError("--database names an existing file; pass --reuse to time it as it is")
        }
    }

    func run() async throws {
        let path = database ?? FileManager.default.temporaryDirectory.appendingPathComponent("ossify-cohort-bench-\(UUID().uuidString).sqlite").path
        defer {
            if database == nil {
                for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            }
        }
        do {
            let store = try await RegistryStore.open(path)
            try await store.migrate()
            if !reuse {
                let start = ContinuousClock.now
                try await Seeder(patients: patients).run(on: store, by: .operatorConsole)
                print("seeded \(patients) patients in \(Self.seconds(ContinuousClock.now - start)) s")
            }
            let service = CohortService(store: store)
            let who = Principal(userID: nil, username: "ossify-cli bench", role: .researcher, siteID: nil)
            let policy = service.policy(for: who)
            var cohort: [PatientHistory] = []
            let read = try await Self.time(runs) { cohort = try await store.cohort(CohortFilter(), by: who) }
            var rows: [(String, Double)] = [("read the whole cohort, every part (\(cohort.count) patients)", read)]
            for event in SurvivalEvent.allCases {
                let grouping: CohortGrouping? = event == .recurrence ? .morphology : .parentOfOrigin
                rows.append(("survival \(event.rawValue) by \(grouping?.rawValue ?? "-")", try await Self.time(runs) {
                    _ = try CohortJSON.encode(SurvivalReport(event: event, patients: cohort, grouping: grouping, policy: policy))
                }))
            }
            rows.append(("progression (multi-state model)", try await Self.time(runs) {
                _ = try CohortJSON.encode(ProgressionReport(patients: cohort, policy: policy))
            }))
            for grouping in CohortGrouping.ofPatients {
                var report: FeatureReport?
                let seconds = try await Self.time(runs) {
                    let made = FeatureReport(patients: cohort, by: grouping, policy: policy)
                    _ = try CohortJSON.encode(made)
                    report = made
                }
                let tables = report?.tables ?? [], exact = tables.filter { $0.method == .fisherExact }.count
                let shape = "2 x \(report?.groups.count ?? 0)", nodes = tables.map(\.nodes).max() ?? 0
                rows.append(("features by \(grouping.rawValue) (\(tables.count) tables of \(shape), \(exact) exact; at most \(nodes) nodes)", seconds))
            }
            rows.append(("rates", try await Self.time(runs) {
                _ = try CohortJSON.encode(RatesReport(patients: cohort, policy: policy))
            }))
            // End to end as the API and the CLI run them: the read of the parts used, then the analysis.
            let all = CohortFilter()
            rows.append(("end to end: survival first-deep-lesion by parent-of-origin", try await Self.time(runs) {
                _ = try CohortJSON.encode(try await service.survival(.firstDeepLesion, grouping: .parentOfOrigin, filter: all, by: who))
            }))
            rows.append(("end to end: survival recurrence by morphology", try await Self.time(runs) {
                _ = try CohortJSON.encode(try await service.survival(.recurrence, grouping: nil, filter: all, by: who))
            }))
            rows.append(("end to end: progression", try await Self.time(runs) {
                _ = try CohortJSON.encode(try await service.progression(filter: all, by: who))
            }))
            for grouping in CohortGrouping.ofPatients {
                rows.append(("end to end: features by \(grouping.rawValue)", try await Self.time(runs) {
                    _ = try CohortJSON.encode(try await service.features(by: grouping, filter: all, by: who))
                }))
            }
            rows.append(("end to end: rates", try await Self.time(runs) {
                _ = try CohortJSON.encode(try await service.rates(filter: all, by: who))
            }))
            await store.close()
            print("median of \(runs) runs, \(ProcessInfo.processInfo.activeProcessorCount) cores (analyses on the cohort read once; each includes its JSON encoding):")
            print("| step | seconds |")
            print("|---|---|")
            for (name, s) in rows { print("| \(name) | \(String(format: "%.3f", s)) |") }
        } catch let error as RegistryError {
            throw RegistryExit.report(error)
        }
    }

    static func time(_ runs: Int, _ body: () async throws -> Void) async throws -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = ContinuousClock.now
            try await body()
            times.append(seconds(ContinuousClock.now - start))
        }
        return times.sorted()[times.count / 2]
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
