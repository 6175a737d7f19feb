/// A consistent copy that does not stop the writers: under the shared lock
/// the store's files are listed and opened (`Store.snapshot`), the lock is
/// released, and the copy is made from those descriptors, so it holds exactly
/// one commit's state while commands keep writing. The copies are written
/// on every core without an fsync each and flushed to disk once at the end
/// (ten thousand fsyncs were most of a backup's time); the meta file goes
/// last, so a copy cut off half-way is not mistaken for a store. Modes are
/// 0600/0700.
enum StoreBackup {
    /// Only the back office copies the store: the copy holds every record.
    static func copy(_ store: Store, to target: String, actor: Actor, progress: Progress? = nil) throws -> (files: Int, bytes: Int) {
        try AccessControl.requireBackoffice(actor, toDo: "back up the store")
        if FileSystem.exists(target) && !(FileSystem.isDirectory(target) && FileSystem.list(target).isEmpty) {
            throw WTError.conflict("\(target) already exists and is not empty", hint: "back up to a new directory")
        }
        if target == store.root || target.hasPrefix(store.root + "/") {
            throw WTError.usage("cannot back up the store into itself: \(target)")
        }
        var dirs: [String] = [""]
        var rels: [String] = []
        func walk(_ rel: String) {
            let src = rel.isEmpty ? store.root : store.root + "/" + rel
            for name in FileSystem.list(src) where !(rel.isEmpty && name == Store.lockFile) && !name.hasSuffix(".wt-tmp") {
                let child = rel.isEmpty ? name : rel + "/" + name
                if FileSystem.isDirectory(store.root + "/" + child) {
                    dirs.append(child)
                    walk(child)
                } else {
                    rels.append(child)
                }
            }
        }
        walk("")
        let snapshot = try store.snapshot(files: rels)
        for d in dirs { try FileSystem.makeDirectories(d.isEmpty ? target : target + "/" + d) }
        let files = rels.filter { $0 != Store.metaFile && snapshot.exists($0) }
        let done = Locked(0)
        let sizes = try Parallel.map(files) { rel -> Int in
            guard let data = try snapshot.bytes(rel) else { return 0 }
            try FileSystem.writeFile(target + "/" + rel, data, sync: false)
            let n = done.withLock { $0 += 1; return $0 }
            progress?.update(n, of: files.count)
            return data.count
        }
        try FileSystem.syncAll(target)
        for d in dirs { try FileSystem.fsyncDirectory(d.isEmpty ? target : target + "/" + d) }
        var bytes = sizes.reduce(0, +)
        guard let meta = try snapshot.bytes(Store.metaFile) else { throw WTError.notFound("no wt store at \(store.root)") }
        try FileSystem.writeDurably(target + "/" + Store.metaFile, meta)
        try FileSystem.fsyncDirectory(target)
        bytes += meta.count
        progress?.finish()
        return (files.count + 1, bytes)
    }
}
