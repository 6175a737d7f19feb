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
        // The account's fields stand beside the user's own in the record, as they always have.
        account = try Credentials(stored: r, owner: "user \(id)")
        createdAt = try r.string("createdAt")
    }

    public var stored: JSON { .object(publicFields.merging(account.storedFields) { _, fromAccount in fromAccount }) }
}
