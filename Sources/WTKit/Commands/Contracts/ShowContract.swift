/// `wt contracts show ID`
struct ShowContract: RecordIDVerb {
    static let id = Argument(0, "ID", "the contract's id", completion: .records("contracts"))

    static let spec = VerbSpec(
        "contracts", "show", summary: "show one contract",
        args: [id],
        examples: [Example("wt contracts show ct-1 --json", "one contract as JSON")],
        fields: Contract.schema.names, access: .read)

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let store = try env.store()
        let c = try Contracts.find(o.id, store, actor: try env.actor())
        try env.printRecord(ContractsCommands.row(c, env, workers: try ContractsCommands.workerIndex(store)), Contract.schema)
    }
}
