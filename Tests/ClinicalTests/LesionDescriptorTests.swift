import Testing
@testable import Clinical

@Suite struct LesionDescriptorTests {
    @Test func parsesTheIssueExample() throws {
        let l = try Lesion(descriptor: "site=left forearm,depth=muscle,morphology=diffuse,onset=P3Y")
        #expect(l == Lesion(region: "forearm", side: .left, depth: .muscle, morphology: .diffuse, age: Age(years: 3)))
    }

    @Test func aliasesAndExplicitSide() throws {
        let l = try Lesion(descriptor: " region = thigh , side=right, depth=subcutaneous, age=P18M, id=L7, morphology=web ")
        #expect(l.region == "thigh" && l.side == .right && l.depth == .subcutis && l.id == "L7")
        #expect(l.morphology == .webCrossingJoint && l.age == Age(months: 18))
        #expect(try Lesion(descriptor: "site=back,depth=tendon").depth == .tendonOrLigament)
        #expect(try Lesion(descriptor: "site=left").region == "left") // a lone word is the region
    }

    @Test(arguments: ["depth=muscle", "site=arm,depth=bone", "site=arm,side=up", "site=arm,onset=3 years",
                      "site=arm,colour=red", "site=arm,morphology=spiky", "site", "site="])
    func rejects(_ text: String) {
        #expect(throws: LesionDescriptorError.self) { try Lesion(descriptor: text) }
    }

    @Test func errorNamesTheKeyNotTheValue() {
        do {
            _ = try Lesion(descriptor: "site=arm,depth=marrow")
            Issue.record("expected an error")
        } catch {
            #expect(error.key == "depth")
            #expect(!error.description.contains("marrow"))
        }
    }
}
