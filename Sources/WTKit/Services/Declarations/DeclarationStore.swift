/// Where declarations live, laid out so a change costs what it changes:
///
///   declarations/<client>/open.json     not yet invoiced (every status): the hot set
///   declarations/<client>/<year>.json   invoiced, by ISO week-year: history, never rewritten by
///                                       approvals or comments
///   declarations/<client>/keys.json     contract|week → id of every declaration, for uniqueness
///   declarations/<client>/weeks.json    week → byte spans of its records in the archive (`WeekIndex`)
///   declarations/index/<n/4096>.json    id → "<client>/open" or "<client>/<year>"
///
/// A `DeclarationSet` loads only the partitions a command touches and, at
/// `flush`, writes back only those it changed, with the index and the
/// client's counters in `stats.json`.
public final class DeclarationSet {
    public static let dir = "declarations"
    static let bucketSize = 4096

    public let tx: Transaction
    private var partitions: [String: [Declaration]] = [:]
    /// Partitions read as record bytes, building only what `get` asks for.
    private var scanned: [String: ScannedPartition] = [:]
    private var dirty: Set<String> = []
    /// Clients whose counters may have changed: a declaration added, moved or
    /// in another status. A comment or new hours change none, and their
    /// commit does not read `stats.json`.
    private var recount: Set<String> = []
    private var keys: [String: [String: String]] = [:]
    private var dirtyKeys: Set<String> = []
    private var index: [Int: [String: String]] = [:]
    private var dirtyIndex: Set<Int> = []

    /// The workers' summaries (`workload/<worker>.json`) this command changes;
    /// the large sample shares one fresh book across its transactions.
    public var workload = WorkloadBook()
    /// Working-time warnings this command raised that were not there before,
    /// on any declaration (a sibling at another client can get one too).
    public var newWarnings: [(id: String, warning: WorkTimeWarning)] {
        latestWarnings.keys.sorted().flatMap { id in
            let was = Set(originalWarnings[id] ?? [])
            return (latestWarnings[id] ?? []).filter { !was.contains($0) }.map { (id: id, warning: $0) }
        }
    }
    /// Per declaration: its warnings before this command first changed them, and now.
    private var originalWarnings: [String: [WorkTimeWarning]] = [:]
    private var latestWarnings: [String: [WorkTimeWarning]] = [:]
    private var limits: WorkTimeLimits?
    private var cascading = false

    /// Index entries kept back for `writeIndex` (see `init(_:deferringIndex:)`).
    public private(set) var deferredIndex: [String: String]?

    public init(_ tx: Transaction) { self.tx = tx }

    /// For bulk loading (`wt init --sample large`): one transaction per client,
    /// while declaration ids run in week order across all clients, so each
    /// client would rewrite every index bucket. This set keeps its id → location
    /// entries in `deferredIndex` instead (it must see every declaration it
    /// touches added or put through it), and the caller writes them once with
    /// `writeIndex`.
    public init(_ tx: Transaction, deferringIndex: Bool) {
        self.tx = tx
        deferredIndex = deferringIndex ? [:] : nil
    }

    /// Merges id → location entries into the index buckets.
    public static func writeIndex(_ entries: [String: String], in tx: Transaction) throws {
        var buckets: [Int: [String: String]] = [:]
        for (id, loc) in entries {
            guard let b = bucket(id) else { throw WTError.failure("bad declaration id \(id)") }
            buckets[b, default: [:]][id] = loc
        }
        for (b, batch) in buckets.sorted(by: { $0.key < $1.key }) {
            var idx = try loadIndex(b, tx)
            idx.merge(batch) { $1 }
            tx.write(indexFile(b), .object(idx.mapValues { .string($0) }))
        }
    }

    func location(of id: String) throws -> String? {
        if let d = deferredIndex { return d[id] }
        guard let b = DeclarationSet.bucket(id) else { return nil }
        if let loaded = index[b] { return loaded[id] }
        return try DeclarationSet.indexed(id, bucket: b, tx)
    }

