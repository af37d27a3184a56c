/// Coded values of the registry that the shared patient model has no type for. Each is a CHECK
/// constraint in the schema and an enum in the OpenAPI document.

/// EU common data element 3.1.
public enum PatientStatus: String, Sendable, Codable, CaseIterable {
    case alive, dead
    case lostToFollowUp = "lost to follow-up"
    case optedOut = "opted out"
}

/// EU common data elements 5.1 and 5.2: when onset or diagnosis happened.
public enum AgeAtEvent: String, Sendable, Codable, CaseIterable {
    case antenatal
    case atBirth = "at birth"
    case date
    case undetermined
}

/// Which face of a body region a lesion is on (Lund-Browder charts front and back).
public enum BodySurface: String, Sendable, Codable, CaseIterable {
    case anterior, posterior
}

/// How a lesion was seen.
public enum ImagingModality: String, Sendable, Codable, CaseIterable {
    case clinicalExamination = "clinical examination"
    case radiograph
    case ct
    case lowDoseCT = "low-dose ct"
    case mri
    case ultrasound
    case boneScan = "bone scan"
}

public enum Zygosity: String, Sendable, Codable, CaseIterable {
    case heterozygous, homozygous, hemizygous, mosaic, unknown
}

/// ACMG/AMP five-tier classification.
public enum ACMGClass: String, Sendable, Codable, CaseIterable {
    case pathogenic
    case likelyPathogenic = "likely pathogenic"
    case uncertainSignificance = "uncertain significance"
    case likelyBenign = "likely benign"
    case benign
}

public enum DiagnosisStatus: String, Sendable, Codable, CaseIterable {
    case suspected, confirmed, excluded
}

/// Joints scored for involvement (0 none, 1 partial, 2 ankylosed).
public enum Joint: String, Sendable, Codable, CaseIterable {
    case jaw, neck, spine, shoulder, elbow, wrist, hand, hip, knee, ankle, foot
}

public enum ProcedureKind: String, Sendable, Codable, CaseIterable {
    case excision, biopsy
    case contractureRelease = "contracture release"
    case amputation, other
}

/// Registry roles.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Users and sites; no patient data.
    case admin
    /// Full records of their own site.
    case clinician
    /// All sites, pseudonymised, read only.
    case researcher
}

/// What an audit entry records.
public enum AuditAction: String, Sendable, Codable, CaseIterable {
    case create, read, update, delete, login
    case loginFailed = "login-failed"
    case logout
    case export
}
