/// `wt config list`: every setting with its value and default.
struct ListConfig: Verb {
    struct Options: Equatable {}

    static let spec = VerbSpec(
        "config", "list", summary: "list every setting with its value and default",
        examples: [Example("wt config list", "all settings"), Example("wt config list --json", "as JSON")],
        fields: ConfigCommands.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options { Options() }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let config = try Config.load(try env.store())
        try env.printList(ConfigKey.all.map { ConfigCommands.row($0, config) }, ConfigCommands.schema)
    }
}
