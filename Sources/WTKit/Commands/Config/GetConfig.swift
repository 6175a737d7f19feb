/// `wt config get KEY`: the bare value in table format, the row otherwise.
struct GetConfig: Verb {
    struct Options: Equatable {
        var key: String
    }

    static let key = Argument(0, "KEY", "the setting, e.g. vat.rate", completion: .choices(ConfigKey.all.map(\.key)))

    static let spec = VerbSpec(
        "config", "get", summary: "print one setting's value",
        args: [key],
        examples: [Example("wt config get activation.validDays", "prints 7 unless changed")],
        fields: ConfigCommands.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options { Options(key: try ConfigCommands.key(line, key).key) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let key = try ConfigKey.find(o.key)
        let config = try Config.load(try env.store())
        if env.globals.format == .table {
            env.out(Renderer.plain(config.value(key.key)) + "\n")
        } else {
            try env.printRecord(ConfigCommands.row(key, config), ConfigCommands.schema)
        }
    }
}
