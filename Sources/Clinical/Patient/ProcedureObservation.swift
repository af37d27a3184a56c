public enum ProcedureKind: String, Sendable, Codable, CaseIterable {
    case excision, biopsy
    case contractureRelease = "contracture release"
    case amputation, other
}

/// A surgical or diagnostic procedure on a lesion, and whether the lesion recurred. Dates are
/// calendar dates (`2020-05-02`) as the registry keeps them; an outcome typed as free text is not
/// part of this record.
public struct ProcedureObservation: Hashable, Sendable, Codable {
    public var kind: ProcedureKind
    /// The date of the procedure; nil when it is not to be shown (a researcher's view of a patient
    /// without a date offset).
    public var date: String?
    /// The stable id of the lesion operated on (see ``Lesion/id``).
    public var lesionID: String?
    public var recurrence: Bool?
    public var recurrenceDate: String?

    public init(kind: ProcedureKind, date: String? = nil, lesionID: String? = nil, recurrence: Bool? = nil, recurrenceDate: String? = nil) {
        self.kind = kind
        self.date = date
        self.lesionID = lesionID
        self.recurrence = recurrence
        self.recurrenceDate = recurrenceDate
    }
}
