@testable import Composition
import Foundation
import Testing

/// Where an installed binary, a checkout and the environment put the knowledge and the HPO data.
@Suite struct DataPathsTests {
    /// A temporary folder, removed by `cleanup`.
    let base: URL

    init() throws {
        base = FileManager.default.temporaryDirectory.appendingPathComponent("ossify-paths-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
    }

    func folders(_ paths: String...) throws {
        for path in paths {
            try FileManager.default.createDirectory(at: base.appendingPathComponent(path), withIntermediateDirectories: true)
        }
    }

    func cleanup() { try? FileManager.default.removeItem(at: base) }

    @Test func anInstalledBinaryFindsShareOssifyBesideItself() throws {
        defer { cleanup() }
        try folders("prefix/bin", "prefix/share/ossify/Knowledge", "prefix/share/ossify/Data", "elsewhere")
        let paths = try DataPaths.resolve(environment: [:], executable: base.appendingPathComponent("prefix/bin/ossify"),
                                          workingDirectory: base.appendingPathComponent("elsewhere"))
        let share = base.appendingPathComponent("prefix/share/ossify").path
        #expect(paths.knowledge.standardizedFileURL.path == share + "/Knowledge")
        #expect(paths.data.standardizedFileURL.path == share + "/Data")
        guard case .installed(let found) = paths.origin else { Issue.record("\(paths.origin)"); return }
        #expect(found.path == share)
    }

    @Test func aSymbolicLinkToTheBinaryIsFollowed() throws {
        defer { cleanup() }
        try folders("prefix/bin", "prefix/share/ossify/Knowledge", "prefix/share/ossify/Data", "links")
        let binary = base.appendingPathComponent("prefix/bin/ossify")
        try Data().write(to: binary)
        let link = base.appendingPathComponent("links/ossify")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: binary)
        let paths = try DataPaths.resolve(environment: [:], executable: link, workingDirectory: base)
        guard case .installed = paths.origin else { Issue.record("not found through the link: \(paths.origin)"); return }
    }

    @Test func theEnvironmentOverridesTheInstallation() throws {
        defer { cleanup() }
        try folders("prefix/bin", "prefix/share/ossify/Knowledge", "prefix/share/ossify/Data", "other/Knowledge", "other/Data", "mine")
        let exe = base.appendingPathComponent("prefix/bin/ossify")
        let shared = try DataPaths.resolve(environment: ["OSSIFY_SHARE": base.appendingPathComponent("other").path],
                                           executable: exe, workingDirectory: base)
        #expect(shared.origin == .environment)
        #expect(shared.knowledge.path.hasSuffix("other/Knowledge"))
        let knowledge = try DataPaths.resolve(environment: ["OSSIFY_KNOWLEDGE": base.appendingPathComponent("mine").path],
                                              executable: exe, workingDirectory: base)
        #expect(knowledge.knowledge.path.hasSuffix("mine"))
        #expect(knowledge.data.path.hasSuffix("share/ossify/Data"))
    }

    @Test func aShareFolderWithoutTheDataIsRefusedNamingTheVariable() throws {
        defer { cleanup() }
        try folders("incomplete/Knowledge")
        let error = #expect(throws: DataPathsError.self) {
            try DataPaths.resolve(environment: ["OSSIFY_SHARE": base.appendingPathComponent("incomplete").path],
                                  executable: nil, workingDirectory: base)
        }
        #expect(error?.description.contains("OSSIFY_SHARE") == true)
    }

    @Test func aCheckoutIsFoundAboveTheWorkingDirectory() throws {
        defer { cleanup() }
        try folders("repo/Knowledge", "repo/Data", "repo/Sources/deep")
        try Data().write(to: base.appendingPathComponent("repo/Package.swift"))
        let paths = try DataPaths.resolve(environment: [:], executable: base.appendingPathComponent("bin/ossify"),
                                          workingDirectory: base.appendingPathComponent("repo/Sources/deep"))
        guard case .checkout(let root) = paths.origin else { Issue.record("\(paths.origin)"); return }
        #expect(root.path == base.appendingPathComponent("repo").path)
        #expect(paths.knowledge.path == base.appendingPathComponent("repo/Knowledge").path)
    }

    @Test func nothingFoundSaysWhereToPutIt() throws {
        defer { cleanup() }
        try folders("prefix/bin")
        let error = #expect(throws: DataPathsError.self) {
            try DataPaths.resolve(environment: [:], executable: base.appendingPathComponent("prefix/bin/ossify"), workingDirectory: base)
        }
        #expect(error?.description.contains("../share/ossify") == true)
    }
}
