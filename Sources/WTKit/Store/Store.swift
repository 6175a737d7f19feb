/// The file store: a directory of JSON files a person can read, diff and back up.
///
/// Guarantees (DESIGN.md): one writer at a time under an exclusive `flock`,
/// readers under a shared one so they never see half a change; every commit
/// goes through the redo journal (see `Journal`), so a change lands whole or
/// not at all, also under `kill -9`; a file that does not parse stops the
/// command with exit 8 and nothing is written.
public final class Store {
    public static let schemaVersion = 1
    public static let metaFile = "wt-store.json"
    static let journalFile = "journal"
    static let journalTemp = "journal.tmp"
    static let lockFile = "lock"

    public let root: String
    let lock: FileLock
    let failpoint: Failpoint
    /// Parsed files, and single entries read with `value(_:key:)` (so a
    /// command that looks an id up twice scans the index once). Behind a
    /// lock, as a store-wide list reads clients on several threads.
    private let caches = Locked(Caches())
    struct Caches {
        var files: [String: JSON] = [:]
        var values: [String: [String: JSON?]] = [:]
    }

    func cached(_ rel: String) -> JSON? { caches.withLock { $0.files[rel] } }
    func cachedValue(_ rel: String, _ key: String) -> JSON?? { caches.withLock { $0.values[rel]?[key] } }
    func remember(_ rel: String, _ json: JSON) { caches.withLock { $0.files[rel] = json } }
    func remember(_ rel: String, key: String, _ v: JSON?) { caches.withLock { $0.values[rel, default: [:]][key] = .some(v) } }
    func forget(_ rel: String) {
        caches.withLock {
            $0.files[rel] = nil
            $0.values[rel] = nil
        }
    }
    func forgetAll() { caches.withLock { $0 = Caches() } }
    /// Bulk loading a new store (`wt init --sample large`): commits write their
    /// files without the journal and without an fsync each, and the loader
    /// ends with `endBulkLoad`, which syncs the file system once. Ten thousand
    /// fsyncs made up most of the large sample's time, and a half-built sample
    /// is no store to recover anyway (it is deleted and built again).
    var bulkLoading = false
    /// Set once a reader's snapshot let go of the lock (`snapshot(files:)`):
    /// reading the store directly after that could show a later commit.
    var released = false

    func checkHeld(_ rel: String) throws {
        if released { throw WTError.failure("internal error: \(path(rel)) read after the store's lock was released") }
    }

    public var isExclusive: Bool { lock.exclusive }

    public func path(_ rel: String) -> String { root + "/" + rel }

    /// Opens an existing store, waiting up to `wait` seconds for the lock
    /// (exit 7 after that), and repairs an interrupted commit first.
    public init(root: String, exclusive: Bool, wait: Double, failpoint: Failpoint) throws {
        self.root = root
        self.failpoint = failpoint
        guard FileSystem.exists(root + "/" + Store.metaFile) else {
            throw WTError.notFound(
                "no wt store at \(root)",
                hint: "create one with `wt init` (or `wt --store DIR init`), or point --store / WT_STORE at an existing store")
        }
        lock = try FileLock(path: root + "/" + Store.lockFile)
        try acquire(exclusive: exclusive, wait: wait)
        if FileSystem.exists(path(Store.journalFile)) || FileSystem.exists(path(Store.journalTemp)) {
            if !exclusive {
                lock.release()
                try acquire(exclusive: true, wait: wait)
            }
            try recover()
            if !exclusive {
                lock.release()
                try acquire(exclusive: false, wait: wait)
            }
        }
        try checkSchema()
    }

    func acquire(exclusive: Bool, wait: Double) throws {
        guard lock.acquire(exclusive: exclusive, waitSeconds: wait) else {
            throw WTError.busy(
                "the store at \(root) is busy: another wt holds its lock",
                hint: "try again, or wait longer with --wait SECONDS (now \(Int(wait)))")
        }
    }

    /// Creates a new store directory (0700) with its meta file (0600).
    public static func create(root: String, meta: JSON, files: [String: JSON]) throws {
        if FileSystem.exists(root + "/" + metaFile) {
            throw WTError.conflict("a wt store already exists at \(root)", hint: "use it, or choose another directory with --store")
        }
        if FileSystem.isDirectory(root) && !FileSystem.list(root).isEmpty {
            throw WTError.conflict(
                "\(root) is not empty and holds no wt store", hint: "choose an empty or new directory with --store")
        }
        try FileSystem.makeDirectories(root)
        let store = try Store(uncheckedRoot: root)
        let tx = store.begin(actor: "system", at: "")
        for (rel, json) in files { tx.write(rel, json) }
        try tx.commitFiles()
        // The meta file goes last: a store without it is not a store yet, so an
        // interrupted init can simply be run again.
        try FileSystem.writeDurably(root + "/" + metaFile + ".wt-tmp", Array((meta.pretty() + "\n").utf8))
        try FileSystem.rename(root + "/" + metaFile + ".wt-tmp", root + "/" + metaFile)
        try FileSystem.fsyncDirectory(root)
    }

