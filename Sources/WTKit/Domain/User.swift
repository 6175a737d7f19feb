/// A client's portal user (gebruiker, contactpersoon). Secrets are kept only
/// as hashes, and `publicJSON` never includes them.
public struct User: ClientOwned, Equatable, Sendable {
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

    public init(stored r: JSONReader) throws {
        id = try r.string("id")
        email = try r.string("email")
        name = try r.string("name")
        client = try r.string("client")
        phone = try r.optString("phone")
        roles = try r.strings("roles").map {
            guard let role = Role(rawValue: $0) else { throw JSONParseError(offset: 0, reason: "\(r.what): unknown role \($0)") }
            return role
        }
        departments = try r.strings("departments")
        guard let s = Status(rawValue: try r.string("status")) else {
            throw JSONParseError(offset: 0, reason: "\(r.what): user \(id) has an unknown status")
        }
        status = s
        passwordHash = try r.optString("passwordHash")
        passwordHistory = try r.strings("passwordHistory")
        passwordChangedAt = try r.optString("passwordChangedAt")
        failedLogins = try r.int("failedLogins")
        lockedUntil = try r.optString("lockedUntil")
        let a = try r.object("activation")
        if !a.isEmpty {
            let ar = try JSONReader(.object(a), what: r.what)
            activation = Activation(tokenHash: try ar.string("tokenHash"), sentAt: try ar.string("sentAt"), expiresAt: try ar.string("expiresAt"))
        }
        createdAt = try r.string("createdAt")
        activatedAt = try r.optString("activatedAt")
        lastLoginAt = try r.optString("lastLoginAt")
    }

    public var stored: JSON {
        var o = publicFields
        o["status"] = .string(status.rawValue)
        o["passwordHash"] = JSON(passwordHash)
        o["passwordHistory"] = JSON(passwordHistory)
        o["passwordChangedAt"] = JSON(passwordChangedAt)
        o["failedLogins"] = .int(failedLogins)
        o["lockedUntil"] = JSON(lockedUntil)
        o["activation"] = activation.map {
            ["tokenHash": .string($0.tokenHash), "sentAt": .string($0.sentAt), "expiresAt": .string($0.expiresAt)]
        } ?? .object([:])
        return .object(o)
    }

    var publicFields: [String: JSON] {
        [
            "id": .string(id), "email": .string(email), "name": .string(name), "client": .string(client), "phone": JSON(phone),
            "roles": JSON(roles.map(\.rawValue)), "departments": JSON(departments), "createdAt": .string(createdAt),
            "activatedAt": JSON(activatedAt), "lastLoginAt": JSON(lastLoginAt),
        ]
    }

    /// Locked is not stored as a status: it is a lock that runs out by itself.
    public func isLocked(now: String) -> Bool { lockedUntil.map { $0 > now } ?? false }

    public func effectiveStatus(now: String) -> String {
        if status == .active && isLocked(now: now) { return "locked" }
        return status.rawValue
    }

    public func publicJSON(now: String) -> JSON {
        var o = publicFields
        o["status"] = .string(effectiveStatus(now: now))
        o["lockedUntil"] = isLocked(now: now) ? JSON(lockedUntil) : .null
        o["activationExpiresAt"] = status == .invited ? JSON(activation?.expiresAt) : .null
        return .object(o)
    }

    public static let schema = Schema([
        Field("id"), Field("email"), Field("name"), Field("client"), Field("roles", .list), Field("departments", .list, table: false),
        Field("status", .status), Field("phone", table: false), Field("createdAt", .timestamp, table: false),
        Field("activatedAt", .timestamp, table: false), Field("lastLoginAt", .timestamp, table: false),
        Field("lockedUntil", .timestamp, table: false), Field("activationExpiresAt", .timestamp, table: false),
    ])
}
