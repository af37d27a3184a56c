import Clinical
import Foundation
import Ontology
import Phenopackets
import PropertyBased
import Registry
import Testing

/// Mutation fuzzing of every parser that reads outside input. Each test edits the seeds in
/// `Corpus/<parser>/` for a fixed time slice and asserts that the parser never crashes (a crash ends
/// the test process, so CI fails), and that every refusal says where the problem is without
/// repeating the input.
@Suite("Parser fuzzing", .serialized)
struct ParserFuzzTests {
    /// Runs `body` on fuzzed inputs of one corpus until the time slice or count is used up; returns
    /// how many inputs were tried and how many the parser refused.
    @discardableResult
    static func fuzz(_ corpusName: String, _ body: ([UInt8]) -> Bool) async throws -> (tried: Int, refused: Int) {
        let corpus = try FuzzBudget.corpus(corpusName)
        try #require(!corpus.isEmpty, "no seeds for \(corpusName)")
        let start = ContinuousClock.now
        var tried = 0
        var refused = 0
        while tried < FuzzBudget.maxCount, ContinuousClock.now - start < .seconds(FuzzBudget.seconds) {
            await propertyCheck(count: 200, input: FuzzGen.input()) { input in
                tried += 1
                if !body(input.bytes(from: corpus)) { refused += 1 }
            }
        }
        print("fuzz \(corpusName): \(tried) inputs, \(refused) refused")
        #expect(tried > 0)
        return (tried, refused)
    }

    static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func hgvs() async throws {
        try await Self.fuzz("hgvs") { bytes in
            let text = Self.text(bytes)
            do throws(HGVSError) {
                _ = try HGVSVariant(parsing: text)
                return true
            } catch {
                #expect(error.offset >= 0 && error.offset <= text.count + 1, "offset \(error.offset) outside the input")
                if text.count >= 12 { #expect(!error.description.contains(text), "error repeats the input") }
                return false
            }
        }
    }

    @Test func pedigree() async throws {
        try await Self.fuzz("ped") { bytes in
            let text = Self.text(bytes)
            do throws(PedigreeError) {
                _ = try Pedigree(ped: text, file: "fuzz.ped")
                return true
            } catch {
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect(error.file == "fuzz.ped")
                #expect(error.line >= 0 && error.line <= lines + 1, "line \(error.line) of \(lines)")
                return false
            }
        }
    }

    /// The HPO release parsers: a refusal names the file and, where it has one, a line of the input.
    static func checkDataFileError(_ error: DataFileError, _ bytes: [UInt8], file: String) {
        let lines = bytes.count(where: { $0 == 0x0A }) + 1
        #expect(error.file == file)
        if let line = error.line { #expect(line >= 1 && line <= lines, "line \(line) of \(lines)") }
        #expect(!error.reason.isEmpty)
    }

    @Test func obo() async throws {
        try await Self.fuzz("obo") { bytes in
            do throws(DataFileError) { _ = try OBOParser.parse(bytes, file: "fuzz.obo"); return true } catch {
                Self.checkDataFileError(error, bytes, file: "fuzz.obo")
                return false
            }
        }
    }

    @Test func hpoa() async throws {
        try await Self.fuzz("hpoa") { bytes in
            do throws(DataFileError) { _ = try HPOAParser.parse(bytes, file: "fuzz.hpoa"); return true } catch {
                Self.checkDataFileError(error, bytes, file: "fuzz.hpoa")
                return false
            }
        }
    }

    @Test func genesToPhenotype() async throws {
        try await Self.fuzz("genes") { bytes in
            do throws(DataFileError) { _ = try GeneDiseaseParser.parse(bytes, file: "fuzz.txt"); return true } catch {
                Self.checkDataFileError(error, bytes, file: "fuzz.txt")
                return false
            }
        }
    }

    @Test func phenopacket() async throws {
        try await Self.fuzz("phenopacket") { bytes in
            do throws(PhenopacketError) { _ = try Phenopacket.decode(from: Data(bytes)); return true } catch {
                #expect(!error.issues.isEmpty, "a refusal lists what is wrong")
                return false
            }
        }
    }

    /// The registry's request-body reader: whatever it accepts, it writes back and reads again to the
    /// same value.
    @Test func jsonBody() async throws {
        try await Self.fuzz("json") { bytes in
            guard let value = JSONValue(parsing: bytes) else { return false }
            #expect(JSONValue(parsing: value.serialized()) == value, "serialised JSON reads back to the same value")
            return true
        }
    }

    @Test func lesionDescriptor() async throws {
        try await Self.fuzz("lesion") { bytes in
            do throws(LesionDescriptorError) { _ = try Lesion(descriptor: Self.text(bytes)); return true } catch {
                #expect(!error.description.isEmpty)
                return false
            }
        }
    }

    @Test func isoAge() async throws {
        let seeds = ["P6Y", "P1Y2M3D", "P0D", "P10W", "P18Y6M"].map { [UInt8]($0.utf8) }
        var tried = 0
        await propertyCheck(count: 2_000, input: FuzzGen.input(maxEdits: 4)) { input in
            tried += 1
            let text = Self.text(input.bytes(from: seeds))
            if let age = try? Age(iso8601: text) { #expect(age.totalDays >= 0, "an age is never negative") }
        }
        #expect(tried == 2_000)
    }

    /// Lab values: any number in any unit string is interpreted or refused with a typed error,
    /// never a crash, and an accepted value is never negative or infinite.
    @Test func labValues() async throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Knowledge").appendingPathComponent(LabKnowledge.fileName)
        let labs = try LabKnowledge.load(from: url)
        let analytes = labs.analytes.map(\.name) + ["PTH", "ca", "", "calcium\u{0}", "x"]
        let units = ["mg/dL", "mmol/L", "pg/mL", "pmol/L", "ng/L", "mIU/L", "uIU/mL", "%", "", "mEq/L", "µmol/L"]
        let input = zip(Gen.element(of: analytes), Gen.element(of: units),
                        Gen.double(in: -1e12...1e12), Gen.int(in: 0...1_200), Gen.element(of: Sex.allCases))
        await propertyCheck(count: 3_000, input: input) { analyte, unit, value, months, sex in
            let lab = LabResult(analyte: analyte ?? "", value: value, unit: unit ?? "", ageAtMeasurement: Age(months: months))
            if let result = try? labs.interpret(lab, age: lab.ageAtMeasurement, sex: sex ?? .unknown) {
                #expect(value.isFinite && value >= 0)
                _ = result
            }
        }
    }
}
