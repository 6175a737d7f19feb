// Output schemas of PayrollRun's records: which fields `--format table|csv|tsv` shows and how.
// They live with the CLI that renders them, not with the records.

extension PayrollRun.Summary {
    public static let schema = Schema([
        Field("number"), Field("date"), Field("workers"), Field("declarations"), Field("lines"), Field("total"),
    ])
}

extension PayrollRun {
    public static let schema = Schema([
        Field("number"), Field("date"), Field("total"), Field("createdAt", .timestamp, table: false),
        Field("lines", .nested), Field("declarations", .list, table: false),
    ])

    /// The lines as a table shows them under a run.
    public static let tableLineSchema = Schema([
        Field("worker"), Field("workerName"), Field("week"), Field("contract"), Field("declaration"), Field("kind"), Field("type"),
        Field("minutes", .minutes), Field("km"), Field("rate"), Field("percentage"), Field("amount"),
    ])

    static let importFields = [
        Field("run"), Field("worker"), Field("workerName"), Field("iban"), Field("week"), Field("contract"),
        Field("kind"), Field("type"), Field("minutes", .minutes), Field("rate"), Field("percentage"), Field("amount"),
    ]

    /// One row per line: what `show --format csv|tsv` prints, the import file of
    /// a payroll system, with exactly the columns SPEC §12 fixes.
    public static let importSchema = Schema(importFields)

    /// A line with everything it says: `slips`, and `--fields` on `show`.
    public static let lineSchema = Schema(importFields + [
        Field("declaration", table: false), Field("component", table: false), Field("km", table: false),
    ])
}
