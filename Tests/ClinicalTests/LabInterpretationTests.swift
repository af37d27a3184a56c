import Testing
import Ontology
@testable import Clinical

@Suite struct LabInterpretationTests {
    let labs: LabKnowledge

    init() throws { labs = try LabKnowledge.load() }

    func interpret(_ analyte: String, _ value: Double, _ unit: String, age: String? = "P9Y",
                   sex: Sex = .male) throws -> LabInterpretation {
        try labs.interpret(LabResult(analyte: analyte, value: value, unit: unit),
                           age: try age.map { try Age(iso8601: $0) }, sex: sex)
    }

    // Factors of domain.md section 4.
    @Test func calciumConvertsWithFactor0_2495() throws {
        let r = try interpret("calcium", 8.1, "mg/dL")
        #expect(abs(r.si.value - 8.1 * 0.2495) < 1e-9)
        #expect(r.si.unit == "mmol/L")
        let back = try interpret("Ca", 2.0, "mmol/L")
        #expect(abs(back.conventional.value - 2.0 / 0.2495) < 1e-9)
        #expect(back.conventional.unit == "mg/dL")
    }

    @Test func phosphateConvertsWithFactor0_3229() throws {
        let r = try interpret("phosphorus", 5.0, "mg/dL")
        #expect(abs(r.si.value - 5.0 * 0.3229) < 1e-9)
        let back = try interpret("Pi", 1.5, "mmol/l")
        #expect(abs(back.conventional.value - 1.5 / 0.3229) < 1e-9)
    }

    @Test func pthUnits() throws {
        let r = try interpret("PTH", 92, "pg/mL")
        #expect(abs(r.si.value - 92 * 0.106) < 1e-9)
        #expect(r.si.unit == "pmol/L")
        #expect(try interpret("iPTH", 92, "ng/L").conventional.value == 92)
        let fromPmol = try interpret("parathyroid hormone", 10.6, "pmol/L")
        #expect(abs(fromPmol.conventional.value - 100) < 1e-9)
    }

    @Test(arguments: ["mIU/L", "uIU/mL", "µIU/mL", "mU/L"])
    func tshUnitsAreEquivalent(_ unit: String) throws {
        let r = try interpret("TSH", 7.5, unit)
        #expect(r.conventional.value == 7.5)
        #expect(r.flag == .high) // 6-10 y: 0.6-4.8
        #expect(r.impliedTerm == TermID("HP:0002925"))
    }

    @Test func brieExampleFromIssue() throws {
        // PTH 92 pg/mL at 9 years (11-59): high; calcium 8.1 mg/dL at 9 years (9.3-10.6): low.
        let pth = try interpret("PTH", 92, "pg/mL")
        #expect(pth.flag == .high)
        #expect(pth.impliedTerm == TermID("HP:0003165"))
        #expect(pth.interval?.low == 11 && pth.interval?.high == 59)
        #expect(pth.loinc.code == "2731-8" && !pth.loinc.verified)
        let ca = try interpret("calcium", 8.1, "mg/dL")
        #expect(ca.flag == .low)
        #expect(ca.impliedTerm == TermID("HP:0002901"))
        #expect(ca.excludedTerms.isEmpty)
    }

    @Test func normalValueExcludesTerms() throws {
        let pth = try interpret("PTH", 40, "pg/mL")
        #expect(pth.flag == .normal)
        #expect(pth.impliedTerm == nil)
        #expect(pth.excludedTerms.contains(TermID("HP:0003165")!))
    }

    @Test func phosphateIsSexSpecific() throws {
        // 10 years: males 3.7-5.4, females 4.0-5.2.
        #expect(try interpret("phosphate", 3.8, "mg/dL", age: "P10Y", sex: .male).flag == .normal)
        #expect(try interpret("phosphate", 3.8, "mg/dL", age: "P10Y", sex: .female).flag == .low)
        #expect(try interpret("phosphate", 5.3, "mg/dL", age: "P10Y", sex: .female).flag == .high)
        #expect(try interpret("phosphate", 5.3, "mg/dL", age: "P10Y", sex: .female).impliedTerm == TermID("HP:0002905"))
    }

    @Test func ageBoundaries() throws {
        // Calcium: 1-17 y 9.3-10.6; 18-59 y 8.6-10.0.
        #expect(try interpret("calcium", 9.0, "mg/dL", age: "P17Y11M").flag == .low)
        #expect(try interpret("calcium", 9.0, "mg/dL", age: "P18Y").flag == .normal)
        // TSH 0-5 days 0.7-15.2; 6 days-2 months 0.7-11.0.
        #expect(try interpret("TSH", 13, "mIU/L", age: "P5D").flag == .normal)
        #expect(try interpret("TSH", 13, "mIU/L", age: "P6D").flag == .high)
    }

    @Test func laboratoryIntervalWins() throws {
        let lab = LabResult(analyte: "PTH", value: 70, unit: "pg/mL", referenceLow: 10, referenceHigh: 75)
        let r = try labs.interpret(lab, age: Age(years: 30), sex: .female)
        #expect(r.flag == .normal) // default for adults is 15-65, which would say high
        #expect(r.interval?.source == "reporting laboratory")
        let si = LabResult(analyte: "calcium", value: 2.0, unit: "mmol/L", referenceLow: 2.1, referenceHigh: 2.6)
        #expect(try labs.interpret(si, age: nil, sex: .unknown).flag == .low)
    }

