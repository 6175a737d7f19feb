/// `wt declarations import FILE`: CSV rows contract,date,hours[,type], all or nothing.
struct ImportHours: Verb {
    struct Options: Equatable {
        var file: String
    }

    static let file = Argument(0, "FILE", "the CSV file (- for stdin)", completion: .file)

    static let spec = VerbSpec(
        "declarations", "import", summary: "import hours from CSV: contract,date,hours[,type] (all or nothing)",
        args: [file],
        examples: [Example("wt declarations import uren-week49.csv", "bulk hours; a bad line refuses the whole file and is named")],
        fields: Declaration.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options { Options(file: try file.required(in: line)) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let bytes: [UInt8]
        if o.file == "-" {
            bytes = env.ctx.stdin.readAll()
        } else {
            let path = FileSystem.absolute(o.file, cwd: env.ctx.cwd)
            guard let data = (try? FileSystem.read(path)) ?? nil else { throw WTError.notFound("cannot read \(path)") }
            bytes = data
        }
        // The whole file is checked before the store is written.
        let rows = try HoursImport.parse(bytes)
        let (result, raised, tx) = try env.write { uow in
            let result = try HoursImport.apply(rows, in: uow.declarations, actor: try env.actor())
            // Before the flush: in strict mode a break of the limits refuses the import.
            return (result, try WorkTimeGuard.check(uow.declarations), uow.tx)
        }
        DeclarationOutput.warn(env, raised)
        try DeclarationOutput.done(
            env, result.declarations, read: tx,
            message: "imported \(result.rows) rows into \(result.declarations.count) declarations (\(result.created) new)", many: true)
    }
}
