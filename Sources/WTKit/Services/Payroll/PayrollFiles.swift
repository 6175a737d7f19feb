/// Where payroll lives. Payroll has files of its own and never rewrites a
/// declaration: closed declarations may already be invoiced and sit in their
/// client's yearly archive, and rewriting archives on every run would make a
/// run cost the history instead of what it pays. So:
///
///   payroll/<year>/<number>.json   one run, written once and never changed
///   payroll/index/<year>.json      the year's runs: number → date, total, counts (for `list`)
///   payroll/paid/<n>.json          declaration id → the runs that paid it, oldest first,
///                                  space-separated; a file per 1024 declaration ids
///   payroll/queue.json             closed declarations not (fully) paid, `waiting`: id →
///                                  client, and their count per client and in all (`"*"`),
///                                  `toPay`, which `wt status` reads; written in the same
///                                  commit as `declarations close`, and by a credit note
///                                  that reopens a queued one
///
/// (The counts are not in `stats.json`: a run would then read and rewrite
/// every client's counters, which on a large store cost more than the run.)
/// Run numbers come from the counter `payroll:<year>` in `counters.json`,
/// taken in the same commit that writes the run, its index entries and the
/// emptied queue: the store lock makes runs queue, the journal makes a crash
/// take all or nothing, so numbers have no gaps and nothing is paid twice.
/// Declarations are read only through the `DeclarationSet` API.
public enum PayrollFiles {
    public static let dir = "payroll"
    public static let queueFile = "\(dir)/queue.json"
    static let bucketSize = 1024

    static func runFile(_ number: String) -> String? {
        guard let year = Payroll.year(of: number) else { return nil }
        return "\(dir)/\(year)/\(number).json"
    }
    static func indexFile(_ year: Int) -> String { "\(dir)/index/\(year).json" }
    static func paidFile(_ bucket: Int) -> String { "\(dir)/paid/\(bucket).json" }

    static func bucket(_ id: String) -> Int? {
        guard RecordKind.of(id) == .declaration, let n = Int(id.dropFirst(2)) else { return nil }
        return n / bucketSize
    }

    // MARK: runs

    public static func loadRun(_ number: String, _ r: StoreReader) throws -> PayrollRun? {
        guard let rel = runFile(number), let json = try r.read(rel) else { return nil }
        do {
            let run = try PayrollRun(stored: JSONReader(json, what: rel))
            guard run.number == number else { throw RecordFile.damaged(r, rel, "it holds run \(run.number)") }
            return run
        } catch let e as JSONParseError {
            throw RecordFile.damaged(r, rel, e.reason)
        }
    }

    /// The years that have runs, from the index files.
    public static func years(_ r: StoreReader) -> [Int] {
        r.list("\(dir)/index").compactMap { $0.hasSuffix(".json") ? Int($0.dropLast(5)) : nil }.sorted()
    }

    public static func summaries(_ year: Int, _ r: StoreReader) throws -> [PayrollRun.Summary] {
        let rel = indexFile(year)
        guard let json = try r.read(rel) else { return [] }
        guard case .object(let o) = json else { throw RecordFile.damaged(r, rel, "expected an object") }
        do {
            return try o.map { number, v in try PayrollRun.Summary(number: number, stored: JSONReader(v, what: rel)) }.sorted { $0.number < $1.number }
        } catch let e as JSONParseError {
            throw RecordFile.damaged(r, rel, e.reason)
        }
    }

    static func store(_ run: PayrollRun, in tx: Transaction) throws {
        guard let rel = runFile(run.number), let year = Payroll.year(of: run.number) else {
            throw WTError.failure("bad payroll run number \(run.number)")
        }
        if tx.exists(rel) { throw RecordFile.damaged(tx, rel, "run \(run.number) already exists, but counters.json handed out its number") }
        tx.write(rel, run.stored)
        // The year's entries are kept as they are (not built), so a run does not cost the year's runs.
        let idx = indexFile(year)
        var all: [String: JSON] = [:]
        if let json = try tx.read(idx) {
            guard case .object(let o) = json else { throw RecordFile.damaged(tx, idx, "expected an object") }
            all = o
        }
        all[run.number] = run.summary.json
        tx.write(idx, .object(all))
    }

    // MARK: paid index

    /// The runs that paid each of these declarations, oldest first.
    /// Every bucket of the paid index, for a reader that pins them in a snapshot.
    public static func paidFiles(_ store: Store) -> [String] {
        store.list("\(dir)/paid").filter { $0.hasSuffix(".json") }.sorted().map { "\(dir)/paid/\($0)" }
    }

