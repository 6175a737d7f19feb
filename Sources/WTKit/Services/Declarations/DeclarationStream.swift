/// `wt declarations list`, streamed: the answer is produced a week at a time,
/// in the order the list has always had (week, client, contract), so memory
/// holds the hot sets and one batch of weeks, never the whole answer (a
/// year-end export of 300,000 declarations included).
///
/// It reads one commit's state without keeping the store's lock: `open`
/// pins the files it will read (`Store.snapshot`) and lets go of the lock.
/// Past weeks are read through each client's week index (`WeekIndex`): a
/// past week reads that week's bytes of each client's archive, not the years.
public final class DeclarationStream {
    public let snapshot: Snapshot
    let filter: Declarations.Filter
    let actor: Actor
    let clients: [String]
    /// The keys a row needs when `--fields` narrows it (nil: every field, the
    /// records then built as declarations and checked whole).
    let keep: Set<String>?
    let outputFields: [String]?
    /// Per client, archive years that lie in the filter's range.
    let years: [String: [Int]]
    /// Shown on a terminal's stderr when the list runs past a second.
    public var progress: Progress?
    /// Clients whose week of whole records one core builds at a time: about
    /// 300 rows, 5 MiB, on the large sample. Settable for the test that shows
    /// the waves keep the list's order however they are cut.
    var clientsPerPiece = 32

    /// The keys every row has built: its id and what the list is sorted by.
    static let sortKeys: Set<String> = ["id", "week", "client", "contract"]

    /// Takes the snapshot: under the shared lock only while listing and opening files.
    public init(_ f: Declarations.Filter, store: Store, actor: Actor, fields: [String], payroll: Bool) throws {
        var f = f
        var clients: [String]
        if let u = actor.portalUser {
            clients = [u.client]
        } else if actor.workerActor != nil, let w = try AccessControl.workerScope(actor, requested: f.worker) {
            // A worker's declarations lie with the clients of their contracts.
            f.worker = w
            clients = Array(Set(try Contracts.all(store).filter { $0.worker == w }.map(\.client))).sorted()
        } else if let c = f.client {
            clients = [c]
        } else {
            clients = DeclarationSet.clients(store: store)
        }
        if let c = f.client { clients = clients.contains(c) ? [c] : [] }
        // In the list's order: whole records are printed a few clients at a time.
        clients.sort()
        var files = [Organisation.workersFile]
        if payroll { files += PayrollFiles.paidFiles(store) }
        var years: [String: [Int]] = [:]
        for c in clients {
            files.append(DeclarationSet.openFile(c))
            guard f.needsArchive else { continue }
            files.append(WeekIndex.file(c))
            let ys = DeclarationSet.archiveYears(client: c, store: store).filter { y in
                (f.from.map { y >= $0.year } ?? true) && (f.to.map { y <= $0.year } ?? true)
            }
            years[c] = ys
            files += ys.map { DeclarationSet.archiveFile(c, $0) }
        }
        snapshot = try store.snapshot(files: files)
        filter = f
        self.actor = actor
        self.clients = clients
        self.years = years
        self.payroll = payroll
        if fields.isEmpty {
            keep = nil
            outputFields = nil
        } else {
            keep = DeclarationStream.needed(f, actor: actor, fields: fields)
            outputFields = fields
        }
    }

    /// The keys a narrowed row is built with: its id and sort keys, what the
    /// filter and the actor's view test, and what is printed.
    static func needed(_ f: Declarations.Filter, actor: Actor, fields: [String]) -> Set<String> {
        var keys = sortKeys.union(fields)
        if !f.statuses.isEmpty { keys.insert("status") }
        if f.department != nil || !actor.isBackoffice { keys.insert("department") }
        if f.worker != nil || !actor.isBackoffice || fields.contains("workerName") { keys.insert("worker") }
        if f.warningsOnly { keys.insert("warnings") }
        return keys
    }

    /// Whether rows get their `payroll` field (the run that last paid them),
    /// read from the paid index of the same snapshot.
    let payroll: Bool

    struct Row {
        let week: ISOWeek
        let client: String
        let contract: String
        var json: JSON
    }

