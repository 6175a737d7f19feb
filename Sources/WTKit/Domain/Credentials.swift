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

}
