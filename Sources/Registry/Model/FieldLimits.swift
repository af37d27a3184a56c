/// What one field's value must satisfy beyond its JSON type and enum. The API checks values with
/// `ColumnSpec.problems(of:)` and the OpenAPI document states the same limits (`minLength`,
/// `maxLength`, `pattern`, `minimum`, `maximum`), both read from this one declaration.
///
/// Lengths count Unicode code points, as JSON Schema does. Patterns use the syntax that ECMA-262,
/// Python's `re` and Swift's `Regex` read alike (character classes, `\s`, `\x00`, groups,
/// alternation, counted repeats) and are searched for, as JSON Schema's `pattern` is: anchor them
/// with `^` and `$` to match the whole value. The server matches them by Unicode scalar.
public struct FieldLimits: Sendable {
    public var minLength: Int?
    public var maxLength: Int?
    public var pattern: String?
    /// The reason given when the pattern does not match ("must be ORPHA:<digits>").
    public var patternReason: String?
    public var minimum: Double?
    public var maximum: Double?

    public init(minLength: Int? = nil, maxLength: Int? = nil, pattern: String? = nil, patternReason: String? = nil,
                minimum: Double? = nil, maximum: Double? = nil) {
        self.minLength = minLength
        self.maxLength = maxLength
        self.pattern = pattern
        self.patternReason = patternReason
        self.minimum = minimum
        self.maximum = maximum
    }

    /// Text of at most `max` characters.
    public static func text(max: Int) -> FieldLimits { FieldLimits(maxLength: max) }

    /// Text with at least one character that is not a space, of at most `max` characters.
    public static func nonBlank(max: Int) -> FieldLimits {
        FieldLimits(minLength: 1, maxLength: max, pattern: #"^[^\x00]*[^\s\x00][^\x00]*$"#, patternReason: "must not be blank")
    }

    /// `PREFIX:` followed by ASCII digits.
    public static func code(_ prefix: String) -> FieldLimits {
        FieldLimits(pattern: "^\(prefix):[0-9]+$", patternReason: "must be \(prefix):<digits>")
    }

    /// An HGNC gene symbol (GNAS, C11orf95, MT-ND1) or an HGNC id; the researcher view admits the same shape.
    public static let geneSymbol = FieldLimits(maxLength: 20, pattern: "^(HGNC:[0-9]{1,6}|[A-Z0-9][A-Z0-9-]{0,14}(orf[0-9]{1,3})?)$",
                                               patternReason: "must be an HGNC gene symbol such as GNAS, or HGNC:<digits>")

    /// An HGVS expression with its reference sequence.
    public static let hgvs = FieldLimits(maxLength: 200, pattern: #"^[^\x00]*:[^\x00]*$"#,
                                         patternReason: "must be an HGVS expression with a reference, such as NM_000516.7:c.565C>T")

    /// A UCUM unit: no spaces, the characters of UCUM's grammar.
    public static let ucum = FieldLimits(minLength: 1, maxLength: 30, pattern: #"^[A-Za-z0-9%/.*^\[\]{}()'_-]{1,30}$"#,
                                         patternReason: "must be a UCUM unit such as mg/dL or pmol/L")

    /// ICF codes with their qualifiers (d450.2), one or more.
    public static let icf = FieldLimits(maxLength: 200, pattern: #"^[bdes][0-9]{1,5}(\.[0-9]{1,3})?([ ,;]+[bdes][0-9]{1,5}(\.[0-9]{1,3})?)*$"#,
                                        patternReason: "must be ICF codes with qualifiers, such as d450.2 b7101.3")

    /// An HPO term id.
    public static let hpo = FieldLimits(pattern: "^HP:[0-9]{7}$", patternReason: "must be an HPO id HP:nnnnnnn")

    /// A number from `range.lowerBound` to `range.upperBound`.
    public static func range(_ range: ClosedRange<Double>) -> FieldLimits {
        FieldLimits(minimum: range.lowerBound, maximum: range.upperBound)
    }

    /// Text holds no NUL character (PostgreSQL cannot store one): the pattern of text columns that
    /// declare none, and excluded by every declared pattern.
    public static let noNUL = #"^[^\x00]*$"#
}

extension ColumnSpec {
    /// The pattern the value must match: the declared one, else for text no NUL.
    public var effectivePattern: String? {
        limits.pattern ?? (kind == .text ? FieldLimits.noNUL : nil)
    }

