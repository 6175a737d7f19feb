/// `wt invoices list [--client ID] [--from DATE] [--to DATE]`
struct ListInvoices: Verb {
    struct Options: Equatable {
        var client: String?
        var from: CalendarDate?
        var to: CalendarDate?
    }

    static let client = ValueOption("client", "ID", help: "only this client's", completion: .records("clients"))
    static let from = ValueOption("from", "DATE", help: "dated on or after (YYYY-MM-DD)", parse: SharedOptions.date)
    static let to = ValueOption("to", "DATE", help: "dated on or before", parse: SharedOptions.date)

    static let spec = VerbSpec(
        "invoices", "list", summary: "list invoices and credit notes",
        options: [client, from, to],
        examples: [Example("wt invoices list --client cl-1 --from 2026-01-01", "this year's invoices of one client")],
        fields: Invoice.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(client: try client.value(in: line), from: try from.value(in: line), to: try to.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let store = try env.store()
        let actor = try env.actor()
        if let c = o.client { _ = try Organisation.client(c, store, actor: actor) }
        _ = try Invoice.schema.selected(env.globals.fields, tableDefaults: false)
        let stream = try InvoiceStream(client: o.client, from: o.from, to: o.to, store: store, actor: actor, fields: env.globals.fields)
        stream.progress = Progress("listing invoices", env.ctx, after: 1)
        try env.printStream(Invoice.schema) { try stream.forEachBatch($0) }
    }
}
