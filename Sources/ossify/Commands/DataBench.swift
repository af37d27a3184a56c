import Composition
import ArgumentParser
import Foundation
import Ontology

/// Measures loading in fresh processes: a cold parse of the gzip release files (no snapshot) and a
/// warm load from the snapshot, each with its peak resident memory; optionally hpo3 alongside.
struct DataBench: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Measure cold parse, warm load and memory (each in a fresh process).")

    @Option(help: "Runs of each phase; the median is reported.")
    var runs = 5

    @Option(help: "Internal: run one phase in this process (cold or warm) and print its figures.")
    var phase: String?

    @Flag(help: "Also time the peer hpo3 (PyPI) loading its ontology, when python3 can import it.")
    var peer = false

    func validate() throws {
        guard (1...50).contains(runs) else { throw ValidationError("--runs must be from 1 to 50") }
        if let phase, phase != "cold", phase != "warm" { throw ValidationError("--phase must be cold or warm") }
    }

    func run() throws {
        if let phase {
            let store = try Root.composition().release
            let start = DispatchTime.now().uptimeNanoseconds
            let kb: KnowledgeBase
            if phase == "cold" {
                kb = try KnowledgeBaseLoader.parse(try KnowledgeBaseLoader.readRelease(store.dataDirectory), source: store.origin)
            } else {
                let (loaded, report) = try KnowledgeBaseLoader.load(store)
                guard report.path == .snapshot else { throw CLIFailure("no snapshot was cached yet") }
                kb = loaded
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print("\(seconds) \(peakRSSMegabytes()) \(kb.terms.count) \(kb.diseases.count)")
            return
        }
        _ = try KnowledgeBaseLoader.load(try Root.composition().release)  // make sure the snapshot exists
        var results: [String: [(Double, Double)]] = [:]
        for phase in ["cold", "warm"] {
            for _ in 0..<runs {
                let out = try runSelf(["data", "bench", "--phase", phase])
                let f = out.split(separator: " ").compactMap { Double($0) }
                guard f.count >= 2 else { throw CLIFailure("phase \(phase) printed no figures") }
                results[phase, default: []].append((f[0], f[1]))
            }
        }
        func median(_ xs: [Double]) -> Double { let s = xs.sorted(); return s[s.count / 2] }
        print("Knowledge base loading, median of \(runs) fresh processes each (\(ProcessInfo.processInfo.activeProcessorCount) cores):")
        for phase in ["cold", "warm"] {
            let r = results[phase] ?? []
            let label = phase == "cold" ? "cold parse of the gzip release" : "warm load from the snapshot  "
            print("  \(label): \(String(format3: median(r.map(\.0)))) s, peak RSS \(Int(median(r.map(\.1)))) MB")
        }
        if peer {
            let script = "import time; t=time.perf_counter(); from pyhpo import Ontology; Ontology(); print(time.perf_counter()-t)"
            var times: [Double] = []
            for _ in 0..<runs {
                guard let out = try? runProcess("/usr/bin/env", ["python3", "-c", script]), let t = Double(out.trimmingSpaces) else {
                    print("  hpo3: not measured (python3 cannot import pyhpo; pip install hpo3)")
                    return
                }
                times.append(t)
            }
            print("  hpo3 Ontology() load (peer)    : \(String(format3: median(times))) s")
        }
    }

    func runSelf(_ args: [String]) throws -> String {
        guard let exe = Bundle.main.executablePath else { throw CLIFailure("cannot find this executable") }
        return try runProcess(exe, args)
    }

    func runProcess(_ exe: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: exe)
        p.arguments = args
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw CLIFailure("\(exe) \(args.joined(separator: " ")) failed") }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Peak resident set size of this process in MB (VmHWM from /proc/self/status; 0 where unavailable).
func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}
