// Output schemas of Contract's records: which fields `--format table|csv|tsv` shows and how.
// They live with the CLI that renders them, not with the records.

extension Contract {
    public static let schema = Schema([
        Field("id"), Field("worker"), Field("workerName"), Field("department", table: false), Field("client"),
        Field("function"), Field("phase"), Field("cao", table: false), Field("fixedTerm", table: false),
        Field("start"), Field("end"), Field("status", .status), Field("payRate", table: false), Field("billRate"),
        Field("minutesPerWeek", .minutes, table: false), Field("documents", .list, table: false),
        Field("createdAt", .timestamp, table: false), Field("endedAt", .timestamp, table: false),
    ])
}

extension Document {
    public static let schema = Schema([
        Field("id"), Field("kind"), Field("title"), Field("status", .status), Field("client"), Field("contract"),
        Field("sha256", table: false), Field("size", table: false), Field("mediaType", table: false),
        Field("fileName", table: false), Field("requiresSMS", table: false), Field("signedBy"),
        Field("signedAt", .timestamp), Field("method", table: false), Field("createdAt", .timestamp, table: false),
        Field("codeExpiresAt", .timestamp, table: false),
    ])
}