    static func openFile(_ client: String) -> String { "\(dir)/\(client)/open.json" }
    static func archiveFile(_ client: String, _ year: Int) -> String { "\(dir)/\(client)/\(year).json" }
    static func keysFile(_ client: String) -> String { "\(dir)/\(client)/keys.json" }
    static func indexFile(_ bucket: Int) -> String { "\(dir)/index/\(bucket).json" }

    static func location(_ d: Declaration) -> String { d.invoice == nil ? "\(d.client)/open" : "\(d.client)/\(d.week.year)" }
    static func file(ofLocation loc: String) -> String { "\(dir)/\(loc).json" }

    static func bucket(_ id: String) -> Int? {
        guard RecordKind.of(id) == .declaration, let n = Int(id.dropFirst(2)) else { return nil }
        return n / bucketSize
    }

    // MARK: Reading (also used read-only through a Store)

    static func loadFile(_ rel: String, _ r: StoreReader) throws -> [Declaration] { try RecordFile.load(rel, from: r) }

    public static func open(client: String, _ r: StoreReader) throws -> [Declaration] { try loadFile(openFile(client), r) }

    /// A client's open declarations in these statuses, building only those.
    public static func open(client: String, statuses: Set<DeclarationStatus>, _ r: StoreReader) throws -> [Declaration] {
        try RecordFile.load(openFile(client), from: r, where: "status", in: Set(statuses.map(\.rawValue)))
    }

    public static func archived(client: String, year: Int, _ r: StoreReader) throws -> [Declaration] {
        try loadFile(archiveFile(client, year), r)
    }

    /// The years of a client's archive, from the file names.
    public static func archiveYears(client: String, store: Store) -> [Int] {
        store.list("\(dir)/\(client)").compactMap { name in name.hasSuffix(".json") ? Int(name.dropLast(5)) : nil }.sorted()
    }

    public static func clients(store: Store) -> [String] {
        store.list(dir).filter { $0 != "index" && RecordKind.of($0) == .client }
    }

    static func loadIndex(_ bucket: Int, _ r: StoreReader) throws -> [String: String] {
        try RecordFile.loadStringMap(indexFile(bucket), from: r)
    }

    /// One entry of an index bucket, reading the bucket without building it.
    static func indexed(_ id: String, bucket b: Int, _ r: StoreReader) throws -> String? {
        switch try r.value(indexFile(b), key: id) {
        case nil: return nil
        case .string(let loc)?: return loc
        default: throw RecordFile.damaged(r, indexFile(b), "an entry is not a string")
        }
    }

    /// Finds one declaration by id through the index: reads one small index
    /// file and the one partition that holds it.
    public static func find(_ id: String, _ r: StoreReader) throws -> Declaration? {
        guard let b = bucket(id), let loc = try indexed(id, bucket: b, r) else { return nil }
        let rel = file(ofLocation: loc)
        guard let d = try loadFile(rel, r).first(where: { $0.id == id }) else {
            throw RecordFile.damaged(r, indexFile(b), "\(id) should be in \(rel) but is not")
        }
        return d
    }

    // MARK: Changing

    /// Every declaration of a partition, built (a scanned partition is built
    /// now, with the changes made to it so far).
    func partition(_ loc: String) throws -> [Declaration] {
        if let p = partitions[loc] { return p }
        var p: [Declaration]
        if let raw = scanned.removeValue(forKey: loc) {
            p = try raw.spans.map { span in try raw.changed[span.id] ?? raw.built[span.id] ?? raw.declaration(span) }
        } else {
            p = try DeclarationSet.loadFile(DeclarationSet.file(ofLocation: loc), tx)
        }
        partitions[loc] = p
        return p
    }

    /// A partition as its records' bytes, for `get` and `put` of one record.
    /// Nil when the partition is already built, or its file is not in the
    /// store's own form (it is then built whole).
    func scannedPartition(_ loc: String) throws -> ScannedPartition? {
        if partitions[loc] != nil { return nil }
        if let raw = scanned[loc] { return raw }
        let rel = DeclarationSet.file(ofLocation: loc)
        guard !tx.isStaged(rel), let raw = try ScannedPartition(rel, tx.store) else { return nil }
        scanned[loc] = raw
        return raw
    }

