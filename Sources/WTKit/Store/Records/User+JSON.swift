// User's records as JSON: the fields `--format json` shows and the nested values the
// store keeps. JSON is the store's codec, so this lives in Store; Domain keeps the rules.

extension User {
    var publicFields: [String: JSON] {
        [
            "id": .string(id), "email": .string(email), "name": .string(name), "client": .string(client), "phone": JSON(phone),
            "roles": JSON(roles.map(\.rawValue)), "departments": JSON(departments), "createdAt": .string(createdAt),
            "activatedAt": JSON(activatedAt), "lastLoginAt": JSON(lastLoginAt),
        ]
    }

    public func publicJSON(now: String) -> JSON {
        var o = publicFields
        o["status"] = .string(effectiveStatus(now: now))
        o["lockedUntil"] = isLocked(now: now) ? JSON(lockedUntil) : .null
        o["activationExpiresAt"] = status == .invited ? JSON(activation?.expiresAt) : .null
        return .object(o)
    }
}
