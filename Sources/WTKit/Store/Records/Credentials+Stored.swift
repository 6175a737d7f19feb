// How Credentials's records are kept in the store: their stored fields and the
// conformances the store's files need. Domain keeps the values and rules.

extension Credentials {
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

    /// `owner` names whose account it is in the error an unknown status gives.
    public init(stored r: JSONReader, owner: String = "an account") throws {
        guard let s = AccountStatus(rawValue: try r.string("status")) else {
            throw JSONParseError(offset: 0, reason: "\(r.what): \(owner) has an unknown status")
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
