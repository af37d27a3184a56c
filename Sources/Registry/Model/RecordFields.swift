/// How a column is stored and shown.
public enum ColumnKind: String, Sendable {
    case text, integer, real, boolean, date
}

/// What privacy class a field belongs to, for pseudonymised views.
public enum FieldPrivacy: Sendable {
    /// Coded data, kept as is.
    case coded
    /// A calendar date: shifted by the patient's offset.
    case date
    /// Free text: dropped.
    case freeText
    /// Directly identifying (birth date, pseudonym, biobank link): dropped.
    case identifying
}

/// One writable field: its JSON key, its column, its type and its allowed values.
public struct ColumnSpec: Sendable {
    public let key: String
    public let column: String
    public let kind: ColumnKind
    public let required: Bool
    public let allowed: [String]?
    public let privacy: FieldPrivacy
    public let summary: String
    /// What a value must satisfy beyond its type and enum: checked by `problems(of:)` and stated
    /// in the OpenAPI document from this one declaration.
    public let limits: FieldLimits

    public init(_ key: String, _ kind: ColumnKind, required: Bool = false, allowed: [String]? = nil,
                privacy: FieldPrivacy? = nil, limits: FieldLimits = FieldLimits(), _ summary: String) {
        self.key = key
        self.column = ColumnSpec.snakeCase(key)
        self.kind = kind
        self.required = required
        self.allowed = allowed
        self.privacy = privacy ?? (kind == .date ? .date : .coded)
        self.limits = limits
        self.summary = summary
    }

    static func snakeCase(_ key: String) -> String {
        var out = ""
        for ch in key {
            if ch.isUppercase {
                out += "_" + ch.lowercased()
            } else {
                out.append(ch)
            }
        }
        return out
    }

    /// The allowed raw values of a string enum.
    public static func values<E: CaseIterable & RawRepresentable>(_: E.Type) -> [String] where E.RawValue == String {
        E.allCases.map(\.rawValue)
    }
}

/// The kinds of record the registry holds, as named in the API, the audit log and the schema.
public enum EntityKind: String, Sendable, Codable, CaseIterable {
    case site, user, session, patient, visit
    case phenotypicFeature = "phenotypic-feature"
    case measurement, lesion
    case jointInvolvement = "joint-involvement"
    case procedure, variant, diagnosis, assessment, audit
}

/// The writable fields of one kind of record: a Codable value the API takes and gives, with the
/// column list that maps it to its table. Validation beyond types is `problems()`.
public protocol RecordFields: Codable, Sendable, Equatable {
    static var entity: EntityKind { get }
    static var table: String { get }
    /// The column that points at the owning record (`site_id`, `patient_id`, `visit_id`).
    static var parentColumn: String { get }
    /// The table of the owning record.
    static var parentTable: String { get }
    static var columns: [ColumnSpec] { get }
    /// Rules between fields (a date not before another, a field given only with another's value),
    /// checked by `problems()` and stated in the OpenAPI document.
    static var rules: [FieldRule] { get }
}

extension RecordFields {
    public static var rules: [FieldRule] { [] }

    /// Every problem of the fields: each column against its declaration (`ColumnSpec.problems(of:)`),
    /// then the rules between fields. Empty when valid.
    public func problems() -> [FieldProblem] {
        let object = (try? JSONValue(encoding: self))?.objectValue ?? [:]
        var problems = Self.columns.flatMap { $0.problems(of: object[$0.key] ?? .null) }
        for rule in Self.rules { problems += rule.problems(object) }
        return problems
    }

    /// The JSON key of the parent id in API bodies (`patientId`, `visitId`, `siteId`).
    public static var parentKey: String {
        var out = ""
        var upper = false
        for ch in parentColumn {
            if ch == "_" { upper = true; continue }
            out += upper ? ch.uppercased() : String(ch)
            upper = false
        }
        return out
    }

    /// The values to bind for `columns`, in order.
    public func sqlValues() throws(RegistryError) -> [SQLValue] {
        let json: JSONValue
        do { json = try JSONValue(encoding: self) } catch { throw .internalFailure("encoding \(Self.entity.rawValue)") }
        let object = json.objectValue ?? [:]
        return Self.columns.map { spec in
            switch object[spec.key] ?? .null {
            case .null: .null
            case .bool(let b): .integer(b ? 1 : 0)
            case .number(let n): spec.kind == .integer ? (Int64(exactly: n).map(SQLValue.integer) ?? .real(n)) : .real(n)
            case .string(let s): .text(s)
            case .array, .object: .text(JSONValue.object(object).jsonText)
            }
        }
    }

