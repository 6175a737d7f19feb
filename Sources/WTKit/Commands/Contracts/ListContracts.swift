/// `wt contracts list [--client ID] [--worker ID] [--active] [--ending DAYS]`
struct ListContracts: Verb {
    struct Options: Equatable {
        var client: String?
        var worker: String?
        var active = false
        var endingWithin: Int?
    }

    static let client = ValueOption("client", "ID", help: "only this client's contracts", completion: .records("clients"))
    static let worker = ValueOption("worker", "ID", help: "only this worker's contracts", completion: .records("workers"))
    static let active = FlagOption("active", help: "only contracts that run today")
    static let ending = ValueOption(
        "ending", "DAYS", help: "only fixed-term contracts that end within DAYS days from today and have not ended (notice, aanzegging)"
    ) { v -> Int in
        guard let days = Int(v), (0...3650).contains(days) else {
            throw WTError.usage("--ending needs a number of days from 0 to 3650, got \"\(RecordKind.printable(v))\"")
        }
        return days
    }

    static let spec = VerbSpec(
        "contracts", "list", summary: "list contracts",
        options: [client, worker, active, ending],
        examples: [
            Example("wt contracts list --client cl-1 --active", "the client's current placements"),
            Example("wt contracts list --ending 35", "fixed-term contracts that need notice of their end"),
        ],
        fields: Contract.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        let w = try worker.value(in: line)
        // A malformed id is "no worker ..." (3), as a lookup says it: not prefixed as a bad value.
        if let w { try RecordKind.worker.check(w) }
        return Options(
            client: try client.value(in: line), worker: w, active: active.isSet(in: line),
            endingWithin: try ending.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let store = try env.store()
        let actor = try env.actor()
        let client = try env.scopedClient(o.client)
        // Another worker's records are refused (5) before the notice periods are read.
        let visible = try Contracts.all(store, client: client, visibleTo: actor, worker: o.worker)
        let today = env.ctx.today
        let ending = try o.endingWithin.map { Set(try ContractGuards.ending(within: $0, today: today, store).map(\.contract)) }
        let rows = visible.filter { c in
            (ending.map { $0.contains(c.id) } ?? true)
                && (!o.active || c.status(today: today) == "active")
        }
        let workers = try ContractsCommands.workerIndex(store)
        try env.printList(rows.map { ContractsCommands.row($0, env, workers: workers) }, Contract.schema)
    }
}
