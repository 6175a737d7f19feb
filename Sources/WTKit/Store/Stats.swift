/// Counters per client and kind of record (`stats.json`), kept in step by
/// every save of a client's partition, so `wt status` reads one small file
/// instead of scanning years of records. `wt store verify` recounts them.
public enum Stats {
    public static let file = "stats.json"

    public typealias Counts = [String: Int]

    public static func load(_ r: StoreReader) throws -> [String: [String: Counts]] {
        guard let json = try r.read(file) else { return [:] }
        guard case .object(let clients) = json else { throw RecordFile.damaged(r, file, "expected an object") }
        var out: [String: [String: Counts]] = [:]
        for (client, groups) in clients {
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
            out[client] = gs
        }
        return out
    }

    /// One client's counters of one group, reading only that client's entry.
    public static func counts(_ client: String, _ group: String, _ r: StoreReader) throws -> Counts {
        guard let entry = try r.value(file, key: client) else { return [:] }
        guard case .object(let groups) = entry else { throw RecordFile.damaged(r, file, "entry \(client) is not an object") }
        guard let g = groups[group] else { return [:] }
        guard case .object(let c) = g else { throw RecordFile.damaged(r, file, "entry \(client).\(group) is not an object") }
        var out: Counts = [:]
        for (k, v) in c {
            guard case .int(let n) = v else { throw RecordFile.damaged(r, file, "entry \(client).\(group).\(k) is not a number") }
            out[k] = n
        }
        return out
    }

    public static func set(_ client: String, _ group: String, _ counts: Counts, in tx: Transaction) throws {
        // Most changes leave the counters as they were: then only one entry is read.
        if try self.counts(client, group, tx) == counts && !counts.isEmpty { return }
        var all = try load(tx)
        if all[client]?[group] == counts { return }
        all[client, default: [:]][group] = counts
        tx.write(file, .object(all.mapValues { .object($0.mapValues { .object($0.mapValues { .int($0) }) }) }))
    }

    /// The sum of one counter over the given clients (all when nil).
    public static func sum(_ all: [String: [String: Counts]], _ group: String, _ key: String, clients: Set<String>?) -> Int {
        all.reduce(0) { acc, entry in
            guard clients?.contains(entry.key) ?? true else { return acc }
            return acc + (entry.value[group]?[key] ?? 0)
        }
    }
}