    public static func paidBy(_ ids: [String], _ r: StoreReader) throws -> [String: [String]] {
        var buckets: [Int: [String: String]] = [:]
        return try paidBy(ids, r, buckets: &buckets)
    }

    /// `paidBy`, keeping the buckets it read in `buckets` for the next call:
    /// a streamed list asks batch after batch for ids of the same buckets.
    static func paidBy(_ ids: [String], _ r: StoreReader, buckets: inout [Int: [String: String]]) throws -> [String: [String]] {
        var out: [String: [String]] = [:]
        for (b, batch) in Dictionary(grouping: ids, by: { bucket($0) ?? -1 }) where b >= 0 {
            let map: [String: String]
            if let known = buckets[b] {
                map = known
            } else {
                map = try RecordFile.loadStringMap(paidFile(b), from: r)
                // A few at a time: a list goes through the ids roughly in order.
                if buckets.count >= 8 { buckets.removeAll(keepingCapacity: true) }
                buckets[b] = map
            }
            for id in batch { if let runs = map[id] { out[id] = runs.split(separator: " ").map(String.init) } }
        }
        return out
    }

    static func addPaid(_ ids: [String], run: String, in tx: Transaction) throws {
        for (b, batch) in Dictionary(grouping: ids, by: { bucket($0) ?? -1 }).sorted(by: { $0.key < $1.key }) {
            guard b >= 0 else { throw WTError.failure("bad declaration id \(batch[0])") }
            var map = try RecordFile.loadStringMap(paidFile(b), from: tx)
            for id in batch { map[id] = map[id].map { "\($0) \(run)" } ?? run }
            tx.write(paidFile(b), .object(map.mapValues { .string($0) }))
        }
    }

    // MARK: queue

    static let totalKey = "*"

    /// The waiting declarations: id → client.
    public static func queue(_ r: StoreReader) throws -> [String: String] {
        try queueFileContents(r).waiting
    }

    static func queueFileContents(_ r: StoreReader) throws -> (waiting: [String: String], toPay: [String: Int]) {
        guard let json = try r.read(queueFile) else { return ([:], [:]) }
        guard case .object(let o) = json, case .object(let w)? = o["waiting"], case .object(let t)? = o["toPay"] else {
            throw RecordFile.damaged(r, queueFile, "expected an object with \"waiting\" and \"toPay\" objects")
        }
        let waiting = try w.mapValues {
            guard case .string(let s) = $0 else { throw RecordFile.damaged(r, queueFile, "a waiting entry is not a client id") }
            return s
        }
        let toPay = try t.mapValues {
            guard case .int(let n) = $0 else { throw RecordFile.damaged(r, queueFile, "a toPay entry is not a number") }
            return n
        }
        return (waiting, toPay)
    }

    /// How many declarations wait to be paid: of one client, or in all. Reads one entry.
    public static func toPay(client: String?, _ r: StoreReader) throws -> Int {
        guard let json = try r.value(queueFile, key: "toPay") else { return 0 }
        guard case .object(let t) = json else { throw RecordFile.damaged(r, queueFile, "\"toPay\" is not an object") }
        switch t[client ?? totalKey] {
        case nil: return 0
        case .int(let n)?: return n
        default: throw RecordFile.damaged(r, queueFile, "a toPay entry is not a number")
        }
    }

    static func counts(_ q: [String: String]) -> [String: Int] {
        var counts: [String: Int] = [totalKey: q.count]
        for c in q.values { counts[c, default: 0] += 1 }
        return counts
    }

    /// Writes the queue with its counts.
    static func saveQueue(_ q: [String: String], in tx: Transaction) {
        tx.write(queueFile, ["waiting": .object(q.mapValues { .string($0) }), "toPay": .object(counts(q).mapValues { .int($0) })])
    }

    /// `declarations close`: the declarations it closed wait for the next run.
    public static func enqueue(_ closed: [Declaration], in tx: Transaction) throws {
        guard !closed.isEmpty else { return }
        var q = try queue(tx)
        for d in closed { q[d.id] = d.client }
        saveQueue(q, in: tx)
    }

    /// A credit note returned these declarations to `report`: any still waiting
    /// leaves the queue (it is paid, for the difference only, when closed again).
    public static func dequeue(_ reopened: [Declaration], in tx: Transaction) throws {
        var q = try queue(tx)
        let leaving = reopened.filter { q[$0.id] != nil }
        guard !leaving.isEmpty else { return }
        for d in leaving { q[d.id] = nil }
        saveQueue(q, in: tx)
    }
}
