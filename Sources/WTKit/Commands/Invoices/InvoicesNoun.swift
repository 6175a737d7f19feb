enum InvoicesCommands {
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
        commands: [GenerateInvoices.command, ListInvoices.command, ShowInvoice.command, CreditInvoice.command])
}
