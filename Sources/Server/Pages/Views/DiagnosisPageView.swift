import FoundationEssentials
import Registry

/// The diagnosis page of a record: the latest stored differential, each candidate with its
/// probability bar and, expandable, its evidence table (patient term, match, likelihood ratio,
/// disease term, frequency), genotype evidence and "look for" suggestions; the latest GNAS-spectrum
/// assessment, its criteria met, not met or unknown with their sources, what would decide the
/// unknown ones, next steps, follow-up, notes and UNCONFIRMED marks; every stored result with its
/// data release and engine version. Pure: the record's JSON (in the caller's view) in, the view out.
struct DiagnosisPageView: Sendable {
    struct Evidence: Sendable {
        let patientTerm: String
        let match: String
        let ratio: String
        let diseaseTerm: String
        let frequency: String
        let source: String
    }

    struct Suggestion: Sendable {
        let text: String
    }

    struct Candidate: Sendable {
        let anchor: String
        let rank: String
        let name: String
        let disease: String
        let equivalents: String?
        let probability: String
        /// The bar's width in the 200-unit SVG (an attribute: the CSP allows no inline style).
        let barWidth: String
        let log10Ratio: String
        let evidence: [Evidence]
        let hasEvidence: Bool
        let genotype: [String]
        let lookFor: [Suggestion]
        /// Stored, not computed: the templates read properties by reflection.
        let hasLookFor: Bool
    }

    struct Differential: Sendable {
        let when: String
        let release: String
        let engine: String
        let candidates: [Candidate]
        let warnings: [String]
    }

    struct Criterion: Sendable {
        let name: String
        let status: String
        let statusClass: String
        let evidence: [String]
        let source: String
        let unconfirmed: Bool
    }

    struct Assessment: Sendable {
        let when: String
        let release: String
        let engine: String
        let name: String
        let provisional: Bool
        let reason: String
        let codes: String
        let ruleSource: String
        let ruleUnconfirmed: Bool
        let criteria: [Criterion]
        let unknowns: [String]
        let nextSteps: [String]
        let followUp: [String]
        let followUpSource: String
        let followUpUnconfirmed: Bool
        let ippsd: String?
        let notes: [String]
        /// Stored, not computed: the templates read properties by reflection.
        let hasUnknowns: Bool
        let hasNextSteps: Bool
        let hasFollowUp: Bool
        let hasNotes: Bool
    }

    struct Stored: Sendable {
        let kind: String
        let when: String
        let release: String
        let engine: String
    }

    let title: String
    let patientHref: String
    let reportHref: String
    let canRun: Bool
    let diagnoseAction: String
    let assessAction: String
    let differential: Differential?
    let assessment: Assessment?
    let stored: [Stored]

    /// Candidates shown, each with its evidence.
    static let candidatesShown = 10

    static func make(_ record: JSONValue, view: View, title: String) -> DiagnosisPageView {
        let recordID = record["patient"]?["id"].flatMap { $0.stringValue ?? $0.intValue.map(String.init) } ?? ""
        let results = record["assessments"]?.arrayValue ?? []
        func latest(_ kind: StoredAssessment.Kind) -> JSONValue? { results.last { $0["kind"]?.stringValue == kind.rawValue } }
        return DiagnosisPageView(
            title: title, patientHref: "/patients/\(recordID)", reportHref: "/patients/\(recordID)/report",
            canRun: view == .identified, diagnoseAction: "/patients/\(recordID)/diagnose", assessAction: "/patients/\(recordID)/assess",
            differential: latest(.diagnosis).map(differential), assessment: latest(.gnasAssessment).map(assessment),
            stored: results.reversed().map { r in
                Stored(kind: r["kind"]?.stringValue == StoredAssessment.Kind.diagnosis.rawValue ? "Differential diagnosis" : "GNAS-spectrum assessment",
                       when: when(r), release: r["dataRelease"]?.stringValue ?? "", engine: r["engineVersion"]?.stringValue ?? "")
            })
    }

    static func when(_ stored: JSONValue) -> String {
        stored["createdAt"]?.stringValue.map(PageSession.readable) ?? "date not shown"
    }

    static func differential(_ stored: JSONValue) -> Differential {
        let result = stored["result"] ?? .null
        let candidates = (result["candidates"]?.arrayValue ?? []).prefix(candidatesShown).enumerated().map { n, c in
            candidate(c, position: n + 1)
        }
        return Differential(when: when(stored), release: stored["dataRelease"]?.stringValue ?? "", engine: stored["engineVersion"]?.stringValue ?? "",
                            candidates: Array(candidates), warnings: strings(result["warnings"]))
    }