    @Test func laboratoryUpperLimitOnly() throws {
        let lab = LabResult(analyte: "PTH", value: 70, unit: "pg/mL", referenceHigh: 65)
        let r = try labs.interpret(lab, age: nil, sex: .unknown)
        #expect(r.flag == .high)
        #expect(r.interval?.low == 0 && r.interval?.high == 65)
        let lowOnly = LabResult(analyte: "PTH", value: 900, unit: "pg/mL", referenceLow: 10)
        #expect(try labs.interpret(lowOnly, age: nil, sex: .unknown).flag == .normal)
        #expect(try labs.interpret(lowOnly, age: nil, sex: .unknown).interval?.high == nil)
        let inverted = LabResult(analyte: "PTH", value: 50, unit: "pg/mL", referenceLow: 65, referenceHigh: 15)
        #expect(throws: LabError.invalidReferenceInterval(analyte: "Parathyroid hormone, intact (serum)")) {
            try labs.interpret(inverted, age: nil, sex: .unknown)
        }
    }

    @Test func unknownAgeFlagsOnlyWhenAllPopulationsAgree() throws {
        #expect(try interpret("PTH", 92, "pg/mL", age: nil).flag == .high) // above every upper limit (max 68)
        #expect(try interpret("PTH", 30, "pg/mL", age: nil).flag == .normal) // inside every interval
        #expect(try interpret("PTH", 62, "pg/mL", age: nil).flag == .unknown) // high for children 1-10 only
    }

    @Test func everyAgeFromBirthHasAnIntervalAndInfantPhosphateIsMarkedUnconfirmed() throws {
        // Phosphorus between 6 days and 1 year: a nutritional target range, marked UNCONFIRMED.
        let r = try interpret("phosphate", 5, "mg/dL", age: "P3M")
        #expect(r.flag == .low)
        #expect(r.interval?.unconfirmed != nil)
        #expect(r.note?.contains("UNCONFIRMED") == true)
    }

    @Test func implausibleValuesAreRefusedNamingTheLikelyUnitMixUp() throws {
        // 2.4 "mg/dL" calcium is an SI number typed with the conventional unit.
        #expect(throws: LabError.implausible(analyte: "Total calcium (serum)", unit: "mg/dL", low: 3, high: 20, plausibleIn: ["mmol/L"])) {
            try interpret("calcium", 2.4, "mg/dL", age: "P6Y")
        }
        let error = try #require(throws: LabError.self) { try interpret("calcium", 2.4, "mg/dL", age: "P6Y") }
        #expect(error.description.contains("plausible in mmol/L"))
        #expect(!error.description.contains("2.4"))
        #expect(throws: LabError.self) { try interpret("PTH", 90_000, "pg/mL", age: "P6Y") }
        #expect(try interpret("calcium", 2.4, "mmol/L", age: "P6Y").flag == .normal)
    }

    @Test func ageAtMeasurementWins() throws {
        let lab = LabResult(analyte: "calcium", value: 9.0, unit: "mg/dL", ageAtMeasurement: Age(years: 30))
        #expect(try labs.interpret(lab, age: Age(years: 5), sex: .male).flag == .normal)
    }

    @Test func errorsNameTheFieldNotTheValue() throws {
        #expect(throws: LabError.unknownAnalyte("sodium")) { try interpret("sodium", 140, "mmol/L") }
        #expect(throws: LabError.self) { try interpret("PTH", 40, "mg/dL") }
        #expect(throws: LabError.invalidValue(analyte: "Parathyroid hormone, intact (serum)")) {
            try interpret("PTH", -1, "pg/mL")
        }
        #expect(throws: LabError.self) { try interpret("PTH", .nan, "pg/mL") }
        #expect(throws: LabError.self) { try interpret("PTH", .infinity, "pg/mL") }
        do {
            _ = try interpret("PTH", 12345.678, "furlongs")
            Issue.record("expected an error")
        } catch {
            #expect(String(describing: error).contains("furlongs"))
            #expect(!String(describing: error).contains("12345"))
        }
    }

    @Test func knowledgeFileIsConsistent() throws {
        try labs.validate()
        #expect(Set(labs.analytes.map(\.id)) == ["calcium", "phosphate", "pth", "tsh"])
        for analyte in labs.analytes {
            #expect(!analyte.intervals.isEmpty)
            #expect(analyte.loinc.code.wholeMatch(of: /\d+-\d/) != nil)
            for term in [analyte.lowTerm, analyte.highTerm].compactMap({ $0 }) + analyte.excludedWhenNormal {
                #expect(term.id.prefix == "HP" && term.id.local.wholeMatch(of: /\d{7}/) != nil, "\(term.id)")
            }
        }
    }

    /// Exports label a LOINC assay with the name of the analyte labs.json keeps for that code.
    @Test func loincAssaysGetTheAnalyteName() throws {
        let calcium = try #require(labs.analyte(named: "calcium"))
        #expect(labs.assayLabel("LOINC:" + calcium.loinc.code) == calcium.name)
        for analyte in labs.analytes { #expect(labs.assayLabel("LOINC:" + analyte.loinc.code) == analyte.name) }
        #expect(labs.assayLabel(calcium.loinc.code) == nil, "a bare code is not an assay id")
        #expect(labs.assayLabel("LOINC:0000-0") == nil)
        #expect(labs.assayLabel("HP:0002901") == nil)
    }
}
