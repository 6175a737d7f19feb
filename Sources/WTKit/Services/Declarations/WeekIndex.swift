/// `declarations/<client>/weeks.json`: where each week's records lie in the
/// client's archive, so a past week or a range of weeks reads those bytes
/// and not every year of every client:
///
///     {"2026-W40": [812345, 815901], ...}
///
/// byte offsets `[start, end)` into `declarations/<client>/<year of the
/// week>.json`, from the first byte of the week's first record to the last
/// byte of its last (more pairs when its records are not adjacent; the store
/// writes an archive sorted by week, so they are). It is rewritten in the
/// same commit as any archive of the client (`DeclarationSet.flush`), so it
/// is as durable and as consistent as the archive: the journal carries both.
/// A store written before the index existed has none; reads then scan the
/// archive, and the client's next archive change writes it.
enum WeekIndex {
    typealias Spans = [ISOWeek: [Range<Int>]]

    static func file(_ client: String) -> String { "\(DeclarationSet.dir)/\(client)/weeks.json" }

    /// The spans of an archive's records, by week, from the file's bytes.
    static func spans(of bytes: [UInt8], rel: String, _ r: StoreReader) throws -> Spans {
        let found: [(key: String?, range: Range<Int>)]?
        do { found = try JSON.recordSpans(bytes, field: "week") } catch { throw RecordFile.damaged(r, rel, "\(error)") }
        guard let found else { throw RecordFile.damaged(r, rel, "not a {\"records\":[...]} file as the store writes it") }
        var out: Spans = [:]
        var previous: ISOWeek?
        for (key, range) in found {
            guard let key, let week = try? ISOWeek.parse(key) else { throw RecordFile.damaged(r, rel, "a record has no valid week") }
            // Adjacent records of one week share a span (the comma between them included).
            if previous == week, let last = out[week]?.last {
                out[week]![out[week]!.count - 1] = last.lowerBound..<range.upperBound
            } else {
                out[week, default: []].append(range)
            }
            previous = week
        }
        return out
    }

    static func encode(_ spans: Spans) -> JSON {
        var o: [String: JSON] = [:]
        for (week, ranges) in spans { o[week.description] = .array(ranges.flatMap { [JSON.int($0.lowerBound), .int($0.upperBound)] }) }
        return .object(o)
    }

    /// A key in the form the index writes (`2026-W40`).
    static func week(_ key: String) -> ISOWeek? { ISOWeek.canonical(key) }

    /// The client's index, checked for its shape; nil when it has none.
    /// With `years`, only the entries of those years are kept (the others are still checked as JSON).
    static func load(_ client: String, _ r: StoreReader, years: Set<Int>? = nil) throws -> Spans? {
        let rel = file(client)
        guard let json = try r.read(rel) else { return nil }
        guard case .object(let o) = json else { throw RecordFile.damaged(r, rel, "expected an object") }
        var out: Spans = [:]
        for (key, value) in o {
            guard let week = week(key) else { throw RecordFile.damaged(r, rel, "\(key) is not a week") }
            if let years, !years.contains(week.year) { continue }
            guard case .array(let a) = value, !a.isEmpty, a.count % 2 == 0 else {
                throw RecordFile.damaged(r, rel, "the entry of \(key) is not a list of [start, end] offsets")
            }
            var ranges: [Range<Int>] = []
            for k in stride(from: 0, to: a.count, by: 2) {
                guard let s = a[k].intValue, let e = a[k + 1].intValue, s >= 0, s < e else {
                    throw RecordFile.damaged(r, rel, "the entry of \(key) has a bad offset")
                }
                ranges.append(s..<e)
            }
            out[week] = ranges
        }
        return out
    }

    /// A week's records cut from a pinned archive by their spans, as JSON
    /// (objects with only `keep` built when given). Bytes that are not whole
    /// records of that week mean the index does not match the archive.
    static func records(
        _ client: String, _ week: ISOWeek, _ ranges: [Range<Int>], _ s: Snapshot, keeping keep: Set<String>?
    ) throws -> [JSON] {
        let rel = DeclarationSet.archiveFile(client, week.year)
        var out: [JSON] = []
        for range in ranges {
            guard range.upperBound <= s.size(rel) ?? 0 else { throw try mismatch(client, week, s) }
            var bytes: [UInt8] = [UInt8(ascii: "[")]
            bytes += try s.bytes(rel, range)
            bytes.append(UInt8(ascii: "]"))
            guard let records = try? JSON.parseArray(bytes, keeping: keep.map { $0.union(["week"]) }),
                records.allSatisfy({ $0["week"]?.stringValue == week.description })
            else { throw try mismatch(client, week, s) }
            out += records
        }
        return out
    }

    /// Which file is wrong when a week's bytes are not its records: the
    /// archive, if it is damaged itself (read whole, only on this path), else the index.
    static func mismatch(_ client: String, _ week: ISOWeek, _ s: Snapshot) throws -> WTError {
        let rel = DeclarationSet.archiveFile(client, week.year)
        if let whole = try s.bytes(rel) {
            do { try JSON.check(whole) } catch { return RecordFile.damaged(s, rel, "\(error)") }
        }
        return RecordFile.damaged(s, file(client), "its offsets of \(week) do not match \(rel)")
    }

    /// Rewrites the index of a client whose archives of `years` this
    /// transaction writes (`bytes` nil: deleted). Without an index yet, the
    /// other years' spans are read from their files, once.
    static func update(_ client: String, years: [Int: [UInt8]?], in tx: Transaction) throws {
        var spans: Spans
        if let existing = try load(client, tx) {
            spans = existing.filter { years[$0.key.year] == nil }
        } else {
            spans = [:]
            for name in tx.list("\(DeclarationSet.dir)/\(client)") {
                guard name.hasSuffix(".json"), let year = Int(name.dropLast(5)), years[year] == nil else { continue }
                let rel = DeclarationSet.archiveFile(client, year)
                guard let bytes = try tx.store.readBytes(rel) else { continue }
                spans.merge(try self.spans(of: bytes, rel: rel, tx)) { a, _ in a }
            }
        }
        for (year, bytes) in years {
            guard let bytes else { continue }
            spans.merge(try self.spans(of: bytes, rel: DeclarationSet.archiveFile(client, year), tx)) { a, _ in a }
        }
        if spans.isEmpty {
            tx.delete(file(client))
        } else {
            tx.write(file(client), encode(spans))
        }
    }
}
