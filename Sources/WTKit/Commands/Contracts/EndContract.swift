/// `wt contracts end ID --date DATE`: asks before it commits.
struct EndContract: Verb {
    struct Options: Equatable {
        var id: String
        var date: CalendarDate
    }

    static let id = Argument(0, "ID", "the contract's id", completion: .records("contracts"))
    static let date = ValueOption("date", "DATE", help: "the last day the contract covers", parse: SharedOptions.date)

    static let spec = VerbSpec(
        "contracts", "end", summary: "end a contract on a date (its last day)",
        args: [id], options: [date],
        examples: [Example("wt contracts end ct-3 --date 2026-12-31 --yes", "the placement stops after New Year's Eve")],
        fields: Contract.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        // Without the usage hint, as this message always was.
        let d = try date.value(in: line) ?? { throw WTError.usage("`wt contracts end` needs --date DATE") }()
        return Options(id: try id.required(in: line), date: d)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        // The change is checked first, so the question names a contract that can end; no answer, no commit.
        let (c, row) = try env.write { uow in
            let c = try Contracts.end(o.id, on: o.date, in: uow.tx, actor: actor)
            try env.confirm("End contract \(c.id) on \(o.date)?")
            return (c, ContractsCommands.row(c, env, workers: try ContractsCommands.workerIndex(uow.tx)))
        }
        try env.done("ended contract \(c.id) on \(o.date)", records: [row], schema: Contract.schema)
    }
}
