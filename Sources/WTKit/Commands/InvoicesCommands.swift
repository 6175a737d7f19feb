import Foundation

enum InvoicesCommands {
    static func date(_ inv: CommandEnv, _ name: String) throws -> CalendarDate? {
        guard let v = inv.value(name) else { return nil }
        do { return try CalendarDate.parse(v) } catch let e as WTError { throw WTError(e.kind, "--\(name): \(e.message)", hint: "dates are written YYYY-MM-DD") }
    }

    static let noun = NounSpec(
        "invoices", summary: "invoices and credit notes from closed declarations (facturen)",
        details: "generate invoices every closed, not yet invoiced declaration: one invoice per client per run, a line per worker, week and hour type (minutes / 60 × bill rate × the hour type's percentage, rounded half away from zero to the cent per line), expense lines, VAT per rate (vat.rate, rounded per rate), the total, and the G-account share (the client's percentage of the total including VAT, rounded to the cent). Numbers are <invoice.prefix><year>-<5 digits>, consecutive without gaps. An issued invoice never changes: mistakes are corrected with a credit note, which frees the declarations for correction.",
        commands: [
            CommandSpec(
                "invoices", "generate", summary: "invoice every closed, not yet invoiced declaration (idempotent)",
                options: [
                    OptionSpec("client", value: "ID", help: "only this client", completion: .records("clients")),
                    OptionSpec("until", value: "WEEK", help: "only declarations up to this ISO week"),
                ],
                examples: [
                    Example("wt invoices generate", "the weekly invoicing run"),
                    Example("wt invoices generate --client cl-1 --until 2026-W48 --dry-run", "what would be invoiced; takes no number"),
                ],
                fields: Invoice.schema.names, access: .write
            ) { inv in
                let until = try DeclarationsCommands.week(inv, "until")
                let tx = try inv.begin()
                let set = DeclarationSet(tx)
                let issued = try Invoices.generate(
                    client: inv.value("client"), until: until, date: inv.ctx.today, in: set, actor: try inv.actor(), dryRun: inv.dryRun)
                try set.flush()
                try inv.commit(tx)
                let total = issued.reduce(Money.zero) { $0 + $1.total }
                let what = issued.isEmpty ? "nothing to invoice" :
                    "\(inv.dryRun ? "would issue" : "issued") \(issued.count) invoice\(issued.count == 1 ? "" : "s") (\(total.euro)): "
                    + issued.map(\.number).joined(separator: ", ")
                try inv.done(what, records: issued.map(\.stored), schema: Invoice.schema, many: true)
            },
            CommandSpec(
                "invoices", "list", summary: "list invoices and credit notes",
                options: [
                    OptionSpec("client", value: "ID", help: "only this client's", completion: .records("clients")),
                    OptionSpec("from", value: "DATE", help: "dated on or after (YYYY-MM-DD)"),
                    OptionSpec("to", value: "DATE", help: "dated on or before"),
                ],
                examples: [Example("wt invoices list --client cl-1 --from 2026-01-01", "this year's invoices of one client")],
                fields: Invoice.schema.names, access: .read
            ) { inv in
                let store = try inv.store()
                let actor = try inv.actor()
                if let c = inv.value("client") { _ = try Organisation.client(c, store, actor: actor) }
                let list = try Invoices.list(client: inv.value("client"), from: try date(inv, "from"), to: try date(inv, "to"), store, actor: actor)
                try inv.printList(list.map(\.stored), Invoice.schema)
            },
            CommandSpec(
                "invoices", "show", summary: "show an invoice: table, json, text, ubl (Peppol BIS 3.0) or pdf",
                args: [ArgSpec("NUMBER", "the invoice number, e.g. WT2026-00042", completion: .records("invoices"))],
                options: [OptionSpec("output", value: "FILE", help: "write it to this file", completion: .file)],
                examples: [
                    Example("wt invoices show WT2026-00042 --format text", "the invoice as a person reads it"),
                    Example("wt invoices show WT2026-00042 --format ubl --output WT2026-00042.xml", "the e-invoice for Peppol"),
                    Example("wt invoices show WT2026-00042 --format pdf --output WT2026-00042.pdf", "the PDF to mail"),
                ],
                fields: Invoice.schema.names, access: .read, extraFormats: ["text", "ubl", "pdf"]
            ) { inv in
                let invoice = try Invoices.find(inv.arg(0)!, try inv.store(), actor: try inv.actor())
                var bytes: [UInt8]
                switch inv.globals.extraFormat {
                case "text": bytes = Array(InvoiceText.render(invoice).utf8)
                case "ubl": bytes = Array(UBLWriter.write(invoice).utf8)
                case "pdf":
                    bytes = InvoicePDF.render(invoice)
                    if inv.value("output") == nil && inv.ctx.stdoutIsTerminal {
                        throw WTError.usage("a PDF is not for a terminal", hint: "add --output FILE, or pipe it: wt invoices show \(invoice.number) --format pdf > \(invoice.number).pdf")
                    }
                default:
                    guard inv.value("output") != nil else { return try inv.printRecord(invoice.stored, Invoice.schema) }
                    bytes = Array(try Renderer.record(invoice.stored, schema: Invoice.schema, options: inv.globals, colour: false).utf8)
                }
                try inv.writeOutput(bytes, to: inv.value("output"), what: invoice.number)
            },
            CommandSpec(
                "invoices", "credit", summary: "a credit note that reverses an invoice and frees its declarations",
                args: [ArgSpec("NUMBER", "the invoice to reverse", completion: .records("invoices"))],
                options: [OptionSpec("reason", value: "TEXT", help: "why (required; kept with the credit note and the declarations)")],
                examples: [Example("wt invoices credit WT2026-00042 --reason 'Uren week 47 dubbel gefactureerd' --yes", "reverse an invoice")],
                fields: Invoice.schema.names, access: .write
            ) { inv in
                let reason = try TextRules.text(try inv.required("reason"), what: "--reason", max: 500)
                let tx = try inv.begin()
                let set = DeclarationSet(tx)
                let note = try Invoices.credit(inv.arg(0)!, reason: reason, in: set, actor: try inv.actor(), env: inv.ctx.services)
                try inv.confirm("Credit invoice \(inv.arg(0)!) (\((-note.total).euro))?")
                try set.flush()
                try inv.commit(tx)
                try inv.done("issued credit note \(note.number) for \(inv.arg(0)!) (\(note.total.euro)); \(note.declarations.count) declarations can be corrected",
                    records: [note.stored], schema: Invoice.schema)
            },
        ])
}
