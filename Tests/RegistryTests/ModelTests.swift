import FoundationEssentials
@testable import Registry
import Testing

@Suite("Registry model")
struct ModelTests {
    @Test func civilDates() throws {
        let d = try #require(CivilDate("2024-02-28"))
        #expect(d.adding(days: 1)?.description == "2024-02-29")
        #expect(d.adding(days: 2)?.description == "2024-03-01")
        #expect(CivilDate("2023-02-29") == nil)
        #expect(CivilDate("2024-2-1") == nil)
        #expect(CivilDate(dayNumber: 0)?.description == "1970-01-01")
        let birth = try #require(CivilDate("2015-03-10"))
        #expect(birth.completedYears(until: try #require(CivilDate("2024-03-09"))) == 8)
        #expect(birth.completedYears(until: try #require(CivilDate("2024-03-10"))) == 9)
        #expect(RegistryStore.ageBetween(birth, try #require(CivilDate("2015-03-20"))) == "P10D")
        #expect(RegistryStore.ageBetween(birth, try #require(CivilDate("2016-05-10"))) == "P1Y2M")
    }

    @Test func postgresURLs() {
        let url = PostgresURL("postgres://ossify:s%40cret@127.0.0.1:55432/registry")
        #expect(url == PostgresURL(username: "ossify", password: "s@cret", host: "127.0.0.1", port: 55432, database: "registry"))
        #expect(PostgresURL("postgres://me@db/x")?.port == 5432)
        #expect(PostgresURL("postgres://db/x") == nil)
        #expect(PostgresURL("mysql://me@db/x") == nil)
    }

    @Test func placeholdersAreNumberedForPostgres() {
        #expect(SQLQuery("SELECT ? + ?", [.integer(1), .integer(2)]).numberedPlaceholders == "SELECT $1 + $2")
    }

    @Test("the body-region list equals Knowledge/body-regions.json and each age sums to 100")
    func bodyRegions() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Knowledge/body-regions.json")
        struct File: Decodable {
            struct Source: Decodable { let citation: String }
            let source: Source
            let ageBands: [String]
            let regions: [BodyRegion]
        }
        let file = try JSONDecoder().decode(File.self, from: Data(contentsOf: url))
        #expect(file.regions == BodyRegion.catalog)
        #expect(file.ageBands == BodyRegion.ageBands)
        #expect(file.source.citation.contains("Lund"))
        for band in BodyRegion.ageBands.indices {
            let total = BodyRegion.catalog.reduce(0.0) { $0 + $1.percent[band] * ($1.paired ? 2 : 1) }
            // The chart as commonly reproduced sums to 101 at age 10 (see the note in the file).
            let expected = BodyRegion.ageBands[band] == "10" ? 101.0 : 100.0
            #expect(abs(total - expected) < 1e-9, "age band \(BodyRegion.ageBands[band]) sums to \(total)")
        }
    }

    @Test("every record type maps exactly its columns")
    func columnsMatchFields() throws {
        let lesion = LesionFields(lesionId: "L1", region: "thigh", side: .right, surface: .posterior, percentOfRegion: 5,
                                  depth: .muscle, morphology: .diffuse, imaging: .ct, notes: "n")
        let keys = Set(try JSONValue(encoding: lesion).objectValue?.keys.map { $0 } ?? [])
        #expect(keys == Set(LesionFields.columns.map(\.key)))
        let values = try lesion.sqlValues()
        var row: [String: SQLValue] = [:]
        for (spec, value) in zip(LesionFields.columns, values) { row[spec.column] = value }
        #expect(try LesionFields(row: SQLRow(row)) == lesion)
    }

    @Test("JSON text written by hand parses back to the same value")
    func jsonSerialization() throws {
        let value: JSONValue = .object([
            "text": .string("quote \" backslash \\ newline \n tab \t bell \u{07} é 🦴"),
            "n": .number(-12.5), "i": 42, "t": true, "f": false, "z": .null, "a": [1, "x", .array([])],
        ])
        #expect(JSONValue(jsonText: value.jsonText) == value)
        #expect(JSONValue(jsonText: #"{"a":[1,2.5e3,-0.5,"\u00e9\ud83e\uddb4"]}"#) == .object(["a": [1, .number(2500), .number(-0.5), "é🦴"]]))
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "tru", "\"unterminated", "1 2", "{\"a\":1,}"] {
            #expect(JSONValue(jsonText: bad) == nil, "\(bad)")
        }
        struct Sample: Decodable, Equatable { let text: String; let i: Int; let n: Double; let t: Bool; let z: String? }
        let decoded = try value.decode(Sample.self)
        #expect(decoded.i == 42 && decoded.n == -12.5 && decoded.t && decoded.z == nil)
        #expect(throws: DecodingError.self) { try JSONValue.object(["i": "x"]).decode([String: Int].self) }
    }
}
