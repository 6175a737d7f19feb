/// Counters per client and kind of record (`stats.json`), kept in step by
/// every save of a client's partition, so `wt status` reads one small file
/// instead of scanning years of records. `wt store verify` recounts them.
public enum Stats {
    public static let file = "stats.json"
    /// The entry that holds every counter summed over the clients, so `wt
    /// status` for the whole agency reads one entry instead of 200. Every
    /// write of the file recomputes it from the clients' entries.
    public static let totalKey = "*"

    public typealias Counts = [String: Int]

    /// Every client's counters (not the totals entry).
    public static func load(_ r: StoreReader) throws -> [String: [String: Counts]] {
        guard let json = try r.read(file) else { return [:] }
        guard case .object(let clients) = json else { throw RecordFile.damaged(r, file, "expected an object") }
        var out: [String: [String: Counts]] = [:]
        for (client, groups) in clients where client != totalKey {
            out[client] = try decode(groups, client, r)
        }
        return out
    }

    static func decode(_ groups: JSON, _ client: String, _ r: StoreReader) throws -> [String: Counts] {
        guard case .object(let g) = groups else { throw RecordFile.damaged(r, file, "entry \(client) is not an object") }
        var gs: [String: Counts] = [:]
        for (name, counts) in g {
            guard case .object(let c) = counts else { throw RecordFile.damaged(r, file, "entry \(client).\(name) is not an object") }
            var cs: Counts = [:]
            for (k, v) in c {
                guard case .int(let n) = v else { throw RecordFile.damaged(r, file, "entry \(client).\(name).\(k) is not a number") }
                cs[k] = n
            }
            gs[name] = cs
        }
        return gs
    }

    /// One client's groups of counters (or the totals, `totalKey`), reading only that entry.
    public static func entry(_ key: String, _ r: StoreReader) throws -> [String: Counts]? {
        guard let json = try r.value(file, key: key) else { return nil }
        return try decode(json, key, r)
    }

    /// The counters summed over the clients.
    public static func totals(_ all: [String: [String: Counts]]) -> [String: Counts] {
        var out: [String: Counts] = [:]
        for groups in all.values {
            for (name, counts) in groups {
                for (k, v) in counts { out[name, default: [:]][k, default: 0] += v }
            }
        }
        return out
    }

    /// One client's counters of one group, reading only that client's entry.
    public static func counts(_ client: String, _ group: String, _ r: StoreReader) throws -> Counts {
        try entry(client, r)?[group] ?? [:]
    }

    public static func set(_ client: String, _ group: String, _ counts: Counts, in tx: Transaction) throws {
        // Most changes leave the counters as they were: then only one entry is read.
        if try self.counts(client, group, tx) == counts && !counts.isEmpty { return }
        var all = try load(tx)
        if all[client]?[group] == counts { return }
        all[client, default: [:]][group] = counts
        var entries = all
        entries[totalKey] = totals(all)
        tx.write(file, .object(entries.mapValues { .object($0.mapValues { .object($0.mapValues { .int($0) }) }) }))
    }
}
