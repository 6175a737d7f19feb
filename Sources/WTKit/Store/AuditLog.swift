/// The audit trail: one JSON line per change in `audit/YYYY-MM.jsonl`, each
/// carrying the SHA-256 of the line before it (`prev`), so that editing,
/// removing or reordering an entry breaks the chain that `wt store verify`
/// walks. `audit/head.json` holds the last entry's number, hash and the file's
/// length, so appending never reads the log, and a cut-off tail is noticed.
public enum AuditLog {
    public static let headFile = "audit/head.json"
    public static let genesis = String(repeating: "0", count: 64)

    public struct Head: Equatable {
        public var seq: Int
        public var hash: String
        public var file: String
        public var size: Int
    }

    static func head(_ json: JSON?) throws -> Head {
        guard let json else { return Head(seq: 0, hash: genesis, file: "", size: 0) }
        let r = try JSONReader(json, what: headFile)
        return Head(seq: try r.int("seq"), hash: try r.string("hash"), file: try r.string("file"), size: try r.int("size"))
    }

    public static func fileName(for at: String) -> String {
        "audit/\(at.prefix(7)).jsonl"
    }

    static func appendOps(
        _ entries: [(action: String, record: String, details: JSON)], actor: String, at: String, store: Store
    ) throws -> [Journal.Op] {
        guard !entries.isEmpty else { return [] }
        var head: Head
        do { head = try self.head(store.read(headFile)) } catch let e as JSONParseError {
            throw store.damaged(headFile, e.description)
        }
        // A clock set back (WT_NOW replaying an old cron run) must not put an entry
        // into an earlier month's file, where the chain would read it out of order.
        let file = max(fileName(for: at), head.file)
        let offset: Int
        if file == head.file {
            // Appending never reads the log, but it must not write after a hole
            // or into the middle of a log that was cut or added to.
            let size = FileSystem.size(store.path(file))
            guard size == head.size else {
                throw store.damaged(file, "it is \(size.map { "\($0) bytes" } ?? "missing"), but \(headFile) says \(head.size) bytes")
            }
            offset = head.size
        } else {
            offset = FileSystem.size(store.path(file)) ?? 0
        }
        var bytes: [UInt8] = []
        for e in entries {
            head.seq += 1
            let line = JSON.object([
                "seq": .int(head.seq), "at": .string(at), "actor": .string(actor),
                "action": .string(e.action), "record": .string(e.record), "details": e.details,
                "prev": .string(head.hash),
            ]).serialized()
            head.hash = SHA256.hex(line)
            bytes += Array(line.utf8)
            bytes.append(0x0A)
        }
        head.file = file
        head.size = offset + bytes.count
        let headJSON = JSON.object([
            "seq": .int(head.seq), "hash": .string(head.hash), "file": .string(head.file), "size": .int(head.size),
        ])
        return [
            .append(path: file, offset: offset, bytes: bytes),
            .write(path: headFile, bytes: Array((headJSON.serialized() + "\n").utf8)),
        ]
    }

    public struct Entry {
        public var seq: Int
        public var at: String
        public var actor: String
        public var action: String
        public var record: String
        public var details: JSON
        public var json: JSON
    }

    /// Reads the whole trail in order, checking the chain as it goes.
    /// Problems are returned, not thrown, so `verify` can report all of them.
    /// With `fromMonth` (YYYY-MM) earlier files are skipped and the chain is
    /// checked from the first entry read.
    public static func walk(store: Store, fromMonth: String? = nil, visit: (Entry) -> Void) throws -> [String] {
        var problems: [String] = []
        let head: Head
        do { head = try self.head(store.read(headFile)) } catch let e as JSONParseError {
            throw store.damaged(headFile, e.description)
        }
        var prev = genesis
        var seq = 0
        var lastFile = ""
        var lastSize = 0
        var first = fromMonth != nil
        for name in store.list("audit") where name.hasSuffix(".jsonl") {
            if let fromMonth, name < fromMonth { continue }
            let rel = "audit/" + name
            guard let bytes = try store.readBytes(rel) else { continue }
            lastFile = rel
            lastSize = bytes.count
            var lineNo = 0
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false) {
                lineNo += 1
                if line.isEmpty { continue }
                let text = String(decoding: line, as: UTF8.self)
                guard let json = try? JSON.parse(Array(line)), let r = try? JSONReader(json, what: rel),
                    let s = try? r.int("seq"), let p = try? r.string("prev")
                else {
                    problems.append("\(store.path(rel)):\(lineNo): audit entry does not parse")
                    prev = SHA256.hex(text)
                    seq += 1
                    continue
                }
                if first {
                    first = false
                    seq = s - 1
                    prev = p
                }
                if s != seq + 1 {
                    problems.append("\(store.path(rel)):\(lineNo): audit entry \(s) follows \(seq): entries are missing or out of order")
                }
                if p != prev {
                    problems.append("\(store.path(rel)):\(lineNo): audit chain broken: entry \(s) does not chain the entry before it")
                }
                prev = SHA256.hex(text)
                seq = s
                visit(
                    Entry(
                        seq: s, at: (try? r.string("at")) ?? "", actor: (try? r.string("actor")) ?? "",
                        action: (try? r.string("action")) ?? "", record: (try? r.string("record")) ?? "",
                        details: json["details"] ?? .null, json: json))
            }
        }
        if head.seq != seq || head.hash != prev {
            problems.append("\(store.path(headFile)): the trail ends at entry \(seq) but the head names entry \(head.seq) in \(store.path(head.file)): the log was cut or edited")
        } else if head.seq > 0 && (head.file != lastFile || head.size != lastSize) {
            problems.append("\(store.path(headFile)): the trail's last file is \(lastFile) of \(lastSize) bytes, the head says \(head.file) of \(head.size)")
        }
        return problems
    }
}
