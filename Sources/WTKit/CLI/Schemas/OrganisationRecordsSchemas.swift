// Output schemas of OrganisationRecords's records: which fields `--format table|csv|tsv` shows and how.
// They live with the CLI that renders them, not with the records.

extension Client {
    public static let schema = Schema([
        Field("id"), Field("name"), Field("kvk"), Field("vatId", table: false), Field("email", table: false),
        Field("street", table: false), Field("postcode", table: false), Field("city"), Field("country", table: false),
        Field("gAccountPercent", table: false), Field("paymentDays", table: false),
        Field("createdAt", .timestamp, table: false),
    ])
}

extension Department {
    public static let schema = Schema([
        Field("id"), Field("client"), Field("name"), Field("costCenter"), Field("createdAt", .timestamp, table: false),
    ])
}

extension Worker {
    public static let schema = Schema([
        Field("id"), Field("name"), Field("email"), Field("phone"), Field("iban", table: false),
        Field("createdAt", .timestamp, table: false), Field("account", .status),
        Field("activatedAt", .timestamp, table: false), Field("lastLoginAt", .timestamp, table: false),
        Field("lockedUntil", .timestamp, table: false), Field("activationExpiresAt", .timestamp, table: false),
    ])
}