    func indexBucket(_ b: Int) throws -> [String: String] {
        if let i = index[b] { return i }
        let i = try DeclarationSet.loadIndex(b, tx)
        index[b] = i
        return i
    }

    public func openDeclarations(client: String) throws -> [Declaration] { try partition("\(client)/open") }

    public func get(_ id: String) throws -> Declaration? {
        guard let loc = try location(of: id) else { return nil }
        if try scannedPartition(loc) != nil { return try scanned[loc]!.current(id) }
        return try partition(loc).first { $0.id == id }
    }

    /// The id of the declaration for a contract and week, if there is one.
    public func existing(contract: Contract, week: ISOWeek) throws -> String? {
        try clientKeys(contract.client)["\(contract.id)|\(week)"]
    }

    func clientKeys(_ client: String) throws -> [String: String] {
        if let k = keys[client] { return k }
        let rel = DeclarationSet.keysFile(client)
        let k = try RecordFile.loadStringMap(rel, from: tx)
        keys[client] = k
        return k
    }

    /// Adds a new declaration (the caller has checked it is the only one for its contract and week).
    public func add(_ d: Declaration) throws {
        _ = try clientKeys(d.client)
        // Mutated in place: a copy taken out of the dictionary would be copied whole on every add.
        keys[d.client]!["\(d.contract)|\(d.week)"] = d.id
        dirtyKeys.insert(d.client)
        try put(d)
    }

    /// Stores a changed declaration, moving it between the open set and the
    /// archive when its invoice changed, and keeps its worker's summary and
    /// the warnings it feeds in step. Returns the declaration as stored.
    @discardableResult
    public func put(_ d: Declaration) throws -> Declaration {
        let d = cascading ? d : try noteWorkload(d)
        try store(d)
        return d
    }

    /// Updates the worker's summary for this declaration and recomputes the
    /// warnings of the weeks it can affect. Other declarations of the worker
    /// whose warnings change are stored too, unless invoiced: an invoice's
    /// declarations keep the warnings they were billed with.
    private func noteWorkload(_ d: Declaration) throws -> Declaration {
        var d = d
        // Most changes (a comment, an approval, invoicing) touch neither the
        // hours nor the counted line: then the summary is not even read.
        let old = try get(d.id)
        if let old, old.lines == d.lines, WorkloadSummary.Entry.counts(old.status) == WorkloadSummary.Entry.counts(d.status) { return d }
        if old == nil && d.minutes == 0 { return d }
        var s = try workload.summary(d.worker, tx)
        let entry = WorkloadSummary.Entry(d)
        if s.entry(d.week, d.id) == entry { return d }
        if limits == nil { limits = try Config.load(tx).workTimeLimits }
        let span = WorkloadSummary.affected(by: d.week)
        let before = s.warnings(in: span, limits!)
        s.set(d.week, d.id, entry)
        workload.replace(s)
        let after = s.warnings(in: span, limits!)
        for id in Set(before.keys).union(after.keys).sorted() where before[id] != after[id] {
            if originalWarnings[id] == nil { originalWarnings[id] = before[id] ?? [] }
            latestWarnings[id] = after[id] ?? []
            if id == d.id { continue }
            guard var other = try get(id), other.invoice == nil else { continue }
            other.warnings = after[id] ?? []
            cascading = true
            defer { cascading = false }
            try store(other)
        }
        d.warnings = after[d.id] ?? []
        return d
    }

