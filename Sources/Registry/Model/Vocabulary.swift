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
