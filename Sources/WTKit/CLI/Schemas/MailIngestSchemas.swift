// Output schemas of MailIngest's records: which fields `--format table|csv|tsv` shows and how.
// They live with the CLI that renders them, not with the records.

extension MailIngest {
    public static let schema = Schema([
        Field("messageId"), Field("outcome"), Field("declaration"), Field("action"), Field("from", table: false),
        Field("detail"), Field("answered", table: false), Field("file", table: false),
    ])
}
