/// `wt contracts add --worker ID --department ID --function TEXT --start DATE --phase PHASE --pay-rate EUR --bill-rate EUR ...`
struct AddContract: Verb {
    struct Options: Equatable {
        var worker: String
        var department: String
        var function: String
        var start: CalendarDate
        var end: CalendarDate?
        var phase: Phase
        var payRate: Money
        var billRate: Money
        var minutesPerWeek: Int?

        var contract: Contracts.NewContract {
            Contracts.NewContract(
                worker: worker, department: department, function: function, start: start, end: end, phase: phase,
                payRate: payRate, billRate: billRate, minutesPerWeek: minutesPerWeek)
        }
    }

    static let worker = ValueOption("worker", "ID", help: "the worker", completion: .records("workers"))
    static let department = ValueOption("department", "ID", help: "the client's department", completion: .records("departments"))
    static let function = ValueOption("function", "TEXT", help: "the job title") { try TextRules.line($0, what: "--function", max: 100) }
    static let start = ValueOption("start", "DATE", help: "first day (YYYY-MM-DD)", parse: SharedOptions.date)
    static let end = ValueOption("end", "DATE", help: "last day (required for fixed-term phases B and 3)", parse: SharedOptions.date)
    /// Taken raw: which phases exist depends on --cao, so `options(from:)` parses it.
    static let phase = ValueOption("phase", "PHASE", help: "ABU A, B, C or NBBU 1-2, 3, 4", completion: .choices(Phase.allCases.map(\.rawValue)))
    static let payRate = ValueOption("pay-rate", "EUR", help: "hourly wage, e.g. 16.50") { try Money.parse($0) }
    static let billRate = ValueOption("bill-rate", "EUR", help: "hourly rate billed to the client, e.g. 29.95") { try Money.parse($0) }
    static let hoursPerWeek = ValueOption("hours-per-week", "H", help: "contract hours per week (38, 37.5, 32:30)") { h -> Int in
        let m = try Minutes.parse(h)
        guard m.value > 0, m.value <= 80 * 60 else { throw WTError.invalid("--hours-per-week: \(h) is not between 0 and 80 hours") }
        return m.value
    }
    static let cao = ValueOption("cao", "CAO", help: "abu or nbbu (checked against the phase)", completion: .choices(["abu", "nbbu"])) {
        try CAO.parse($0)
    }

    static let spec = VerbSpec(
        "contracts", "add", summary: "place a worker at a department",
        options: [worker, department, function, start, end, phase, payRate, billRate, hoursPerWeek, cao],
        examples: [
            Example("wt contracts add --worker w-1 --department dep-1 --function Inpakker --start 2026-12-07 --phase A --pay-rate 15.20 --bill-rate 27.50", "an open-ended phase A placement"),
            Example("wt contracts add --worker w-2 --department dep-1 --function Heftruckchauffeur --start 2026-12-07 --end 2027-06-30 --phase 3 --cao nbbu --pay-rate 17.00 --bill-rate 31.00", "a fixed-term NBBU placement (its assignment confirmation needs an SMS signature)"),
        ],
        fields: Contract.schema.names, access: .write)

    /// In the order the checks always ran: agreement and phase first.
    static func options(from line: ParsedLine) throws -> Options {
        let agreement = try cao.value(in: line)
        let p = try Phase.parse(try phase.required(in: line), cao: agreement)
        let minutes = try hoursPerWeek.value(in: line)
        let w = try worker.required(in: line), d = try department.required(in: line), f = try function.required(in: line)
        // Without the usage hint, as this message always was.
        let first = try start.value(in: line) ?? { throw WTError.usage("`wt contracts add` needs --start DATE") }()
        return Options(
            worker: w, department: d, function: f, start: first, end: try end.value(in: line), phase: p,
            payRate: try payRate.required(in: line), billRate: try billRate.required(in: line), minutesPerWeek: minutes)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let (c, docs, row) = try env.write { uow in
            let (c, docs) = try Contracts.add(o.contract, in: uow.tx, actor: actor, env: env.ctx.services)
            return (c, docs, ContractsCommands.row(c, env, workers: try ContractsCommands.workerIndex(uow.tx)))
        }
        try env.done(
            "added contract \(c.id) (\(c.worker) at \(c.department), phase \(c.phase.rawValue)); documents to approve: \(docs.map(\.id).joined(separator: ", "))",
            records: [row], schema: Contract.schema)
    }
}
