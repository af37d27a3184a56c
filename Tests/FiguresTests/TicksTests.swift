import Testing
@testable import Figures

@Suite struct TicksTests {
    @Test func niceStepsAndWidenedDomain() {
        let t = Ticks(lower: 0.7, upper: 9.2)
        #expect(t.step == 2)
        #expect(t.values == [0, 2, 4, 6, 8, 10])
        #expect(t.lower == 0 && t.upper == 10)
        #expect(t.lower <= 0.7 && t.upper >= 9.2)
    }

    @Test func stepsAreOneTwoOrFiveTimesAPowerOfTen() {
        #expect(Ticks.step(span: 1, count: 5) == 0.2)
        #expect(Ticks.step(span: 23, count: 5) == 5)
        #expect(Ticks.step(span: 380, count: 5) == 100)
        #expect(abs(Ticks.step(span: 0.003, count: 5) - 0.001) < 1e-12)
        #expect(Ticks.step(span: 0, count: 5) == 1)
    }

    @Test func decimalValuesHaveNoFloatingPointNoise() {
        let t = Ticks(lower: 0.1, upper: 0.95)
        #expect(t.values == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(t.values.map(t.label) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let narrow = Ticks(lower: 2.2, upper: 2.9)
        #expect(narrow.values.map(narrow.label) == ["2.2", "2.4", "2.6", "2.8", "3.0"])
    }

    @Test func negativeDomainsAndReversedBounds() {
        let t = Ticks(lower: 3, upper: -7)
        #expect(t.lower == -8 && t.upper == 4)
        #expect(t.values.first == -8 && t.values.contains(0))
        #expect(t.label(-2) == "-2")
    }

    @Test func emptySeriesGetsZeroToOne() {
        let t = Ticks(covering: [])
        #expect(t.lower == 0 && t.upper == 1)
        #expect(Ticks(covering: [.nan, .infinity]).upper == 1)
    }

    @Test func onePointSitsInsideAPaddedDomain() {
        let t = Ticks(covering: [5])
        #expect(t.lower < 5 && t.upper > 5)
        #expect(t.lower <= 4.5 && t.upper >= 5.5 && t.upper - t.lower <= 1.5)
        let zero = Ticks(covering: [0])
        #expect(zero.lower == -1 && zero.upper == 1)
        let fromZero = Ticks(covering: [0], includeZero: true)
        #expect(fromZero.lower == 0 && fromZero.upper == 1)
    }

    @Test func includeZeroStartsTheAxisAtZero() {
        let t = Ticks(covering: [3.2, 7.9], includeZero: true)
        #expect(t.lower == 0 && t.upper == 8)
    }

    @Test func linearScaleMapsDomainEndsToRangeEnds() {
        let y = LinearScale(domain: 0, 10, range: 300, 100)
        #expect(y(0) == 300 && y(10) == 100 && y(5) == 200)
        let flat = LinearScale(domain: 2, 2, range: 0, 50)
        #expect(flat(2) == 25)
        #expect(LinearScale(Ticks(lower: 0, upper: 10), range: 0, 100)(2) == 20)
    }

    @Test func axisTitleCarriesTheUnit() {
        #expect(Axis.age.title == "Age (years)")
        #expect(Axis("Score").title == "Score")
    }

    @Test func cohortPlotTicksStopAtTheMaximum() {
        #expect(SVG.ticks(upTo: 9.2) == [0, 2, 4, 6, 8])
        #expect(SVG.ticks(upTo: 0) == [0])
    }
}
