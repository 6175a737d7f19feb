/// `wt workers list`: back office only.
struct ListWorkers: Verb {
    struct Options: Equatable {}

    static let spec = VerbSpec(
        "workers", "list", summary: "list workers",
        examples: [Example("wt workers list --fields id,name,account --format tsv --no-header", "ids, names and accounts for a script")],
        fields: Worker.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options { Options() }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        try env.printList(try Organisation.workers(try env.store(), actor: actor).map { WorkersCommands.row($0, env) }, Worker.schema)
    }
}
