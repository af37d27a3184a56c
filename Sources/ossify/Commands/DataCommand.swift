import Composition
import ArgumentParser
import Foundation
import Ontology

struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "The HPO release in use: show it, import a newer one, measure loading.",
        subcommands: [DataInfo.self, DataImport.self, DataReset.self, DataBench.self])
}

struct DataInfo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "info", abstract: "Say which HPO release is in use and where it comes from.")

    @Flag(help: "Print JSON.")
    var json = false

    struct Output: Encodable {
        var hpoVersion: String, annotationVersion: String, origin: String, directory: String, checksum: String
        var terms: Int, obsoleteTerms: Int, diseases: [String: Int], genes: Int, annotations: Int, loadedFrom: String
        var knowledgeDirectory: String, installation: String
    }

    func run() throws {
        let root = try Root.composition()
        let store = root.release
        let (kb, report) = try KnowledgeBaseLoader.load(store)
        var sizes: [String: Int] = [:]
        for c in Corpus.allCases { sizes[c.rawValue] = kb.corpusSizes[c] ?? 0 }
        let out = Output(hpoVersion: kb.release.hpoVersion, annotationVersion: kb.release.annotationVersion,
                         origin: store.origin, directory: store.dataDirectory.path, checksum: kb.release.checksum,
                         terms: kb.terms.filter { !$0.isObsolete }.count, obsoleteTerms: kb.terms.filter(\.isObsolete).count,
                         diseases: sizes, genes: kb.genes.count, annotations: kb.annotations.reduce(0) { $0 + $1.count },
                         loadedFrom: report.path == .snapshot ? "snapshot \(report.snapshotFile?.path ?? "")" : "parsed release files",
                         knowledgeDirectory: root.paths.knowledge.path, installation: root.paths.origin.description)
        if json { return try printJSON(out) }
        print("HPO release \(out.hpoVersion) (annotations \(out.annotationVersion))")
        print("Origin: \(out.origin), \(out.directory)")
        print("Checksum: \(out.checksum); loaded from \(out.loadedFrom)")
        print("Terms: \(out.terms) current, \(out.obsoleteTerms) obsolete; annotations: \(out.annotations); genes: \(out.genes)")
        print("Knowledge: \(out.knowledgeDirectory) (\(out.installation))")
        print("Diseases: OMIM \(sizes["omim"] ?? 0), ORPHA \(sizes["orpha"] ?? 0), DECIPHER \(sizes["decipher"] ?? 0), all \(sizes["all"] ?? 0)")
    }
}

struct DataImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Validate an official HPO release folder (hp.obo, phenotype.hpoa, genes_to_phenotype.txt, plain or .gz) and use it from now on.")

    @Argument(help: "The folder holding the release files.")
    var directory: String

    func run() throws {
        let source = URL(fileURLWithPath: directory)
        let kb: KnowledgeBase
        do {
            kb = try KnowledgeBaseLoader.parse(try KnowledgeBaseLoader.readRelease(source), source: "imported")
        } catch {
            throw CLIFailure("not imported: \(error.description)")
        }
        let target = ReleaseStore.importDirectory(environment: Root.environment)
        let fm = FileManager.default
        let staging = target.deletingLastPathComponent().appendingPathComponent("hpo.importing-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        for name in [ReleaseStore.fileNames.obo, ReleaseStore.fileNames.hpoa, ReleaseStore.fileNames.genes] {
            let gz = source.appendingPathComponent(name + ".gz")
            let plain = source.appendingPathComponent(name)
            if fm.fileExists(atPath: gz.path) {
                try fm.copyItem(at: gz, to: staging.appendingPathComponent(name + ".gz"))
            } else {
                try gzipFile(plain, to: staging.appendingPathComponent(name + ".gz"))
            }
        }
        try? fm.removeItem(at: target)
        try fm.moveItem(at: staging, to: target)
        print("Imported HPO \(kb.release.hpoVersion) (annotations \(kb.release.annotationVersion)): \(kb.terms.count) terms, \(kb.diseases.count) diseases, into \(target.path)")
        print("It is used from now on; 'ossify data reset' returns to the pinned release.")
    }

    /// Compresses with the system gzip (the release files are large text; gzip is on every Debian machine).
    func gzipFile(_ input: URL, to output: URL) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -c -n \"$0\" > \"$1\"", input.path, output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CLIFailure("could not compress \(input.lastPathComponent)") }
    }
}

struct DataReset: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reset", abstract: "Forget an imported release and use the pinned one.")

    func run() throws {
        let target = ReleaseStore.importDirectory(environment: Root.environment)
        if FileManager.default.fileExists(atPath: target.path) {
            try FileManager.default.removeItem(at: target)
            print("Removed the imported release; the pinned release is in use.")
        } else {
            print("No imported release; the pinned release is in use.")
        }
    }
}
