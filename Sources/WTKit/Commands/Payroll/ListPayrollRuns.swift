/// `wt payroll list [--from DATE] [--to DATE]`
struct ListPayrollRuns: Verb {
    struct Options: Equatable {
        var from: CalendarDate?
        var to: CalendarDate?
    }

    static let from = ValueOption("from", "DATE", help: "made on or after (YYYY-MM-DD)", parse: SharedOptions.date)
    static let to = ValueOption("to", "DATE", help: "made on or before", parse: SharedOptions.date)

    static let spec = VerbSpec(
        "payroll", "list", summary: "list payroll runs",
        options: [from, to],
        examples: [Example("wt payroll list --from 2026-01-01", "this year's runs")],
        fields: PayrollRun.Summary.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(from: try from.value(in: line), to: try to.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let list = try Payroll.list(from: o.from, to: o.to, try env.store(), actor: try env.actor())
        try env.printList(list.map(\.output), PayrollRun.Summary.schema)
    }
}
