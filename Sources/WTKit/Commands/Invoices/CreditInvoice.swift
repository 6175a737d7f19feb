/// `wt invoices credit NUMBER --reason TEXT`: a credit note reversing an invoice.
struct CreditInvoice: Verb {
    struct Options: Equatable {
        var number: String
        var reason: String
    }

    static let number = Argument(0, "NUMBER", "the invoice to reverse", completion: .records("invoices"))
    static let reason = ValueOption("reason", "TEXT", help: "why (required; kept with the credit note and the declarations)") {
        try TextRules.text($0, what: "--reason", max: 500)
    }

    static let spec = VerbSpec(
        "invoices", "credit", summary: "a credit note that reverses an invoice and frees its declarations",
        args: [number], options: [reason],
        examples: [Example("wt invoices credit WT2026-00042 --reason 'Uren week 47 dubbel gefactureerd' --yes", "reverse an invoice")],
        fields: Invoice.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        Options(number: try number.required(in: line), reason: try reason.required(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let note = try env.write { uow in
            let note = try Invoices.credit(o.number, reason: o.reason, in: uow.declarations, actor: actor, env: uow.env)
            // Asked once the amount is known; a no ends the unit of work before anything is written.
            try env.confirm("Credit invoice \(o.number) (\((-note.total).euro))?")
            return note
        }
        try env.done("issued credit note \(note.number) for \(o.number) (\(note.total.euro)); \(note.declarations.count) declarations can be corrected",
            records: [note.stored], schema: Invoice.schema)
    }
}
