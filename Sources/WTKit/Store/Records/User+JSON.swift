// User's records as JSON: the fields `--format json` shows and the nested values the
// store keeps. JSON is the store's codec, so this lives in Store; Domain keeps the rules.

extension User {
    var publicFields: [String: JSON] {
        [
            "id": .string(id), "email": .string(email), "name": .string(name), "client": .string(client), "phone": JSON(phone),
            "roles": JSON(roles.map(\.rawValue)), "departments": JSON(departments), "createdAt": .string(createdAt),
            "activatedAt": JSON(account.activatedAt), "lastLoginAt": JSON(account.lastLoginAt),
        ]
    }

    public func publicJSON(now: String) -> JSON {
        var o = publicFields
        o["status"] = .string(account.effectiveStatus(now: now))
        o["lockedUntil"] = account.isLocked(now: now) ? JSON(account.lockedUntil) : .null
        o["activationExpiresAt"] = account.status == .invited ? JSON(account.activation?.expiresAt) : .null
        return .object(o)
    }
}
