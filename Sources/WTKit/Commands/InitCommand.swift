enum InitCommand {
    static let noun = NounSpec(
        "init", summary: "create a store",
        details: "Creates a private store directory (mode 0700, files 0600) at --store, $WT_STORE or $XDG_DATA_HOME/wt. It refuses a directory that already holds a store or other files. --sample demo fills it with the portal manual's world; --sample large with a three-year mid-size agency for benchmarks.",
        commands: [
            CommandSpec(
                "init", nil, summary: "create a new store",
                options: [
                    OptionSpec("agency", value: "NAME", help: "the agency's name (agency.name)"),
                    OptionSpec("sample", value: "SAMPLE", help: "fill the store: demo or large", completion: .choices(["demo", "large"])),
                ],
                examples: [
                    Example("wt --store /tmp/demo init --sample demo", "a demo store to try wt on"),
                    Example("wt init --agency 'WerkTalent BV'", "a new, empty store in the default place"),
                ],
                fields: ["store", "schema", "sample"], access: .none
            ) { inv in
                let root = inv.storeRoot
                let sample = inv.value("sample")
                if let sample, !["demo", "large"].contains(sample) {
                    throw WTError.usage(
                        "unknown sample \"\(RecordKind.printable(sample))\"",
                        hint: suggestion(for: sample, among: ["demo", "large"]).map { "did you mean --sample \($0)?" } ?? "samples: demo, large")
                }
                var config: [String: JSON] = [:]
                if let name = inv.value("agency") { config["agency.name"] = try ConfigKey.find("agency.name").parse(name) }
                let meta: JSON = [
                    "format": "wt-store", "schema": .int(Store.schemaVersion), "createdAt": .string(inv.ctx.nowStamp),
                ]
                try Store.create(root: root, meta: meta, files: [Config.file: .object(config)])
                let store = try Store(root: root, exclusive: true, wait: inv.globals.wait, failpoint: Failpoint(environment: inv.ctx.environment))
                let tx = store.begin(actor: inv.backofficeName, at: inv.ctx.nowStamp)
                tx.record("store.init", "store", ["schema": .int(Store.schemaVersion)])
                try tx.commit()
                if let sample {
                    try SampleData.fill(store, sample: sample, env: inv.ctx.services, actor: inv.backofficeName)
                }
                let row: JSON = ["store": .string(root), "schema": .int(Store.schemaVersion), "sample": JSON(sample)]
                try inv.done("created a wt store at \(root)" + (sample.map { " with the \($0) sample" } ?? ""),
                    records: [row], schema: Schema([Field("store"), Field("schema"), Field("sample")]))
            }
        ])
}
