import Hummingbird
import Registry
import FoundationEssentials

/// Reading JSON request bodies into record fields with every problem named, and writing JSON
/// responses.
enum JSONIO {
    static func response(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        response(bytes: value.serialized(), status: status)
    }

    /// A JSON body already serialised (the cached record renderings).
    static func response(bytes: [UInt8], status: HTTPResponse.Status = .ok) -> Response {
        Response(status: status, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func response<T: Encodable>(encoding value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        response(try JSONValue(encoding: value), status: status)
    }

    /// The body as a JSON object; 400 when it is not one.
    static func object(_ request: Request, context: RegistryRequestContext) async throws -> [String: JSONValue] {
        let buffer = try await request.body.collect(upTo: context.maxUploadSize)
        guard let value = JSONValue(parsing: buffer.readableBytesView) else {
            let bytes = buffer.readableBytesView
            if String(validating: bytes, as: UTF8.self) == nil {
                throw Problem.badRequest("the body is not valid UTF-8")
            }
            if String(decoding: bytes, as: UTF8.self).contains("\\u0000") {
                throw Problem.badRequest("text may not hold the NUL character (\\u0000)")
            }
            throw Problem.badRequest("the body must be a JSON object")
        }
        guard let object = value.objectValue else { throw Problem.badRequest("the body must be a JSON object") }
        return object
    }

    /// Decodes record fields from a JSON object: unknown fields, missing required fields, wrong
    /// types and values outside their enum are each named (422).
    static func fields<F: RecordFields>(_: F.Type, from object: [String: JSONValue], extraKeys: Set<String> = []) throws -> F {
        var problems: [FieldProblem] = []
        let known = Set(F.columns.map(\.key)).union(extraKeys)
        // Only the first unknown keys are named (a body can hold hundreds of thousands); the rest are counted.
        let unknown = object.keys.filter { !known.contains($0) }
        for key in unknown.sorted().prefix(Problem.maxListed) {
            problems.append(FieldProblem(key, "is not a field of \(F.entity.rawValue)"))
        }
        let unlisted = unknown.count - min(unknown.count, Problem.maxListed)
        for spec in F.columns {
            let value = object[spec.key] ?? .null
            if value == .null {
                if spec.required { problems.append(FieldProblem(spec.key, "is required")) }
                continue
            }
            switch (spec.kind, value) {
            case (.text, .string(let s)), (.date, .string(let s)):
                if let allowed = spec.allowed, !allowed.contains(s) {
                    problems.append(FieldProblem(spec.key, "must be one of: " + allowed.joined(separator: ", ")))
                }
            case (.integer, .number(let n)):
                if Int(exactly: n) == nil { problems.append(FieldProblem(spec.key, "must be an integer")) }
                else if let allowed = spec.allowed, !allowed.contains(String(Int(n))) {
                    problems.append(FieldProblem(spec.key, "must be one of: " + allowed.joined(separator: ", ")))
                }
            case (.real, .number): break
            case (.boolean, .bool): break
            default: problems.append(FieldProblem(spec.key, "must be \(typeName(spec.kind))"))
            }
        }
        guard problems.isEmpty else { throw Problem.invalid(problems, omitted: unlisted) }
        var trimmed = object
        for key in extraKeys { trimmed[key] = nil }
        do {
            let fields = try JSONValue.object(trimmed).decode(F.self)
            let more = fields.problems()
            if !more.isEmpty { throw Problem.invalid(more) }
            return fields
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem.invalid([FieldProblem(F.entity.rawValue, "could not be read")])
        }
    }

    static func typeName(_ kind: ColumnKind) -> String {
        switch kind {
        case .text: "a string"
        case .date: "a date string YYYY-MM-DD"
        case .integer: "an integer"
        case .real: "a number"
        case .boolean: "true or false"
        }
    }

    /// The `version` an update or delete is based on.
    static func version(_ object: [String: JSONValue]) throws -> Int {
        guard let v = object["version"]?.intValue, v >= 1 else {
            throw Problem.invalid([FieldProblem("version", "is required: the version you read, for conflict detection")])
        }
        return v
    }
}

/// Query parameters, each checked.
struct Query {
    let request: Request
    /// An empty value counts as absent (a page's GET form sends `sex=` for "any").
    var emptyIsAbsent = false

    /// The first value of `name`, decoded as browsers and HTTP clients encode queries (`+` for a
    /// space, `%XX` for a UTF-8 byte); nil when absent or not UTF-8.
    func string(_ name: String) -> String? {
        for pair in (request.uri.query ?? "").split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard Self.decoded(parts[0]) == name else { continue }
            let value = parts.count == 2 ? Self.decoded(parts[1]) : ""
            return emptyIsAbsent && value == "" ? nil : value
        }
        return nil
    }

    static func decoded(_ text: Substring) -> String? {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        while i < input.count {
            switch input[i] {
            case UInt8(ascii: "+"):
                bytes.append(UInt8(ascii: " "))
                i += 1
            case UInt8(ascii: "%"):
                guard i + 2 < input.count, let high = hex(input[i + 1]), let low = hex(input[i + 2]) else { return nil }
                bytes.append(high << 4 | low)
                i += 3
            default:
                bytes.append(input[i])
                i += 1
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Free text (a filter value): any text without NUL (`QueryParameter.text`).
    func text(_ name: String, problems: inout [FieldProblem]) -> String? {
        guard let text = string(name) else { return nil }
        guard ColumnSpec.matches(text, FieldLimits.noNUL) else {
            problems.append(FieldProblem(name, "must not contain NUL characters"))
            return nil
        }
        return text
    }

    func int(_ name: String, problems: inout [FieldProblem]) -> Int? {
        guard let text = string(name) else { return nil }
        guard let value = Canonical.integer(text).flatMap({ Int(exactly: $0) }) else {
            problems.append(FieldProblem(name, "must be an integer written in digits (no sign but -, no leading zeros)"))
            return nil
        }
        return value
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ name: String, _: E.Type, problems: inout [FieldProblem]) -> E? where E.RawValue == String {
        guard let text = string(name) else { return nil }
        guard let value = E(rawValue: text) else {
            problems.append(FieldProblem(name, "must be one of: " + E.allCases.map(\.rawValue).joined(separator: ", ")))
            return nil
        }
        return value
    }

    func page(problems: inout [FieldProblem]) -> Page {
        Page(limit: int("limit", problems: &problems) ?? 50, offset: int("offset", problems: &problems) ?? 0)
    }
}

extension Listing {
    func json(_ render: (Item) -> JSONValue) -> JSONValue {
        .object([
            "items": .array(items.map(render)),
            "total": .number(Double(total)),
            "limit": .number(Double(page.limit)),
            "offset": .number(Double(page.offset)),
        ])
    }
}
