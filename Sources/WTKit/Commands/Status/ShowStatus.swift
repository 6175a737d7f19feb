/// `wt status [--client ID]`: the portal's menu with its counts and what
/// waits; a worker gets their own menu.
struct ShowStatus: Verb {
    struct Options: Equatable {
        var client: String?
    }

    static let client = ValueOption("client", "ID", help: "only this client", completion: .records("clients"))

    static let spec = VerbSpec(
        "status", nil, summary: "show the counts and what waits for action",
        options: [client],
        examples: [Example("wt status", "the whole agency"), Example("wt status --client cl-1 --json", "one client, as JSON")],
        fields: ["departments", "contracts", "documents", "declarations", "invoices", "users", "waiting"], access: .read)

    static func options(from line: ParsedLine) throws -> Options { Options(client: try client.value(in: line)) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let store = try env.store()
        let actor = try env.actor()
        if actor.workerActor != nil { return try workerStatus(o, env, store, actor) }
        let client = try env.scopedClient(o.client)
        var s = try StatusService.counts(store, client: client, actor: actor)
        s.contractsEnding = try StatusService.contractsEnding(store, client: client, actor: actor, today: env.ctx.today).count
        if env.globals.format == .table {
            let rows: [[String]] = [
                ["Opdrachtgevers", "\(s.departments)"], ["Contracten", "\(s.contracts)"], ["Documenten", "\(s.documents)"],
                ["Declaraties", "\(s.declarations)"], ["Facturen", "\(s.invoices)"], ["Gebruikers", "\(s.users)"],
            ]
            env.out(Renderer.table(header: env.globals.noHeader ? nil : ["MENU", "COUNT"], rows: rows, colour: env.ctx.colour))
            env.out("\nWaiting for action:\n")
            env.out(Renderer.table(header: nil, rows: [
                ["  declarations to approve", "\(s.toApprove)"], ["  documents to sign", "\(s.toSign)"],
                ["  approved declarations to close", "\(s.toClose)"], ["  closed declarations to invoice", "\(s.toInvoice)"],
                ["  fixed-term contracts ending (notice due)", "\(s.contractsEnding)"],
            ] + (actor.isBackoffice ? [["  closed declarations to pay", "\(s.toPay)"]] : []), colour: false))
        } else {
            var waiting: [String: JSON] = ["toApprove": .int(s.toApprove), "toSign": .int(s.toSign), "toClose": .int(s.toClose), "toInvoice": .int(s.toInvoice),
                "contractsEnding": .int(s.contractsEnding)]
            // Payroll is the back office's (SPEC §12): a client's user does not see what its workers are paid.
            if actor.isBackoffice { waiting["toPay"] = .int(s.toPay) }
            let j: JSON = [
                "departments": .int(s.departments), "contracts": .int(s.contracts), "documents": .int(s.documents),
                "declarations": .int(s.declarations), "invoices": .int(s.invoices), "users": .int(s.users),
                "waiting": .object(waiting),
            ]
            try env.printRecord(j, Schema([
                Field("departments"), Field("contracts"), Field("documents"), Field("declarations"), Field("invoices"),
                Field("users"), Field("waiting", .nested),
            ]))
        }
    }

    /// A worker's menu: their contracts and declarations, and what waits for them.
    static func workerStatus(_ o: Options, _ env: CommandEnv, _ store: Store, _ actor: Actor) throws {
        let s = try StatusService.workerCounts(store, actor: actor, client: o.client, today: env.ctx.today)
        if env.globals.format == .table {
            env.out(Renderer.table(header: env.globals.noHeader ? nil : ["MENU", "COUNT"], rows: [
                ["Contracten", "\(s.contracts)"], ["Declaraties", "\(s.declarations)"],
            ], colour: env.ctx.colour))
            env.out("\nWaiting for action:\n")
            env.out(Renderer.table(header: nil, rows: [
                ["  weeks to report", "\(s.toReport)"], ["  rejected weeks to correct", "\(s.toCorrect)"],
            ], colour: false))
            if s.toReport + s.toCorrect > 0 {
                env.out("\n`wt --as \(actor.name) declarations list --status report,rejected` shows them; "
                    + "`declarations enter ID mon=8 ...` fills one in, `declarations submit ID` submits it.\n")
            }
        } else {
            let j: JSON = [
                "contracts": .int(s.contracts), "declarations": .int(s.declarations),
                "waiting": ["toReport": .int(s.toReport), "toCorrect": .int(s.toCorrect)],
            ]
            try env.printRecord(j, Schema([Field("contracts"), Field("declarations"), Field("waiting", .nested)]))
        }
    }
}