    /// Calls `body` with the rows in order, a week (or, for the hot sets
    /// alone, a few thousand rows) at a time. Can be called again: it reads
    /// the same snapshot (a table measures its columns on a first pass).
    public func forEachBatch(_ body: ([JSON]) throws -> Void) throws {
        // Read only if a record lacks its worker's name (one written before records kept it).
        var names: [String: String]?
        var paidBuckets: [Int: [String: String]] = [:]
        let wantNames = outputFields == nil || outputFields!.contains("workerName")
        func emit(_ rows: consuming [Row]) throws {
            guard !rows.isEmpty else { return }
            let paid = payroll ? try PayrollFiles.paidBy(rows.compactMap { $0.json["id"]?.stringValue }, snapshot, buckets: &paidBuckets) : [:]
            var out = rows.map(\.json)
            rows = []
            // Each record is taken out of the list before it changes, so it is
            // changed in place rather than copied.
            for i in out.indices {
                let missingName = wantNames && (out[i]["workerName"] == nil || out[i]["workerName"] == .null)
                guard payroll || missingName, case .object(var o) = out[i] else { continue }
                out[i] = .null
                if payroll, let id = o["id"]?.stringValue { o["payroll"] = JSON(paid[id]?.last) }
                if missingName, let w = o["worker"]?.stringValue {
                    if names == nil { names = try workerNames() }
                    o["workerName"] = JSON(names![w])
                }
                out[i] = .object(o)
            }
            try body(out)
        }
        guard filter.needsArchive else {
            let open = try Parallel.map(clients) { c in try self.openRows(c) }
            let all = open.joined().sorted(by: DeclarationStream.order)
            for start in stride(from: 0, to: all.count, by: 4096) { try emit(Array(all[start..<min(all.count, start + 4096)])) }
            return
        }
        // The hot sets too are kept as bytes and built a week at a time (all
        // of them built at once were half of a full export's memory); one
        // not in the store's own form is built whole instead.
        // A past week or two is seldom in a hot set: one that cannot hold it is not scanned.
        let fewWeeks = filter.from.flatMap { from in filter.to.map { ISOWeek.range(from: from, to: $0) } }.flatMap { $0.count <= 8 ? $0 : nil }
        let hot = try Parallel.map(clients) { c -> (bytes: [UInt8], spans: WeekIndex.Spans)? in
            let rel = DeclarationSet.openFile(c)
            guard let bytes = try self.snapshot.bytes(rel) else { return ([], [:]) }
            if let fewWeeks, !fewWeeks.contains(where: { JSON.mayHoldString(bytes, $0.description) }) { return ([], [:]) }
            guard let spans = try? WeekIndex.spans(of: bytes, rel: rel, self.snapshot) else { return nil }
            return (bytes, spans.filter { self.inRange($0.key) })
        }
        var openByWeek: [ISOWeek: [Row]] = [:]
        for (k, c) in clients.enumerated() where hot[k] == nil {
            for r in try openRows(c) { openByWeek[r.week, default: []].append(r) }
        }
        let spans = try Parallel.map(clients) { c in try self.archiveSpans(c) }
        var weeks = Set(openByWeek.keys)
        for s in spans { weeks.formUnion(s.keys.filter(inRange)) }
        for h in hot { weeks.formUnion(h?.spans.keys ?? [:].keys) }
        let ordered = weeks.sorted()
        // Rows of one week and some clients (indices into `clients`).
        func rows(_ week: ISOWeek, _ range: Range<Int>) throws -> [Row] {
            var rows: [Row] = []
            for k in range {
                if let h = hot[k], let ranges = h.spans[week] {
                    let rel = DeclarationSet.openFile(clients[k])
                    for range in ranges {
                        let records: [JSON]
                        do { records = try JSON.parseArray([UInt8(ascii: "[")] + h.bytes[range] + [UInt8(ascii: "]")], keeping: keep) } catch {
                            throw RecordFile.damaged(snapshot, rel, "\(error)")
                        }
                        for record in records { if let r = try row(record, rel: rel) { rows.append(r) } }
                    }
                }
                guard let ranges = spans[k][week] else { continue }
                let c = clients[k]
                for record in try WeekIndex.records(c, week, ranges, snapshot, keeping: keep) {
                    if let r = try row(record, rel: DeclarationSet.archiveFile(c, week.year)) { rows.append(r) }
                }
            }
            return rows
        }
        // Whole records are built a week at a time, in waves of a few
        // clients per core, each wave printed before the next is built
        // (`clients` is sorted, so the waves come in the list's order): a
        // whole week of them at once was most of a full export's memory.
        // Narrowed rows, a tenth of the size, a few weeks at a time, split
        // over the cores by week, and for fewer weeks than cores by client.
        let group = keep == nil ? 1 : max(2, Parallel.cores)
        let slices = Parallel.chunks(clients.count, minimumChunk: 16)
        let per = clientsPerPiece
        let pieces = stride(from: 0, to: clients.count, by: per).map { $0..<min(clients.count, $0 + per) }
        for start in stride(from: 0, to: ordered.count, by: group) {
            let batch = Array(ordered[start..<min(ordered.count, start + group)])
            if keep == nil, let week = batch.first, batch.count == 1, openByWeek[week] == nil {
                for w in stride(from: 0, to: pieces.count, by: Parallel.cores) {
                    let parts = try Parallel.map(Array(pieces[w..<min(pieces.count, w + Parallel.cores)])) { try rows(week, $0) }
                    try emit(parts.joined().sorted(by: DeclarationStream.order))
                }
            } else {
                let split = batch.count < Parallel.cores ? slices : [0..<clients.count]
                let items = batch.flatMap { w in split.map { (week: w, clients: $0) } }
                let parts = try Parallel.map(items) { try rows($0.week, $0.clients) }
                for (n, week) in batch.enumerated() {
                    var rows = openByWeek[week] ?? []
                    for p in parts[(n * split.count)..<((n + 1) * split.count)] { rows += p }
                    try emit(rows.sorted(by: DeclarationStream.order))
                }
            }
            progress?.update(min(ordered.count, start + group), of: ordered.count, "week \(batch.last!)")
        }
        progress?.finish()
    }


