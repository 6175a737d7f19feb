/// A partition file as its records' bytes: `get` builds one declaration,
/// `put` of a changed one keeps it, and `written()` gives the file with the
/// changed records serialized and every other record copied byte for byte
/// (the same bytes a full rewrite gives, as the store wrote them sorted and
/// compact). A comment on the large sample's busiest client builds one of 36
/// declarations instead of all of them. The whole file is checked as JSON
/// first; the records it does not build are not checked as declarations, so
/// one with a wrong field is copied as it was, for `store verify` to report.
struct ScannedPartition {
    let rel: String
    let bytes: [UInt8]
    let spans: [(id: String, range: Range<Int>)]
    var changed: [String: Declaration] = [:]
    /// Records built as they were read, so `get` then `put` builds once.
    var built: [String: Declaration] = [:]
    let store: Store

    /// Nil when the file is absent or not `{"records":[...]}` with an id in every record.
    init?(_ rel: String, _ store: Store) throws {
        guard let bytes = try store.readBytes(rel) else { return nil }
        let found: [(key: String?, range: Range<Int>)]?
        do { found = try JSON.recordSpans(bytes, field: "id") } catch { throw store.damaged(rel, "\(error)") }
        guard let found, found.allSatisfy({ $0.key != nil }) else { return nil }
        self.rel = rel
        self.bytes = bytes
        spans = found.map { (id: $0.key!, range: $0.range) }
        self.store = store
    }

    /// The declaration as this command last left it: changed, or as read.
    mutating func current(_ id: String) throws -> Declaration? {
        if let d = changed[id] ?? built[id] { return d }
        guard let span = spans.first(where: { $0.id == id }) else { return nil }
        let d = try declaration(span)
        built[id] = d
        return d
    }

    func declaration(_ span: (id: String, range: Range<Int>)) throws -> Declaration {
        do {
            return try Declaration(stored: JSONReader(JSON.parse(Array(bytes[span.range])), what: rel))
        } catch let e as JSONParseError {
            throw RecordFile.damaged(store, rel, e.reason)
        }
    }

    func written() -> [UInt8] {
        var out = Array("{\"records\":[".utf8)
        out.reserveCapacity(bytes.count + 1024)
        for (n, span) in spans.enumerated() {
            if n > 0 { out.append(UInt8(ascii: ",")) }
            if let d = changed[span.id] {
                out.append(contentsOf: d.stored.serializedBytes())
            } else {
                out.append(contentsOf: bytes[span.range])
            }
        }
        out.append(contentsOf: Array("]}\n".utf8))
        return out
    }
}

public extension Stats {
    /// Declarations of a client, every status, including the invoiced ones.
    static func declarationTotal(_ counts: Counts) -> Int {
        DeclarationStatus.allCases.reduce(0) { $0 + (counts[$1.rawValue] ?? 0) } + (counts["invoiced"] ?? 0)
    }
}
