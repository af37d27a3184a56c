import Foundation
import Testing
@testable import Phenopackets

@Suite struct ReaderTests {
    /// A fresh temporary folder, removed after `body`.
    private func withFolder(_ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pheno-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try body(folder)
    }

    @Test func readsOneFile() throws {
        try withFolder { folder in
            let file = folder.appendingPathComponent("case.json")
            try Data(Fixtures.fullCase.utf8).write(to: file)
            let packet = try PhenopacketReader().readFile(at: file)
            #expect(packet.id == "case-1")
            let entries = try PhenopacketReader().read(at: file)
            #expect(entries.count == 1)
            #expect(entries.first?.line == nil)
        }
    }

    @Test func namesTheFileOfARefusedDocument() throws {
        try withFolder { folder in
            let file = folder.appendingPathComponent("broken.json")
            try Data(#"{"id": "p", "phenotypicFeatures": [{"type": {"id": "seizure"}}]}"#.utf8).write(to: file)
            do throws(PhenopacketError) {
                _ = try PhenopacketReader().readFile(at: file)
                Issue.record("accepted")
            } catch {
                #expect(error.source == "broken.json")
                #expect(error.line == nil)
                #expect(error.description.hasPrefix("broken.json: phenotypicFeatures[0].type.id: "))
            }
        }
    }

    @Test func readsAFolderOfJSONAndJSONL() throws {
        try withFolder { folder in
            try Data(Fixtures.fullCase.utf8).write(to: folder.appendingPathComponent("b.json"))
            try Data(#"{"id": "a"}"#.utf8).write(to: folder.appendingPathComponent("a.json"))
            try Data("{\"id\": \"c1\"}\n\n{\"id\": 5}\n".utf8).write(to: folder.appendingPathComponent("c.jsonl"))
            try Data("not a phenopacket".utf8).write(to: folder.appendingPathComponent("notes.txt"))
            let entries = try PhenopacketReader().read(at: folder)
            #expect(entries.map(\.source) == ["a.json", "b.json", "c.jsonl", "c.jsonl"])
            #expect(entries.map(\.line) == [nil, nil, 1, 3])
            #expect(entries.compactMap(\.phenopacket).map(\.id) == ["a", "case-1", "c1"])
            let refused = try #require(entries.last?.error)
            #expect(refused.description == "c.jsonl line 3: id: expected a string")
        }
    }

    @Test func handlesWindowsLineEndingsAndEmptyInput() {
        let data = Data("{\"id\": \"a\"}\r\n\r\n{\"id\": \"b\"}".utf8)
        let entries = PhenopacketReader().readJSONLines(data, source: "x.jsonl")
        #expect(entries.map(\.line) == [1, 3])
        #expect(entries.compactMap(\.phenopacket).map(\.id) == ["a", "b"])
        #expect(PhenopacketReader().readJSONLines(Data("\n  \n".utf8), source: "x.jsonl").isEmpty)
        let bom = PhenopacketReader().readJSONLines(Data([0xEF, 0xBB, 0xBF]) + Data("{\"id\": \"a\"}".utf8), source: "x.jsonl")
        #expect(bom.compactMap(\.phenopacket).map(\.id) == ["a"])
    }

    @Test func keepsLineOrderWhenDecodingConcurrently() {
        let lines = (1...500).map { #"{"id": "case-\#($0)"}"# }
        let entries = PhenopacketReader(concurrency: 4).readJSONLines(Data(lines.joined(separator: "\n").utf8), source: "many.jsonl")
        #expect(entries.map(\.line) == Array(1...500))
        #expect(entries.compactMap(\.phenopacket).map(\.id) == (1...500).map { "case-\($0)" })
    }

    @Test func tellsOneDocumentFromJSONL() throws {
        let reader = PhenopacketReader()
        let pretty = try Fixtures.decode(Fixtures.fullCase).jsonData(pretty: true)
        let one = reader.readDocuments(pretty, source: "body")
        #expect(one.map(\.phenopacket?.id) == ["case-1"])
        #expect(one.first?.line == nil)
        let batch = reader.readDocuments(Data("{\"id\": \"a\"}\n{\"id\": \"b\"}\n".utf8), source: "body")
        #expect(batch.map(\.phenopacket?.id) == ["a", "b"])
        #expect(batch.map(\.line) == [1, 2])
        let single = reader.readDocuments(Data(#"{"id": "solo"}"#.utf8), source: "body")
        #expect(single.map(\.phenopacket?.id) == ["solo"])
        #expect(reader.readDocuments(Data(), source: "body").isEmpty)
    }

    @Test func refusesAMissingPath() {
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString)/cases.jsonl")
        #expect(throws: PhenopacketError(source: "cases.jsonl", path: "", problem: .unreadable)) {
            try PhenopacketReader().read(at: missing)
        }
    }
}
