import Foundation
import Ontology
import Testing
@testable import Clinical

/// The POH monograph as text, compared exactly with the golden text in Golden/POHMonographGolden.swift
/// (a Swift file so that the package needs no resource rule for it). After an intended change,
/// regenerate with `OSSIFY_UPDATE_GOLDEN=1 swift test --filter MonographGolden` and review the diff.
@Suite struct MonographGoldenTests {
    @Test func pohMonographText() throws {
        let catalog = try MonographCatalog.load(from: Repo.monographs)
        let kb = try sharedKnowledgeBase.get()
        let poh = try #require(catalog.monograph(for: "OMIM:166350"))
        let renderer = MonographTextRenderer(
            sources: catalog.sources,
            termName: { kb.term($0)?.name },
            neighbourName: { n in catalog.neighbourName(n) ?? TermID(n).flatMap { kb.disease($0)?.name } })
        let actual = renderer.render(poh, file: "Knowledge/monographs/poh.json")
        if ProcessInfo.processInfo.environment["OSSIFY_UPDATE_GOLDEN"] == "1" {
            try GoldenFile.write(name: "pohMonograph", text: actual,
                                 to: Repo.golden.appendingPathComponent("POHMonographGolden.swift"))
            return
        }
        let expected = Golden.pohMonograph
        #expect(actual == expected, "POH monograph text differs from Golden.pohMonograph:\n\(lineDiff(expected: expected, actual: actual))")
    }
}
