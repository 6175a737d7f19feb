/// The account status both kinds of portal account share (SPEC §4, §11).
/// Locked is not a stored status: it is a lock that runs out by itself.
public enum AccountStatus: String, Sendable { case invited, active, disabled }

/// The secret-bearing part of a portal account, the same for a client's user
/// and a worker: status, password hashes and history, the failure count and
/// lock, the open activation link (as a hash). One type, so the rules in
/// `Accounts` cannot differ between the two.
public struct Credentials: Equatable, Sendable {
    public struct Activation: Equatable, Sendable {
        public var tokenHash: String
        public var sentAt: String
        public var expiresAt: String
    }

    public var status: AccountStatus = .invited
    public var passwordHash: String?
    /// Earlier password hashes, newest first, for `password.history`.
    public var passwordHistory: [String] = []
    public var passwordChangedAt: String?
    public var failedLogins = 0
    public var lockedUntil: String?
    public var activation: Activation?
    public var activatedAt: String?
    public var lastLoginAt: String?

    public init() {}

    public func isLocked(now: String) -> Bool { lockedUntil.map { $0 > now } ?? false }

    public func effectiveStatus(now: String) -> String {
        if status == .active && isLocked(now: now) { return "locked" }
        return status.rawValue
    }

    /// The stored fields, under the same names a user record has always used.
    public var storedFields: [String: JSON] {
        [
            "status": .string(status.rawValue), "passwordHash": JSON(passwordHash), "passwordHistory": JSON(passwordHistory),
            "passwordChangedAt": JSON(passwordChangedAt), "failedLogins": .int(failedLogins), "lockedUntil": JSON(lockedUntil),
            "activation": activation.map {
                ["tokenHash": .string($0.tokenHash), "sentAt": .string($0.sentAt), "expiresAt": .string($0.expiresAt)]
            } ?? .object([:]),
            "activatedAt": JSON(activatedAt), "lastLoginAt": JSON(lastLoginAt),
        ]
    }

    public init(stored r: JSONReader) throws {
        guard let s = AccountStatus(rawValue: try r.string("status")) else {
            throw JSONParseError(offset: 0, reason: "\(r.what): an account has an unknown status")
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
        activatedAt = try r.optString("activatedAt")
        lastLoginAt = try r.optString("lastLoginAt")
    }
}
