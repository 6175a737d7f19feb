enum StoreCommands {
    static let noun = NounSpec(
        "store", summary: "check and back up the store",
        details: "The store is a directory of JSON files (see wt-store(5) in wt(1) FILES). `verify` reads every file, checks every reference between records and walks the audit chain; `backup` copies one commit's state of it (the lock is held only while its files are opened, so writers go on), so the copy is consistent and can be used with --store. Both show progress on stderr when it is a terminal.",
        commands: [
            CommandSpec(
                "store", "verify", summary: "check every file, reference and the audit chain; exit 8 on any problem",
                examples: [Example("wt store verify", "prints `store ok` or each problem")],
                fields: ["problem"], access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "verify the store")
                let store = try inv.store()
                let report = try StoreVerifier.verify(store, progress: Progress("verifying the store", inv.ctx))
                if inv.globals.format == .table {
                    for p in report.problems { inv.out(p + "\n") }
                    if report.problems.isEmpty && !inv.quiet {
                        inv.out("store ok: \(report.files) files, \(report.records) records, \(report.auditEntries) audit entries\n")
                    }
                } else {
                    try inv.printList(report.problems.map { ["problem": .string($0)] }, Schema([Field("problem")]))
                }
                if !report.problems.isEmpty {
                    throw WTError.damaged(
                        "store \(store.root) has \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")",
                        hint: "restore the damaged files from a backup (`wt store backup`), see wt-store(1)")
                }
            },
            CommandSpec(
                "store", "backup", summary: "copy the store, consistently, to a new directory",
                args: [ArgSpec("DIR", "the new directory (must not exist or be empty)", completion: .directory)],
                examples: [Example("wt store backup /var/backups/wt-$(date +%F)", "a dated backup; use it with `wt --store DIR`")],
                fields: ["path", "files", "bytes"], access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "back up the store")
                let store = try inv.store()
                let target = FileSystem.absolute(inv.arg(0)!, cwd: inv.ctx.cwd)
                let (files, bytes) = try StoreBackup.copy(store, to: target, progress: Progress("backing up", inv.ctx))
                let row: JSON = ["path": .string(target), "files": .int(files), "bytes": .int(bytes)]
                try inv.done("backed up \(files) files (\(bytes) bytes) to \(target)", records: [row],
                    schema: Schema([Field("path"), Field("files"), Field("bytes")]))
            },
        ])
}

/// A consistent copy that does not stop the writers: under the shared lock
/// the store's files are listed and opened (`Store.snapshot`), the lock is
/// released, and the copy is made from those descriptors, so it holds exactly
/// one commit's state while commands keep writing. The copies are written
/// on every core without an fsync each and flushed to disk once at the end
/// (ten thousand fsyncs were most of a backup's time); the meta file goes
/// last, so a copy cut off half-way is not mistaken for a store. Modes are
/// 0600/0700.
enum StoreBackup {
    static func copy(_ store: Store, to target: String, progress: Progress? = nil) throws -> (files: Int, bytes: Int) {
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
