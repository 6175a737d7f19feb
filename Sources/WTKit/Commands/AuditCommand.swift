enum AuditCommand {
    static let schema = Schema([
        Field("seq"), Field("at", .timestamp), Field("actor"), Field("action"), Field("record"), Field("details"),
    ])

    static let noun = NounSpec(
        "audit", summary: "the audit trail: who did what, when, to which record",
        details: "Every change appends an entry with its time, actor, action, record and details (never a secret). Each entry carries the SHA-256 of the one before it, so `wt store verify` finds an edited or removed entry.",
        commands: [
            CommandSpec(
                "audit", nil, summary: "show the audit trail",
                options: [
                    OptionSpec("record", value: "ID", help: "only entries about this record", completion: .none),
                    OptionSpec("actor", value: "ACTOR", help: "only entries by this actor (backoffice:NAME or an e-mail address)"),
                    OptionSpec("since", value: "DATE", help: "only entries from this date (YYYY-MM-DD, Europe/Amsterdam) on"),
                ],
                examples: [
                    Example("wt audit --record d-1042", "the history of one declaration"),
                    Example("wt audit --since 2026-11-01 --format jsonl", "this month's changes, one JSON object per line"),
                ],
                fields: schema.names, access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "read the audit trail")
                var since: String?
                if let s = inv.value("since") {
                    let d = try CalendarDate.parse(s)
                    // The day starts at local midnight; compare instants in UTC.
                    since = Timestamp.startOfAmsterdamDay(d)
                }
                let record = inv.value("record"), actorFilter = inv.value("actor")
                var rows: [JSON] = []
                let store = try inv.store()
                let problems = try AuditLog.walk(store: store, fromMonth: since.map { String($0.prefix(7)) }) { e in
                    if let record, e.record != record { return }
                    if let actorFilter, e.actor != actorFilter { return }
                    if let since, e.at < since { return }
                    rows.append([
                        "seq": .int(e.seq), "at": .string(e.at), "actor": .string(e.actor), "action": .string(e.action),
                        "record": .string(e.record), "details": e.details,
                    ])
                }
                // From the start the whole chain is read, so a problem is damage (8), not a warning.
                if let first = problems.first, since == nil {
                    throw WTError.damaged(
                        "the audit trail does not verify: \(first)\(problems.count > 1 ? " (and \(problems.count - 1) more)" : "")",
                        hint: "run `wt store verify` for every problem, then restore the audit files from a backup")
                }
                try inv.printList(rows, schema)
            }
        ])
}
