/// `wt init [--agency NAME] [--sample demo|large]`
struct InitStore: Verb {
    struct Options: Equatable {
        var agency: String?
        var sample: String?
    }

    static let samples = ["demo", "large"]

    /// Checked by agency.name's own rule, as `wt config set` would.
    static let agency = ValueOption("agency", "NAME", help: "the agency's name (agency.name)") { raw -> String in
        try SharedOptions.setting(.agencyName)(raw).stringValue ?? raw
    }
    static let sample = ValueOption(
        "sample", "SAMPLE", help: "fill the store: demo or large", completion: .choices(samples)
    ) { s -> String in
        guard samples.contains(s) else {
            throw WTError.usage(
                "unknown sample \"\(RecordKind.printable(s))\"",
                hint: suggestion(for: s, among: samples).map { "did you mean --sample \($0)?" } ?? "samples: demo, large")
        }
        return s
    }

    static let spec = VerbSpec(
        "init", nil, summary: "create a new store",
        options: [agency, sample],
        examples: [
            Example("wt --store /tmp/demo init --sample demo", "a demo store to try wt on"),
            Example("wt init --agency 'WerkTalent BV'", "a new, empty store in the default place"),
        ],
        fields: ["store", "schema", "sample"], access: .none)

    static func options(from line: ParsedLine) throws -> Options {
        let s = try sample.value(in: line)
        return Options(agency: try agency.value(in: line), sample: s)
    }

    /// Not `env.write`: there is no store to lock until `Store.create` makes
    /// one (the command's access is `.none`), so init opens the new store
    /// exclusively itself for its first entry and the sample.
    static func run(_ o: Options, _ env: CommandEnv) throws {
        let root = env.storeRoot
        var config: [String: JSON] = [:]
        if let name = o.agency { config["agency.name"] = .string(name) }
        let meta: JSON = [
            "format": "wt-store", "schema": .int(Store.schemaVersion), "createdAt": .string(env.ctx.nowStamp),
        ]
        try Store.create(root: root, meta: meta, files: [Config.file: .object(config)])
        let store = try Store(root: root, exclusive: true, wait: env.globals.wait, failpoint: Failpoint(environment: env.ctx.environment))
        let tx = store.begin(actor: env.backofficeName, at: env.ctx.nowStamp)
        tx.record("store.init", "store", ["schema": .int(Store.schemaVersion)])
        try tx.commit()
        if let sample = o.sample {
            try SampleData.fill(store, sample: sample, env: env.ctx.services, actor: env.backofficeName)
        }
        let row: JSON = ["store": .string(root), "schema": .int(Store.schemaVersion), "sample": JSON(o.sample)]
        try env.done("created a wt store at \(root)" + (o.sample.map { " with the \($0) sample" } ?? ""),
            records: [row], schema: Schema([Field("store"), Field("schema"), Field("sample")]))
    }
}
