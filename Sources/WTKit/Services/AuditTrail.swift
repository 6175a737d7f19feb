/// `wt audit`'s query: the trail, filtered, for the back office only.
public enum AuditTrail {
    public struct Query: Equatable {
        public var record: String?
        public var actor: String?
        /// The instant (UTC) the first entry may have, or nil for the whole trail.
        public var since: String?
        public init(record: String? = nil, actor: String? = nil, since: String? = nil) {
            self.record = record
            self.actor = actor
            self.since = since
        }
    }

    /// The entries that match, in order. Refused (5) for anyone but the back
    /// office before the trail is read. From the start the whole chain is
    /// read, so a problem is damage (8); from a date on, the chain before it is
    /// not there to check.
    public static func entries(_ q: Query, store: Store, actor: Actor) throws -> [AuditLog.Entry] {
        try AccessControl.requireBackoffice(actor, toDo: "read the audit trail")
        var rows: [AuditLog.Entry] = []
        let problems = try AuditLog.walk(store: store, fromMonth: q.since.map { String($0.prefix(7)) }) { e in
            if let record = q.record, e.record != record { return }
            if let a = q.actor, e.actor != a { return }
            if let since = q.since, e.at < since { return }
            rows.append(e)
        }
        if let first = problems.first, q.since == nil {
            throw WTError.damaged(
                "the audit trail does not verify: \(first)\(problems.count > 1 ? " (and \(problems.count - 1) more)" : "")",
                hint: "run `wt store verify` for every problem, then restore the audit files from a backup")
        }
        return rows
    }
}
