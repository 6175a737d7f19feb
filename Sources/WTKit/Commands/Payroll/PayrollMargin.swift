/// `wt payroll margin [--from WEEK] [--to WEEK] [--client ID]`
struct PayrollMargin: Verb {
    struct Options: Equatable {
        var from: ISOWeek?
        var to: ISOWeek?
        var client: String?
    }

    static let from = ValueOption("from", "WEEK", help: "declarations from this ISO week on", parse: PayrollCommands.week)
    static let to = ValueOption("to", "WEEK", help: "up to and including this ISO week", parse: PayrollCommands.week)
    static let client = ValueOption("client", "ID", help: "only this client", completion: .records("clients"))

    static let spec = VerbSpec(
        "payroll", "margin", summary: "per client: invoiced (excl. VAT), paid, margin and margin %",
        details: "Over the declarations that are both invoiced (by an invoice no credit note reversed) and paid; an invoice line counts when every declaration it bills is paid.",
        options: [from, to, client],
        examples: [Example("wt payroll margin --from 2026-W01 --to 2026-W26", "the first half year per client")],
        fields: Payroll.marginSchema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(from: try from.value(in: line), to: try to.value(in: line), client: try client.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let store = try env.store()
        let actor = try env.actor()
        if let c = o.client { _ = try Organisation.client(c, store, actor: actor) }
        let rows = try Payroll.margin(from: o.from, to: o.to, client: o.client, store: store, actor: actor)
        try env.printList(rows, Payroll.marginSchema)
    }
}
