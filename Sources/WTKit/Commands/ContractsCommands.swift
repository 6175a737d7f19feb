import Foundation

enum ContractsCommands {
    static func row(_ c: Contract, _ inv: CommandEnv, workers: [String: Worker]) -> JSON {
        c.publicJSON(today: inv.ctx.today, workerName: workers[c.worker]?.name)
    }

    static func workerIndex(_ r: StoreReader) throws -> [String: Worker] {
        Dictionary(try Organisation.workers(r).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func date(_ inv: CommandEnv, _ name: String) throws -> CalendarDate? {
        guard let v = inv.value(name) else { return nil }
        do { return try CalendarDate.parse(v) } catch let e as WTError {
            throw WTError(e.kind, "--\(name): \(e.message)", hint: "dates are written YYYY-MM-DD")
        }
    }

    static func money(_ inv: CommandEnv, _ name: String) throws -> Money {
        let v = try inv.required(name)
        do { return try Money.parse(v) } catch let e as WTError { throw WTError(e.kind, "--\(name): \(e.message)", hint: e.hint) }
    }

    static let noun = NounSpec(
        "contracts", summary: "placements of workers at a client's department (contracten)",
        details: "A contract places a worker at a department for a period, in a phase of the ABU (A, B, C) or NBBU (1-2, 3, 4) collective agreement, with a pay rate and a bill rate. B and 3 are fixed-term: they need an end date, a hire agreement, and an assignment confirmation signed with an SMS code. Adding a contract creates the documents the client must approve. A worker (--as the worker's e-mail) lists and shows only their own contracts.",
        commands: [
            CommandSpec(
                "contracts", "add", summary: "place a worker at a department",
                options: [
                    OptionSpec("worker", value: "ID", help: "the worker", completion: .records("workers")),
                    OptionSpec("department", value: "ID", help: "the client's department", completion: .records("departments")),
                    OptionSpec("function", value: "TEXT", help: "the job title"),
                    OptionSpec("start", value: "DATE", help: "first day (YYYY-MM-DD)"),
                    OptionSpec("end", value: "DATE", help: "last day (required for fixed-term phases B and 3)"),
                    OptionSpec("phase", value: "PHASE", help: "ABU A, B, C or NBBU 1-2, 3, 4", completion: .choices(Phase.allCases.map(\.rawValue))),
                    OptionSpec("pay-rate", value: "EUR", help: "hourly wage, e.g. 16.50"),
                    OptionSpec("bill-rate", value: "EUR", help: "hourly rate billed to the client, e.g. 29.95"),
                    OptionSpec("hours-per-week", value: "H", help: "contract hours per week (38, 37.5, 32:30)"),
                    OptionSpec("cao", value: "CAO", help: "abu or nbbu (checked against the phase)", completion: .choices(["abu", "nbbu"])),
                ],
                examples: [
                    Example("wt contracts add --worker w-1 --department dep-1 --function Inpakker --start 2026-12-07 --phase A --pay-rate 15.20 --bill-rate 27.50", "an open-ended phase A placement"),
                    Example("wt contracts add --worker w-2 --department dep-1 --function Heftruckchauffeur --start 2026-12-07 --end 2027-06-30 --phase 3 --cao nbbu --pay-rate 17.00 --bill-rate 31.00", "a fixed-term NBBU placement (its assignment confirmation needs an SMS signature)"),
                ],
                fields: Contract.schema.names, access: .write
            ) { inv in
                let cao = try inv.value("cao").map { try CAO.parse($0) }
                let phase = try Phase.parse(try inv.required("phase"), cao: cao)
                var minutes: Int?
                if let h = inv.value("hours-per-week") {
                    let m = try Minutes.parse(h)
                    guard m.value > 0, m.value <= 80 * 60 else { throw WTError.invalid("--hours-per-week: \(h) is not between 0 and 80 hours") }
                    minutes = m.value
                }
                let n = Contracts.NewContract(
                    worker: try inv.required("worker"), department: try inv.required("department"),
                    function: try TextRules.line(try inv.required("function"), what: "--function", max: 100),
                    start: try date(inv, "start") ?? { throw WTError.usage("`wt contracts add` needs --start DATE") }(),
                    end: try date(inv, "end"), phase: phase, payRate: try money(inv, "pay-rate"), billRate: try money(inv, "bill-rate"),
                    minutesPerWeek: minutes)
                let tx = try inv.begin()
                let (c, docs) = try Contracts.add(n, in: tx, actor: try inv.actor(), env: inv.ctx.services)
                try inv.commit(tx)
                try inv.done(
                    "added contract \(c.id) (\(c.worker) at \(c.department), phase \(c.phase.rawValue)); documents to approve: \(docs.map(\.id).joined(separator: ", "))",
                    records: [row(c, inv, workers: try workerIndex(tx))], schema: Contract.schema)
            },
            CommandSpec(
                "contracts", "list", summary: "list contracts",
                options: [
                    OptionSpec("client", value: "ID", help: "only this client's contracts", completion: .records("clients")),
                    OptionSpec("worker", value: "ID", help: "only this worker's contracts", completion: .records("workers")),
                    OptionSpec("active", help: "only contracts that run today"),
                    OptionSpec("ending", value: "DAYS", help: "only fixed-term contracts that end within DAYS days from today and have not ended (notice, aanzegging)"),
                ],
                examples: [
                    Example("wt contracts list --client cl-1 --active", "the client's current placements"),
                    Example("wt contracts list --ending 35", "fixed-term contracts that need notice of their end"),
                ],
                fields: Contract.schema.names, access: .read
            ) { inv in
                let store = try inv.store()
                let actor = try inv.actor()
                let client = try inv.scopedClient()
                if let w = inv.value("worker") { try RecordKind.worker.check(w) }
                let worker = try AccessControl.workerScope(actor, requested: inv.value("worker"))
                let today = inv.ctx.today
                var ending: Set<String>?
                if let v = inv.value("ending") {
                    guard let days = Int(v), (0...3650).contains(days) else {
                        throw WTError.usage("--ending needs a number of days from 0 to 3650, got \"\(RecordKind.printable(v))\"")
                    }
                    ending = Set(try ContractGuards.ending(within: days, today: today, store).map(\.contract))
                }
                let rows = try Contracts.all(store, client: client).filter { c in
                    (ending.map { $0.contains(c.id) } ?? true) &&
                    AccessControl.canSee(actor, client: c.client, department: c.department, worker: c.worker)
                        && (worker.map { $0 == c.worker } ?? true)
                        && (!inv.flag("active") || c.status(today: today) == "active")
                }
                let workers = try workerIndex(store)
                try inv.printList(rows.map { row($0, inv, workers: workers) }, Contract.schema)
            },
            CommandSpec(
                "contracts", "show", summary: "show one contract",
                args: [ArgSpec("ID", "the contract's id", completion: .records("contracts"))],
                examples: [Example("wt contracts show ct-1 --json", "one contract as JSON")],
                fields: Contract.schema.names, access: .read
            ) { inv in
                let store = try inv.store()
                let c = try Contracts.find(inv.arg(0)!, store, actor: try inv.actor())
                try inv.printRecord(row(c, inv, workers: try workerIndex(store)), Contract.schema)
            },
            CommandSpec(
                "contracts", "end", summary: "end a contract on a date (its last day)",
                args: [ArgSpec("ID", "the contract's id", completion: .records("contracts"))],
                options: [OptionSpec("date", value: "DATE", help: "the last day the contract covers")],
                examples: [Example("wt contracts end ct-3 --date 2026-12-31 --yes", "the placement stops after New Year's Eve")],
                fields: Contract.schema.names, access: .write
            ) { inv in
                guard let d = try date(inv, "date") else { throw WTError.usage("`wt contracts end` needs --date DATE") }
                let tx = try inv.begin()
                let c = try Contracts.end(inv.arg(0)!, on: d, in: tx, actor: try inv.actor())
                try inv.confirm("End contract \(c.id) on \(d)?")
                try inv.commit(tx)
                try inv.done("ended contract \(c.id) on \(d)", records: [row(c, inv, workers: try workerIndex(tx))], schema: Contract.schema)
            },
        ])
}