    private init(uncheckedRoot root: String) throws {
        self.root = root
        failpoint = .none
        lock = try FileLock(path: root + "/" + Store.lockFile)
        _ = lock.acquire(exclusive: true, waitSeconds: 0)
    }

    func checkSchema() throws {
        let meta = try read(Store.metaFile)
        guard let schema = meta?["schema"]?.intValue, meta?["format"]?.stringValue == "wt-store" else {
            throw WTError.damaged("store file \(path(Store.metaFile)) is damaged: no format or schema version")
        }
        if schema > Store.schemaVersion {
            throw WTError.damaged(
                "store file \(path(Store.metaFile)) says schema \(schema); this wt knows up to \(Store.schemaVersion)",
                hint: "use a newer wt with this store")
        }
        if schema < 1 {
            throw WTError.damaged("store file \(path(Store.metaFile)) is damaged: schema \(schema) is not valid")
        }
    }

    // MARK: Reading

    /// Parses a store file; nil when absent. Parsed files are cached for the
    /// rest of the command (the lock keeps them current).
    public func read(_ rel: String) throws -> JSON? {
        if let cached = cached(rel) { return cached }
        try checkHeld(rel)
        guard let bytes = try FileSystem.read(path(rel)) else { return nil }
        do {
            let json = try JSON.parse(bytes)
            remember(rel, json)
            return json
        } catch {
            throw damaged(rel, "\(error)")
        }
    }

    public func readBytes(_ rel: String) throws -> [UInt8]? {
        try checkHeld(rel)
        return try FileSystem.read(path(rel))
    }

    public func exists(_ rel: String) -> Bool {
        precondition(!released, "\(rel) looked up after the store's lock was released")
        return FileSystem.exists(path(rel))
    }

    public func list(_ relDir: String) -> [String] {
        precondition(!released, "\(relDir) listed after the store's lock was released")
        return FileSystem.list(path(relDir))
    }

    public func damaged(_ rel: String, _ reason: String) -> WTError {
        WTError.damaged(
            "store file \(path(rel)) is damaged: \(reason)",
            hint: "nothing was written; run `wt store verify`, then restore the file from a backup (see wt-store(1))")
    }

    // MARK: Writing

    public func begin(actor: String, at: String) -> Transaction {
        Transaction(store: self, actor: actor, at: at)
    }

    /// Makes the journal's changes real. Every step is idempotent.
    func apply(_ journal: Journal, sync: Bool = true) throws {
        var dirs = Set<String>()
        for op in journal.ops {
            let full = path(op.path)
            let dir = FileSystem.parentOf(full)
            if !dirs.contains(dir) {
                try FileSystem.makeDirectories(dir)
                dirs.insert(dir)
            }
            switch op {
            case .write(_, let bytes):
                failpoint.reach("write \(op.path).wt-tmp")
                try FileSystem.writeFile(full + ".wt-tmp", bytes, sync: sync)
                failpoint.reach("rename \(op.path)")
                try FileSystem.rename(full + ".wt-tmp", full)
            case .append(_, let offset, let bytes):
                failpoint.reach("append \(op.path)")
                try FileSystem.writeAt(full, offset: offset, bytes)
            case .delete:
                failpoint.reach("delete \(op.path)")
                try FileSystem.unlink(full)
            }
            forget(op.path)
        }
        for dir in dirs.sorted() where sync {
            failpoint.reach("fsync \(dir)")
            try FileSystem.fsyncDirectory(dir)
        }
    }

    /// Ends a bulk load: everything written so far is on disk when it returns.
    func endBulkLoad() throws {
        bulkLoading = false
        try FileSystem.syncAll(root)
    }

    func commit(_ journal: Journal) throws {
        precondition(lock.exclusive, "commit without the exclusive lock")
        if bulkLoading {
            try apply(journal, sync: false)
            return
        }
        if failpoint.skipJournal {
            try apply(journal)
            return
        }
        failpoint.reach("write journal.tmp")
        try FileSystem.writeDurably(path(Store.journalTemp), journal.encoded())
        failpoint.reach("rename journal")
        try FileSystem.rename(path(Store.journalTemp), path(Store.journalFile))
        failpoint.reach("fsync store directory")
        try FileSystem.fsyncDirectory(root)
        try apply(journal)
        failpoint.reach("remove journal")
        try FileSystem.unlink(path(Store.journalFile))
        failpoint.reach("fsync store directory")
        try FileSystem.fsyncDirectory(root)
    }

