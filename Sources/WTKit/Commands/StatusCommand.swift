enum StatusCommand {
    static let noun = NounSpec(
        "status", summary: "the portal's menu with its counts, and what waits for action",
        details: "As a worker (--as a worker's e-mail): their own Contracten and Declaraties, and what waits for them: weeks to report that have begun, rejected weeks to correct (JSON {contracts, declarations, waiting: {toReport, toCorrect}}). Otherwise counts as the portal's menu shows them: Opdrachtgevers (departments), Contracten, Documenten (the client-level documents: arbo, classification, other), Declaraties, Facturen, Gebruikers; and what waits: declarations to approve, documents to sign (every unsigned document), approved declarations to close, closed ones to invoice, (for the back office) closed ones to pay, and fixed-term contracts ending within contracts.noticeDays (35) days that need notice (aanzegging).",
        commands: [
            CommandSpec(
                "status", nil, summary: "show the counts and what waits for action",
                options: [OptionSpec("client", value: "ID", help: "only this client", completion: .records("clients"))],
                examples: [Example("wt status", "the whole agency"), Example("wt status --client cl-1 --json", "one client, as JSON")],
                fields: ["departments", "contracts", "documents", "declarations", "invoices", "users", "waiting"], access: .read
            ) { inv in
                let store = try inv.store()
                let actor = try inv.actor()
                if actor.workerActor != nil { return try workerStatus(inv, store, actor) }
                let client = try inv.scopedClient()
                var s = try StatusService.counts(store, client: client, actor: actor)
                s.contractsEnding = try StatusService.contractsEnding(store, client: client, actor: actor, today: inv.ctx.today).count
                if inv.globals.format == .table {
                    let rows: [[String]] = [
                        ["Opdrachtgevers", "\(s.departments)"], ["Contracten", "\(s.contracts)"], ["Documenten", "\(s.documents)"],
                        ["Declaraties", "\(s.declarations)"], ["Facturen", "\(s.invoices)"], ["Gebruikers", "\(s.users)"],
                    ]
                    inv.out(Renderer.table(header: inv.globals.noHeader ? nil : ["MENU", "COUNT"], rows: rows, colour: inv.ctx.colour))
                    inv.out("\nWaiting for action:\n")
                    inv.out(Renderer.table(header: nil, rows: [
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
                    try inv.printRecord(j, Schema([
                        Field("departments"), Field("contracts"), Field("documents"), Field("declarations"), Field("invoices"),
                        Field("users"), Field("waiting", .nested),
                    ]))
                }
            }
        ])

    /// A worker's menu: their contracts and declarations, and what waits for them.
    static func workerStatus(_ inv: CommandEnv, _ store: Store, _ actor: Actor) throws {
        if inv.value("client") != nil {
            throw WTError.denied("\(actor.name) is a worker: --client does not apply", hint: AccessControl.workerRule)
        }
        let s = try StatusService.workerCounts(store, actor: actor, today: inv.ctx.today)
        if inv.globals.format == .table {
            inv.out(Renderer.table(header: inv.globals.noHeader ? nil : ["MENU", "COUNT"], rows: [
                ["Contracten", "\(s.contracts)"], ["Declaraties", "\(s.declarations)"],
            ], colour: inv.ctx.colour))
            inv.out("\nWaiting for action:\n")
            inv.out(Renderer.table(header: nil, rows: [
                ["  weeks to report", "\(s.toReport)"], ["  rejected weeks to correct", "\(s.toCorrect)"],
            ], colour: false))
            if s.toReport + s.toCorrect > 0 {
                inv.out("\n`wt --as \(actor.name) declarations list --status report,rejected` shows them; "
                    + "`declarations enter ID mon=8 ...` fills one in, `declarations submit ID` submits it.\n")
            }
        } else {
            let j: JSON = [
                "contracts": .int(s.contracts), "declarations": .int(s.declarations),
                "waiting": ["toReport": .int(s.toReport), "toCorrect": .int(s.toCorrect)],
            ]
            try inv.printRecord(j, Schema([Field("contracts"), Field("declarations"), Field("waiting", .nested)]))
        }
    }
}
