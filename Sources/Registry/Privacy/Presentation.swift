public import FoundationEssentials

/// The two views of patient data: identified (clinicians of the patient's site) and pseudonymised
/// (researchers): no birth date but the age, no free text or identifying fields, every date shifted
/// by the patient's fixed offset, every id hashed.
public enum View: Sendable {
    case identified
    case pseudonymised

    public init(role: Role) { self = role == .researcher ? .pseudonymised : .identified }
}

extension Stored {
    /// The record for a researcher: fields filtered and shifted, ids hashed, then only what the
    /// allow-list admits (`ResearchAllowList`). Without the patient's privacy data (its offset)
    /// dates are dropped, never shown unshifted.
    func pseudonymised(patient: PatientPrivacy?, hasher: IDHasher, today: CivilDate?) -> JSONValue {
        var object = self.object
        for spec in Fields.columns {
            switch spec.privacy {
            case .coded: break
            case .identifying, .freeText: object[spec.key] = nil
            case .date:
                guard let text = object[spec.key]?.stringValue else { break }
                let shifted = patient.flatMap { p in CivilDate(text)?.adding(days: p.dateShiftDays) }
                object[spec.key] = shifted.map { .string($0.description) }
            }
        }
        for (key, value) in computed { object[key] = value }
        // Without privacy data, the patient's research id is the same hash of its record id
        // (`RegistryStore.hashedID("patient", id)`); a part's lesion id is then dropped.
        let researchID = patient?.researchID ?? (Fields.entity == .patient ? hasher("patient", id) : nil)
        switch Fields.entity {
        case .patient:
            object["id"] = researchID.map(JSONValue.string)
            object["siteId"] = .number(Double(parentID))
            if let birth = patient?.birthDate.flatMap(CivilDate.init) {
                let end = (fields as? PatientFields)?.deathDate.flatMap(CivilDate.init) ?? today
                if let end { object["ageYears"] = .number(Double(birth.completedYears(until: end))) }
            }
        case .visit:
            object["id"] = .string(hasher("visit", id))
            object["patientId"] = .string(patient?.researchID ?? hasher("patient", parentID))
        default:
            object["id"] = .string(hasher(Fields.entity.rawValue, id))
            object[Fields.parentKey] = .string(hasher("visit", parentID))
            if let lesion = object["lesionId"]?.stringValue {
                object["lesionId"] = researchID.map { .string(hasher("lesion:\($0)", lesion)) }
            }
        }
        return .object(ResearchAllowList.admit(object, entity: Fields.entity, columns: Fields.columns))
    }
}

extension PatientDocument {
    /// The whole record as JSON, in the view the caller may see.
    public func json(_ view: View, today: Date = Date()) -> JSONValue {
        let privacy = patient.privacy
        let todayDate = CivilDate(String(Clock.timestamp(today).prefix(10)))
        func render<F: RecordFields>(_ s: Stored<F>) -> JSONValue {
            view == .identified ? s.json() : s.pseudonymised(patient: privacy, hasher: hasher, today: todayDate)
        }
        func renderAll<F: RecordFields>(_ items: [Stored<F>]) -> JSONValue { .array(items.map(render)) }
        let visitsJSON: [JSONValue] = visits.map { v in
            var object = render(v.visit).objectValue ?? [:]
            object["phenotypicFeatures"] = renderAll(v.phenotypicFeatures)
            object["measurements"] = renderAll(v.measurements)
            object["lesions"] = renderAll(v.lesions)
            object["jointInvolvements"] = renderAll(v.jointInvolvements)
            object["procedures"] = renderAll(v.procedures)
            object["variants"] = renderAll(v.variants)
            object["diagnoses"] = renderAll(v.diagnoses)
            return .object(object)
        }
        let assessmentsJSON: [JSONValue] = assessments.map { a in
            var object: [String: JSONValue] = [
                "kind": .string(a.kind.rawValue), "dataRelease": .string(a.dataRelease),
                "engineVersion": .string(a.engineVersion), "result": a.result,
            ]
            if view == .identified {
                object["id"] = .number(Double(a.id))
                object["createdAt"] = .string(a.createdAt)
            }
            return .object(object)
        }
        return .object(["patient": render(patient), "visits": .array(visitsJSON), "assessments": .array(assessmentsJSON)])
    }
}

extension Stored where Fields == PatientFields {
    /// One patient in the caller's view (lists, single reads).
    public func json(_ view: View, researchKey hasher: PatientViewContext) -> JSONValue {
        switch view {
        case .identified: return json()
        case .pseudonymised:
            return pseudonymised(patient: privacy, hasher: hasher.hasher, today: hasher.today)
        }
    }
}

/// What rendering patients for researchers needs besides the record.
public struct PatientViewContext: Sendable {
    let hasher: IDHasher
    public let today: CivilDate?
}

extension RegistryStore {
    public func patientViewContext() async throws(RegistryError) -> PatientViewContext {
        try await RegistryError.wrap(.patient) {
            guard let key = try await database.read("SELECT value FROM settings WHERE name = 'research_key'").first?["value"].string,
                  let hasher = IDHasher(base64Key: key) else {
                throw RegistryError.internalFailure("the research key is missing; run the migrations")
            }
            return PatientViewContext(hasher: hasher, today: CivilDate(String(Clock.timestamp(now()).prefix(10))))
        }
    }
}
