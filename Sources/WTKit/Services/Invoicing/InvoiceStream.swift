/// `wt invoices list`, streamed in number order from one commit's state
/// without holding the lock (see `Snapshot`): the year files in the range are
/// pinned, each is scanned once for where its invoices lie (number and byte
/// span, date when the range cuts its year), and the invoices are then read,
/// built and printed a batch at a time. Memory holds the spans and one batch,
/// not the answer, and a range of dates reads only the years it spans.
public final class InvoiceStream {
    public let snapshot: Snapshot
    let from: CalendarDate?
    let to: CalendarDate?
    let files: [String]
    /// Only these fields are built when `--fields` asks for some (nil: all, checked as invoices).
    let keep: Set<String>?
    /// Shown on a terminal's stderr when the list runs past a second.
    public var progress: Progress?

    struct Entry {
        let number: String
        let file: Int
        let range: Range<Int>
    }

    public init(client: String?, from: CalendarDate?, to: CalendarDate?, store: Store, actor: Actor, fields: [String]) throws {
        var clients = store.list(Invoices.dir).filter { RecordKind.of($0) == .client }
        if let c = client { clients = clients.filter { $0 == c } }
        if let u = actor.portalUser { clients = clients.filter { $0 == u.client } }
        var files: [String] = []
        for c in clients {
            for y in Invoices.years(client: c, store) where (from.map { y >= $0.year } ?? true) && (to.map { y <= $0.year } ?? true) {
                files.append(Invoices.file(c, y))
            }
        }
        snapshot = try store.snapshot(files: files)
        self.from = from
        self.to = to
        self.files = files
        keep = fields.isEmpty ? nil : Set(fields).union(["number", "date", "client"])
    }

    func inRange(_ d: CalendarDate) -> Bool { (from.map { d >= $0 } ?? true) && (to.map { d <= $0 } ?? true) }

    /// Whether the range holds all of `year`, so its invoices need no date check before they are built.
    func covers(_ year: Int) -> Bool {
        (from.map { ($0.year, $0.month, $0.day) <= (year, 1, 1) } ?? true)
            && (to.map { ($0.year, $0.month, $0.day) >= (year, 12, 31) } ?? true)
    }

    public func forEachBatch(_ body: ([JSON]) throws -> Void) throws {
        let perFile = try Parallel.map(Array(files.indices)) { k in try self.entries(k) }
        let all = perFile.joined().sorted { $0.number < $1.number }
        for start in stride(from: 0, to: all.count, by: 256) {
            let batch = Array(all[start..<min(all.count, start + 256)])
            let rows = try Parallel.chunkedMap(batch, minimumChunk: 64) { e in try self.row(e) }
            try body(rows.compactMap { $0 })
            progress?.update(min(all.count, start + 256), of: all.count)
        }
        progress?.finish()
    }

    /// Where a file's invoices lie; those dated outside a range that cuts the year are left out.
    func entries(_ k: Int) throws -> [Entry] {
        let rel = files[k]
        guard let bytes = try snapshot.bytes(rel) else { return [] }
        let spans: [(key: String?, range: Range<Int>)]?
        do { spans = try JSON.recordSpans(bytes, field: "number") } catch { throw RecordFile.damaged(snapshot, rel, "\(error)") }
        guard let spans, spans.allSatisfy({ $0.key != nil }) else {
            throw RecordFile.damaged(snapshot, rel, "not a {\"records\":[...]} file of numbered invoices as the store writes it")
        }
        let year = Int(rel.split(separator: "/").last!.dropLast(5)) ?? 0
        if covers(year) { return spans.map { Entry(number: $0.key!, file: k, range: $0.range) } }
        let dates: [JSON]
        do { dates = try JSON.parseRecords(bytes, field: "number", in: nil, keeping: ["date"]) } catch {
            throw RecordFile.damaged(snapshot, rel, "\(error)")
        }
        guard dates.count == spans.count else { throw RecordFile.damaged(snapshot, rel, "its records could not be read") }
        var out: [Entry] = []
        for (span, d) in zip(spans, dates) {
            guard let text = d["date"]?.stringValue, let date = try? CalendarDate.parse(text) else {
                throw RecordFile.damaged(snapshot, rel, "invoice \(span.key!) has no valid date")
            }
            if inRange(date) { out.append(Entry(number: span.key!, file: k, range: span.range)) }
        }
        return out
    }

    /// One invoice as printed: built and checked whole, or only the fields asked for.
    func row(_ e: Entry) throws -> JSON? {
        let rel = files[e.file]
        let bytes = try snapshot.bytes(rel, e.range)
        do {
            if let keep {
                guard let record = try JSON.parseArray([UInt8(ascii: "[")] + bytes + [UInt8(ascii: "]")], keeping: keep).first else { return nil }
                let r = try JSONReader(record, what: rel)
                let date = try r.parsed("date") { try CalendarDate.parse($0) }
                _ = try r.string("client")
                return inRange(date) ? record : nil
            }
            let inv = try Invoice(stored: JSONReader(JSON.parse(bytes), what: rel))
            return inRange(inv.date) ? inv.stored : nil
        } catch let err as JSONParseError {
            throw RecordFile.damaged(snapshot, rel, err.reason)
        } catch let err as WTError {
            throw err
        } catch {
            throw RecordFile.damaged(snapshot, rel, "\(error)")
        }
    }
}
