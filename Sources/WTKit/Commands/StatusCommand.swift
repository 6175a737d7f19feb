enum StatusCommand {
    static let noun = NounSpec(
        "status", summary: "the portal's menu with its counts, and what waits for action",
        details: "Counts as the portal's menu shows them: Opdrachtgevers (departments), Contracten, Documenten (the client-level documents: arbo, classification, other), Declaraties, Facturen, Gebruikers; and what waits: declarations to approve, documents to sign (every unsigned document), approved declarations to close, closed ones to invoice, and fixed-term contracts ending within contracts.noticeDays (35) days that need notice (aanzegging).",
        commands: [
            CommandSpec(
                "status", nil, summary: "show the counts and what waits for action",
                options: [OptionSpec("client", value: "ID", help: "only this client", completion: .records("clients"))],
                examples: [Example("wt status", "the whole agency"), Example("wt status --client cl-1 --json", "one client, as JSON")],
                fields: ["departments", "contracts", "documents", "declarations", "invoices", "users", "waiting"], access: .read
            ) { inv in
                let store = try inv.store()
                let actor = try inv.actor()
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
                    ], colour: false))
                } else {
                    let j: JSON = [
                        "departments": .int(s.departments), "contracts": .int(s.contracts), "documents": .int(s.documents),
                        "declarations": .int(s.declarations), "invoices": .int(s.invoices), "users": .int(s.users),
                        "waiting": ["toApprove": .int(s.toApprove), "toSign": .int(s.toSign), "toClose": .int(s.toClose), "toInvoice": .int(s.toInvoice),
                            "contractsEnding": .int(s.contractsEnding)],
                    ]
                    try inv.printRecord(j, Schema([
                        Field("departments"), Field("contracts"), Field("documents"), Field("declarations"), Field("invoices"),
                        Field("users"), Field("waiting", .nested),
                    ]))
                }
            }
        ])
}