    /// The fields of a row of `table` as the API's JSON object (booleans as true and false).
    static func jsonObject(row: SQLRow) -> [String: JSONValue] {
        var object: [String: JSONValue] = [:]
        object.reserveCapacity(columns.count)
        for spec in columns {
            let value = row[spec.column]
            switch (spec.kind, value) {
            case (_, .null): continue
            case (.boolean, _): object[spec.key] = .bool((value.int64 ?? 0) != 0)
            case (.integer, _), (.real, _): object[spec.key] = value.double.map(JSONValue.number) ?? .null
            case (.text, _), (.date, _): object[spec.key] = value.string.map(JSONValue.string) ?? .null
            }
        }
        return object
    }

    /// Decodes the fields from a row of `table`.
    public init(row: SQLRow) throws(RegistryError) {
        self = try Self.decode(Self.jsonObject(row: row))
    }

    static func decode(_ object: [String: JSONValue]) throws(RegistryError) -> Self {
        do { return try JSONValueDecoder.decode(Self.self, from: .object(object)) } catch {
            throw .internalFailure("decoding a stored \(Self.entity.rawValue)")
        }
    }
}

/// A stored record: its fields with the id, the owner's id and the version for optimistic
/// concurrency.
public struct Stored<Fields: RecordFields>: Sendable, Equatable {
    public var id: Int64
    public var parentID: Int64
    public var version: Int
    public var createdAt: String
    public var updatedAt: String
    public var fields: Fields {
        didSet { object = (try? JSONValue(encoding: fields))?.objectValue ?? [:] }
    }
    /// The fields as the API's JSON object, kept from the row so reads never re-encode.
    private(set) var object: [String: JSONValue]
    /// Values computed on read (the age at a visit), shown with the fields.
    public var computed: [String: JSONValue] = [:]
    /// For patients: the hashed id and date offset of pseudonymised views.
    public var privacy: PatientPrivacy?

    public init(id: Int64, parentID: Int64, version: Int, createdAt: String, updatedAt: String, fields: Fields) {
        self.id = id
        self.parentID = parentID
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.fields = fields
        self.object = (try? JSONValue(encoding: fields))?.objectValue ?? [:]
    }

    init(id: Int64, parentID: Int64, version: Int, createdAt: String, updatedAt: String, object: [String: JSONValue]) throws(RegistryError) {
        self.id = id
        self.parentID = parentID
        self.version = version
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.fields = try Fields.decode(object)
        self.object = object
    }

    init(row: SQLRow) throws(RegistryError) {
        guard let id = row["id"].int64, let parent = row[Fields.parentColumn].int64, let version = row["version"].int else {
            throw .internalFailure("a stored \(Fields.entity.rawValue) without id or version")
        }
        try self.init(id: id, parentID: parent, version: version, createdAt: row["created_at"].string ?? "",
                      updatedAt: row["updated_at"].string ?? "", object: Fields.jsonObject(row: row))
        if let researchID = row["research_id"].string, let shift = row["date_shift_days"].int {
            privacy = PatientPrivacy(researchID: researchID, dateShiftDays: shift, birthDate: row["birth_date"].string)
        }
    }

    /// The API form: the fields plus `id`, the parent key, `version`, `createdAt`, `updatedAt`.
    public func json() -> JSONValue {
        var object = self.object
        // One copy at the final size instead of a copy and a regrowth.
        object.reserveCapacity(object.count + 5 + computed.count)
        object["id"] = .number(Double(id))
        object[Fields.parentKey] = .number(Double(parentID))
        object["version"] = .number(Double(version))
        object["createdAt"] = .string(createdAt)
        object["updatedAt"] = .string(updatedAt)
        for (key, value) in computed { object[key] = value }
        return .object(object)
    }
}

/// What a pseudonymised view of a patient needs: the hashed id, the fixed date offset, the birth
/// date (to compute ages, never shown).
public struct PatientPrivacy: Sendable, Equatable {
    public var researchID: String
    public var dateShiftDays: Int
    public var birthDate: String?
}
