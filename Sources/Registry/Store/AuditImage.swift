import Crypto
import FoundationEssentials

/// What the audit log keeps of a change to a patient's record: which fields it touched and keyed
/// hashes of the record before and after, never the values. An admin reads the log ("users and
/// sites; no patient data"), and an append-only log could never forget an erased patient's data;
/// with hashes, a copy of the record can still be checked against the log (same key, same hash).
///
/// The hash is HMAC-SHA-256 with the installation's secret key over the record's JSON with keys
/// sorted, so that low-entropy values (a birth date, a sex) cannot be found by trying them all.
enum AuditImage {
    /// `{"fields": [...], "hmac": "..."}` for each side present. `fields`: for a creation the fields
    /// given, for a deletion the fields the record had, for an update those whose value changed.
    static func summaries(before: JSONValue?, after: JSONValue?, key: SymmetricKey) -> (before: JSONValue?, after: JSONValue?) {
        let old = before?.objectValue, new = after?.objectValue
        func given(_ o: [String: JSONValue]) -> [String] { o.filter { $0.value != .null }.keys.sorted() }
        let fields: [String] = switch (old, new) {
        case (let o?, let n?): Set(o.keys).union(n.keys).filter { o[$0] ?? .null != n[$0] ?? .null }.sorted()
        case (nil, let n?): given(n)
        case (let o?, nil): given(o)
        case (nil, nil): []
        }
        func summary(_ image: JSONValue?) -> JSONValue? {
            guard let image else { return nil }
            return .object(["fields": .array(fields.map(JSONValue.string)), "hmac": .string(hmac(image, key: key))])
        }
        return (summary(before), summary(after))
    }

    static func hmac(_ image: JSONValue, key: SymmetricKey) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data(image.sortedKeysText.utf8), using: key)
        return mac.map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}

extension JSONValue {
    /// The JSON text with every object's keys sorted: the same value always gives the same text.
    var sortedKeysText: String {
        switch self {
        case .object(let o):
            "{" + o.keys.sorted().map { JSONValue.string($0).jsonText + ":" + (o[$0] ?? .null).sortedKeysText }.joined(separator: ",") + "}"
        case .array(let a): "[" + a.map(\.sortedKeysText).joined(separator: ",") + "]"
        default: jsonText
        }
    }
}

extension RegistryStore {
    /// Audits a change to a patient's record (the patient, a visit or a part) inside `tx`, keeping
    /// the fields touched and keyed hashes (see ``AuditImage``), not the values.
    func auditChange(_ tx: any SQLTransaction, _ who: Principal, _ action: AuditAction, _ entity: EntityKind,
                     record: String?, patient: Int64?, before: JSONValue? = nil, after: JSONValue? = nil) async throws {
        let images = AuditImage.summaries(before: before, after: after, key: try await researchKey(tx))
        try await audit(tx, who, action, entity, record: record, patient: patient, before: images.before, after: images.after)
    }
}
