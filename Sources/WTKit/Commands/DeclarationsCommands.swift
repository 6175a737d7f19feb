import Foundation

enum DeclarationsCommands {
    static let statuses = DeclarationStatus.allCases.map(\.rawValue)

    static let filterOptions: [OptionSpec] = [
        OptionSpec("client", value: "ID", help: "only this client's declarations", completion: .records("clients")),
        OptionSpec("department", value: "ID", help: "only this department's", completion: .records("departments")),
        OptionSpec("worker", value: "ID", help: "only this worker's", completion: .records("workers")),
        OptionSpec("contract", value: "ID", help: "only this contract's", completion: .records("contracts")),
        OptionSpec("week", value: "WEEK", help: "only this ISO week (2026-W48)"),
        OptionSpec("from", value: "WEEK", help: "from this ISO week on"),
        OptionSpec("to", value: "WEEK", help: "up to and including this ISO week"),
        OptionSpec("status", value: "STATUS", list: true, help: "only these statuses: report, submitted, approved, rejected, closed", completion: .choices(statuses)),
    ]

    static func week(_ inv: CommandEnv, _ name: String) throws -> ISOWeek? {
        guard let v = inv.value(name) else { return nil }
        do { return try ISOWeek.parse(v) } catch let e as WTError { throw WTError(e.kind, "--\(name): \(e.message)", hint: e.hint) }
    }

    static func filter(_ inv: CommandEnv) throws -> Declarations.Filter {
        var f = Declarations.Filter()
        let store = try inv.store()
        let actor = try inv.actor()
        if let c = inv.value("client") { f.client = try Organisation.client(c, store, actor: actor).id }
        if let d = inv.value("department") { f.department = try Organisation.department(d, store, actor: actor).id }
        if let w = inv.value("worker") { try RecordKind.worker.check(w); f.worker = w }
        if let c = inv.value("contract") { f.contract = try Contracts.find(c, store, actor: actor).id }
        if let w = try week(inv, "week") {
            guard inv.value("from") == nil && inv.value("to") == nil else { throw WTError.usage("give --week, or --from and --to, not both") }
            f.from = w
            f.to = w
        } else {
            f.from = try week(inv, "from")
            f.to = try week(inv, "to")
        }
        f.statuses = try inv.list("status").map { try DeclarationStatus.parse($0) }
        return f
    }

    /// The record as printed: the stored fields plus the worker's name and
    /// the payroll run that last paid it (from the payroll index, not the
    /// declaration: a run never rewrites declarations; `payroll: false` skips
    /// the lookup where the output does not show it). The worker file is read
    /// only for declarations that do not carry their worker's name (written
    /// before they did).
    static func rows(_ ds: [Declaration], _ r: StoreReader, payroll: Bool = true) throws -> [JSON] {
        let unnamed = Set(ds.filter { $0.workerName == nil }.map(\.worker))
        let names = unnamed.isEmpty ? [:] : try Organisation.workerNames(unnamed, r)
        let paid = payroll ? try PayrollFiles.paidBy(ds.map(\.id), r) : [:]
        return try Parallel.chunkedMap(ds, minimumChunk: 256) { d in
            guard case .object(var o) = d.stored else { return d.stored }
            if d.workerName == nil { o["workerName"] = JSON(names[d.worker]) }
            if payroll { o["payroll"] = JSON(paid[d.id]?.last) }
            return .object(o)
        }
    }

    /// Whether printed declarations need their `payroll` field looked up.
    static func showsPayroll(_ inv: CommandEnv) -> Bool {
        inv.globals.format != .table || inv.globals.fields.contains("payroll")
    }

    static func run(
        _ inv: CommandEnv, _ body: (DeclarationSet, inout [OutgoingMessage]) throws -> [Declaration], message: ([Declaration]) -> String,
        many: Bool, hours: Bool = false
    ) throws {
        let tx = try inv.begin()
        let set = DeclarationSet(tx)
        var messages: [OutgoingMessage] = []
        let changed = try body(set, &messages)
        let raised = hours ? try WorkTimeGuard.check(set) : []
        try set.flush()
        try inv.commit(tx)
        for line in raised { inv.err("warning: \(line)\n") }
        try inv.deliver(messages)
        // A table prints only the message: do not read worker names for nothing.
        let records = inv.globals.format == .table ? [] : try rows(changed, tx)
        try inv.done(message(changed), records: records, schema: Declaration.schema, many: many)
    }

    static func listIds(_ ds: [Declaration]) -> String {
        ds.count <= 8 ? ds.map(\.id).joined(separator: ", ") : ds.prefix(8).map(\.id).joined(separator: ", ") + ", ..."
    }

