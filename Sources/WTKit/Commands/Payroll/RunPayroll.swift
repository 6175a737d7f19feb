/// `wt payroll run [--until WEEK]`: one numbered run of what is due.
struct RunPayroll: Verb {
    struct Options: Equatable {
        var until: ISOWeek?
    }

    static let until = ValueOption("until", "WEEK", help: "only declarations up to this ISO week", parse: PayrollCommands.week)

    static let spec = VerbSpec(
        "payroll", "run", summary: "pay every closed, not yet paid declaration: one numbered run (idempotent)",
        options: [until],
        examples: [
            Example("wt payroll run", "the nightly payroll run, after the invoices"),
            Example("wt payroll run --until 2026-W48 --dry-run", "what would be paid; takes no number"),
        ],
        fields: PayrollRun.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        Options(until: try until.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        // A dry run takes no number (the service is told) and commits nothing (the unit of work).
        let outcome = try env.write { uow in
            try Payroll.run(until: o.until, date: env.ctx.today, in: uow.declarations, actor: actor, dryRun: env.dryRun)
        }
        let corrected = { (n: Int) in "\(n) corrected declaration\(n == 1 ? "" : "s") settled without a difference" }
        guard let run = outcome.run else {
            let settled = outcome.settled.isEmpty ? "" : " (\(corrected(outcome.settled.count)))"
            return try env.done("nothing to pay" + settled, records: [], schema: PayrollRun.schema, many: true)
        }
        let what = "\(env.dryRun ? "would pay" : "paid") \(run.declarations.count) declaration\(run.declarations.count == 1 ? "" : "s") "
            + "to \(run.workers.count) worker\(run.workers.count == 1 ? "" : "s") (\(run.total.euro))" + (env.dryRun ? "" : ": \(run.number)")
            + (outcome.settled.isEmpty ? "" : "; \(corrected(outcome.settled.count))")
        if env.globals.format == .table && env.dryRun {
            // A dry run shows the lines it would pay, not only the count.
            if !env.quiet { env.out(what + "\n") }
            try env.printList(run.lines.map(run.row), PayrollRun.importSchema)
            env.err("dry run: nothing was changed\n")
            return
        }
        try env.done(what, records: [run.output], schema: PayrollRun.schema, many: true)
    }
}
