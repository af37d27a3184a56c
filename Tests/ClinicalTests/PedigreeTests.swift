import Foundation
import Testing
import Ontology
@testable import Clinical

@Suite struct PedigreeParserTests {
    @Test func parsesSixAndSevenColumnsWithCommentsAndTabs() throws {
        let ped = try Pedigree(ped: """
        # family, individual, father, mother, sex, affected, carrier
        F1\tI-1\t0\t0\t1\t2\tcarrier
        F1 I-2 0 0 2 1 noncarrier

        F1   II-1  I-1  I-2  2  2   # proband, not tested
        F1 II-2 I-1 I-2 0 -9 +
        """, file: "f.ped")
        #expect(ped.individuals.count == 4)
        #expect(ped.individuals[0].carrier == .carrier && ped.individuals[0].sex == .male)
        #expect(ped.individuals[1].carrier == .noncarrier && ped.individuals[1].affected == .unaffected)
        #expect(ped.individuals[2].carrier == .untested && ped.individuals[2].father == "I-1")
        #expect(ped.individuals[2].line == 5)
        #expect(ped.individuals[3].sex == .unknown && ped.individuals[3].affected == .unknown && ped.individuals[3].carrier == .carrier)
    }

    @Test(arguments: [
        ("F1 A 0 0 1\n", 1, "expected 6 columns"),
        ("F1 A 0 0 1 2 carrier extra\n", 1, "expected 6 columns"),
        ("F1 A 0 0 3 2\n", 1, "sex"),
        ("F1 A 0 0 1 5\n", 1, "affected"),
        ("F1 A 0 0 1 2 maybe\n", 1, "carrier"),
        ("F1 A 0 0 1 2\nF1 A 0 0 1 1\n", 2, "listed twice"),
        ("F1 A 0 0 2 1\nF1 B A 0 1 2\n", 2, "father named on this line is recorded as female on line 1"),
        ("F1 M 0 0 1 1\nF1 B 0 M 1 2\n", 2, "mother named on this line is recorded as male on line 1"),
        ("F1 B X 0 1 2\n", 1, "not listed"),
        ("F1 A 0 0 1 1\nF2 B A 0 1 2\n", 2, "not listed in the same family"),
        ("F1 A A 0 1 1\n", 1, "own father"),
        ("F1 A B 0 1 1\nF1 B A 0 1 1\n", 1, "own ancestor"),
        ("F1 A C 0 1 1\nF1 B A 0 1 1\nF1 C B 0 1 1\n", 1, "own ancestor"),
        ("# only comments\n\n", 0, "no individuals"),
    ])
    func rejectsInconsistentPedigrees(_ text: String, _ line: Int, _ message: String) {
        #expect {
            _ = try Pedigree(ped: text, file: "x.ped")
        } throws: { error in
            guard let e = error as? PedigreeError else { return false }
            return e.line == line && e.message.contains(message) && e.file == "x.ped"
                && (line == 0 || e.description.hasPrefix("x.ped:\(line): "))
        }
    }
}

@Suite struct PedigreeErrorPrivacyTests {
    @Test func errorsDoNotRepeatIdentifiers() {
        for text in ["FAMX Smith_Anna Doe_John 0 1 2\n", "FAMX Doe_John 0 0 2 1\nFAMX Smith_Anna Doe_John 0 1 2\n",
                     "FAMX Smith_Anna Smith_Anna 0 1 1\n"] {
            do {
                _ = try Pedigree(ped: text, file: "f.ped")
                Issue.record("expected an error")
            } catch {
                #expect(!error.description.contains("Smith") && !error.description.contains("Doe") && !error.description.contains("FAMX"))
            }
        }
    }
}

@Suite struct FamilyRiskTests {
    let knowledge: InheritanceKnowledge

    init() throws { knowledge = try InheritanceKnowledge.load() }

    func entry(_ risk: FamilyRisk, _ relation: String) -> RiskEntry? {
        risk.entries.first { $0.relation == relation }
    }

