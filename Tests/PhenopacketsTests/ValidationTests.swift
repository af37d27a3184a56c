import Foundation
import Testing
@testable import Phenopackets

@Suite struct ValidationTests {
    /// A malformed document (one JSONL line), the JSON path the error must name and the problem.
    struct Case: Sendable, CustomStringConvertible {
        var json: String
        var path: String
        var problem: PhenopacketError.Problem
        var description: String { path.isEmpty ? "(document)" : path }
    }

    static let cases: [Case] = [
        Case(json: #"{"id": "p", "subject": {"id": "SECRET-7"#, path: "", problem: .invalidJSON(line: 1, column: 40)),
        Case(json: #"{"id": "p", "subject": {"id": "s"} "x": 1}"#, path: "", problem: .invalidJSON(line: 1, column: 36)),
        Case(json: #"[{"id": "p"}]"#, path: "", problem: .wrongType(expected: "an object")),
        Case(json: #"{"subject": {"id": "SECRET-7"}}"#, path: "id", problem: .missing),
        Case(json: #"{"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "evidence": [{"reference": {"id": "PMID:1"}}]}]}"#,
             path: "phenotypicFeatures[0].evidence[0].evidenceCode", problem: .missing),
        Case(json: #"{"id": "p", "subject": {"id": "SECRET-7", "sex": "F"}}"#, path: "subject.sex",
             problem: .unknownEnumValue(enumName: "Sex", allowed: ["UNKNOWN_SEX", "FEMALE", "MALE", "OTHER_SEX"])),
        Case(json: #"{"id": "p", "phenotypicFeatures": {"type": {"id": "HP:0001250"}}}"#, path: "phenotypicFeatures",
             problem: .wrongType(expected: "an array")),
        Case(json: #"{"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}}, {"type": {"id": "HP0001250"}}]}"#,
             path: "phenotypicFeatures[1].type.id", problem: .invalidOntologyID),
        Case(json: #"{"id": "p", "phenotypicFeatures": [{"description": "SECRET free text"}]}"#,
             path: "phenotypicFeatures[0].type", problem: .missing),
        Case(json: #"{"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "excluded": "yes"}]}"#,
             path: "phenotypicFeatures[0].excluded", problem: .wrongType(expected: "true or false")),
        Case(json: #"{"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "onset": {"age": {"iso8601duration": "3 years"}}}]}"#,
             path: "phenotypicFeatures[0].onset.age.iso8601duration", problem: .invalidDuration),
        Case(json: #"{"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "onset": {"age": {"iso8601duration": "P1Y"}, "timestamp": "2020-01-01T00:00:00Z"}}]}"#,
             path: "phenotypicFeatures[0].onset", problem: .moreThanOne(of: Phenopacket.TimeElement.formNames)),
        Case(json: #"{"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "onset": {}}]}"#,
             path: "phenotypicFeatures[0].onset", problem: .noneOf(Phenopacket.TimeElement.formNames)),
        Case(json: #"{"id": "p", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}, "onset": {"gestationalAge": {"weeks": 50}}}]}"#,
             path: "phenotypicFeatures[0].onset.gestationalAge.weeks", problem: .outOfRange(allowed: "0 to 45")),
        Case(json: #"{"id": "p", "measurements": [{"assay": {"id": "LOINC:2731-8"}}]}"#,
             path: "measurements[0]", problem: .noneOf(["value", "complexValue"])),
        Case(json: #"{"id": "p", "measurements": [{"assay": {"id": "LOINC:2731-8"}, "value": {"quantity": {"value": 40}}}]}"#,
             path: "measurements[0].value.quantity.unit", problem: .missing),
        Case(json: #"{"id": "p", "measurements": [{"assay": {"id": "LOINC:2731-8"}, "value": {"quantity": {"unit": {"id": "UCUM:pg/mL"}, "value": true}}}]}"#,
             path: "measurements[0].value.quantity.value", problem: .wrongType(expected: "a number")),
        Case(json: #"{"id": "p", "interpretations": [{"id": "i", "diagnosis": {"genomicInterpretations": [{"subjectOrBiosampleId": "s", "variantInterpretation": {"variationDescriptor": {"id": "v", "vcfRecord": {"pos": "12x"}}}}]}}]}"#,
             path: "interpretations[0].diagnosis.genomicInterpretations[0].variantInterpretation.variationDescriptor.vcfRecord.pos",
             problem: .wrongType(expected: "an integer")),
        Case(json: #"{"id": "p", "interpretations": [{"id": "i", "diagnosis": {"genomicInterpretations": [{"subjectOrBiosampleId": "s", "variantInterpretation": {"variationDescriptor": {"id": "v", "extensions": [{"name": "parentOfOrigin", "value": "grandmother"}]}}}]}}]}"#,
             path: "interpretations[0].diagnosis.genomicInterpretations[0].variantInterpretation.variationDescriptor.extensions[0].value",
             problem: .unknownValue(allowed: ["paternal", "maternal", "de novo", "unknown"])),
        Case(json: #"{"id": "p", "interpretations": [{"id": "i", "diagnosis": {"disease": {"id": "OMIM 166350"}}}]}"#,
             path: "interpretations[0].diagnosis.disease.id", problem: .invalidOntologyID),
        Case(json: #"{"id": "p", "interpretations": [{"id": "i", "diagnosis": {"genomicInterpretations": [{"subjectOrBiosampleId": "s"}]}}]}"#,
             path: "interpretations[0].diagnosis.genomicInterpretations[0]", problem: .noneOf(["gene", "variantInterpretation"])),
        Case(json: #"{"id": "p", "metaData": {"created": "yesterday", "phenopacketSchemaVersion": "2.0"}}"#,
             path: "metaData.created", problem: .invalidTimestamp),
        Case(json: #"{"id": "p", "metaData": {"created": "2020-01-01T00:00:00Z", "phenopacketSchemaVersion": "1.0"}}"#,
             path: "metaData.phenopacketSchemaVersion", problem: .unsupportedSchemaVersion),
        Case(json: #"{"id": "p", "subject": {"id": "s", "dateOfBirth": "2020-13-01T00:00:00Z"}}"#,
             path: "subject.dateOfBirth", problem: .invalidTimestamp),
    ]

    @Test(arguments: cases)
    func namesPathAndProblem(_ c: Case) {
        do {
            _ = try Fixtures.decode(c.json)
            Issue.record("accepted: \(c)")
        } catch {
            #expect(error.issues.contains(.init(path: c.path, problem: c.problem)), "\(error)")
        }
    }

    @Test(arguments: cases)
    func neverEchoesPatientValues(_ c: Case) {
        do { _ = try Fixtures.decode(c.json) } catch {
            for secret in ["SECRET", "3 years", "grandmother", "12x", "yesterday", "HP0001250", "\"F\""] {
                #expect(!error.description.contains(secret), "\(error)")
            }
        }
    }

    /// All malformed documents as one JSONL batch (with blank lines): each refused line reports its
    /// line number, the file name and the path; the valid lines are read.
    @Test func reportsLineNumbersInABatch() {
        var lines: [String] = [#"{"id": "ok-1", "phenotypicFeatures": [{"type": {"id": "HP:0001250"}}]}"#, ""]
        lines += Self.cases.map(\.json)
        lines += ["   ", #"{"id": "ok-2"}"#]
        let data = Data(lines.joined(separator: "\n").utf8)
        let entries = PhenopacketReader(concurrency: 2).readJSONLines(data, source: "batch.jsonl")
        #expect(entries.count == Self.cases.count + 2)
        #expect(entries.first?.phenopacket?.id == "ok-1")
        #expect(entries.last?.phenopacket?.id == "ok-2")
        #expect(entries.last?.line == lines.count)
        for (i, c) in Self.cases.enumerated() {
            let entry = entries[i + 1]
            #expect(entry.line == i + 3)
            guard let error = entry.error else { Issue.record("line \(i + 3) accepted"); continue }
            #expect(error.line == i + 3)
            #expect(error.source == "batch.jsonl")
            #expect(error.description.hasPrefix("batch.jsonl line \(i + 3): "))
            #expect(error.issues.contains { $0.path == c.path }, "\(error)")
        }
    }

    @Test func acceptsMissingIdentifiersOssifyDoesNotUse() throws {
        let packet = try Fixtures.decode("""
        {"id": "p", "subject": {"sex": "FEMALE"}, "biosamples": [{"description": "x"}],
         "interpretations": [{"diagnosis": {"genomicInterpretations": [{"variantInterpretation": {"variationDescriptor":
           {"geneContext": {"symbol": "GNAS"}}}}]}}],
         "metaData": {"resources": [{"id": "hp"}]}}
        """)
        #expect(try packet.patientRecord().variants == [.init(gene: "GNAS")])
    }

    @Test func namesTheValuesOfAnEnum() {
        do throws(PhenopacketError) {
            _ = try Fixtures.decode(#"{"id": "p", "interpretations": [{"id": "i", "progressStatus": "DONE"}]}"#)
            Issue.record("accepted")
        } catch {
            #expect(error.description == "interpretations[0].progressStatus: not a value of the enum ProgressStatus (one of UNKNOWN_PROGRESS, IN_PROGRESS, COMPLETED, SOLVED, UNSOLVED)")
        }
    }

    @Test func describesAnErrorWithPlaceAndPath() {
        let error = PhenopacketError(source: "cases.jsonl", line: 12, path: "phenotypicFeatures[3].type.id",
                                     problem: .invalidOntologyID)
        #expect(error.description == "cases.jsonl line 12: phenotypicFeatures[3].type.id: not an ontology id of the form PREFIX:LOCAL (such as HP:0001250)")
        #expect(error.localizedDescription == error.description)
    }

    @Test func collectsEveryIssueOfADocument() {
        let packet = Phenopacket(id: "", phenotypicFeatures: [
            .init(type: .init(id: "bad")), .init(type: .init(id: "HP:1"), onset: .age(iso8601duration: "P")),
        ])
        let paths = packet.validationIssues().map(\.path)
        #expect(paths == ["id", "phenotypicFeatures[0].type.id", "phenotypicFeatures[1].onset.age.iso8601duration"])
    }

    @Test(arguments: ["2020-01-01T00:00:00Z", "2020-01-01T00:00:00.123456789Z", "2020-01-01T23:59:59+05:30", "2020-01-01t00:00:00z"])
    func acceptsRFC3339(_ text: String) { #expect(RFC3339.isValid(text)) }

    @Test(arguments: ["2020-01-01", "2020-01-01T00:00:00", "2020-01-01T24:00:00Z", "2020-1-01T00:00:00Z", "2020-01-01T00:00:00.Z", "2020-01-01T00:00:00+0530"])
    func refusesOtherTimes(_ text: String) { #expect(!RFC3339.isValid(text)) }
}
