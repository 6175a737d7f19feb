/// `wt audit [--record ID] [--actor ACTOR] [--since DATE]`: the trail, filtered.
struct ShowAudit: Verb {
    struct Options: Equatable {
        var record: String?
        var actor: String?
        var since: CalendarDate?
    }

    static let schema = Schema([
        Field("seq"), Field("at", .timestamp), Field("actor"), Field("action"), Field("record"), Field("details"),
    ])

    static let record = ValueOption("record", "ID", help: "only entries about this record", completion: .none)
    static let actor = ValueOption("actor", "ACTOR", help: "only entries by this actor (backoffice:NAME or an e-mail address)")
    static let since = ValueOption(
        "since", "DATE", help: "only entries from this date (YYYY-MM-DD, Europe/Amsterdam) on", parse: SharedOptions.date)

    static let spec = VerbSpec(
        "audit", nil, summary: "show the audit trail",
        options: [record, actor, since],
        examples: [
            Example("wt audit --record d-1042", "the history of one declaration"),
            Example("wt audit --since 2026-11-01 --format jsonl", "this month's changes, one JSON object per line"),
        ],
        fields: schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(record: try record.value(in: line), actor: try actor.value(in: line), since: try since.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        // The day starts at local midnight; compare instants in UTC.
        let query = AuditTrail.Query(record: o.record, actor: o.actor, since: o.since.map { Timestamp.startOfAmsterdamDay($0) })
        let rows: [JSON] = try AuditTrail.entries(query, store: try env.store(), actor: actor).map { e in
            [
                "seq": .int(e.seq), "at": .string(e.at), "actor": .string(e.actor), "action": .string(e.action),
                "record": .string(e.record), "details": e.details,
            ]
        }
        try env.printList(rows, schema)
    }
}
