import Foundation

/// The payment instructions and terms of a UBL invoice, and the embedded PDF.
extension UBLWriter {
    /// `PaymentMeans` and `PaymentTerms` of an invoice (a credit note has only a terms text).
    ///
    /// Without a G-account share: one credit transfer (58, SEPA) to the agency's account and one
    /// terms text. With one, per profile:
    /// - `.peppol`: two credit transfers, the ordinary account first and the G-account second,
    ///   and one terms text that states the split (EN 16931 allows one text, UBL-SR-05, and has
    ///   no element for an amount per account).
    /// - `.nlcius`: the SI-UBL 2.0 G-account extension: the instructions carry the ids
    ///   `REGULAR` and `GACCOUNT` (BR-GA-5, BR-GA-7), and two `PaymentTerms` name them with the
    ///   amount for each (BR-GA-1, -4, -6), which add up to the amount due (BR-GA-3). Only the
    ///   first has the text: UBL-SR-05 still counts texts.
    static func payment(_ invoice: Invoice, gAccount: Bool, nlcius: Bool, into x: inout XMLBuilder) {
        let agency = invoice.agencyParty
        // SI-UBL advises against an account name (BR-NL-30); Peppol readers may show it.
        let accountName = nlcius ? nil : agency.name
        func means(_ id: String?, _ iban: String?) {
            x.open("cac:PaymentMeans")
            if let id { x.leaf("cbc:ID", id) }
            x.leaf("cbc:PaymentMeansCode", "58")
            x.leaf("cbc:PaymentID", invoice.number)
            if let iban = nonEmpty(iban) {
                x.open("cac:PayeeFinancialAccount")
                x.leaf("cbc:ID", iban)
                if let accountName { x.leaf("cbc:Name", accountName) }
                x.close("cac:PayeeFinancialAccount")
            }
            x.close("cac:PaymentMeans")
        }
        let structured = gAccount && nlcius
        means(structured ? UBLNames.regularPaymentMeansID : nil, agency.iban)
        if gAccount { means(structured ? UBLNames.gAccountPaymentMeansID : nil, agency.gAccountIban) }

        let text = termsText(invoice, gAccount: gAccount)
        x.open("cac:PaymentTerms")
        if structured { x.leaf("cbc:PaymentMeansID", UBLNames.regularPaymentMeansID) }
        x.leaf("cbc:Note", text)
        if structured { x.leaf("cbc:Amount", invoice.regularAmount.description, currency: true) }
        x.close("cac:PaymentTerms")
        if structured {
            x.open("cac:PaymentTerms")
            x.leaf("cbc:PaymentMeansID", UBLNames.gAccountPaymentMeansID)
            x.leaf("cbc:Amount", invoice.gAccountAmount.description, currency: true)
            x.close("cac:PaymentTerms")
        }
    }

    /// The payment terms as a person reads them; with a G-account share it says what goes where,
    /// since under Peppol BIS this text is the only place for the split.
    static func termsText(_ invoice: Invoice, gAccount: Bool) -> String {
        let days = invoice.dueDate - invoice.date
        let base = "Betaling binnen \(days) dagen, uiterlijk \(invoice.dueDate), onder vermelding van \(invoice.number)"
        guard gAccount else { return base + "." }
        let agency = invoice.agencyParty
        func iban(_ s: String?) -> String { nonEmpty(s).map { " " + IBAN.formatted($0) } ?? "" }
        let regular = nonEmpty(agency.iban) == nil ? "" : " op" + iban(agency.iban)
        return base + ": EUR \(invoice.regularAmount)\(regular) en het G-rekeningdeel"
            + " (\(invoice.gAccountPercent)% van het totaal), EUR \(invoice.gAccountAmount), op G-rekening\(iban(agency.gAccountIban))."
    }

    /// The invoice's PDF as an embedded attachment (BG-24): what the receiver's people see.
    static func attachment(_ invoice: Invoice, into x: inout XMLBuilder) {
        let pdf = InvoicePDF.render(invoice)
        x.open("cac:AdditionalDocumentReference")
        x.leaf("cbc:ID", invoice.number)
        x.leaf("cbc:DocumentDescription", invoice.kind == .credit ? "Creditnota (PDF)" : "Factuur (PDF)")
        x.open("cac:Attachment")
        x.leaf("cbc:EmbeddedDocumentBinaryObject", Data(pdf).base64EncodedString(),
               attributes: [("mimeCode", "application/pdf"), ("filename", "\(invoice.number).pdf")])
        x.close("cac:Attachment")
        x.close("cac:AdditionalDocumentReference")
    }
}
