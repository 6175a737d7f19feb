enum ContractsCommands {
    static func row(_ c: Contract, _ env: CommandEnv, workers: [String: Worker]) -> JSON {
        c.publicJSON(today: env.ctx.today, workerName: workers[c.worker]?.name)
    }

    static func workerIndex(_ r: StoreReader) throws -> [String: Worker] {
        Dictionary(try Organisation.workers(r).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    static let noun = NounSpec(
        "contracts", summary: "placements of workers at a client's department (contracten)",
        details: "A contract places a worker at a department for a period, in a phase of the ABU (A, B, C) or NBBU (1-2, 3, 4) collective agreement, with a pay rate and a bill rate. B and 3 are fixed-term: they need an end date, a hire agreement, and an assignment confirmation signed with an SMS code. Adding a contract creates the documents the client must approve. A worker (--as the worker's e-mail) lists and shows only their own contracts.",
        commands: [AddContract.command, ListContracts.command, ShowContract.command, EndContract.command])
}
