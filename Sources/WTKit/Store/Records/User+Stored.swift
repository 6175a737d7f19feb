// How User's records are kept in the store: their stored fields and the
// conformances the store's files need. Domain keeps the values and rules.

extension User: ClientOwned {
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
}
