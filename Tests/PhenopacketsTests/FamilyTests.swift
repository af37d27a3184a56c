import Foundation
import Testing
@testable import Phenopackets

@Suite struct FamilyTests {
    static let ped = """
    # family  individual  father  mother  sex  affected
    FAM1\tchild\tdad\tmum\t2\t2
    FAM1 dad 0 0 1 1

    FAM1\tmum\t0\t0\t2\t1\r
    FAM1 sib dad mum 0 0 extra columns ignored
    """

    static func family() throws -> Phenopacket.Family {
        Phenopacket.Family(
            id: "FAM1",
            proband: try Fixtures.decode(Fixtures.fullCase),
            relatives: [Phenopacket(id: "dad-pp", subject: .init(id: "dad", sex: .male),
                                    phenotypicFeatures: [.init(type: .init(id: "HP:0034282"), excluded: true)])],
            pedigree: try Phenopacket.Pedigree(ped: ped),
            metaData: .init(created: "2026-01-01T00:00:00Z", createdBy: "test"))
    }

    @Test func readsAndWritesPED() throws {
        let pedigree = try Phenopacket.Pedigree(ped: Self.ped)
        try #require(pedigree.persons.map(\.individualId) == ["child", "dad", "mum", "sib"])
        #expect(pedigree.persons[0] == .init(familyId: "FAM1", individualId: "child", paternalId: "dad", maternalId: "mum",
                                             sex: .female, affectedStatus: .affected))
        #expect(pedigree.persons[1].paternalId == "")
        #expect(pedigree.persons[3].sex == .unknownSex)
        #expect(pedigree.persons[3].affectedStatus == .missing)
        #expect(try Phenopacket.Pedigree(ped: pedigree.pedText) == pedigree)
        #expect(pedigree.pedText.hasPrefix("FAM1\tchild\tdad\tmum\t2\t2\n"))
    }

    @Test func refusesAShortPEDLineByNumber() {
        #expect(throws: PhenopacketError(source: "PED", line: 3, path: "",
                                         problem: .other("a PED line needs 6 columns: family, individual, father, mother, sex, affected"))) {
            try Phenopacket.Pedigree(ped: "F a 0 0 1 2\n\nF SECRET 0 0\n")
        }
    }

    @Test func familyRoundTripsThroughJSON() throws {
        let family = try Self.family()
        let json = try JSONEncoder().encode(family)
        #expect(try Phenopacket.Family.decode(from: json) == family)
        let text = String(decoding: json, as: UTF8.self)
        #expect(!text.contains("consanguinousParents"))
        #expect(text.contains(#""affectedStatus":"AFFECTED""#))
    }

    @Test func namesThePathInsideTheFamily() throws {
        var family = try Self.family()
        family.relatives[0].phenotypicFeatures[0].type = .init(id: "HP 0034282")
        family.proband?.id = ""
        family.pedigree?.persons[1].individualId = ""
        let paths = family.validationIssues().map(\.path)
        #expect(paths == ["proband.id", "relatives[0].phenotypicFeatures[0].type.id", "pedigree.persons[1].individualId"])
        var noProband = family
        noProband.proband = nil
        #expect(noProband.validationIssues().map(\.path).first == "proband")
    }

    @Test func cohortNamesMemberPaths() throws {
        let json = #"{"id": "registry", "members": [{"id": "a"}, {"id": "b", "phenotypicFeatures": [{"type": {"id": "x"}}]}]}"#
        do {
            _ = try Phenopacket.Cohort.decode(from: Data(json.utf8))
            Issue.record("accepted")
        } catch {
            #expect(error.issues.map(\.path) == ["members[1].phenotypicFeatures[0].type.id"])
        }
        let ok = try Phenopacket.Cohort.decode(from: Data(#"{"id": "registry", "members": [{"id": "a"}]}"#.utf8))
        #expect(ok.members.map(\.id) == ["a"])
    }
}
