/// Something the store can be read through: the store itself (reads) or a
/// transaction (reads that see the command's own staged writes).
public protocol StoreReader: AnyObject {
    func read(_ rel: String) throws -> JSON?
    func exists(_ rel: String) -> Bool
    func list(_ relDir: String) -> [String]
    var storeRoot: String { get }
    /// The records of a record file whose string `field` is one of `values`
    /// (see `JSON.parseRecords`); [] when the file is absent.
    func records(_ rel: String, field: String, in values: Set<String>) throws -> [JSON]
    /// How many records of a record file have `field` in `values` (all when nil).
    func countRecords(_ rel: String, field: String, in values: Set<String>?) throws -> Int
    /// One key of a file holding an object (an index), building only its value.
    func value(_ rel: String, key: String) throws -> JSON?
}

extension Store: StoreReader {
    public var storeRoot: String { root }

    public func records(_ rel: String, field: String, in values: Set<String>) throws -> [JSON] {
        if let cached = cached(rel) { return JSON.records(of: cached, field: field, in: values) }
        try checkHeld(rel)
        guard let bytes = try FileSystem.read(path(rel)) else { return [] }
        do { return try JSON.parseRecords(bytes, field: field, in: values) } catch { throw damaged(rel, "\(error)") }
    }

    public func countRecords(_ rel: String, field: String, in values: Set<String>?) throws -> Int {
        if let cached = cached(rel) { return JSON.count(of: cached, field: field, in: values) }
        try checkHeld(rel)
        guard let bytes = try FileSystem.read(path(rel)) else { return 0 }
        do { return try JSON.countRecords(bytes, field: field, in: values) } catch { throw damaged(rel, "\(error)") }
    }

    public func value(_ rel: String, key: String) throws -> JSON? {
        if let cached = cached(rel) {
            guard case .object(let o) = cached else { throw damaged(rel, "expected an object") }
            return o[key]
        }
        if let found = cachedValue(rel, key) { return found }
        try checkHeld(rel)
        guard let bytes = try FileSystem.read(path(rel)) else { return nil }
        let v: JSON?
        do { v = try JSON.value(bytes, key: key) } catch { throw damaged(rel, "\(error)") }
        remember(rel, key: key, v)
        return v
    }
}

extension Transaction: StoreReader {
    public func records(_ rel: String, field: String, in values: Set<String>) throws -> [JSON] {
        if isStaged(rel) { return try read(rel).map { JSON.records(of: $0, field: field, in: values) } ?? [] }
        return try store.records(rel, field: field, in: values)
    }

    public func countRecords(_ rel: String, field: String, in values: Set<String>?) throws -> Int {
        if isStaged(rel) { return try read(rel).map { JSON.count(of: $0, field: field, in: values) } ?? 0 }
        return try store.countRecords(rel, field: field, in: values)
    }

    public func value(_ rel: String, key: String) throws -> JSON? {
        if isStaged(rel) { return try read(rel)?[key] }
        return try store.value(rel, key: key)
    }
}

extension JSON {
    /// `parseRecords` on a document already parsed.
    static func records(of json: JSON, field: String, in values: Set<String>) -> [JSON] {
        guard case .array(let all)? = json["records"] else { return [] }
        return all.filter { $0[field]?.stringValue.map(values.contains) ?? false }
    }

    static func count(of json: JSON, field: String, in values: Set<String>?) -> Int {
        guard let values else { return json["records"]?.arrayValue?.count ?? 0 }
        return records(of: json, field: field, in: values).count
    }
}

/// A record kept in the store. `stored` is its full form on disk; `public`
/// what output shows (never a secret).
public protocol StoredRecord {
    var id: String { get }
    init(stored: JSONReader) throws
    var stored: JSON { get }
    var publicJSON: JSON { get }
}

public extension StoredRecord {
    var publicJSON: JSON { stored }
}

/// A file holding a list of records: `{"records": [...]}`.
public enum RecordFile {
    public static func load<R: StoredRecord>(_ rel: String, from reader: StoreReader, as: R.Type = R.self) throws -> [R] {
        guard let json = try reader.read(rel) else { return [] }
        do {
            let file = try JSONReader(json, what: rel)
            return try file.array("records").map { try R(stored: JSONReader($0, what: rel)) }
        } catch let e as JSONParseError {
            throw damaged(reader, rel, e.reason)
        }
    }

    /// A file that maps keys to names (an index, a table of times): an object
    /// of strings, or damage. Empty when the file is absent.
    public static func loadStringMap(_ rel: String, from reader: StoreReader) throws -> [String: String] {
        guard let json = try reader.read(rel) else { return [:] }
        guard case .object(let o) = json else { throw damaged(reader, rel, "expected an object") }
        var out: [String: String] = [:]
        out.reserveCapacity(o.count)
        for (k, v) in o {
            guard case .string(let s) = v else { throw damaged(reader, rel, "entry \(k) is not a string") }
            out[k] = s
        }
        return out
    }

    /// Only the records whose string `field` is one of `values`: the rest of
    /// the file is checked but not built (`JSON.parseRecords`).
    public static func load<R: StoredRecord>(
        _ rel: String, from reader: StoreReader, where field: String, in values: Set<String>, as: R.Type = R.self
    ) throws -> [R] {
        let records = try reader.records(rel, field: field, in: values)
        do {
            return try records.map { try R(stored: JSONReader($0, what: rel)) }
        } catch let e as JSONParseError {
            throw damaged(reader, rel, e.reason)
        }
    }

    public static func save<R: StoredRecord>(_ records: [R], to rel: String, in tx: Transaction) {
        tx.write(rel, .object(["records": .array(records.map(\.stored))]))
    }

    public static func damaged(_ reader: StoreReader, _ rel: String, _ reason: String) -> WTError {
        WTError.damaged(
            "store file \(reader.storeRoot)/\(rel) is damaged: \(reason)",
            hint: "nothing was written; run `wt store verify`, then restore the file from a backup (see wt-store(1))")
    }
}

/// Sequential ids per kind (`cl-1`, `d-1042`), kept in `counters.json`.
public enum IdAllocator {
    public static let file = "counters.json"

    public static func next(_ prefix: String, in tx: Transaction) throws -> String {
        "\(prefix)-\(try nextNumber(prefix, in: tx))"
    }

    public static func nextNumber(_ key: String, in tx: Transaction) throws -> Int {
        var counters = try load(tx)
        var next = counters["next"]?.objectValue ?? [:]
        let current = next[key]?.intValue ?? 1
        next[key] = .int(current + 1)
        counters["next"] = .object(next)
        tx.write(file, .object(counters))
        return current
    }

    /// The counters file, checked: an object whose `next` holds whole numbers.
    /// Anything else is damage, never a reason to start counting at 1 again.
    static func load(_ r: StoreReader) throws -> [String: JSON] {
        guard let json = try r.read(file) else { return [:] }
        guard case .object(let counters) = json else { throw RecordFile.damaged(r, file, "expected an object") }
        guard let next = counters["next"] else { return counters }
        guard case .object(let table) = next else { throw RecordFile.damaged(r, file, "\"next\" is not an object") }
        for (key, value) in table where value.intValue == nil {
            throw RecordFile.damaged(r, file, "counter \(key) is not a number")
        }
        return counters
    }

    /// The kind an id names, from its prefix: `d-1042` → `d`.
    public static func prefix(of id: String) -> String? {
        guard let dash = id.firstIndex(of: "-"), dash != id.startIndex,
            let n = Int(id[id.index(after: dash)...]), n > 0
        else { return nil }
        return String(id[..<dash])
    }
}