    static func candidate(_ c: JSONValue, position: Int) -> Candidate {
        let posterior = c["posterior"]?.doubleValue ?? 0
        let evidence = (c["evidence"]?.arrayValue ?? []).map { e in
            let patient = term(e["patientTermName"], e["patientTerm"])
            let weighted = e["weightedLikelihoodRatio"]?.doubleValue, raw = e["likelihoodRatio"]?.doubleValue
            var ratio = weighted.map(Self.ratio) ?? "-"
            if let weighted, let raw, abs(weighted - raw) > 1e-9 * max(1, abs(raw)) { ratio += " (raw \(Self.ratio(raw)))" }
            return Evidence(patientTerm: (e["excluded"] == .bool(true) ? "excluded: " : "") + patient,
                            match: e["matchText"]?.stringValue ?? e["match"]?.stringValue ?? "",
                            ratio: ratio, diseaseTerm: term(e["diseaseTermName"], e["diseaseTerm"]),
                            frequency: e["frequency"]?.stringValue ?? "", source: e["source"]?.stringValue ?? "")
        }
        let genotype = (c["genotype"]?.arrayValue ?? []).map { g in
            "\(g["reason"]?.stringValue ?? ""): likelihood ratio \(g["likelihoodRatio"]?.doubleValue.map(ratio) ?? "-") (\(g["source"]?.stringValue ?? ""))"
        }
        let lookFor = (c["lookFor"]?.arrayValue ?? []).map { l in
            Suggestion(text: "\(term(l["name"], l["term"]))" + (l["frequency"]?.stringValue.map { ", in \($0) of patients" } ?? ""))
        }
        let equivalents = strings(c["equivalents"]).joined(separator: ", ")
        let rank = c["rank"]?.intValue ?? position
        return Candidate(anchor: "candidate-\(position)", rank: String(rank), name: c["name"]?.stringValue ?? "",
                         disease: c["disease"]?.stringValue ?? "", equivalents: equivalents.isEmpty ? nil : equivalents,
                         probability: percent(posterior), barWidth: String(Int((max(0, min(1, posterior)) * 200).rounded())),
                         log10Ratio: c["log10LikelihoodRatio"]?.doubleValue.map { RecordReadings.number($0) } ?? "-",
                         evidence: evidence, hasEvidence: !evidence.isEmpty, genotype: genotype, lookFor: lookFor,
                         hasLookFor: !lookFor.isEmpty)
    }

    static func assessment(_ stored: JSONValue) -> Assessment {
        let r = stored["result"] ?? .null
        let criteria = (r["criteria"]?.arrayValue ?? []).map { c in
            let status = c["status"]?.stringValue ?? "unknown"
            return Criterion(name: c["name"]?.stringValue ?? "", status: status.replacingOccurrences(of: "-", with: " "),
                             statusClass: "status-" + status.replacingOccurrences(of: " ", with: "-"),
                             evidence: strings(c["evidence"]), source: c["source"]?.stringValue ?? "",
                             unconfirmed: c["unconfirmed"] == .bool(true))
        }
        let codes = ["omim", "orpha", "mondo"].compactMap { r[$0]?.stringValue }.joined(separator: ", ")
        var ippsd: String?
        if let i = r["ippsd"], let name = i["name"]?.stringValue {
            ippsd = name + (i["note"]?.stringValue.map { ": \($0)" } ?? "") + (i["source"]?.stringValue.map { " (\($0))" } ?? "")
                + (i["unconfirmed"] == .bool(true) ? " UNCONFIRMED" : "")
        }
        let unknowns = strings(r["unknowns"]), nextSteps = strings(r["nextSteps"]), followUp = strings(r["followUp"])
        let notes = strings(r["warnings"]) + strings(r["conflicts"])
        return Assessment(
            when: when(stored), release: stored["dataRelease"]?.stringValue ?? "", engine: stored["engineVersion"]?.stringValue ?? "",
            name: r["name"]?.stringValue ?? r["classification"]?.stringValue ?? "", provisional: r["provisional"] == .bool(true),
            reason: r["reason"]?.stringValue ?? "", codes: codes, ruleSource: r["ruleSource"]?.stringValue ?? "",
            ruleUnconfirmed: r["ruleUnconfirmed"] == .bool(true), criteria: criteria, unknowns: unknowns,
            nextSteps: nextSteps, followUp: followUp, followUpSource: r["followUpSource"]?.stringValue ?? "",
            followUpUnconfirmed: r["followUpUnconfirmed"] == .bool(true), ippsd: ippsd, notes: notes,
            hasUnknowns: !unknowns.isEmpty, hasNextSteps: !nextSteps.isEmpty, hasFollowUp: !followUp.isEmpty, hasNotes: !notes.isEmpty)
    }

    static func strings(_ value: JSONValue?) -> [String] {
        (value?.arrayValue ?? []).compactMap(\.stringValue)
    }

    static func term(_ name: JSONValue?, _ id: JSONValue?) -> String {
        switch (name?.stringValue, id?.stringValue) {
        case (let n?, let i?) where !n.isEmpty: "\(n) (\(i))"
        case (_, let i?): i
        case (let n?, nil): n
        default: ""
        }
    }

    static func percent(_ p: Double) -> String {
        p >= 0.001 ? RecordReadings.number(p * 100) + " %" : "< 0.1 %"
    }

    /// A likelihood ratio with three significant digits.
    static func ratio(_ x: Double) -> String {
        guard x.isFinite else { return "-" }
        if x >= 100 { return String(Int(x.rounded())) }
        let digits = x >= 10 ? 1 : x >= 1 ? 2 : 3
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = Int((x * scale).rounded())
        let whole = scaled / Int(scale), fraction = String(scaled % Int(scale))
        return "\(whole)." + String(repeating: "0", count: digits - fraction.count) + fraction
    }
}
