// Output schemas of Mailer's records: which fields `--format table|csv|tsv` shows and how.
// They live with the CLI that renders them, not with the records.

extension OutboxEntry {
    public static let schema = Schema([
        Field("id"), Field("kind"), Field("to"), Field("subject"), Field("createdAt", .timestamp),
        Field("topic", table: false), Field("transport", table: false),
    ])
}