    /// Father carries the variant: each untested sibling 50% with the paternal (PPHP/POH/OC) spectrum;
    /// the proband's (female) future children 50% with the maternal (PHP1A/PHP1C) spectrum.
    @Test func paternalFamily() throws {
        let ped = try Pedigree(ped: """
        F1 I-1 0 0 1 2 carrier
        F1 I-2 0 0 2 1 noncarrier
        F1 II-1 I-1 I-2 2 2 carrier
        F1 II-2 I-1 I-2 1 1 untested
        F1 II-3 0 0 1 1
        F1 III-1 II-3 II-1 1 0
        """)
        let risk = try FamilyRisk.compute(ped, proband: "II-1", knowledge: knowledge)
        #expect(risk.probandOrigin == .paternal)
        let sib = try #require(risk.entries.first { $0.individual == "II-2" })
        #expect(sib.chance == .probability(0.5))
        #expect(sib.chanceText == "50%")
        #expect(sib.transmittingParent == .paternal)
        #expect(sib.expectedPhenotypes == ["PPHP", "POH", "osteoma cutis"])
        #expect(sib.inheritanceTerm == TermID("HP:0012275"))
        let child = try #require(risk.entries.first { $0.individual == "III-1" })
        #expect(child.chance == .probability(0.5))
        #expect(child.transmittingParent == .maternal)
        #expect(child.expectedPhenotypes == ["PHP1A", "PHP1C"])
        #expect(child.inheritanceTerm == TermID("HP:0012274"))
        #expect(entry(risk, "future child of II-1")?.transmittingParent == .maternal)
        #expect(entry(risk, "future child of I-1")?.transmittingParent == .paternal)
        // Tested negative and unrelated individuals get no entry of their own.
        #expect(!risk.entries.contains { $0.individual == "I-2" || $0.individual == "II-3" })
        #expect(risk.nextSteps.isEmpty)
    }

    /// Both parents tested negative: de novo; siblings low but not zero (germline mosaicism).
    @Test func deNovoFamily() throws {
        let ped = try Pedigree(ped: """
        F2 F 0 0 1 1 noncarrier
        F2 M 0 0 2 1 noncarrier
        F2 P F M 1 2 carrier
        F2 S F M 2 1
        """)
        let risk = try FamilyRisk.compute(ped, proband: "P", knowledge: knowledge)
        #expect(risk.probandOrigin == .deNovo)
        let sib = try #require(risk.entries.first { $0.individual == "S" })
        #expect(sib.chance == .lowButNotZero)
        #expect(sib.chanceText == "low but not zero (germline mosaicism)")
        let future = try #require(entry(risk, "future child of F and M (sibling of P)"))
        #expect(future.chance == .lowButNotZero)
        // The proband (male) transmits to his children: paternal spectrum.
        #expect(entry(risk, "future child of P")?.chance == .probability(0.5))
        #expect(entry(risk, "future child of P")?.expectedPhenotypes == ["PPHP", "POH", "osteoma cutis"])
    }

    /// Untested parents: sibling risk unknown until tested; the father is to be tested first.
    @Test func untestedParents() throws {
        let ped = try Pedigree(ped: """
        F3 F 0 0 1 1
        F3 M 0 0 2 1
        F3 P F M 2 2 carrier
        F3 S F M 1 1
        """)
        let risk = try FamilyRisk.compute(ped, proband: "P", knowledge: knowledge)
        #expect(risk.probandOrigin == .unknown)
        #expect(risk.entries.first { $0.individual == "S" }?.chance == .unknownUntilTested)
        #expect(risk.nextSteps.contains { $0.hasPrefix("Test the father (F)") })
        #expect(risk.nextSteps.contains { $0.hasPrefix("Test the mother (M)") })
    }

    /// An affected untested grandfather and a carrier grandchild make the untested middle generation
    /// an obligate carrier, so her untested child has 50% (maternal spectrum).
    @Test func obligateCarrier() throws {
        let ped = try Pedigree(ped: """
        F4 G 0 0 1 2
        F4 GM 0 0 2 1 noncarrier
        F4 D G GM 2 1
        F4 H 0 0 1 1 noncarrier
        F4 P H D 1 2 carrier
        F4 Q H D 2 1
        """)
        let risk = try FamilyRisk.compute(ped, proband: "P", knowledge: knowledge)
        #expect(risk.probandOrigin == .maternal)
        let q = try #require(risk.entries.first { $0.individual == "Q" })
        #expect(q.chance == .probability(0.5))
        #expect(q.transmittingParent == .maternal)
        #expect(q.explanation.contains("obligate carrier"))
        #expect(risk.nextSteps.contains { $0.contains("Test G") })
    }

