import Analytics
import ArgumentParser
import Foundation
import Registry

/// `ossify cohort survival|progression|features|rates|bench`: the natural-history analyses of the
/// registry, with the same JSON as `/api/v1/cohort/...` (both go through `CohortService`).
struct CohortCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cohort", abstract: "Natural history: survival, progression, genotype-phenotype, rates.",
        subcommands: [Survival.self, Progression.self, Features.self, Rates.self, CohortFisher.self, CohortBench.self])

    struct Survival: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Kaplan-Meier, log-rank and Cox for one event.")
        @Option(help: "first-lesion, first-deep-lesion, first-ankylosis, recurrence or first-surgery.")
        var event: SurvivalEvent
        @Option(help: "Compare groups: sex, parent-of-origin, variant-class, diagnosis (recurrence: morphology, the default).")
        var group: CohortGrouping?
        @Option(name: .customLong("risk-times"), help: "Years at which to count the patients at risk, comma-separated.")
        var riskTimes: String = "0,1,2,5,10"
        @OptionGroup var options: CohortOptions

        var times: [Double] { riskTimes.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) } }

        func validate() throws {
            if group == .morphology, event != .recurrence { throw ValidationError("--group morphology is for --event recurrence only") }
            let parts = riskTimes.split(separator: ",", omittingEmptySubsequences: false)
            guard (1...20).contains(parts.count), times.count == parts.count, times.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw ValidationError("--risk-times must be 1 to 20 comma-separated years, none negative")
            }
        }

        func run() async throws {
            let report = try await CohortRun.with(options) { service in
                try await service.survival(event, grouping: group, filter: options.filter, riskTimes: times, by: options.principal)
            }
            try CohortRun.emit(report, options: options, svg: { KaplanMeierPlot.svg(report) }) {
                var lines = ["\(event.rawValue): n = \(report.n)" + report.excluded.sorted { $0.key < $1.key }.map { ", \($0.key) \($0.value)" }.joined()]
                for c in report.curves {
                    lines.append("  \(c.group): median \(CohortRun.years(c.median)) (95% CI \(CohortRun.years(c.medianLower)) to \(CohortRun.years(c.medianUpper)))")
                }
                for g in report.curves.map(\.group) {
                    let counts = report.atRisk[g] ?? []
                    lines.append("  at risk, \(g): " + zip(report.riskTimes, counts).map { "\(Output.number($0)) y \($1)" }.joined(separator: ", "))
                }
                if let l = report.logrank { lines.append("  log-rank chisq \(Output.number(l.chisq)) df \(l.df) p \(CohortRun.p(l.p))") }
                for t in report.cox {
                    lines.append("  Cox \(t.term) vs \(report.coxReference ?? ""): HR \(Output.number(t.hr)) (\(Output.number(t.lower)) to \(Output.number(t.upper))) p \(CohortRun.p(t.p))")
                }
                return lines
            }
        }
    }

    struct Progression: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Multi-state model of the deepest tissue reached (panel data).")
        @OptionGroup var options: CohortOptions

        func run() async throws {
            let report = try await CohortRun.with(options) { service in
                try await service.progression(filter: options.filter, by: options.principal)
            }
            try CohortRun.emit(report, options: options, svg: { StateOccupationPlot.svg(report) }) {
                var lines = ["progression: n = \(report.n)"]
                for (i, s) in report.states.enumerated().dropLast() {
                    let q = report.q[i][i + 1]
                    let lo = report.qLower.isEmpty ? nil : report.qLower[i][i + 1]
                    let hi = report.qUpper.isEmpty ? nil : report.qUpper[i][i + 1]
                    lines.append("  \(s) -> \(report.states[i + 1]): \(Output.number(q, digits: 4)) per year (\(lo.map { Output.number($0, digits: 4) } ?? "-") to \(hi.map { Output.number($0, digits: 4) } ?? "-"))")
                }
                lines.append("  P(deep tissue) 5 years after onset \(report.pDeep5y.map { Output.number($0) } ?? "-"), 10 years \(report.pDeep10y.map { Output.number($0) } ?? "-")")
                return lines
            }
        }
    }

    struct Features: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "HPO features by group: Fisher's exact test, Benjamini-Hochberg.")
        @Option(help: "sex, parent-of-origin, variant-class or diagnosis.")
        var by: CohortGrouping = .parentOfOrigin
        @OptionGroup var options: CohortOptions

        func validate() throws {
            if by == .morphology { throw ValidationError("--by must be sex, parent-of-origin, variant-class or diagnosis") }
        }

        func run() async throws {
            let report = try await CohortRun.with(options) { service in
                try await service.features(by: by, filter: options.filter, by: options.principal)
            }
            try CohortRun.emit(report, options: options, svg: { FeatureBarsPlot.svg(report) }) {
                var lines = ["features by \(by.rawValue): n = \(report.n), groups \(report.groups.joined(separator: ", "))"]
                for t in report.tables {
                    let cells = report.groups.map { "\($0) \(t.present[$0]?.description ?? "0")/\(report.groupSizes[$0]?.description ?? "0")" }
                    lines.append("  \(t.hpoId): \(cells.joined(separator: ", ")); p \(CohortRun.p(t.p)), adjusted \(CohortRun.p(t.pAdjusted))\(t.method == .monteCarlo ? " (Monte Carlo)" : "")")
                }
                return lines
            }
        }
    }

    struct Rates: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "New body regions and %BSA per year; limb length discrepancy by age.")
        @OptionGroup var options: CohortOptions

        func validate() throws {
            if options.svg != nil { throw ValidationError("--svg: the rates have no plot") }
        }

        func run() async throws {
            let report = try await CohortRun.with(options) { service in
                try await service.rates(filter: options.filter, by: options.principal)
            }
            try CohortRun.emit(report, options: options, svg: nil) {
                func s(_ x: Summary) -> String {
                    "median \(x.median.map { Output.number($0) } ?? "-") (IQR \(x.q1.map { Output.number($0) } ?? "-") to \(x.q3.map { Output.number($0) } ?? "-"))"
                }
                return ["rates: n = \(report.n)", "  new body regions per year: \(s(report.regionsPerYear))",
                        "  %BSA per year: \(s(report.bsaPerYear))",
                        "  limb segment discrepancies (left minus right): \(report.limbDiscrepancy.count) measurements"]
            }
        }
    }
}

/// Opening the store, running one analysis, and printing it.
enum CohortRun {
    static func with<T>(_ options: CohortOptions, _ body: (CohortService) async throws -> T) async throws -> T {
        do {
            let store = try await RegistryStore.open(options.db.database, password: Root.databasePassword)
            try await store.migrate()
            let result = try await body(CohortService(store: store, suppressBelow: options.suppressBelow))
            await store.close()
            return result
        } catch let error as RegistryError {
            throw RegistryExit.report(error)
        }
    }

    static func emit<T: Encodable>(_ report: T, options: CohortOptions, svg: (() -> String)?, text: () -> [String]) throws {
        if let file = options.svg, let svg {
            do {
                try Data(svg().utf8).write(to: URL(fileURLWithPath: file))
            } catch {
                printError("cannot write the file named by --svg")
                throw ExitCode(73)
            }
        }
        if options.json {
            let data = try CohortJSON.encode(report)
            FileHandle.standardOutput.write(data)
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            print(text().joined(separator: "\n"))
        }
    }

    static func p(_ value: Double) -> String { value < 0.0001 ? "<0.0001" : Output.number(value, digits: 4) }

    static func years(_ value: Double?) -> String { value.map { Output.number($0, digits: 2) + " y" } ?? "not reached" }
}