    static let noun = NounSpec(
        "declarations", summary: "weekly hour declarations (declaraties)",
        details: "One declaration per contract per ISO week. Statuses: report (Rapporteer: to be filled in), submitted (Ingediend), approved (Goedgekeurd), rejected (Afgewezen: to be corrected and submitted again) and closed (Afgerond: processed for payroll and invoicing, never changed again). A day holds at most 24:00; dates must lie in the declaration's week and the contract's period. Hours are entered by the back office or by the worker themselves (--as the worker's e-mail, see `wt help workers`): a worker lists and shows their own declarations, and enters, imports (rows of their own contracts only), submits and comments on their own; a client's approver approves or rejects them.",
        commands: [
            CommandSpec(
                "declarations", "open", summary: "open a report declaration for every contract active in a week (idempotent)",
                options: [
                    OptionSpec("week", value: "WEEK", help: "the ISO week, e.g. 2026-W49"),
                    OptionSpec("from", value: "WEEK", help: "open a range of weeks: the first"),
                    OptionSpec("to", value: "WEEK", help: "the last week of the range"),
                ],
                examples: [
                    Example("wt declarations open --week 2026-W49", "the weekly cron job"),
                    Example("wt declarations open --from 2026-W45 --to 2026-W49", "catch up on several weeks"),
                ],
                fields: Declaration.schema.names, access: .write
            ) { inv in
                let weeks: [ISOWeek]
                if let w = try week(inv, "week") {
                    weeks = [w]
                } else if let from = try week(inv, "from"), let to = try week(inv, "to") {
                    guard from <= to else { throw WTError.usage("--from \(from) comes after --to \(to)") }
                    weeks = ISOWeek.range(from: from, to: to)
                    guard weeks.count <= 260 else { throw WTError.invalid("open at most 260 weeks at once") }
                } else {
                    throw WTError.usage("`wt declarations open` needs --week WEEK (or --from WEEK --to WEEK)")
                }
                try run(inv, { set, _ in try Declarations.open(weeks: weeks, in: set, actor: try inv.actor()) },
                    message: { "opened \($0.count) declaration\($0.count == 1 ? "" : "s")" + ($0.isEmpty ? "" : ": \(listIds($0))") }, many: true)
            },
            CommandSpec(
                "declarations", "enter", summary: "set the hours of days for an hour type (report or rejected only)",
                details: "DAY=HOURS pairs: DAY is mon..sun (or ma..zo) or a date in the declaration's week; HOURS is 8, 7.5, 7,5 or 7:30; 0 clears the day for that hour type.",
                args: [ArgSpec("ID", "the declaration", completion: .records("declarations")), ArgSpec("DAY=HOURS", "hours per day", variadic: true)],
                options: [
                    OptionSpec("type", value: "TYPE", help: "hour type (default normal; see config hours.types)", completion: .records("hour-types")),
                    OptionSpec("km", value: "N", help: "kilometres travelled this week"),
                    OptionSpec("expense", value: "LABEL=EUR", list: true, help: "an expense line; 0 removes it"),
                ],
                examples: [
                    Example("wt declarations enter d-1042 mon=8 tue=7:30 wed=7,5", "normal hours for three days"),
                    Example("wt declarations enter d-1042 sat=4 --type overtime150", "overtime on Saturday"),
                ],
                fields: Declaration.schema.names, access: .write
            ) { inv in
                let id = inv.arg(0)!
                var entries: [Declarations.Entry] = []
                for pair in inv.positionals.dropFirst() {
                    let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    guard kv.count == 2 else { throw WTError.usage("\"\(RecordKind.printable(pair))\" is not DAY=HOURS (e.g. mon=8 or 2026-11-30=7:30)") }
                    entries.append(Declarations.Entry(day: kv[0], hours: kv[1]))
                }
                var km: Int?
                if let k = inv.value("km") {
                    guard let n = Int(k) else { throw WTError.usage("--km needs a whole number of kilometres, got \"\(RecordKind.printable(k))\"") }
                    km = n
                }
                let expenses = try inv.list("expense").map { e -> (String, Money) in
                    let kv = e.split(separator: "=", maxSplits: 1).map(String.init)
                    guard kv.count == 2 else { throw WTError.usage("--expense \"\(RecordKind.printable(e))\" is not LABEL=EUR (e.g. parkeren=7.50)") }
                    return (try TextRules.line(kv[0], what: "the expense label", max: 60), try Money.parse(kv[1]))
                }
                guard !entries.isEmpty || km != nil || !expenses.isEmpty else {
                    throw WTError.usage("give hours as DAY=HOURS, or --km, or --expense", hint: "e.g. wt declarations enter \(id) mon=8 tue=7:30")
                }
                try run(inv, { set, _ in [try Declarations.enter(id, entries: entries, type: inv.value("type") ?? "normal", km: km, expenses: expenses, in: set, actor: try inv.actor())] },
                    message: { "\($0[0].id): \(Renderer.formatMinutes($0[0].minutes)) hours in \($0[0].week)" }, many: false, hours: true)
            },
            CommandSpec(
                "declarations", "import", summary: "import hours from CSV: contract,date,hours[,type] (all or nothing)",
                args: [ArgSpec("FILE", "the CSV file (- for stdin)", completion: .file)],
                examples: [Example("wt declarations import uren-week49.csv", "bulk hours; a bad line refuses the whole file and is named")],
                fields: Declaration.schema.names, access: .write
            ) { inv in
                let arg = inv.arg(0)!
                let bytes: [UInt8]
                if arg == "-" {
                    bytes = inv.ctx.stdin.readAll()
                } else {
                    let path = FileSystem.absolute(arg, cwd: inv.ctx.cwd)
                    guard let data = (try? FileSystem.read(path)) ?? nil else { throw WTError.notFound("cannot read \(path)") }
                    bytes = data
                }
                let rows = try HoursImport.parse(bytes)
                var result: HoursImport.Result?
                try run(inv, { set, _ in
                    result = try HoursImport.apply(rows, in: set, actor: try inv.actor())
                    return result!.declarations
                }, message: { "imported \(result?.rows ?? 0) rows into \($0.count) declarations (\(result?.created ?? 0) new)" }, many: true, hours: true)
            },
            CommandSpec(
                "declarations", "submit", summary: "submit declarations: report or rejected → submitted",
                args: [ArgSpec("ID", "declarations (- reads ids from stdin)", variadic: true, completion: .records("declarations"))],
                examples: [Example("wt declarations submit d-1042 d-1043", "hand the hours to the client's approvers")],
                fields: Declaration.schema.names, access: .write
            ) { inv in
                let ids = try inv.ids()
                guard !ids.isEmpty else { throw WTError.usage("`wt declarations submit` needs at least one ID") }
                try run(inv, { set, _ in try Declarations.submit(ids, in: set, actor: try inv.actor()) },
                    message: { "submitted \($0.count): \(listIds($0))" }, many: true)
            },
            CommandSpec(
                "declarations", "approve", summary: "approve submitted declarations (all or none)",
                args: [ArgSpec("ID", "declarations (- reads ids from stdin)", optional: true, variadic: true, completion: .records("declarations"))],
                options: [
                    OptionSpec("comment", value: "TEXT", help: "a comment kept with each approval"),
                    OptionSpec("all", help: "every submitted declaration that matches the filters"),
                ] + filterOptions.filter { $0.name != "status" },
                examples: [
                    Example("wt declarations approve d-1042", "approve one"),
                    Example("wt --as inkoop@klant.example declarations approve --all --week 2026-W48", "an approver approves the whole week"),
                ],
                fields: Declaration.schema.names, access: .write
            ) { inv in
                var ids = try inv.ids()
                if inv.flag("all") {
                    guard ids.isEmpty else { throw WTError.usage("give ids or --all, not both") }
                    var f = try filter(inv)
                    f.statuses = [.submitted]
                    ids = try Declarations.list(f, store: try inv.store(), actor: try inv.actor()).map(\.id)
                } else if ids.isEmpty {
                    throw WTError.usage("`wt declarations approve` needs IDs or --all")
                }
                let comment = try inv.value("comment").map { try TextRules.text($0, what: "--comment") }
                try run(inv, { set, _ in try Declarations.approve(ids, comment: comment, in: set, actor: try inv.actor()) },
                    message: { "approved \($0.count)" + ($0.isEmpty ? "" : ": \(listIds($0))") }, many: true)
            },
            CommandSpec(
                "declarations", "reject", summary: "reject a submitted declaration with a reason (mailed to the worker)",
                args: [ArgSpec("ID", "the declaration", completion: .records("declarations"))],
                options: [OptionSpec("reason", value: "TEXT", help: "what must be corrected (required)")],
                examples: [Example("wt declarations reject d-1042 --reason 'Dinsdag was 6 uur, niet 8'", "send it back for correction")],
                fields: Declaration.schema.names, access: .write
            ) { inv in
                let reason = try TextRules.text(try inv.required("reason"), what: "--reason")
                try run(inv, { set, messages in
                    let d = try Declarations.reject(inv.arg(0)!, reason: reason, in: set, actor: try inv.actor())
                    if let m = try DeclarationMail.rejection(d, reason: reason, in: set.tx, env: inv.ctx.services, warn: { inv.err("warning: \($0)\n") }) {
                        messages.append(m)
                    }
                    return [d]
                }, message: { "rejected \($0[0].id); the worker is mailed the reason" }, many: false)
            },
            CommandSpec(
                "declarations", "comment", summary: "add a comment to a declaration",
                args: [ArgSpec("ID", "the declaration", completion: .records("declarations")), ArgSpec("TEXT", "the comment")],
                examples: [Example("wt declarations comment d-1042 'Pauze niet afgetrokken?'", "a question to the back office")],
                fields: Declaration.schema.names, access: .write
            ) { inv in
                let text = try TextRules.text(inv.arg(1)!, what: "the comment")
                try run(inv, { set, _ in [try Declarations.comment(inv.arg(0)!, text: text, in: set, actor: try inv.actor())] },
                    message: { "commented on \($0[0].id)" }, many: false)
            },
            CommandSpec(
                "declarations", "close", summary: "close approved declarations: the cron job (idempotent)",
                args: [ArgSpec("ID", "declarations (- reads ids from stdin)", optional: true, variadic: true, completion: .records("declarations"))],
                options: [
                    OptionSpec("all-approved", help: "every approved declaration"),
                    OptionSpec("until", value: "WEEK", help: "with --all-approved: only weeks up to this one"),
                ],
                examples: [
                    Example("wt declarations close --all-approved", "the nightly cron job; prints how many it closed"),
                    Example("wt declarations close d-1042 d-1043", "close two approved declarations"),
                ],
                fields: Declaration.schema.names, access: .write
            ) { inv in
                var ids = try inv.ids()
                if inv.flag("all-approved") {
                    guard ids.isEmpty else { throw WTError.usage("give ids or --all-approved, not both") }
                    var f = Declarations.Filter()
                    f.statuses = [.approved]
                    f.to = try week(inv, "until")
                    ids = try Declarations.list(f, store: try inv.store(), actor: try inv.actor()).map(\.id)
                } else if ids.isEmpty {
                    guard inv.value("until") == nil else { throw WTError.usage("--until goes with --all-approved") }
                    if inv.line.positionals.isEmpty { throw WTError.usage("`wt declarations close` needs IDs or --all-approved") }
                }
                try run(inv, { set, _ in try Declarations.close(ids, in: set, actor: try inv.actor()) },
                    message: { "closed \($0.count)" + ($0.isEmpty ? "" : ": \(listIds($0))") }, many: true)
            },
            CommandSpec(
                "declarations", "list", summary: "list declarations",
                options: filterOptions + [OptionSpec("warnings", help: "only declarations with a working-time warning (day-over-max, week-over-max, avg16-over-max)")],
                examples: [
                    Example("wt declarations list --status submitted", "what waits for approval"),
                    Example("wt declarations list --client cl-1 --from 2026-W40 --to 2026-W48 --format csv", "a quarter of one client's hours as CSV"),
                    Example("wt declarations list --status approved --fields id --format tsv --no-header | wt declarations close -", "close what a list selected"),
                ],
                fields: Declaration.schema.names, access: .read
            ) { inv in
                // Fields are checked before any reading, as the renderer would.
                _ = try Declaration.schema.selected(inv.globals.fields, tableDefaults: false)
                var f = try filter(inv)
                f.warningsOnly = inv.flag("warnings")
                let stream = try DeclarationStream(
                    f, store: try inv.store(), actor: try inv.actor(), fields: inv.globals.fields, payroll: showsPayroll(inv))
                stream.progress = Progress("listing declarations", inv.ctx, after: 1)
                try inv.printStream(Declaration.schema) { try stream.forEachBatch($0) }
            },
            CommandSpec(
                "declarations", "show", summary: "show a declaration with its lines, totals, comments and history",
                args: [ArgSpec("ID", "the declaration", completion: .records("declarations"))],
                examples: [Example("wt declarations show d-1042", "everything about one week of one contract")],
                fields: Declaration.schema.names, access: .read
            ) { inv in
                let store = try inv.store()
                let d = try Declarations.find(inv.arg(0)!, store, actor: try inv.actor())
                try inv.printRecord(try rows([d], store)[0], Declaration.schema)
            },
        ])
}
