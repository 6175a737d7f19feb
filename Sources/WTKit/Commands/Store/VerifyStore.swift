/// `wt store verify`: every file, reference and the audit chain; exit 8 on any problem.
struct VerifyStore: Verb {
    struct Options: Equatable {}

    static let spec = VerbSpec(
        "store", "verify", summary: "check every file, reference and the audit chain; exit 8 on any problem",
        examples: [Example("wt store verify", "prints `store ok` or each problem")],
        fields: ["problem"], access: .read)

    static func options(from line: ParsedLine) throws -> Options { Options() }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let store = try env.store()
        let report = try StoreVerifier.verify(store, actor: actor, progress: Progress("verifying the store", env.ctx))
        if env.globals.format == .table {
            for p in report.problems { env.out(p + "\n") }
            if report.problems.isEmpty && !env.quiet {
                env.out("store ok: \(report.files) files, \(report.records) records, \(report.auditEntries) audit entries\n")
            }
        } else {
            try env.printList(report.problems.map { ["problem": .string($0)] }, Schema([Field("problem")]))
        }
        if !report.problems.isEmpty {
            throw WTError.damaged(
                "store \(store.root) has \(report.problems.count) problem\(report.problems.count == 1 ? "" : "s")",
                hint: "restore the damaged files from a backup (`wt store backup`), see wt-store(1)")
        }
    }
}
