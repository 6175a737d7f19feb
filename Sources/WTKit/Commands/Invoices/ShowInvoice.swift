/// `wt invoices show NUMBER [--output FILE] [--profile PROFILE]`, in the
/// formats of every record and in text, ubl and pdf.
struct ShowInvoice: Verb {
    struct Options: Equatable {
        var number: String
        var output: String?
        /// Given only with `--format ubl`; nil means the default, peppol.
        var profile: UBLWriter.Profile?
    }

    static let number = Argument(0, "NUMBER", "the invoice number, e.g. WT2026-00042", completion: .records("invoices"))
    static let output = ValueOption("output", "FILE", help: "write it to this file", completion: .file)
    static let profile = ValueOption(
        "profile", "PROFILE",
        help: "with --format ubl: peppol (default, Peppol BIS Billing 3.0) or nlcius (SI-UBL 2.0, with the G-account extension when the invoice has a G-account share)",
        completion: .choices(UBLWriter.Profile.allCases.map(\.rawValue))
    ) { raw -> UBLWriter.Profile in
        guard let p = UBLWriter.Profile(rawValue: raw) else {
            let names = UBLWriter.Profile.allCases.map(\.rawValue).joined(separator: ", ")
            throw WTError.usage("unknown profile \(DomainText.quote(raw)); expected one of \(names)")
        }
        return p
    }

    static let spec = VerbSpec(
        "invoices", "show", summary: "show an invoice: table, json, text, ubl (Peppol BIS 3.0 or NLCIUS) or pdf",
        details: InvoicesCommands.ublDetails,
        args: [number], options: [output, profile],
        examples: [
            Example("wt invoices show WT2026-00042 --format text", "the invoice as a person reads it"),
            Example("wt invoices show WT2026-00042 --format ubl --output WT2026-00042.xml", "the e-invoice for Peppol"),
            Example("wt invoices show WT2026-00042 --format ubl --profile nlcius --output WT2026-00042.xml", "SI-UBL 2.0, for a receiver registered for the G-account extension"),
            Example("wt invoices show WT2026-00042 --format pdf --output WT2026-00042.pdf", "the PDF to mail"),
        ],
        fields: Invoice.schema.names, access: .read, extraFormats: ["text", "ubl", "pdf"])

    /// `--profile` is checked here, before the store is opened.
    static func options(from line: ParsedLine) throws -> Options {
        let profile = try profile.value(in: line)
        if profile != nil && line.globals.extraFormat != "ubl" {
            throw WTError.usage("--profile applies to the e-invoice only", hint: "add --format ubl")
        }
        return Options(number: try number.required(in: line), output: try output.value(in: line), profile: profile)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let invoice = try Invoices.find(o.number, try env.store(), actor: try env.actor())
        var bytes: [UInt8]
        switch env.globals.extraFormat {
        case "text": bytes = Array(InvoiceText.render(invoice).utf8)
        case "ubl":
            try UBLWriter.requireIdentifiers(invoice, profile: o.profile ?? .peppol)
            bytes = Array(UBLWriter.write(invoice, profile: o.profile ?? .peppol).utf8)
        case "pdf":
            bytes = InvoicePDF.render(invoice)
            if o.output == nil && env.ctx.stdoutIsTerminal {
                throw WTError.usage("a PDF is not for a terminal", hint: "add --output FILE, or pipe it: wt invoices show \(invoice.number) --format pdf > \(invoice.number).pdf")
            }
        default:
            guard o.output != nil else { return try env.printRecord(invoice.stored, Invoice.schema) }
            bytes = Array(try Renderer.record(invoice.stored, schema: Invoice.schema, options: env.globals, colour: false).utf8)
        }
        try env.writeOutput(bytes, to: o.output, what: invoice.number)
    }
}
