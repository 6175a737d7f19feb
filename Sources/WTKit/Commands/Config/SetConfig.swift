/// `wt config set KEY VALUE`: the value checked by the key's rule before the store is opened.
struct SetConfig: Verb {
    struct Options: Equatable {
        var key: String
        var value: JSON
    }

    static let key = Argument(0, "KEY", "the setting", completion: .choices(ConfigKey.all.map(\.key)))
    static let value = Argument(1, "VALUE", "its new value")

    static let spec = VerbSpec(
        "config", "set", summary: "change one setting",
        args: [key, value],
        examples: [
            Example("wt config set agency.iban NL91ABNA0417164300", "the account clients pay to"),
            Example("wt config set password.minLength 10", "a stricter password policy"),
        ],
        fields: ConfigCommands.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        let k = try ConfigCommands.key(line, key)
        return Options(key: k.key, value: try k.parse(try value.required(in: line)))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let key = try ConfigKey.find(o.key)
        let actor = try env.actor()
        let row = try env.write { uow in
            try Config.change(key.key, o.value, in: uow.tx, actor: actor)
            return ConfigCommands.row(key, try Config.load(uow.tx))
        }
        try env.done("set \(key.key) to \(Renderer.plain(o.value))", records: [row], schema: ConfigCommands.schema)
    }
}
