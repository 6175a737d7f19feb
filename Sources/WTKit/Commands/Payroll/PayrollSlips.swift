/// `wt payroll slips [--worker ID] [--run RUN]`
struct PayrollSlips: Verb {
    struct Options: Equatable {
        var worker: String?
        var run: String?
    }

    static let worker = ValueOption("worker", "ID", help: "only this worker's", completion: .records("workers"))
    static let runNumber = ValueOption("run", "RUN", help: "only this run's", completion: .records("payroll"))

    static let spec = VerbSpec(
        "payroll", "slips", summary: "the paid lines per worker, of every run or of one",
        options: [worker, runNumber],
        examples: [Example("wt payroll slips --worker w-3 --run L2026-00042", "what one worker was paid in one run")],
        fields: PayrollRun.lineSchema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(worker: try worker.value(in: line), run: try runNumber.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let rows = try Payroll.slips(worker: o.worker, run: o.run, try env.store(), actor: try env.actor())
        try env.printList(rows, PayrollRun.lineSchema)
    }
}
