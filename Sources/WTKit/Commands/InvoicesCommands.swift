import Foundation

enum InvoicesCommands {
    static func date(_ inv: CommandEnv, _ name: String) throws -> CalendarDate? {
        guard let v = inv.value(name) else { return nil }
        do { return try CalendarDate.parse(v) } catch let e as WTError { throw WTError(e.kind, "--\(name): \(e.message)", hint: "dates are written YYYY-MM-DD") }
    }

    /// `--profile`, checked before the store is opened; only with `--format ubl`.
    /// `--NAME WEEK` of a verb not yet typed (the declarations verbs, typed,
    /// declare theirs with `ValueOption`).
    static func week(_ inv: CommandEnv, _ name: String) throws -> ISOWeek? {
        guard let v = inv.value(name) else { return nil }
        do { return try ISOWeek.parse(v) } catch let e as WTError { throw WTError(e.kind, "--\(name): \(e.message)", hint: e.hint) }
    }

    static func ublProfile(_ inv: CommandEnv) throws -> UBLWriter.Profile? {
        guard let value = inv.value("profile") else { return nil }
        let names = UBLWriter.Profile.allCases.map(\.rawValue).joined(separator: ", ")
        guard let profile = UBLWriter.Profile(rawValue: value) else {
            throw WTError.usage("--profile: unknown profile \(DomainText.quote(value)); expected one of \(names)")
        }
        guard inv.globals.extraFormat == "ubl" else {
            throw WTError.usage("--profile applies to the e-invoice only", hint: "add --format ubl")
        }
        return profile
    }

    /// Why the default is Peppol BIS, and what each profile does with a G-account share.
    static let ublDetails = """
        --format ubl writes the invoice or credit note as a UBL 2.1 e-invoice, with its PDF embedded (AdditionalDocumentReference, application/pdf). \
        --profile peppol (the default) declares Peppol BIS Billing 3.0: every Dutch Peppol participant must be registered for it (Netherlands Peppol Authority), and so is every foreign one, so every receiver accepts it. \
        EN 16931 and Peppol BIS have no structured place for a G-account share (one payment terms text, UBL-SR-05), so with a share the payment terms text states both amounts and accounts, and the G-account is a second payment instruction after the ordinary account; a receiver's people, or software that reads the text, split the payment. \
        --profile nlcius declares SI-UBL 2.0 (NLCIUS), for which Dutch participants must also be registered; an invoice with a G-account share then declares the SI-UBL G-account extension (urn:fdc:nen.nl:gaccount:v1.0), which states the two amounts in structured form (payment means REGULAR and GACCOUNT, one payment terms each), as the Dutch standards body STPE advises for G-account invoices. \
        Only receivers registered in Peppol for the extension's document type can receive it (others are not found), so use it for clients who confirm that; credit notes have no G-account part and are plain SI-UBL 2.0. \
        The electronic addresses (Peppol participant ids) are the KvK number (scheme 0106), else the VAT id (9944), as the Netherlands Peppol Authority prescribes; an e-mail address is no Peppol address, so an invoice to a client with neither KvK number nor VAT id has no e-invoice (exit 6; send the PDF). SI-UBL also requires a Dutch client's KvK number (BR-NL-10): without one, --profile nlcius is refused and peppol remains. \
        Peppol requires a buyer reference or an order reference (PEPPOL-EN16931-R003); wt keeps no reference of the client's own, so the buyer reference is the client's id in wt, the usual stand-in when a buyer gives none. \
        Receivers that route on references of their own (such as government order numbers) need those; so does an OIN (scheme 0190) as address, which wt does not keep for clients.
        """

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
                let until = try week(inv, "until")
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
                _ = try Invoice.schema.selected(inv.globals.fields, tableDefaults: false)
                let stream = try InvoiceStream(
                    client: inv.value("client"), from: try date(inv, "from"), to: try date(inv, "to"), store: store, actor: actor,
                    fields: inv.globals.fields)
                stream.progress = Progress("listing invoices", inv.ctx, after: 1)
                try inv.printStream(Invoice.schema) { try stream.forEachBatch($0) }
            },
            CommandSpec(
                "invoices", "show", summary: "show an invoice: table, json, text, ubl (Peppol BIS 3.0 or NLCIUS) or pdf",
                details: ublDetails,
                args: [ArgSpec("NUMBER", "the invoice number, e.g. WT2026-00042", completion: .records("invoices"))],
                options: [
                    OptionSpec("output", value: "FILE", help: "write it to this file", completion: .file),
                    OptionSpec("profile", value: "PROFILE", help: "with --format ubl: peppol (default, Peppol BIS Billing 3.0) or nlcius (SI-UBL 2.0, with the G-account extension when the invoice has a G-account share)",
                               completion: .choices(UBLWriter.Profile.allCases.map(\.rawValue))),
                ],
                examples: [
                    Example("wt invoices show WT2026-00042 --format text", "the invoice as a person reads it"),
                    Example("wt invoices show WT2026-00042 --format ubl --output WT2026-00042.xml", "the e-invoice for Peppol"),
                    Example("wt invoices show WT2026-00042 --format ubl --profile nlcius --output WT2026-00042.xml", "SI-UBL 2.0, for a receiver registered for the G-account extension"),
                    Example("wt invoices show WT2026-00042 --format pdf --output WT2026-00042.pdf", "the PDF to mail"),
                ],
                fields: Invoice.schema.names, access: .read, extraFormats: ["text", "ubl", "pdf"]
            ) { inv in
                let profile = try ublProfile(inv)
                let invoice = try Invoices.find(inv.arg(0)!, try inv.store(), actor: try inv.actor())
                var bytes: [UInt8]
                switch inv.globals.extraFormat {
                case "text": bytes = Array(InvoiceText.render(invoice).utf8)
                case "ubl":
                    try UBLWriter.requireIdentifiers(invoice, profile: profile ?? .peppol)
                    bytes = Array(UBLWriter.write(invoice, profile: profile ?? .peppol).utf8)
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
