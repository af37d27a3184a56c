public import Registry

/// The rule for new passwords: accounts created by an admin (API, page) or `ossify user add`, and
/// passwords users change.
public enum PasswordPolicy {
    public static let minimumLength = User.minimumPasswordLength

    /// Counted in Unicode scalars, as the OpenAPI document's `minLength` is.
    public static func problems(_ password: String, field: String = "password") -> [FieldProblem] {
        password.unicodeScalars.count < minimumLength ? [FieldProblem(field, "must be at least \(minimumLength) characters")] : []
    }
}
