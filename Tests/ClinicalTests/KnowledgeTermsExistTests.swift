import Foundation
import Testing
import Clinical
import Ontology

/// Every HPO id written anywhere in Knowledge/ is a current term of the pinned release.
@Suite struct KnowledgeTermsExistTests {
    @Test func everyHPOIDInKnowledgeIsCurrent() throws {
        let (kb, _) = try KnowledgeBaseLoader.load(try ReleaseStore.standard())
        let dir = try KnowledgeDirectory.locate()
        let files = try #require(FileManager.default.enumerator(at: dir, includingPropertiesForKeys: nil))
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "json" }
        #expect(files.count >= 10)
        var checked = 0
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in text.matches(of: /HP:\d{7}/) {
                let id = try #require(TermID(String(match.output)))
                let term = kb.term(id)
                #expect(term != nil, "\(file.lastPathComponent): \(id) is not in HPO \(kb.release.hpoVersion)")
                #expect(term?.isObsolete != true, "\(file.lastPathComponent): \(id) is obsolete")
                checked += 1
            }
        }
        #expect(checked > 100)
    }
}
