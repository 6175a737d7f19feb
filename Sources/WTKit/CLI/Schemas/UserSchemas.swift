// Output schemas of User's records: which fields `--format table|csv|tsv` shows and how.
// They live with the CLI that renders them, not with the records.

extension User {
    public static let schema = Schema([
        Field("id"), Field("email"), Field("name"), Field("client"), Field("roles", .list), Field("departments", .list, table: false),
        Field("status", .status), Field("phone", table: false), Field("createdAt", .timestamp, table: false),
        Field("activatedAt", .timestamp, table: false), Field("lastLoginAt", .timestamp, table: false),
        Field("lockedUntil", .timestamp, table: false), Field("activationExpiresAt", .timestamp, table: false),
    ])
}