    private func store(_ d: Declaration) throws {
        guard let b = DeclarationSet.bucket(d.id) else { throw WTError.failure("bad declaration id \(d.id)") }
        let newLoc = DeclarationSet.location(d)
        let oldLoc = try location(of: d.id)
        // A change that keeps the declaration where it is and in its status (a
        // comment, hours) rewrites its partition from the others' bytes.
        if oldLoc == newLoc, try scannedPartition(newLoc) != nil, try scanned[newLoc]!.current(d.id)?.status == d.status {
            scanned[newLoc]!.changed[d.id] = d
            dirty.insert(newLoc)
            return
        }
        if let oldLoc, oldLoc != newLoc {
            _ = try partition(oldLoc)
            partitions[oldLoc]!.removeAll { $0.id == d.id }
            dirty.insert(oldLoc)
            recount.insert(d.client)
        }
        // In place, as above.
        _ = try partition(newLoc)
        if let i = partitions[newLoc]!.firstIndex(where: { $0.id == d.id }) {
            if partitions[newLoc]![i].status != d.status { recount.insert(d.client) }
            partitions[newLoc]![i] = d
        } else {
            partitions[newLoc]!.append(d)
            recount.insert(d.client)
        }
        dirty.insert(newLoc)
        if oldLoc != newLoc {
            if deferredIndex != nil {
                deferredIndex![d.id] = newLoc
            } else {
                var idx = try indexBucket(b)
                idx[d.id] = newLoc
                index[b] = idx
                dirtyIndex.insert(b)
            }
        }
    }

    /// Writes what changed: partitions, keys, index buckets, counters and the workers' summaries.
    public func flush() throws {
        if !workload.fresh { workload.flush(tx) }
        var touchedClients = Set<String>()
        // The archives written, by client and year (nil: deleted), for their week index.
        var archives: [String: [Int: [UInt8]?]] = [:]
        for loc in dirty.sorted() {
            let rel = DeclarationSet.file(ofLocation: loc)
            let parts = loc.split(separator: "/")
            let client = String(parts[0])
            let year = Int(parts[1])
            touchedClients.insert(client)
            if let raw = scanned[loc] {
                let bytes = raw.written()
                tx.writeBytes(rel, bytes)
                if let year { archives[client, default: [:]][year] = .some(bytes) }
                continue
            }
            let records = partitions[loc] ?? []
            if records.isEmpty && year != nil {
                tx.delete(rel)
                archives[client, default: [:]][year!] = .some(nil)
            } else {
                let sorted = records.sorted { ($0.week, $0.contract) < ($1.week, $1.contract) }
                guard let year else {
                    RecordFile.save(sorted, to: rel, in: tx)
                    continue
                }
                // Serialized here, as the commit would, so the week index can name its bytes.
                var bytes = JSON.object(["records": .array(sorted.map(\.stored))]).serializedBytes()
                bytes.append(0x0A)
                tx.writeBytes(rel, bytes)
                archives[client, default: [:]][year] = .some(bytes)
            }
        }
        for (client, years) in archives.sorted(by: { $0.key < $1.key }) { try WeekIndex.update(client, years: years, in: tx) }
        for client in dirtyKeys.sorted() {
            tx.write(DeclarationSet.keysFile(client), .object((keys[client] ?? [:]).mapValues { .string($0) }))
        }
        for b in dirtyIndex.sorted() {
            tx.write(DeclarationSet.indexFile(b), .object((index[b] ?? [:]).mapValues { .string($0) }))
        }
        for client in touchedClients.sorted() where recount.contains(client) {
            var counts = try Stats.counts(client, "declarations", tx)
            for s in DeclarationStatus.allCases { counts[s.rawValue] = 0 }
            for d in try partition("\(client)/open") { counts[d.status.rawValue, default: 0] += 1 }
            // Archived counts change only when declarations move in or out of the archive.
            for (loc, records) in partitions where loc.hasPrefix(client + "/") && !loc.hasSuffix("/open") {
                counts["archive:" + loc.split(separator: "/")[1]] = records.count
            }
            counts["invoiced"] = counts.filter { $0.key.hasPrefix("archive:") }.reduce(0) { $0 + $1.value }
            try Stats.set(client, "declarations", counts, in: tx)
        }
        dirty = []
        recount = []
        dirtyKeys = []
        dirtyIndex = []
    }
}
