import Crypto
import FoundationEssentials

/// Hashes record ids for pseudonymised views: HMAC-SHA-256 with the installation's secret key
/// (created at migration, never shown), truncated to 20 hex digits. The same id always gives the
/// same hash, so a researcher can follow a patient without learning the id.
struct IDHasher: Sendable {
    private let key: SymmetricKey

    /// What a hashed id looks like: 20 lower-case hex digits.
    static let pattern = "[0-9a-f]{20}"

    init?(base64Key: String) {
        guard let data = Data(base64Encoded: base64Key), data.count >= 16 else { return nil }
        key = SymmetricKey(data: data)
    }

    func callAsFunction(_ kind: String, _ id: Int64) -> String {
        RegistryStore.hashedID(kind, id, key: key)
    }

    func callAsFunction(_ kind: String, _ text: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: Data("\(kind):\(text)".utf8), using: key)
        return mac.prefix(10).map { byte in
            let s = String(byte, radix: 16)
            return s.count == 1 ? "0" + s : s
        }.joined()
    }
}
