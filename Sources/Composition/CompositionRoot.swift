public import Foundation
public import Ontology
public import Clinical
public import Diagnosis
public import Registry

/// The composition root of both executables: from one configuration (where the knowledge and the
/// HPO data are, the environment the executable read once) it builds the knowledge base, the
/// engines, the curated knowledge files, the registry store and the account service. The CLI's
/// commands and `ossify serve` take everything from here, so that both load the same files the same
/// way and create accounts through the same checks and password hasher.
public struct CompositionRoot: Sendable {
    public let paths: DataPaths
    /// Where the HPO release in use comes from and where its snapshot is cached.
    public let release: ReleaseStore
    /// The PostgreSQL password from the environment (`OSSIFY_DATABASE_PASSWORD`), never from a flag.
    public let databasePassword: String?
    /// bcrypt cost of new password hashes.
    public let bcryptCost: UInt8

    public init(paths: DataPaths, release: ReleaseStore, databasePassword: String?, bcryptCost: UInt8 = 12) {
        self.paths = paths
        self.release = release
        self.databasePassword = databasePassword
        self.bcryptCost = bcryptCost
    }

    /// The root for a process: the data paths found from its binary and working directory, the
    /// release store and the database password from its environment.
    public static func make(environment: [String: String], executable: URL?, workingDirectory: URL) throws -> CompositionRoot {
        let paths = try DataPaths.resolve(environment: environment, executable: executable, workingDirectory: workingDirectory)
        let release = try ReleaseStore.standard(environment: environment, pinned: paths.data)
        return CompositionRoot(paths: paths, release: release, databasePassword: databasePassword(environment: environment))
    }

    /// The PostgreSQL password of `OSSIFY_DATABASE_PASSWORD` (empty counts as not given).
    public static func databasePassword(environment: [String: String]) -> String? {
        environment["OSSIFY_DATABASE_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 }
    }

    // MARK: Knowledge

    /// The HPO release in use (from its snapshot when cached).
    public func knowledgeBase() throws(DataFileError) -> KnowledgeBase {
        try KnowledgeBaseLoader.load(release).0
    }

    /// The diagnosis service over a knowledge base (labs, genotype rules, monographs).
    public func diagnosisService(_ kb: KnowledgeBase) throws -> DiagnosisService {
        try DiagnosisService.load(kb: kb, knowledgeDirectory: paths.knowledge)
    }

    /// Everything the registry runs on stored records.
    public func engines(kb: KnowledgeBase? = nil) throws -> Engines {
        try Engines.load(kb: try kb ?? knowledgeBase(), knowledge: paths.knowledge)
    }

    public func labs() throws(KnowledgeError) -> LabKnowledge {
        try LabKnowledge.load(from: file(LabKnowledge.fileName))
    }

    public func spectrum() throws(KnowledgeError) -> SpectrumKnowledge {
        try SpectrumKnowledge.load(from: file(SpectrumKnowledge.fileName))
    }

    public func transcript() throws(KnowledgeError) -> GNASTranscript {
        try GNASTranscript.load(from: file(GNASTranscript.fileName))
    }

    public func inheritance() throws(KnowledgeError) -> InheritanceKnowledge {
        try InheritanceKnowledge.load(from: file(InheritanceKnowledge.fileName))
    }

    public func monographs() throws -> MonographCatalog {
        try MonographCatalog.load(from: file("monographs"))
    }

    func file(_ name: String) -> URL { paths.knowledge.appendingPathComponent(name) }

    // MARK: Registry

    /// Opens the store at `location` (a SQLite path or a `postgres://` URL without password), with
    /// `password` or else the environment's database password; applies pending migrations when asked
    /// and returns their names. `postgresPool`: PostgreSQL connections kept open (a server's setting).
    public func openStore(_ location: String, password: String? = nil, postgresPool: Int? = nil,
                          migrate: Bool = true) async throws(RegistryError) -> (store: RegistryStore, applied: [String]) {
        let store = try await RegistryStore.open(location, password: password ?? databasePassword, postgresPool: postgresPool)
        guard migrate else { return (store, []) }
        do {
            return (store, try await store.migrate())
        } catch {
            await store.close()
            throw error
        }
    }

    /// The account service over a store, with this root's password hasher.
    public func accounts(_ store: RegistryStore) -> AccountService {
        AccountService(store: store, hasher: PasswordHasher(cost: bcryptCost))
    }
}
