/// What went wrong in a registry operation, in terms the edge maps to HTTP statuses and exit codes.
/// No case carries patient data.
public enum RegistryError: Error, Sendable, Equatable {
    /// The input is well-formed but breaks a rule; each field named with the reason (422).
    case invalid([FieldProblem])
    /// No such record, or not visible to the caller (404).
    case notFound(EntityKind)
    /// The record changed since the caller read it, or a unique value is taken (409).
    case conflict(String)
    /// Credentials are missing, wrong or expired (401).
    case unauthenticated
    /// The caller's role may not do this (403).
    case forbidden(String)
    /// A bug or an outage; the text is for the log only (500).
    case internalFailure(String)

    init(_ failure: SQLFailure, entity: EntityKind) {
        switch failure {
        case .uniqueViolation: self = .conflict("a \(entity.rawValue) with the same unique value exists")
        case .foreignKeyViolation: self = .invalid([FieldProblem("id", "refers to a record that does not exist")])
        case .checkViolation: self = .invalid([FieldProblem(entity.rawValue, "breaks a constraint of the registry schema")])
        case .refusedByTrigger: self = .forbidden("the audit log is append-only")
        case .conflict: self = .conflict("a concurrent change conflicted; retry")
        case .other(let message): self = .internalFailure(message)
        }
    }
}

extension RegistryError {
    @discardableResult
    static func wrap<T>(_ entity: EntityKind, _ body: () async throws -> T) async throws(RegistryError) -> T {
        do {
            return try await body()
        } catch let error as RegistryError {
            throw error
        } catch let error as SQLFailure {
            throw RegistryError(error, entity: entity)
        } catch {
            throw .internalFailure(String(describing: type(of: error)))
        }
    }
}