    /// Replays a committed journal, or drops an uncommitted one.
    func recover() throws {
        try FileSystem.unlink(path(Store.journalTemp))
        guard let bytes = try FileSystem.read(path(Store.journalFile)) else { return }
        let journal: Journal
        do {
            journal = try Journal.decode(bytes)
        } catch {
            // A renamed journal was fsynced complete; a bad one means outside damage.
            throw WTError.damaged(
                "store file \(path(Store.journalFile)) is damaged: \(error)",
                hint: "an interrupted change cannot be replayed; restore the store from a backup")
        }
        for op in journal.ops { try FileSystem.unlink(path(op.path) + ".wt-tmp") }
        try apply(journal)
        try FileSystem.unlink(path(Store.journalFile))
        try FileSystem.fsyncDirectory(root)
        forgetAll()
    }
}

/// The changes of one command, staged in memory and committed at once.
public final class Transaction {
    unowned let store: Store
    public let actor: String
    public let at: String
    var staged: [String: JSON] = [:]
    var stagedBytes: [String: [UInt8]] = [:]
    var deleted: Set<String> = []
    var order: [String] = []
    var audit: [(action: String, record: String, details: JSON)] = []

    init(store: Store, actor: String, at: String) {
        self.store = store
        self.actor = actor
        self.at = at
    }

    public var storeRoot: String { store.root }

    /// Reads through the staged changes, so a command sees its own writes.
    public func read(_ rel: String) throws -> JSON? {
        if deleted.contains(rel) { return nil }
        if let s = staged[rel] { return s }
        if let b = stagedBytes[rel] { return try JSON.parse(b) }
        return try store.read(rel)
    }

    /// Whether this transaction has written or deleted `rel`.
    public func isStaged(_ rel: String) -> Bool { staged[rel] != nil || stagedBytes[rel] != nil || deleted.contains(rel) }

    public func exists(_ rel: String) -> Bool {
        if deleted.contains(rel) { return false }
        return staged[rel] != nil || stagedBytes[rel] != nil || store.exists(rel)
    }

    /// Names in a directory, as they will be after the commit.
    public func list(_ relDir: String) -> [String] {
        var names = Set(store.list(relDir))
        let prefix = relDir + "/"
        for rel in order where rel.hasPrefix(prefix) {
            let rest = rel.dropFirst(prefix.count)
            names.insert(String(rest.split(separator: "/").first ?? rest))
        }
        for rel in deleted where rel.hasPrefix(prefix) && !rel.dropFirst(prefix.count).contains("/") {
            names.remove(String(rel.dropFirst(prefix.count)))
        }
        return names.sorted()
    }

    public func write(_ rel: String, _ json: JSON) {
        if staged[rel] == nil && stagedBytes[rel] == nil { order.append(rel) }
        deleted.remove(rel)
        stagedBytes[rel] = nil
        staged[rel] = json
    }

    public func writeBytes(_ rel: String, _ bytes: [UInt8]) {
        if staged[rel] == nil && stagedBytes[rel] == nil { order.append(rel) }
        deleted.remove(rel)
        staged[rel] = nil
        stagedBytes[rel] = bytes
    }

    public func delete(_ rel: String) {
        staged[rel] = nil
        stagedBytes[rel] = nil
        order.removeAll { $0 == rel }
        deleted.insert(rel)
    }

    /// Records who did what to which record, and why; chained at commit.
    public func record(_ action: String, _ record: String, _ details: JSON = .object([:])) {
        audit.append((action, record, details))
    }

    public var isEmpty: Bool { order.isEmpty && deleted.isEmpty && audit.isEmpty }

    var ops: [Journal.Op] {
        var ops: [Journal.Op] = []
        for rel in order {
            if let json = staged[rel] {
                var bytes = json.serializedBytes()
                bytes.append(0x0A)
                ops.append(.write(path: rel, bytes: bytes))
            } else if let bytes = stagedBytes[rel] {
                ops.append(.write(path: rel, bytes: bytes))
            }
        }
        for rel in deleted.sorted() where store.exists(rel) { ops.append(.delete(path: rel)) }
        return ops
    }

    /// Commits the staged files and the audit entries in one journal.
    public func commit() throws {
        guard !isEmpty else { return }
        var ops = self.ops
        ops += try AuditLog.appendOps(audit, actor: actor, at: at, store: store)
        try store.commit(Journal(ops: ops))
        staged = [:]
        stagedBytes = [:]
        order = []
        audit = []
    }

    /// Used by `Store.create`: files only, no audit (init records its own entry later).
    func commitFiles() throws {
        try store.commit(Journal(ops: ops))
    }
}