    /// The problems of one value of this column against its declaration (an absent value is a
    /// problem only when required; type problems are the JSON reader's).
    public func problems(of value: JSONValue) -> [FieldProblem] {
        switch value {
        case .null:
            return required ? [FieldProblem(key, "is required")] : []
        case .string(let s):
            var p: [FieldProblem] = []
            if let allowed, !allowed.contains(s) { p.append(FieldProblem(key, "must be one of: " + allowed.joined(separator: ", "))) }
            if kind == .date, CivilDate(s) == nil { p.append(FieldProblem(key, "must be a date YYYY-MM-DD")) }
            let length = s.unicodeScalars.count
            if let min = limits.minLength, length < min { p.append(FieldProblem(key, "must be at least \(min) characters")) }
            if let max = limits.maxLength, length > max { p.append(FieldProblem(key, "must be at most \(max) characters")) }
            if let pattern = effectivePattern, !Self.matches(s, pattern) {
                p.append(FieldProblem(key, limits.patternReason ?? "must not contain NUL characters"))
            }
            return p
        case .number(let n):
            var p: [FieldProblem] = []
            if !n.isFinite { return [FieldProblem(key, "must be a finite number")] }
            if kind == .integer, let allowed, let i = Int(exactly: n), !allowed.contains(String(i)) {
                p.append(FieldProblem(key, "must be one of: " + allowed.joined(separator: ", ")))
            }
            if let min = limits.minimum, n < min { p.append(FieldProblem(key, "must be at least \(Self.number(min))")) }
            if let max = limits.maximum, n > max { p.append(FieldProblem(key, "must be at most \(Self.number(max))")) }
            return p
        default:
            return []
        }
    }

    /// Whether `pattern` is found in `text`, by Unicode scalar as JSON Schema means it. A pattern
    /// that does not compile matches nothing (the declarations are tested to compile).
    public static func matches(_ text: String, _ pattern: String) -> Bool {
        // The pattern of every text column without one of its own, read without a regex.
        if pattern == FieldLimits.noNUL { return !text.unicodeScalars.contains("\u{0}") }
        guard let regex = try? Regex(pattern) else { return false }
        return (try? regex.matchingSemantics(.unicodeScalar).firstMatch(in: text)) != nil
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}

/// A rule between fields of one record, checked by `RecordFields.problems()` and stated in the
/// OpenAPI document (as `if`/`then`, `anyOf`, or, where JSON Schema has no word for it, in the
/// description and `x-not-before`).
public enum FieldRule: Sendable {
    /// `field` is given exactly when `key` is `value` (onsetDate exactly when onset is "date").
    case exactlyWhen(String, key: String, is: String)
    /// `field` may be given only when `key` is `value` (deathDate only when status is "dead").
    case onlyWhen(String, key: String, is: JSONValue)
    /// `field` is required when `key` is one of `values` (a side for a paired body region).
    case requiredWhen(String, key: String, in: [String])
    /// `field` is none of `excluded` when `key` is one of `values` (no left or right for a midline region).
    case excludedWhen(String, excluded: [String], key: String, in: [String])
    /// At least one of the fields is given and not empty.
    case anyOf([String])
    /// `field` is not before (dates) or below (numbers) `other`, when both are given.
    case notBefore(String, other: String)

    /// The field a problem of this rule is named after.
    public var field: String {
        switch self {
        case .exactlyWhen(let f, _, _), .onlyWhen(let f, _, _), .requiredWhen(let f, _, _), .excludedWhen(let f, _, _, _),
             .notBefore(let f, _):
            f
        case .anyOf(let fields): fields.first ?? ""
        }
    }

    /// The rule in words, as a 422 gives it and the document describes it.
    public var reason: String {
        switch self {
        case .exactlyWhen(let f, let key, let value): "\(f) is required exactly when \(key) is '\(value)'"
        case .onlyWhen(let f, let key, let value): "\(f) may be given only when \(key) is \(value.jsonText)"
        case .requiredWhen(let f, let key, let values): "\(f) is required when \(key) is one of: \(values.joined(separator: ", "))"
        case .excludedWhen(let f, let excluded, let key, let values):
            "\(f) is not \(excluded.joined(separator: " or ")) when \(key) is one of: \(values.joined(separator: ", "))"
        case .anyOf(let fields): "one of \(fields.joined(separator: ", ")) is required"
        case .notBefore(let f, let other): "\(f) is not before \(other)"
        }
    }

    public func problems(_ object: [String: JSONValue]) -> [FieldProblem] {
        func given(_ key: String) -> Bool {
            switch object[key] ?? .null {
            case .null: false
            case .string(let s): !s.isEmpty
            default: true
            }
        }
        let broken: Bool
        switch self {
        case .exactlyWhen(let f, let key, let value):
            broken = (object[key] == .string(value)) != given(f)
        case .onlyWhen(let f, let key, let value):
            broken = given(f) && object[key] != value
        case .requiredWhen(let f, let key, let values):
            broken = !given(f) && values.contains(object[key]?.stringValue ?? "\u{0}")
        case .excludedWhen(let f, let excluded, let key, let values):
            broken = values.contains(object[key]?.stringValue ?? "\u{0}") && excluded.contains(object[f]?.stringValue ?? "\u{0}")
        case .anyOf(let fields):
            broken = !fields.contains(where: given)
        case .notBefore(let f, let other):
            switch (object[f], object[other]) {
            case (.number(let a)?, .number(let b)?): broken = a < b
            case (.string(let a)?, .string(let b)?):
                if let a = CivilDate(a), let b = CivilDate(b) { broken = a < b } else { broken = false }
            default: broken = false
            }
        }
        return broken ? [FieldProblem(field, reason)] : []
    }
}
