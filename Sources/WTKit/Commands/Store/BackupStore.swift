/// `wt store backup DIR`: one commit's state copied while writers go on.
struct BackupStore: Verb {
    struct Options: Equatable {
        var dir: String
    }

    static let dir = Argument(0, "DIR", "the new directory (must not exist or be empty)", completion: .directory)

    static let spec = VerbSpec(
        "store", "backup", summary: "copy the store, consistently, to a new directory",
        args: [dir],
        examples: [Example("wt store backup /var/backups/wt-$(date +%F)", "a dated backup; use it with `wt --store DIR`")],
        fields: ["path", "files", "bytes"], access: .read)

    static func options(from line: ParsedLine) throws -> Options { Options(dir: try dir.required(in: line)) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let store = try env.store()
        let target = FileSystem.absolute(o.dir, cwd: env.ctx.cwd)
        let (files, bytes) = try StoreBackup.copy(store, to: target, actor: actor, progress: Progress("backing up", env.ctx))
        let row: JSON = ["path": .string(target), "files": .int(files), "bytes": .int(bytes)]
        try env.done("backed up \(files) files (\(bytes) bytes) to \(target)", records: [row],
            schema: Schema([Field("path"), Field("files"), Field("bytes")]))
    }
}
