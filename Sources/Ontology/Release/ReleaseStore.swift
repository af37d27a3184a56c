public import Foundation

/// Where the HPO release comes from and where its snapshot is cached.
///
/// The release in use is, in this order: the folder named by `OSSIFY_DATA`; a release imported with
/// `ossify data import` (kept under `$XDG_DATA_HOME/ossify/hpo`, default `~/.local/share/ossify/hpo`);
/// the pinned release shipped in the repository's `Data/` folder.
public struct ReleaseStore: Sendable {
    public static let fileNames = (obo: "hp.obo", hpoa: "phenotype.hpoa", genes: "genes_to_phenotype.txt")

    public var dataDirectory: URL
    public var cacheDirectory: URL
    public var origin: String

    public init(dataDirectory: URL, cacheDirectory: URL, origin: String) {
        self.dataDirectory = dataDirectory
        self.cacheDirectory = cacheDirectory
        self.origin = origin
    }

    /// The store for this machine and environment. `pinned` is the folder of the pinned release that
    /// ships with the program (an installation's `share/ossify/Data`); without it, the repository's
    /// `Data/` is searched (a development checkout).
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment,
                                pinned: URL? = nil) throws(DataFileError) -> ReleaseStore {
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory())
        let cache = environment["XDG_CACHE_HOME"].map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent(".cache")
        let cacheDir = environment["OSSIFY_CACHE"].map { URL(fileURLWithPath: $0) } ?? cache.appendingPathComponent("ossify")
        if let dir = environment["OSSIFY_DATA"] {
            return ReleaseStore(dataDirectory: URL(fileURLWithPath: dir), cacheDirectory: cacheDir, origin: "OSSIFY_DATA")
        }
        let imported = importDirectory(environment: environment)
        if FileManager.default.fileExists(atPath: imported.appendingPathComponent("hp.obo.gz").path) {
            return ReleaseStore(dataDirectory: imported, cacheDirectory: cacheDir, origin: "imported with 'ossify data import'")
        }
        guard let bundled = pinned ?? bundledDataDirectory() else {
            throw DataFileError(file: "Data/", line: nil, field: nil,
                                reason: "the HPO release was not found: set OSSIFY_DATA to a folder with hp.obo, phenotype.hpoa and genes_to_phenotype.txt (gzip allowed)")
        }
        return ReleaseStore(dataDirectory: bundled, cacheDirectory: cacheDir,
                            origin: pinned == nil ? "pinned release in the repository" : "pinned release shipped with the program")
    }

    /// Where `ossify data import` keeps a newer release.
    public static func importDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let home = URL(fileURLWithPath: environment["HOME"] ?? NSTemporaryDirectory())
        let data = environment["XDG_DATA_HOME"].map { URL(fileURLWithPath: $0) } ?? home.appendingPathComponent(".local/share")
        return data.appendingPathComponent("ossify/hpo")
    }

    /// The repository's `Data/` folder: searched upwards from the executable and the working directory
    /// (a development checkout; an installation hands its `share/ossify/Data` in as `pinned`).
    public static func bundledDataDirectory() -> URL? {
        var starts = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        if let exe = Bundle.main.executableURL { starts.insert(exe.deletingLastPathComponent(), at: 0) }
        for start in starts {
            var dir = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = dir.appendingPathComponent("Data")
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("hp.obo.gz").path),
                   FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                    return candidate
                }
                let up = dir.deletingLastPathComponent()
                if up.path == dir.path { break }
                dir = up
            }
        }
        return nil
    }

    static func member(_ name: String, in dir: URL) -> URL? {
        for candidate in [name + ".gz", name] {
            let url = dir.appendingPathComponent(candidate)
            if FileManager.default.fileExists(atPath: url.path) { return url }
        }
        return nil
    }

    /// Reads a member's raw bytes (still compressed when it is a .gz file).
    static func readMember(_ name: String, in dir: URL) throws(DataFileError) -> (url: URL, bytes: [UInt8]) {
        guard let url = member(name, in: dir) else {
            throw DataFileError(file: dir.appendingPathComponent(name).path, line: nil, field: nil, reason: "file not found (looked for \(name).gz and \(name))")
        }
        do {
            return (url, [UInt8](try Data(contentsOf: url)))
        } catch {
            throw DataFileError(file: url.path, line: nil, field: nil, reason: "cannot be read")
        }
    }
}
