import Testing
@testable import Clinical

@Suite struct AgeTests {
    @Test func parsesDurations() throws {
        #expect(try Age(iso8601: "P3Y2M") == Age(years: 3, months: 2))
        #expect(try Age(iso8601: "P10D").totalDays == 10)
        #expect(try Age(iso8601: "P4W").totalDays == 28)
    }

    @Test(arguments: ["3Y", "P", "PY", "P3Y3Y", "P3X", "PT4H", "P3"])
    func rejectsMalformed(_ text: String) {
        #expect(throws: AgeError.self) { try Age(iso8601: text) }
    }
}
