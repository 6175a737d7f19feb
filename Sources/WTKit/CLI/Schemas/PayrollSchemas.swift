// Output schemas of Payroll's records: which fields `--format table|csv|tsv` shows and how.
// They live with the CLI that renders them, not with the records.

extension Payroll {
    public static let marginSchema = Schema([
        Field("client"), Field("declarations"), Field("invoiced"), Field("paid"), Field("margin"), Field("marginPercent"),
    ])
}
