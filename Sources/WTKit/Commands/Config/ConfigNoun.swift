/// `wt config`: the settings of ConfigKeys.swift, listed, read and changed.
enum ConfigCommands {
    static let schema = Schema([Field("key"), Field("value"), Field("default", table: false), Field("set"), Field("type", table: false), Field("description")])

    /// The key of `config get` and `config set`, checked against the table (unknown: 3).
    static func key(_ line: ParsedLine, _ arg: Argument) throws -> ConfigKey { try ConfigKey.find(try arg.required(in: line)) }

    static func row(_ k: ConfigKey, _ config: Config) -> JSON {
        [
            "key": .string(k.key), "value": config.value(k.key), "default": k.defaultValue,
            "set": .bool(config.values[k.key] != nil), "type": .string(k.typeName), "description": .string(k.description),
        ]
    }

    static let noun = NounSpec(
        "config", summary: "the agency's settings",
        details: "Settings are typed and checked when set: `wt config set` refuses a value that does not fit its key (exit 6) and an unknown key (exit 3). Unset keys have the defaults listed by `wt config list`. "
            + "The limits of the law and the agency agreements are dated settings with their source: "
            + ConfigKey.sourced.map { "\($0.key) \(Renderer.plain($0.defaultValue)) (\($0.source!.text))" }.joined(separator: "; ") + ".",
        commands: [ListConfig.command, GetConfig.command, SetConfig.command])
}
