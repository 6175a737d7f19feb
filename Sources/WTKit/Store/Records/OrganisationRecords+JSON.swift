// OrganisationRecords's records as JSON: the fields `--format json` shows and the nested values the
// store keeps. JSON is the store's codec, so this lives in Store; Domain keeps the rules.

extension Worker {
    /// What output shows: the stored fields without secrets, the account as its status.
    public func publicJSON(now: String) -> JSON {
        guard case .object(var o) = stored else { return stored }
        o["account"] = .string(accountStatus(now: now))
        o["activatedAt"] = JSON(account?.activatedAt)
        o["lastLoginAt"] = JSON(account?.lastLoginAt)
        o["lockedUntil"] = account?.isLocked(now: now) == true ? JSON(account?.lockedUntil) : .null
        o["activationExpiresAt"] = account?.status == .invited ? JSON(account?.activation?.expiresAt) : .null
        return .object(o)
    }
}
