/// `wt workers show ID`: the worker with their phase count.
struct ShowWorker: RecordIDVerb {
    static let id = WorkerOptions.id

    static let spec = VerbSpec(
        "workers", "show", summary: "show one worker",
        args: [id],
        examples: [Example("wt workers show w-1", "one worker, with their phase count (weeks worked, weeks left in phase A or 1-2)")],
        fields: Worker.schema.names + ["phase"], access: .read)

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let store = try env.store()
        let w = try Organisation.worker(o.id, store, actor: actor)
        // SPEC §13: the phase count as of this week, from the worker's summary file.
        let phase = try ContractGuards.phase(worker: w.id, asOf: ISOWeek(containing: env.ctx.today), store)
        guard case .object(var row) = WorkersCommands.row(w, env) else { return }
        row["phase"] = env.globals.format == .table
            ? .string("\(phase.weeksWorked) weeks worked, \(phase.weeksLeftA) left in phase A or 1-2") : phase.json
        try env.printRecord(.object(row), Schema(Worker.schema.fields + [Field("phase")]))
    }
}
