public import Hummingbird
public import Registry

/// The request context of the registry API: the signed-in principal and the bearer token's hash.
public struct RegistryRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthenticationMiddleware` when the request carries a live bearer token.
    public var principal: Principal?
    /// SHA-256 of the bearer token, for logout.
    public var tokenHash: String?

    /// The peer's IP address (the socket's, not a forwarded header), for the login throttle;
    /// "unknown" without one (the router test client).
    public let clientAddress: String

    public init(source: Source) {
        coreContext = .init(source: source)
        clientAddress = source.channel.remoteAddress?.ipAddress ?? "unknown"
    }

    /// Request bodies of the API are small JSON documents; phenopacket batches will need more.
    public var maxUploadSize: Int { 8 * 1024 * 1024 }

    /// The principal, when signed in with one of `roles`: 401 without a session, 403 with another role.
    public func require(_ roles: Role...) throws(Problem) -> Principal {
        try require(roles)
    }

    /// As `require(_:)`, for a list.
    public func require(_ roles: [Role]) throws(Problem) -> Principal {
        guard let principal else { throw Problem.unauthenticated }
        guard roles.contains(principal.role) else {
            throw Problem(status: .forbidden, title: "Forbidden",
                          detail: "this needs the role \(roles.map(\.rawValue).joined(separator: " or ")); you are \(principal.role.rawValue)")
        }
        return principal
    }
}
