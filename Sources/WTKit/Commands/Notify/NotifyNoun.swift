enum NotifyCommand {
    static let schema = Schema([Field("kind"), Field("to"), Field("name"), Field("subject"), Field("declarations", .list), Field("contracts", .list, table: false)])

    static let noun = NounSpec(
        "notify", summary: "mail approvers what waits for them: the cron job",
        details: "Sends one digest mail per approver with submitted declarations waiting (\"Er staan één of meer urendeclaraties klaar om goed te keuren\"), at most once per notify.intervalHours (24) per user, one notice digest to agency.email naming the fixed-term contracts that end within contracts.noticeDays (each contract once), and, with notify.remindWorkers, a reminder to workers whose past weeks are not submitted. Running it again within the interval sends nothing. --dry-run lists what it would send.",
        commands: [
            CommandSpec(
                "notify", nil, summary: "send the digest mails and reminders that are due",
                examples: [
                    Example("wt notify", "the hourly or daily cron job"),
                    Example("wt notify --dry-run", "who would get a mail now"),
                ],
                fields: schema.names, access: .write
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "send notifications")
                let tx = try inv.begin()
                let (planned, messages) = try Notifications.run(in: tx, env: inv.ctx.services, send: !inv.dryRun)
                try inv.commit(tx)
                try inv.deliver(messages)
                if inv.globals.format == .table {
                    if !inv.quiet {
                        inv.out((inv.dryRun ? "would send" : "sent") + " \(planned.count) mail\(planned.count == 1 ? "" : "s")\n")
                        for p in planned {
                            let n = p.kind == "notice" ? p.contracts.count : p.declarations.count
                            let what = p.kind == "notice" ? "contract" : "declaration"
                            inv.out("  \(p.kind) to \(p.to): \(n) \(what)\(n == 1 ? "" : "s")\n")
                        }
                    }
                } else {
                    try inv.printList(planned.map(\.json), schema)
                }
                if inv.dryRun { inv.err("dry run: nothing was sent\n") }
            }
        ])
}
