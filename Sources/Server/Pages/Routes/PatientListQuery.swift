import Clinical
import FoundationEssentials
import Hummingbird
import Registry

/// The query of the patient list page, checked once at the door: `q` (part of the pseudonym or
/// the record id; researchers: the hashed id), `diagnosis` (ORPHA code), `site` (site id), `sex`,
/// `age` (an `AgeBand`), `gnas` (GNAS sequencing result), `status`, `sort` (id, pseudonym, age,
/// updated), `order` (asc, desc), `page` (from 1).
struct PatientListQuery: Sendable {
    static let pageSize = 25
    static let names = ["q", "diagnosis", "site", "sex", "age", "gnas", "status", "sort", "order", "page"]

    var filter = PatientFilter()
    var page = Page(limit: pageSize)
    var values: [String: String] = [:]
    var problems: [FieldProblem] = []

    init(_ request: Request, role: Role, today: CivilDate?) {
        let params = request.uri.queryParameters
        for name in Self.names {
            if let v = params.get(name)?.trimmingCharacters(in: .whitespaces), !v.isEmpty { values[name] = v }
        }
        if let q = values["q"] {
            if q.count > 64 { problems.append(FieldProblem("q", "must be at most 64 characters")) }
            else if role == .researcher { filter.researchID = q } else { filter.search = q }
        }
        if let d = values["diagnosis"] {
            if d.hasPrefix("ORPHA:"), d.dropFirst(6).allSatisfy(\.isNumber), d.count > 6 { filter.orphaCode = d }
            else { problems.append(FieldProblem("diagnosis", "must be an ORPHA code such as ORPHA:2762")) }
        }
        if let s = values["site"] {
            if let id = Canonical.positiveID(s) { filter.siteID = id } else { problems.append(FieldProblem("site", "must be a site")) }
        }
        filter.sex = Self.enumValue("sex", Sex.self, values, &problems)
        filter.status = Self.enumValue("status", PatientStatus.self, values, &problems)
        filter.gnasSequencing = Self.enumValue("gnas", TestResults.Sequencing.self, values, &problems)
        if let band = Self.enumValue("age", AgeBand.self, values, &problems), let today {
            let range = band.birthRange(today: today)
            filter.bornAfter = range.after
            filter.bornOnOrBefore = range.onOrBefore
        }
        let descending = values["order"] == "desc"
        if let o = values["order"], o != "asc", o != "desc" { problems.append(FieldProblem("order", "must be asc or desc")) }
        switch values["sort"] ?? "id" {
        case "id": filter.sort = PatientSort(.id, descending: descending)
        case "pseudonym" where role != .researcher: filter.sort = PatientSort(.pseudonym, descending: descending)
        // Youngest first is the latest birth date first.
        case "age": filter.sort = PatientSort(.birthDate, descending: !descending)
        case "updated": filter.sort = PatientSort(.updated, descending: descending)
        default: problems.append(FieldProblem("sort", role == .researcher ? "must be id, age or updated" : "must be id, pseudonym, age or updated"))
        }
        if let p = values["page"] {
            if let n = Canonical.positiveID(p), n <= 1_000_000 { page.offset = Int(n - 1) * Self.pageSize }
            else { problems.append(FieldProblem("page", "must be a page number from 1")) }
        }
    }

    static func enumValue<E: RawRepresentable & CaseIterable>(_ name: String, _: E.Type, _ values: [String: String],
                                                             _ problems: inout [FieldProblem]) -> E? where E.RawValue == String {
        guard let text = values[name] else { return nil }
        guard let value = E(rawValue: text) else {
            problems.append(FieldProblem(name, "must be one of: " + E.allCases.map(\.rawValue).joined(separator: ", ")))
            return nil
        }
        return value
    }

    /// The list's address with these filters and another page.
    func href(page number: Int) -> String {
        var parts = Self.names.filter { $0 != "page" }.compactMap { name in
            values[name].map { name + "=" + Self.escape($0) }
        }
        if number > 1 { parts.append("page=\(number)") }
        return "/" + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }

    /// Percent-encodes everything but unreserved characters.
    static func escape(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
