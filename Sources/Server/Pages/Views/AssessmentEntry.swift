import Registry

/// A stored engine result as the patient page lists it: what ran, on which data release and
/// engine version, and its headline (the leading candidates, or the GNAS-spectrum class).
struct AssessmentEntry: Sendable {
    let kind: String
    let release: String
    let engine: String
    let createdAt: String?
    let lines: [String]

    /// Candidates listed from a differential.
    static let candidatesShown = 5

    init(_ json: JSONValue) {
        let result = json["result"] ?? .null
        let kind = json["kind"]?.stringValue ?? ""
        release = json["dataRelease"]?.stringValue ?? ""
        engine = json["engineVersion"]?.stringValue ?? ""
        createdAt = json["createdAt"]?.stringValue.map(PageSession.readable)
        if kind == StoredAssessment.Kind.diagnosis.rawValue {
            self.kind = "Differential diagnosis"
            lines = (result["candidates"]?.arrayValue ?? []).prefix(Self.candidatesShown).map { c in
                let probability = c["posterior"]?.doubleValue.map { RecordReadings.number($0 * 100) + " %" } ?? "-"
                return "\(c["rank"]?.intValue.map { "\($0). " } ?? "")\(c["name"]?.stringValue ?? "") (\(c["disease"]?.stringValue ?? "")): \(probability)"
            }
        } else {
            self.kind = "GNAS-spectrum assessment"
            let name = result["name"]?.stringValue ?? result["classification"]?.stringValue ?? ""
            lines = [name + (result["provisional"] == .bool(true) ? " (provisional)" : ""), result["reason"]?.stringValue ?? ""]
                .filter { !$0.isEmpty }
        }
    }
}
