/// A client's portal user (gebruiker, contactpersoon). Secrets are kept only
/// as hashes, and `publicJSON` never includes them.
public struct User: Equatable, Sendable {
    public typealias Status = AccountStatus
    public typealias Activation = Credentials.Activation

    public var id: String
    public var email: String
    public var name: String
    public var client: String
    public var phone: String?
    public var roles: [Role]
    public var departments: [String]
    public var status: Status
    public var passwordHash: String?
    /// Earlier password hashes, newest first, for `password.history`.
    public var passwordHistory: [String]
    public var passwordChangedAt: String?
    public var failedLogins: Int
    public var lockedUntil: String?
    public var activation: Activation?
    public var createdAt: String
    public var activatedAt: String?
    public var lastLoginAt: String?

    public init(id: String, email: String, name: String, client: String, phone: String?, roles: [Role], departments: [String], createdAt: String) {
        self.id = id
        self.email = email
        self.name = name
        self.client = client
        self.phone = phone
        self.roles = roles
        self.departments = departments
        status = .invited
        passwordHistory = []
        failedLogins = 0
        self.createdAt = createdAt
    }

    public var lookupKeys: [String] { [email] }

    /// The account fields as the type `Accounts` works on (a worker's account has the same).
    public var credentials: Credentials {
        get {
            var c = Credentials()
            c.status = status
            c.passwordHash = passwordHash
            c.passwordHistory = passwordHistory
            c.passwordChangedAt = passwordChangedAt
            c.failedLogins = failedLogins
            c.lockedUntil = lockedUntil
            c.activation = activation
            c.activatedAt = activatedAt
            c.lastLoginAt = lastLoginAt
            return c
        }
        set {
            status = newValue.status
            passwordHash = newValue.passwordHash
            passwordHistory = newValue.passwordHistory
            passwordChangedAt = newValue.passwordChangedAt
            failedLogins = newValue.failedLogins
            lockedUntil = newValue.lockedUntil
            activation = newValue.activation
            activatedAt = newValue.activatedAt
            lastLoginAt = newValue.lastLoginAt
        }
    }

    /// Locked is not stored as a status: it is a lock that runs out by itself.
    public func isLocked(now: String) -> Bool { lockedUntil.map { $0 > now } ?? false }

    public func effectiveStatus(now: String) -> String {
        if status == .active && isLocked(now: now) { return "locked" }
        return status.rawValue
    }

}
