/// `wt payroll show RUN`: the run; as csv/tsv/jsonl, the payroll system's import file.
struct ShowPayrollRun: Verb {
    struct Options: Equatable {
        var number: String
    }

    static let number = Argument(0, "RUN", "the run number, e.g. L2026-00042", completion: .records("payroll"))

    static let spec = VerbSpec(
        "payroll", "show", summary: "show a run; --format csv is the import file for a payroll system",
        details: "csv and tsv print one row per line with the header run,worker,workerName,iban,week,contract,kind,type,minutes,rate,percentage,amount; json prints the run.",
        args: [number],
        examples: [
            Example("wt payroll show L2026-00042", "the run and its lines"),
            Example("wt payroll show L2026-00042 --format csv > L2026-00042.csv", "the import file"),
        ],
        fields: PayrollRun.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(number: try number.required(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let run = try Payroll.find(o.number, try env.store(), actor: try env.actor())
        switch env.globals.format {
        case .csv, .tsv, .jsonl:
            let extra = env.globals.fields.contains { PayrollRun.importSchema.field($0) == nil }
            try env.printList(run.lines.map(run.row), extra ? PayrollRun.lineSchema : PayrollRun.importSchema)
        case .table where env.globals.fields.isEmpty:
            // The run's facts, then its lines as a table of their own (not every key of every line).
            try env.printRecord(run.output, Schema(PayrollRun.schema.fields.filter { $0.name != "lines" }))
            env.out("\nlines\n")
            try env.printList(run.lines.map(run.row), PayrollRun.tableLineSchema)
        default: try env.printRecord(run.output, PayrollRun.schema)
        }
    }
}
