enum ConfigCommands {
    static let schema = Schema([Field("key"), Field("value"), Field("default", table: false), Field("set"), Field("type", table: false), Field("description")])

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
        commands: [
            CommandSpec(
                "config", "list", summary: "list every setting with its value and default",
                examples: [Example("wt config list", "all settings"), Example("wt config list --json", "as JSON")],
                fields: schema.names, access: .read
            ) { inv in
                let config = try Config.load(try inv.store())
                try inv.printList(ConfigKey.all.map { row($0, config) }, schema)
            },
            CommandSpec(
                "config", "get", summary: "print one setting's value",
                args: [ArgSpec("KEY", "the setting, e.g. vat.rate", completion: .choices(ConfigKey.all.map(\.key)))],
                examples: [Example("wt config get activation.validDays", "prints 7 unless changed")],
                fields: schema.names, access: .read
            ) { inv in
                let key = try ConfigKey.find(inv.arg(0)!)
                let config = try Config.load(try inv.store())
                if inv.globals.format == .table {
                    inv.out(Renderer.plain(config.value(key.key)) + "\n")
                } else {
                    try inv.printRecord(row(key, config), schema)
                }
            },
            CommandSpec(
                "config", "set", summary: "change one setting",
                args: [
                    ArgSpec("KEY", "the setting", completion: .choices(ConfigKey.all.map(\.key))),
                    ArgSpec("VALUE", "its new value"),
                ],
                examples: [
                    Example("wt config set agency.iban NL91ABNA0417164300", "the account clients pay to"),
                    Example("wt config set password.minLength 10", "a stricter password policy"),
                ],
                fields: schema.names, access: .write
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "change settings")
                let key = try ConfigKey.find(inv.arg(0)!)
                let value = try key.parse(inv.arg(1)!)
                let tx = try inv.begin()
                try Config.set(key.key, value, in: tx)
                tx.record("config.set", key.key, ["value": value])
                try inv.commit(tx)
                try inv.done("set \(key.key) to \(Renderer.plain(value))", records: [row(key, try Config.load(tx))], schema: schema)
            },
        ])
}
