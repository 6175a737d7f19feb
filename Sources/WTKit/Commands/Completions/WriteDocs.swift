/// The hidden `wt __docs [DIR]`: completions/ and man/ rewritten from the command table (`make docs`).
struct WriteDocs: Verb {
    struct Options: Equatable {
        var dir: String
    }

    static let dir = Argument(0, "DIR", "the source tree to write into", optional: true, completion: .directory)

    static let spec = VerbSpec(
        "__docs", nil, summary: "rewrite completions/ and man/ from the command table",
        args: [dir],
        examples: [Example("wt __docs .", "regenerate the files of this source tree")],
        access: .none)

    static func options(from line: ParsedLine) throws -> Options { Options(dir: dir.value(in: line) ?? ".") }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let root = FileSystem.absolute(o.dir, cwd: env.ctx.cwd)
        let changed = try GeneratedDocs.write(CommandTable.all, to: root)
        if !env.quiet { env.out(changed.isEmpty ? "completions and man pages are up to date\n" : changed.map { "wrote \($0)\n" }.joined()) }
    }
}
