// Output schemas of Invoice's records: which fields `--format table|csv|tsv` shows and how.
// They live with the CLI that renders them, not with the records.

extension Invoice {
    /// Output fields: the SPEC's `number, client, date, dueDate, lines[], subtotal, vat, total,
    /// gAccountAmount, declarations[]` and the rest of the record.
    public static let schema = Schema([
        Field("number"), Field("kind"), Field("client"), Field("date"), Field("dueDate"),
        Field("subtotal", table: false), Field("vat", table: false), Field("total"), Field("gAccountAmount"),
        Field("creditOf", table: false), Field("creditOfDate", table: false), Field("reason", table: false),
        Field("buyerReference", table: false), Field("period", table: false),
        Field("gAccountPercent", table: false), Field("clientParty", table: false), Field("agencyParty", table: false),
        Field("lines", .nested, table: false), Field("vatBreakdown", .nested, table: false),
        Field("declarations", .list, table: false), Field("createdAt", .timestamp, table: false),
    ])
}
