import Hummingbird
import Registry

/// Path parameters.
enum Paths {
    /// The patient id of the path: numeric for clinicians, the hashed id for researchers.
    static func patientID(_ context: RegistryRequestContext, _ who: Principal, store: RegistryStore) async throws -> Int64 {
        if who.role == .researcher {
            guard let text = context.parameters.get("id") else { throw Problem.notFound("patient") }
            return try await store.patientID(researchID: text)
        }
        return try id(context)
    }

    /// The record id of the path; 404 unless it is written canonically (`Canonical.positiveID`), so
    /// `+7`, `007` or ` 7` never reach record 7.
    static func id(_ context: RegistryRequestContext, _ name: String = "id") throws -> Int64 {
        guard let text = context.parameters.get(name), let id = Canonical.positiveID(text) else {
            throw Problem.notFound("record")
        }
        return id
    }
}

/// Integers in the one form the server writes them: ASCII digits, no sign but a leading `-` where
/// negatives are allowed, no leading zeros, no spaces, within range. Swift's `Int64("+7")` and
/// `Int64("007")` both answer 7; an id must name one record by one spelling.
enum Canonical {
    /// A positive 64-bit id, or nil.
    static func positiveID(_ text: some StringProtocol) -> Int64? {
        guard let value = integer(text), value > 0 else { return nil }
        return value
    }

    /// An integer written canonically (`0`, `12`, `-3`), or nil.
    static func integer(_ text: some StringProtocol) -> Int64? {
        let bytes = Array(text.utf8)
        let digits = bytes.first == UInt8(ascii: "-") ? bytes.dropFirst() : bytes[...]
        guard let first = digits.first, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }),
              first != UInt8(ascii: "0") || digits.count == 1,
              !(first == UInt8(ascii: "0") && digits.count < bytes.count) // no "-0"
        else { return nil }
        return Int64(String(decoding: bytes, as: UTF8.self))
    }
}
