import Clinical
import Foundation
import Testing
@testable import Phenopackets

/// Exported phenopackets must parse with the GA4GH reference implementation (PyPI `phenopackets`,
/// protobuf's strict JSON parser). Skipped, with a note, when python3 or the package is missing;
/// CI installs it with `python3 -m pip install phenopackets`.
@Suite struct ReferenceImplementationTests {
    static let parseOne = "from google.protobuf.json_format import Parse; import phenopackets, sys; Parse(sys.stdin.read(), phenopackets.Phenopacket())"

    /// Parses every line of standard input; prints the numbers of refused lines.
    static let parseLines = """
    import sys, phenopackets
    from google.protobuf.json_format import Parse
    bad = []
    for n, line in enumerate(sys.stdin, 1):
        if line.strip():
            try: Parse(line, phenopackets.Phenopacket())
            except Exception as e: bad.append('%d: %s' % (n, e))
    print('\\n'.join(bad[:5])); sys.exit(1 if bad else 0)
    """

    /// Runs `python3 -c script` with `input` on standard input; nil when python3 cannot be started.
    static func python(_ script: String, input: Data) -> (status: Int32, output: String)? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stdout
        do { try process.run() } catch { return nil }
        let writer = Thread {
            stdin.fileHandleForWriting.write(input)
            try? stdin.fileHandleForWriting.close()
        }
        writer.start()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    static let referenceAvailable: Bool = {
        guard let result = python("import phenopackets, google.protobuf.json_format", input: Data()) else { return false }
        return result.status == 0
    }()

    static let skipNote = "python3 with the PyPI package 'phenopackets' is not available: reference-implementation test skipped (install: python3 -m pip install phenopackets)"

    static func exported() -> [Phenopacket] {
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        return [
            Phenopacket(record: MappingTests.sample, id: "R-1", created: created),
            Phenopacket(record: PatientRecord(), id: "empty", created: created),
            Phenopacket(record: PatientRecord(id: "x", sex: .other, labs: [
                LabResult(analyte: "LOINC:2731-8", value: 0, unit: "pg/mL", referenceHigh: 65),
                LabResult(analyte: "LOINC:17861-6", value: 2.1, unit: "mmol/L", referenceLow: 2.2),
            ], variants: [VariantObservation(hgvs: "NM_000516.7:c.565_568del", zygosity: "mosaic", origin: .unknown),
                          VariantObservation(gene: "GNAS")],
            lesions: [Lesion(region: "elbow", side: .midline)]), id: "odd", created: created),
        ]
    }

    @Test(.enabled(if: referenceAvailable, Comment(rawValue: skipNote)))
    func exportedPhenopacketsParseWithTheReferenceImplementation() throws {
        for packet in Self.exported() {
            for pretty in [false, true] {
                let result = try #require(Self.python(Self.parseOne, input: packet.jsonData(pretty: pretty)))
                #expect(result.status == 0, "\(packet.id): \(result.output)")
            }
        }
    }

    /// 500 generated records, exported, parse with the reference implementation (one python process).
    @Test(.enabled(if: referenceAvailable, Comment(rawValue: skipNote)))
    func generatedRecordsParseWithTheReferenceImplementation() throws {
        var generator = RandomRecords(seed: 7)
        let packets = (0..<500).map { Phenopacket(record: generator.record(id: "G-\($0)"), id: "G-\($0)") }
        let result = try #require(Self.python(Self.parseLines, input: Phenopacket.jsonLines(packets)))
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(.enabled(if: referenceAvailable, Comment(rawValue: skipNote)))
    func familiesAndCohortsParseWithTheReferenceImplementation() throws {
        let family = try FamilyTests.family()
        let familyCheck = Self.parseOne.replacingOccurrences(of: "phenopackets.Phenopacket()", with: "phenopackets.Family()")
        let familyResult = try #require(Self.python(familyCheck, input: JSONEncoder().encode(family)))
        #expect(familyResult.status == 0, "\(familyResult.output)")
        var generator = RandomRecords(seed: 11)
        let cohort = Phenopacket.Cohort(id: "export", description: "synthetic",
                                        members: (0..<20).map { Phenopacket(record: generator.record(id: "C-\($0)"), id: "C-\($0)") },
                                        metaData: .init(created: "2026-01-01T00:00:00Z", createdBy: "test"))
        let cohortCheck = Self.parseOne.replacingOccurrences(of: "phenopackets.Phenopacket()", with: "phenopackets.Cohort()")
        let cohortResult = try #require(Self.python(cohortCheck, input: JSONEncoder().encode(cohort)))
        #expect(cohortResult.status == 0, "\(cohortResult.output)")
    }

    /// The check itself must be able to fail: a document with an unknown enum name is refused.
    @Test(.enabled(if: referenceAvailable, Comment(rawValue: skipNote)))
    func referenceImplementationRefusesAnInvalidDocument() throws {
        let result = try #require(Self.python(Self.parseOne, input: Data(#"{"id": "x", "subject": {"sex": "F"}}"#.utf8)))
        #expect(result.status != 0)
    }

    /// Every bench case, mapped to a record and exported again, parses with the reference implementation.
    @Test(.enabled(if: Fixtures.benchFile != nil, "../shared/bench/dev-phenopackets.jsonl not found: bench re-export test skipped"),
          .enabled(if: referenceAvailable, Comment(rawValue: skipNote)))
    func reexportedBenchCasesParseWithTheReferenceImplementation() throws {
        let url = try #require(Fixtures.benchFile)
        var packets: [Phenopacket] = []
        for entry in try PhenopacketReader().read(at: url) {
            guard let packet = entry.phenopacket else { continue }
            packets.append(Phenopacket(record: try packet.patientRecord(), id: packet.id))
            // The decoded document as written back (all its parts, not only the record's).
            packets.append(packet)
        }
        #expect(packets.count == 2 * 1671)
        let lines = try Phenopacket.jsonLines(packets)
        let result = try #require(Self.python(Self.parseLines, input: lines))
        #expect(result.status == 0, "\(result.output)")
    }
}
