enum PayrollCommands {
    /// A week option; anything but an ISO week is a usage error (2).
    static func week(_ inv: CommandEnv, _ name: String) throws -> ISOWeek? {
        guard let v = inv.value(name) else { return nil }
        do { return try ISOWeek.parse(v) } catch let e as WTError {
            throw WTError.usage("--\(name): \(e.message)", hint: e.hint ?? "weeks are written YYYY-Www, e.g. 2026-W48")
        }
    }

    static let noun = NounSpec(
        "payroll", summary: "gross pay from closed declarations (verloning)",
        details: "A closed declaration is processed twice, independently: invoiced to the client and paid to the worker. `payroll run` pays every closed, not yet paid declaration: a line per declaration and hour type (minutes / 60 × the contract's pay rate × the hour type's pay percentage from payroll.types, else hours.types, rounded half away from zero to the cent per line), a km line (km × payroll.kmRate, by default the untaxed maximum of the declaration's week) and an expense line per expense at cost. Runs are numbered <payroll.prefix><year>-<5 digits>, consecutive without gaps, and never change. A paid declaration that a credit note returned for correction is paid the difference when it is closed again: correction lines, negative where hours went down. Back office only.",
        commands: [
            CommandSpec(
                "payroll", "run", summary: "pay every closed, not yet paid declaration: one numbered run (idempotent)",
                options: [OptionSpec("until", value: "WEEK", help: "only declarations up to this ISO week")],
                examples: [
                    Example("wt payroll run", "the nightly payroll run, after the invoices"),
                    Example("wt payroll run --until 2026-W48 --dry-run", "what would be paid; takes no number"),
                ],
                fields: PayrollRun.schema.names, access: .write
            ) { inv in
                let until = try week(inv, "until")
                let tx = try inv.begin()
                let set = DeclarationSet(tx)
                let outcome = try Payroll.run(until: until, date: inv.ctx.today, in: set, actor: try inv.actor(), dryRun: inv.dryRun)
                try set.flush()
                try inv.commit(tx)
                guard let run = outcome.run else {
                    let settled = outcome.settled.isEmpty ? "" : " (\(outcome.settled.count) corrected declaration\(outcome.settled.count == 1 ? "" : "s") settled without a difference)"
                    return try inv.done("nothing to pay" + settled, records: [], schema: PayrollRun.schema, many: true)
                }
                let what = "\(inv.dryRun ? "would pay" : "paid") \(run.declarations.count) declaration\(run.declarations.count == 1 ? "" : "s") "
                    + "to \(run.workers.count) worker\(run.workers.count == 1 ? "" : "s") (\(run.total.euro))" + (inv.dryRun ? "" : ": \(run.number)")
                    + (outcome.settled.isEmpty ? "" : "; \(outcome.settled.count) corrected declaration\(outcome.settled.count == 1 ? "" : "s") settled without a difference")
                if inv.globals.format == .table && inv.dryRun {
                    if !inv.quiet { inv.out(what + "\n") }
                    try inv.printList(run.lines.map(run.row), PayrollRun.importSchema)
                    inv.err("dry run: nothing was changed\n")
                    return
                }
                try inv.done(what, records: [run.output], schema: PayrollRun.schema, many: true)
            },
            CommandSpec(
                "payroll", "list", summary: "list payroll runs",
                options: [
                    OptionSpec("from", value: "DATE", help: "made on or after (YYYY-MM-DD)"),
                    OptionSpec("to", value: "DATE", help: "made on or before"),
                ],
                examples: [Example("wt payroll list --from 2026-01-01", "this year's runs")],
                fields: PayrollRun.Summary.schema.names, access: .read
            ) { inv in
                let list = try Payroll.list(
                    from: try InvoicesCommands.date(inv, "from"), to: try InvoicesCommands.date(inv, "to"), try inv.store(), actor: try inv.actor())
                try inv.printList(list.map(\.output), PayrollRun.Summary.schema)
            },
            CommandSpec(
                "payroll", "show", summary: "show a run; --format csv is the import file for a payroll system",
                details: "csv and tsv print one row per line with the header run,worker,workerName,iban,week,contract,kind,type,minutes,rate,percentage,amount; json prints the run.",
                args: [ArgSpec("RUN", "the run number, e.g. L2026-00042", completion: .records("payroll"))],
                examples: [
                    Example("wt payroll show L2026-00042", "the run and its lines"),
                    Example("wt payroll show L2026-00042 --format csv > L2026-00042.csv", "the import file"),
                ],
                fields: PayrollRun.schema.names, access: .read
            ) { inv in
                let run = try Payroll.find(inv.arg(0)!, try inv.store(), actor: try inv.actor())
                switch inv.globals.format {
                case .csv, .tsv, .jsonl:
                    let extra = inv.globals.fields.contains { PayrollRun.importSchema.field($0) == nil }
                    try inv.printList(run.lines.map(run.row), extra ? PayrollRun.lineSchema : PayrollRun.importSchema)
                case .table where inv.globals.fields.isEmpty:
                    // The run's facts, then its lines as a table of their own (not every key of every line).
                    try inv.printRecord(run.output, Schema(PayrollRun.schema.fields.filter { $0.name != "lines" }))
                    inv.out("\nlines\n")
                    try inv.printList(run.lines.map(run.row), PayrollRun.tableLineSchema)
                default: try inv.printRecord(run.output, PayrollRun.schema)
                }
            },
            CommandSpec(
                "payroll", "slips", summary: "the paid lines per worker, of every run or of one",
                options: [
                    OptionSpec("worker", value: "ID", help: "only this worker's", completion: .records("workers")),
                    OptionSpec("run", value: "RUN", help: "only this run's", completion: .records("payroll")),
                ],
                examples: [Example("wt payroll slips --worker w-3 --run L2026-00042", "what one worker was paid in one run")],
                fields: PayrollRun.lineSchema.names, access: .read
            ) { inv in
                let rows = try Payroll.slips(worker: inv.value("worker"), run: inv.value("run"), try inv.store(), actor: try inv.actor())
                try inv.printList(rows, PayrollRun.lineSchema)
            },
            CommandSpec(
                "payroll", "margin", summary: "per client: invoiced (excl. VAT), paid, margin and margin %",
                details: "Over the declarations that are both invoiced (by an invoice no credit note reversed) and paid; an invoice line counts when every declaration it bills is paid.",
                options: [
                    OptionSpec("from", value: "WEEK", help: "declarations from this ISO week on"),
                    OptionSpec("to", value: "WEEK", help: "up to and including this ISO week"),
                    OptionSpec("client", value: "ID", help: "only this client", completion: .records("clients")),
                ],
                examples: [Example("wt payroll margin --from 2026-W01 --to 2026-W26", "the first half year per client")],
                fields: Payroll.marginSchema.names, access: .read
            ) { inv in
                let store = try inv.store()
                let actor = try inv.actor()
                if let c = inv.value("client") { _ = try Organisation.client(c, store, actor: actor) }
                let rows = try Payroll.margin(
                    from: try week(inv, "from"), to: try week(inv, "to"), client: inv.value("client"), store: store, actor: actor)
                try inv.printList(rows, Payroll.marginSchema)
            },
        ])
}
