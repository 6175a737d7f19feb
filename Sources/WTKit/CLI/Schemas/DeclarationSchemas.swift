// Output schemas of Declaration's records: which fields `--format table|csv|tsv` shows and how.
// They live with the CLI that renders them, not with the records.

extension Declaration {
    public static let schema = Schema([
        Field("id"), Field("week"), Field("contract"), Field("worker"), Field("workerName", table: true),
        Field("client", table: false), Field("department", table: false), Field("status", .status),
        Field("minutes", .minutes), Field("km", table: false), Field("invoice", table: false),
        Field("payroll", table: false),
        Field("lines", .nested, table: false), Field("expenses", .nested, table: false),
        Field("comments", .nested, table: false), Field("history", .nested, table: false),
        Field("warnings", .nested, table: false),
    ])
}
