#if canImport(Glibc)
import Glibc
#endif

/// One commit's state of part of the store, readable without the lock.
///
/// Why this is sound: a commit never changes a store file in place. It writes
/// a new file and renames it over the old one (`Store.apply`), or unlinks it;
/// the one exception, the audit log, is only ever appended to past its
/// current end. A file descriptor opened before such a rename keeps reading
/// the old inode, which the kernel keeps alive while it is open. So a reader
/// that, under the shared lock, lists the directories and opens every file it
/// will read (noting each one's size, for the appended log), can release the
/// lock and read for minutes: it sees exactly the commit that was current
/// when it opened them, and writers pass it after a moment, as they pass
/// readers of SQLite's WAL or LMDB's pinned meta page.
///
/// Read-only: a `Snapshot` is a `StoreReader`, so the services' read paths
/// work through it unchanged. Nothing is cached: a list reads each file once.
public final class Snapshot: StoreReader {
    public let storeRoot: String
    private struct Pinned {
        let fd: Int32
        let size: Int
    }
    private var files: [String: Pinned] = [:]
    private var listings: [String: [String]] = [:]

    /// Lists `dirs` and opens `rels` of a store whose lock the caller holds
    /// (shared or exclusive). Absent files are absent from the snapshot.
    init(store: Store, files rels: [String], dirs: [String]) throws {
        storeRoot = store.root
        Snapshot.raiseFileLimit(to: rels.count + 64)
        for d in dirs { listings[d] = store.list(d) }
        for rel in rels where files[rel] == nil {
            let fd = open(store.path(rel), O_RDONLY | O_CLOEXEC)
            if fd < 0 {
                if errno == ENOENT { continue }
                throw WTError.failure(FileSystem.errorText(store.path(rel), "cannot open"))
            }
            var st = stat()
            guard fstat(fd, &st) == 0 else {
                close(fd)
                throw WTError.failure(FileSystem.errorText(store.path(rel), "cannot stat"))
            }
            files[rel] = Pinned(fd: fd, size: Int(st.st_size))
        }
    }

    deinit { for p in files.values { close(p.fd) } }

    /// A whole store is about 10,000 files; the default soft limit is often
    /// 1,024, the hard limit far more. Raised only as far as needed.
    static func raiseFileLimit(to wanted: Int) {
        var lim = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &lim) == 0, lim.rlim_cur < rlim_t(wanted) else { return }
        lim.rlim_cur = min(lim.rlim_max, rlim_t(wanted))
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &lim)
    }

    public var pinned: [String] { files.keys.sorted() }

    public func size(_ rel: String) -> Int? { files[rel]?.size }

    /// The bytes of a pinned file as they were when it was pinned.
    public func bytes(_ rel: String) throws -> [UInt8]? {
        guard let p = files[rel] else { return nil }
        return try bytes(rel, 0..<p.size)
    }

    /// Part of a pinned file (a week's records, found through its index).
    public func bytes(_ rel: String, _ range: Range<Int>) throws -> [UInt8] {
        guard let p = files[rel] else { throw WTError.failure("\(storeRoot)/\(rel) is not part of this read") }
        guard range.lowerBound >= 0, range.upperBound <= p.size else {
            throw RecordFile.damaged(self, rel, "bytes \(range.lowerBound)..<\(range.upperBound) lie past its end (\(p.size) bytes)")
        }
        var failed = false
        let out = [UInt8](unsafeUninitializedCapacity: range.count) { buf, count in
            count = 0
            while count < range.count {
                let n = pread(p.fd, buf.baseAddress! + count, range.count - count, off_t(range.lowerBound + count))
                if n < 0 && errno == EINTR { continue }
                if n <= 0 {
                    failed = true
                    return
                }
                count += n
            }
        }
        if failed { throw WTError.failure(FileSystem.errorText(storeRoot + "/" + rel, "cannot read")) }
        return out
    }

    // MARK: StoreReader

    public func read(_ rel: String) throws -> JSON? {
        guard let b = try bytes(rel) else { return nil }
        do { return try JSON.parse(b) } catch { throw RecordFile.damaged(self, rel, "\(error)") }
    }

    public func exists(_ rel: String) -> Bool { files[rel] != nil }

    /// Names in a directory listed when the snapshot was taken.
    public func list(_ relDir: String) -> [String] {
        guard let names = listings[relDir] else { preconditionFailure("\(relDir) was not listed in the snapshot") }
        return names
    }

    public func records(_ rel: String, field: String, in values: Set<String>) throws -> [JSON] {
        guard let b = try bytes(rel) else { return [] }
        do { return try JSON.parseRecords(b, field: field, in: values) } catch { throw RecordFile.damaged(self, rel, "\(error)") }
    }

    public func countRecords(_ rel: String, field: String, in values: Set<String>?) throws -> Int {
        guard let b = try bytes(rel) else { return 0 }
        do { return try JSON.countRecords(b, field: field, in: values) } catch { throw RecordFile.damaged(self, rel, "\(error)") }
    }

    public func value(_ rel: String, key: String) throws -> JSON? {
        guard let b = try bytes(rel) else { return nil }
        do { return try JSON.value(b, key: key) } catch { throw RecordFile.damaged(self, rel, "\(error)") }
    }
}

extension Store {
    /// Pins `files` (and the listings of `dirs`) as of now, then lets go of
    /// the shared lock, so writers need not wait for the rest of this read.
    /// After this the store itself must not be read (it would show a later
    /// commit): every later read goes through the snapshot.
    public func snapshot(files: [String], dirs: [String] = []) throws -> Snapshot {
        precondition(!released, "a snapshot of a store whose lock was already released")
        let s = try Snapshot(store: self, files: files, dirs: dirs)
        if !lock.exclusive {
            lock.release()
            released = true
        }
        failpoint.pauseReader()
        return s
    }
}