    /// Two carrying parents: 1 - 0.5 * 0.5 = 75% to inherit at least one variant.
    @Test func bothParentsCarry() throws {
        let ped = try Pedigree(ped: """
        F5 F 0 0 1 1 carrier
        F5 M 0 0 2 1 carrier
        F5 C F M 2 0
        """)
        let risk = try FamilyRisk.compute(ped, proband: "F", knowledge: knowledge)
        let c = try #require(risk.entries.first { $0.individual == "C" })
        #expect(c.chance == .probability(0.75))
        #expect(c.chanceText == "75%")
        #expect(c.transmittingParent == nil)
        #expect(Set(c.expectedPhenotypes) == ["PPHP", "POH", "osteoma cutis", "PHP1A", "PHP1C"])
    }

    @Test func unknownProbandAndAmbiguousIDs() throws {
        let ped = try Pedigree(ped: "A X 0 0 1 2 carrier\nB X 0 0 2 2 carrier\n")
        #expect(throws: PedigreeError.self) { try FamilyRisk.compute(ped, proband: "Y", knowledge: knowledge) }
        #expect(throws: PedigreeError.self) { try FamilyRisk.compute(ped, proband: "X", knowledge: knowledge) }
        #expect(try FamilyRisk.compute(ped, proband: "X", family: "B", knowledge: knowledge).proband == "X")
    }

    @Test(arguments: [
        (ParentRole.father, Pedigree.CarrierStatus.carrier, InheritanceChance.probability(0.5), ["PPHP", "POH", "osteoma cutis"]),
        (.mother, .carrier, .probability(0.5), ["PHP1A", "PHP1C"]),
        (.father, .noncarrier, .lowButNotZero, ["PPHP", "POH", "osteoma cutis"]),
        (.mother, .untested, .unknownUntilTested, ["PHP1A", "PHP1C"]),
    ])
    func singleParent(_ parent: ParentRole, _ status: Pedigree.CarrierStatus, _ chance: InheritanceChance, _ phenotypes: [String]) throws {
        let risk = FamilyRisk.forChild(of: parent, status: status, knowledge: knowledge)
        #expect(risk.entries.count == 1)
        #expect(risk.entries[0].chance == chance)
        #expect(risk.entries[0].expectedPhenotypes == phenotypes)
        #expect(risk.entries[0].transmittingParent == parent.origin)
        #expect(!risk.entries[0].sources.isEmpty)
    }

    @Test func knowledgeFileStatesMosaicismQualitatively() {
        #expect(knowledge.transmission.probability == 0.5)
        #expect(knowledge.parentsTestedNegative.probability == nil) // no published figure: no number
        #expect(knowledge.parentsTestedNegative.text == "low but not zero (germline mosaicism)")
        for term in [knowledge.byTransmittingParent.paternal.inheritanceTerm, knowledge.byTransmittingParent.maternal.inheritanceTerm] {
            #expect(term.id.prefix == "HP" && term.id.local.wholeMatch(of: /\d{7}/) != nil)
        }
    }
}

@Suite struct InheritanceChanceCodingTests {
    @Test(arguments: [InheritanceChance.probability(0.5), .lowButNotZero, .unknownUntilTested, .populationLevel])
    func roundTrips(_ chance: InheritanceChance) throws {
        let data = try JSONEncoder().encode(chance)
        #expect(try JSONDecoder().decode(InheritanceChance.self, from: data) == chance)
    }

    @Test func readableJSON() throws {
        let text = String(decoding: try JSONEncoder().encode(InheritanceChance.lowButNotZero), as: UTF8.self)
        #expect(text == #"{"kind":"low but not zero"}"#)
    }
}
