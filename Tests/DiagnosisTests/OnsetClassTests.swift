import Testing
import Clinical
@testable import Diagnosis

@Suite struct OnsetClassTests {
    @Test(arguments: [
        ("P0D", OnsetClass.congenital), ("P10D", .neonatal), ("P3M", .infantile), ("P2Y", .childhood),
        ("P9Y", .juvenile), ("P16Y", .adult), ("P40Y", .adult),
    ])
    func ageToClass(_ iso: String, _ expected: OnsetClass) throws {
        #expect(OnsetClass.of(try Age(iso8601: iso)) == expected)
    }
}
