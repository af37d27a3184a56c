public import Foundation

/// Where the curated `Knowledge/` folder and the pinned HPO release (`Data/`) are.
///
/// Both ship with the program: `scripts/install --prefix DIR` puts the binary in `DIR/bin` and the
/// two folders in `DIR/share/ossify`, which the binary finds beside itself (`../share/ossify`). In
/// this order:
/// 1. `OSSIFY_SHARE`: a folder holding `Knowledge/` and `Data/` (refused when it lacks them);
/// 2. `../share/ossify` from the executable, symbolic links resolved (an installation);
/// 3. the checkout above the executable or the working directory: the folder with `Package.swift`,
///    `Knowledge/` and `Data/` (development: `.build/debug/ossify`, `swift test`).
///
/// `OSSIFY_KNOWLEDGE` then replaces the knowledge folder alone. The HPO release *in use* may still
/// be another one (`OSSIFY_DATA`, `ossify data import`): `ReleaseStore` decides, given `data` as
/// the pinned release. The environment is read by the executable and handed in; nothing here reads it.
public struct DataPaths: Sendable, Equatable {
    /// The curated knowledge files (`labs.json`, `monographs/`, ...).
    public var knowledge: URL
    /// The pinned HPO release (`hp.obo.gz`, `phenotype.hpoa.gz`, `genes_to_phenotype.txt.gz`).
    public var data: URL
    /// How they were found, for `ossify data info` and error messages.
    public var origin: Origin

    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        case environment
        case installed(share: URL)
        case checkout(root: URL)

        public var description: String {
            switch self {
            case .environment: "OSSIFY_SHARE"
            case .installed(let share): "installed at \(share.path)"
            case .checkout(let root): "source checkout \(root.path)"
            }
        }
    }

    public init(knowledge: URL, data: URL, origin: Origin) {
        self.knowledge = knowledge
        self.data = data
        self.origin = origin
    }

    /// The installation's share folder relative to a binary in `PREFIX/bin`.
    public static let shareRelativeToBinary = "../share/ossify"

    /// Finds the folders as the type's documentation says.
    /// - Parameters:
    ///   - environment: the process environment (read once by the executable).
    ///   - executable: the running binary, when known.
    ///   - workingDirectory: the current directory, searched upwards for a checkout.
    public static func resolve(environment: [String: String], executable: URL?,
                               workingDirectory: URL) throws(DataPathsError) -> DataPaths {
        var paths = try locate(environment: environment, executable: executable, workingDirectory: workingDirectory)
        if let knowledge = environment["OSSIFY_KNOWLEDGE"], !knowledge.isEmpty {
            let url = URL(fileURLWithPath: knowledge)
            guard isDirectory(url) else { throw DataPathsError("OSSIFY_KNOWLEDGE (\(knowledge)) is not a folder") }
            paths.knowledge = url
        }
        return paths
    }

    static func locate(environment: [String: String], executable: URL?, workingDirectory: URL) throws(DataPathsError) -> DataPaths {
        if let share = environment["OSSIFY_SHARE"], !share.isEmpty {
            let root = URL(fileURLWithPath: share)
            guard let paths = layout(at: root, origin: .environment) else {
                throw DataPathsError("OSSIFY_SHARE (\(share)) must hold the folders Knowledge and Data")
            }
            return paths
        }
        var starts: [URL] = []
        if let executable {
            let binary = executable.resolvingSymlinksInPath()
            let share = binary.deletingLastPathComponent().appendingPathComponent(shareRelativeToBinary).standardizedFileURL
            if let paths = layout(at: share, origin: .installed(share: share)) { return paths }
            starts.append(binary.deletingLastPathComponent())
        }
        starts.append(workingDirectory)
        for start in starts {
            if let root = checkoutRoot(above: start) {
                return DataPaths(knowledge: root.appendingPathComponent("Knowledge"), data: root.appendingPathComponent("Data"),
                                 origin: .checkout(root: root))
            }
        }
        throw DataPathsError("the knowledge and HPO data were not found: expected \(shareRelativeToBinary) beside the binary "
                             + "(scripts/install --prefix DIR), a source checkout, or OSSIFY_SHARE naming a folder with Knowledge and Data")
    }

    /// `Knowledge/` and `Data/` inside `root`, when both are there.
    static func layout(at root: URL, origin: Origin) -> DataPaths? {
        let knowledge = root.appendingPathComponent("Knowledge"), data = root.appendingPathComponent("Data")
        guard isDirectory(knowledge), isDirectory(data) else { return nil }
        return DataPaths(knowledge: knowledge, data: data, origin: origin)
    }

    /// The nearest folder at or above `start` (eight levels at most) with `Package.swift`, `Knowledge/` and `Data/`.
    static func checkoutRoot(above start: URL) -> URL? {
        var dir = start.standardizedFileURL
        for _ in 0..<8 {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               layout(at: dir, origin: .checkout(root: dir)) != nil {
                return dir
            }
            let up = dir.deletingLastPathComponent()
            if up.path == dir.path { return nil }
            dir = up
        }
        return nil
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDir: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir) && isDir.boolValue
    }
}

/// The knowledge or data folders could not be found; the text says where they were looked for.
public struct DataPathsError: Error, CustomStringConvertible, Sendable {
    public let description: String
    init(_ description: String) { self.description = description }
}
