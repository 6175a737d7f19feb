/// `wt invoices generate [--client ID] [--until WEEK]`: the invoicing run.
struct GenerateInvoices: Verb {
    struct Options: Equatable {
        var client: String?
        var until: ISOWeek?
    }

    static let client = ValueOption("client", "ID", help: "only this client", completion: .records("clients"))
    /// A week that does not exist (2026-W60) keeps its own exit code (6), as before.
    static let until = ValueOption("until", "WEEK", help: "only declarations up to this ISO week") { try ISOWeek.parse($0) }

    static let spec = VerbSpec(
        "invoices", "generate", summary: "invoice every closed, not yet invoiced declaration (idempotent)",
        options: [client, until],
        examples: [
            Example("wt invoices generate", "the weekly invoicing run"),
            Example("wt invoices generate --client cl-1 --until 2026-W48 --dry-run", "what would be invoiced; takes no number"),
        ],
        fields: Invoice.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        Options(client: try client.value(in: line), until: try until.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        // A dry run takes no number (the service is told) and commits nothing (the unit of work).
        let issued = try env.write { uow in
            try Invoices.generate(
                client: o.client, until: o.until, date: env.ctx.today, in: uow.declarations, actor: actor, dryRun: env.dryRun)
        }
        let total = issued.reduce(Money.zero) { $0 + $1.total }
        let what = issued.isEmpty ? "nothing to invoice" :
            "\(env.dryRun ? "would issue" : "issued") \(issued.count) invoice\(issued.count == 1 ? "" : "s") (\(total.euro)): "
            + issued.map(\.number).joined(separator: ", ")
        try env.done(what, records: issued.map(\.stored), schema: Invoice.schema, many: true)
    }
}