    static func order(_ a: Row, _ b: Row) -> Bool { (a.week, a.client, a.contract) < (b.week, b.client, b.contract) }

    func inRange(_ w: ISOWeek) -> Bool { (filter.from.map { w >= $0 } ?? true) && (filter.to.map { w <= $0 } ?? true) }

    func workerNames() throws -> [String: String] {
        try Organisation.workers(snapshot).reduce(into: [:]) { $0[$1.id] = $1.name }
    }

    func openRows(_ client: String) throws -> [Row] {
        let rel = DeclarationSet.openFile(client)
        // Only the matches are built: by status, or else by the weeks of a range.
        var field = "status"
        var values = filter.statuses.isEmpty ? nil : Set(filter.statuses.map(\.rawValue))
        if values == nil, let from = filter.from, let to = filter.to, from <= to, to.year - from.year < 5 {
            field = "week"
            values = Set(ISOWeek.range(from: from, to: to).map(\.description))
        }
        guard let bytes = try snapshot.bytes(rel) else { return [] }
        let records: [JSON]
        do { records = try JSON.parseRecords(bytes, field: field, in: values, keeping: keep) } catch {
            throw RecordFile.damaged(snapshot, rel, "\(error)")
        }
        return try records.compactMap { try row($0, rel: rel) }.filter { inRange($0.week) }
    }

    /// The week spans of a client's archives in range: its index, or, in a
    /// store written before there was one, found by reading the archives.
    func archiveSpans(_ client: String) throws -> WeekIndex.Spans {
        let ys = years[client] ?? []
        guard !ys.isEmpty else { return [:] }
        if let index = try WeekIndex.load(client, snapshot, years: Set(ys)) { return index }
        var out: WeekIndex.Spans = [:]
        for y in ys {
            let rel = DeclarationSet.archiveFile(client, y)
            guard let bytes = try snapshot.bytes(rel) else { continue }
            out.merge(try WeekIndex.spans(of: bytes, rel: rel, snapshot)) { a, _ in a }
        }
        return out
    }

    /// A stored record as a row, or nil when the filter or the actor's view
    /// leaves it out. Whole records are built as declarations (checked as
    /// every read checks them); narrowed ones have their keys checked.
    func row(_ record: JSON, rel: String) throws -> Row? {
        do {
            let r = try JSONReader(record, what: rel)
            if keep == nil {
                let d = try Declaration(stored: r)
                guard filter.matches(d), AccessControl.canSee(actor, client: d.client, department: d.department, worker: d.worker) else { return nil }
                return Row(week: d.week, client: d.client, contract: d.contract, json: d.stored)
            }
            let keep = keep!
            let week = try r.parsed("week") { try ISOWeek.parse($0) }
            let client = try r.string("client"), contract = try r.string("contract")
            _ = try r.string("id")
            // Read only when built (`needed` builds them whenever the filter or the view tests them).
            let status = keep.contains("status") ? try r.parsed("status") { try DeclarationStatus.parse($0) } : nil
            let department = keep.contains("department") ? try r.string("department") : nil
            let worker = keep.contains("worker") ? try r.string("worker") : nil
            guard (filter.department.map { $0 == department } ?? true) && (filter.worker.map { $0 == worker } ?? true)
                && (filter.contract.map { $0 == contract } ?? true) && (filter.statuses.isEmpty || status.map(filter.statuses.contains) == true)
                && (!filter.warningsOnly || !(r.object["warnings"]?.arrayValue ?? []).isEmpty),
                AccessControl.canSee(actor, client: client, department: department, worker: worker)
            else { return nil }
            // What `Declaration.stored` gives a record that lacks it.
            if keep.contains("km"), record["km"] == nil || record["km"] == .null, case .object(var o) = record {
                o["km"] = .int(0)
                return Row(week: week, client: client, contract: contract, json: .object(o))
            }
            return Row(week: week, client: client, contract: contract, json: record)
        } catch let e as JSONParseError {
            throw RecordFile.damaged(snapshot, rel, e.reason)
        }
    }
}
