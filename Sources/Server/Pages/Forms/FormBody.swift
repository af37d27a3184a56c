import FoundationEssentials
import Hummingbird
import Registry

/// An `application/x-www-form-urlencoded` body (what a browser sends for a `<form method="post">`),
/// as its name-value pairs in order.
struct FormBody: Sendable, Equatable {
    /// Forms are small; an upload of a batch uses its own limit.
    static let maxSize = 1024 * 1024

    /// The form field that carries the session's CSRF token (`CSRFCheck`).
    static let csrfField = "csrf"

    let pairs: [(name: String, value: String)]

    static func == (a: FormBody, b: FormBody) -> Bool {
        a.pairs.map(\.name) == b.pairs.map(\.name) && a.pairs.map(\.value) == b.pairs.map(\.value)
    }

    init(_ text: String) {
        pairs = text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let pieces = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(pieces[0]), pieces.count > 1 ? Self.decode(pieces[1]) : "")
        }
    }

    init(pairs: [(name: String, value: String)]) {
        self.pairs = pairs
    }

    /// The first value of a field, as sent.
    subscript(name: String) -> String? {
        pairs.first { $0.name == name }?.value
    }

    /// The first value, spaces trimmed; nil when absent or empty.
    func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// The `version` an edit or delete form was read at (the API's optimistic concurrency); 400 without one.
    func version() throws -> Int {
        guard let version = self["version"].flatMap({ Canonical.positiveID($0) }).flatMap({ Int(exactly: $0) }) else {
            throw Problem.badRequest("the form has no version", [FieldProblem("version", "is required: the version you read")])
        }
        return version
    }

    /// Whether the request says it carries a URL-encoded form.
    static func isForm(_ request: Request) -> Bool {
        request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") ?? false
    }

    /// Reads the body of a form post (up to `maxSize`); an empty form for any other content type.
    static func read(_ request: Request) async throws -> FormBody {
        guard isForm(request) else { return FormBody(pairs: []) }
        var request = request
        let buffer = try await request.collectBody(upTo: maxSize)
        return FormBody(String(buffer: buffer))
    }

    /// `+` is a space; `%XY` a byte; bytes that are not UTF-8 become U+FFFD; a bad escape stays as written.
    static func decode(_ text: Substring) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = Array(text.utf8)[...]
        while let byte = iterator.popFirst() {
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), iterator.count >= 2,
                      let high = hexValue(iterator[iterator.startIndex]), let low = hexValue(iterator[iterator.startIndex + 1]) {
                bytes.append(high << 4 | low)
                iterator = iterator.dropFirst(2)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
