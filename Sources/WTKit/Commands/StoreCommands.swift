enum StoreCommands {
    static let noun = NounSpec(
        "store", summary: "check and back up the store",
        details: "The store is a directory of JSON files (see wt-store(5) in wt(1) FILES). `verify` reads every file, checks every reference between records and walks the audit chain; `backup` copies it under the store lock, so the copy is consistent and can be used with --store.",
        commands: [
            CommandSpec(
                "store", "verify", summary: "check every file, reference and the audit chain; exit 8 on any problem",
                examples: [Example("wt store verify", "prints `store ok` or each problem")],
                fields: ["problem"], access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "verify the store")
                let store = try inv.store()
                let report = try StoreVerifier.verify(store)
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
                let (files, bytes) = try StoreBackup.copy(store, to: target)
                let row: JSON = ["path": .string(target), "files": .int(files), "bytes": .int(bytes)]
                try inv.done("backed up \(files) files (\(bytes) bytes) to \(target)", records: [row],
                    schema: Schema([Field("path"), Field("files"), Field("bytes")]))
            },
        ])
}

/// A consistent copy: the caller holds the store's shared lock, so no writer
/// runs while the files are copied. Copies are fsynced and keep mode 0600/0700.
enum StoreBackup {
    static func copy(_ store: Store, to target: String) throws -> (files: Int, bytes: Int) {
        if FileSystem.exists(target) && !(FileSystem.isDirectory(target) && FileSystem.list(target).isEmpty) {
            throw WTError.conflict("\(target) already exists and is not empty", hint: "back up to a new directory")
        }
        if target == store.root || target.hasPrefix(store.root + "/") {
            throw WTError.usage("cannot back up the store into itself: \(target)")
        }
        var files = 0, bytes = 0
        func walk(_ rel: String) throws {
            let src = rel.isEmpty ? store.root : store.root + "/" + rel
            let dst = rel.isEmpty ? target : target + "/" + rel
            if FileSystem.isDirectory(src) {
                try FileSystem.makeDirectories(dst)
                for name in FileSystem.list(src) where !(rel.isEmpty && name == Store.lockFile) && !name.hasSuffix(".wt-tmp") {
                    try walk(rel.isEmpty ? name : rel + "/" + name)
                }
                try FileSystem.fsyncDirectory(dst)
            } else if let data = try FileSystem.read(src) {
                try FileSystem.writeDurably(dst, data)
                files += 1
                bytes += data.count
            }
        }
        // The meta file last: a copy interrupted half-way is not mistaken for a store.
        try walk("")
        return (files, bytes)
    }
}
