/// Records of a kind that belongs to a client, kept one file per client
/// (`users/cl-3.json`) so a change rewrites one client's file, not the kind's
/// whole history, plus a small index file (`users/index.json`) from each id
/// (and other lookup keys, such as an e-mail address) to its client.
public protocol ClientOwned: StoredRecord {
    var client: String { get }
    /// Keys besides the id that the index resolves (e.g. the e-mail address).
    var lookupKeys: [String] { get }
    /// What `stats.json` keeps for one client's records of this kind.
    static func counts(_ records: [Self]) -> Stats.Counts
}

public extension ClientOwned {
    var lookupKeys: [String] { [] }
    static func counts(_ records: [Self]) -> Stats.Counts { ["total": records.count] }
}

public struct Partitioned<R: ClientOwned>: Sendable {
    public let dir: String
    public init(_ dir: String) { self.dir = dir }

    public var indexFile: String { "\(dir)/index.json" }
    public func file(_ client: String) -> String { "\(dir)/\(client).json" }

    public func index(_ reader: StoreReader) throws -> [String: String] {
        try RecordFile.loadStringMap(indexFile, from: reader)
    }

    public func clientOf(_ key: String, _ reader: StoreReader) throws -> String? {
        try index(reader)[key]
    }

    public func load(client: String, _ reader: StoreReader) throws -> [R] {
        try RecordFile.load(file(client), from: reader)
    }

    public func find(_ key: String, _ reader: StoreReader) throws -> R? {
        guard let client = try clientOf(key, reader) else { return nil }
        let records: [R] = try load(client: client, reader)
        return records.first { $0.id == key || $0.lookupKeys.contains(key) }
    }

    /// Every client's records, or only the given clients'.
    public func all(_ reader: StoreReader, clients: [String]? = nil) throws -> [R] {
        let names = clients ?? partitions(reader)
        return try names.flatMap { try load(client: $0, reader) }
    }

    public func partitions(_ reader: StoreReader) -> [String] {
        reader.list(dir).filter { $0.hasSuffix(".json") && $0 != "index.json" }.map { String($0.dropLast(5)) }
    }

    /// Saves one client's records and keeps the index in step with them.
    public func save(_ records: [R], client: String, in tx: Transaction) throws {
        var index = try self.index(tx)
        var changed = false
        for r in records {
            for key in [r.id] + r.lookupKeys where index[key] != client {
                index[key] = client
                changed = true
            }
        }
        RecordFile.save(records, to: file(client), in: tx)
        try Stats.set(client, dir, R.counts(records), in: tx)
        if changed { tx.write(indexFile, .object(index.mapValues { .string($0) })) }
    }

    /// Replaces one record (matched by id) in its client's file.
    public func update(_ record: R, in tx: Transaction, removingKeys old: [String] = []) throws {
        var records: [R] = try load(client: record.client, tx)
        if let i = records.firstIndex(where: { $0.id == record.id }) {
            records[i] = record
        } else {
            records.append(record)
        }
        if !old.isEmpty {
            var index = try self.index(tx)
            for k in old where !record.lookupKeys.contains(k) { index[k] = nil }
            tx.write(indexFile, .object(index.mapValues { .string($0) }))
        }
        try save(records, client: record.client, in: tx)
    }
}
