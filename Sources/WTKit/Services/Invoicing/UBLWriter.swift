/// Writes an invoice as a UBL 2.1 `Invoice`, and a credit note as a UBL 2.1 `CreditNote`, in
/// one of two profiles (`Profile`). The official rule sets (EN 16931, Peppol BIS 3.0 with its
/// NL rules, SI-UBL 2.0 and its G-account extension, run by `ubl-validate` in the tests) accept
/// every document it writes; the UBL syntax order of the elements is kept by hand, as those rule
/// sets do not check it.
///
/// Choices worth knowing:
/// - **Credit notes** are written the way Peppol expects a `CreditNote`: with positive
///   quantities and amounts (the stored credit note holds them negated), type code 381, and a
///   `BillingReference` to the invoice it reverses (NL-R-001). A `CreditNote` has no `DueDate`
///   and no payment instructions: nothing is paid to the agency (NL-R-007).
/// - **Hours** are `InvoicedQuantity` in `HUR`. The quantity is minutes / 60, exact with at most
///   two decimals whenever the minutes are a multiple of 3 (every quarter or tenth of an hour);
///   otherwise it is rounded to six decimals (7:20 is `7.333333`).
/// - **Percent-billed hours** get the effective unit price, bill rate × percentage / 100, exact
///   with up to four decimals (€ 23,45 at 150% is `35.175`). EN 16931 puts no limit on the
///   decimals of a unit price, the price is never negative (BR-27), and quantity × price
///   differs from the line amount (rounded once to the cent) by less than half a cent plus, for
///   six-decimal quantities, price × 0.0000005: far inside PEPPOL-EN16931-R120's 0.02.
/// - **Expenses** are quantity 1 `C62` at their amount (quantity −1 for a negative amount, so
///   the price stays positive). An expense without VAT is category `E` at 0% with an
///   exemption reason; everything else is standard rated `S`.
/// - **G-account share**: see `Profile`. Peppol BIS has no structured place for a split
///   payment (EN 16931 allows one payment terms text, UBL-SR-05), so under `.peppol` the split
///   is in that text and the G-account is a second payment instruction; under `.nlcius` the
///   SI-UBL 2.0 G-account extension states it in structured form.
/// - **Endpoints** (electronic addresses, the Peppol participant id a receiver is registered
///   under): the KvK number (scheme 0106), else the Dutch VAT id (9944), the identifiers the
///   Netherlands Peppol Authority prescribes for Dutch participants. An e-mail address (EAS
///   `EM`) is no Peppol address (PEPPOL-EN16931-CL008 refuses it), so a party with neither gets
///   none, and `requireEndpoints` refuses to write such a document.
/// - **The PDF** (`InvoicePDF`) is embedded as an `AdditionalDocumentReference`
///   (`application/pdf`, base64): Dutch receivers commonly show or archive it with the data.
///
/// The writer writes what the invoice holds and invents nothing: an invoice issued without,
/// say, the agency's IBAN gives UBL that the rules reject (BR-61). Output is deterministic:
/// the same invoice gives the same bytes.
public enum UBLWriter {
    /// Which specification the document declares (its `CustomizationID`), and so which rule set a
    /// receiving access point validates it with and which Peppol document type it is sent as.
    public enum Profile: String, Sendable, Equatable, CaseIterable {
        /// Peppol BIS Billing 3.0, the default: every Peppol participant in the Netherlands must
        /// be registered for it (Netherlands Peppol Authority), and every foreign one is.
        /// A G-account share is stated in the payment terms text, with the G-account as a
        /// second payment instruction after the ordinary account.
        case peppol
        /// SI-UBL 2.0 (NLCIUS). An invoice with a G-account share declares and follows the
        /// SI-UBL G-account extension: `PaymentMeans` with the ids `REGULAR` and `GACCOUNT` and
        /// two `PaymentTerms` naming them with the amount to pay to each. Dutch participants
        /// must be registered for SI-UBL 2.0, but only some are for the G-account extension, and
        /// a document type the receiver is not registered for cannot be delivered.
        case nlcius

        /// The `CustomizationID` of `invoice` in this profile.
        public func customizationID(_ invoice: Invoice) -> String {
            switch self {
            case .peppol: UBLNames.peppolCustomizationID
            case .nlcius: UBLWriter.hasGAccountShare(invoice) ? UBLNames.gAccountCustomizationID : UBLNames.nlciusCustomizationID
            }
        }
    }

    /// Refuses (exit 6) what the profile's rules would reject for want of an identifier: a party
    /// without a Peppol address, a KvK number or VAT id (PEPPOL-EN16931-R010/R020), and under
    /// `.nlcius` a Dutch client without KvK number, which SI-UBL requires (BR-NL-10).
    public static func requireIdentifiers(_ invoice: Invoice, profile: Profile) throws {
        let redo = "then credit \(invoice.number) and invoice again"
        for (who, p) in [("the client", invoice.clientParty), ("the agency", invoice.agencyParty)]
        where nonEmpty(p.kvk) == nil && nonEmpty(p.vatId) == nil {
            let fix = who == "the client" ? "wt clients edit \(invoice.client) --kvk NUMBER (or --vat-id), \(redo); or send the PDF"
                : "wt config set agency.kvk NUMBER, \(redo)"
            throw WTError.invalid(
                "\(invoice.number) cannot be an e-invoice: \(who) (\(p.name)) has no KvK number or VAT id, the Peppol address", hint: fix)
        }
        let client = invoice.clientParty
        if profile == .nlcius, client.country == "NL", invoice.agencyParty.country == "NL", nonEmpty(client.kvk) == nil {
            throw WTError.invalid(
                "\(invoice.number) cannot be an SI-UBL (nlcius) e-invoice: it requires the Dutch client's KvK number (BR-NL-10), which \(client.name) has not",
                hint: "use --profile peppol, or wt clients edit \(invoice.client) --kvk NUMBER, \(redo)")
        }
    }

    /// Whether the invoice splits its payment: an invoice (not a credit note) with a G-account
    /// share of more than nothing.
    public static func hasGAccountShare(_ invoice: Invoice) -> Bool {
        invoice.kind == .invoice && invoice.gAccountAmount != .zero
    }

    /// The UBL document, UTF-8 XML with a final newline.
    public static func write(_ invoice: Invoice, profile: Profile = .peppol) -> String {
        let nlcius = profile == .nlcius
        var x = XMLBuilder()
        let credit = invoice.kind == .credit
        // Stored credit notes are negative; a UBL CreditNote states the same amounts positive.
        let sign: Int64 = credit ? -1 : 1
        func money(_ m: Money) -> String { Money(cents: m.cents * sign).description }
        let root = credit ? "CreditNote" : "Invoice"
        let lineElement = credit ? "cac:CreditNoteLine" : "cac:InvoiceLine"
        let quantityElement = credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity"
        let gAccount = hasGAccountShare(invoice)

        x.open(root, attributes: [
            ("xmlns", credit ? UBLNames.creditNoteNamespace : UBLNames.invoiceNamespace),
            ("xmlns:cac", UBLNames.cac), ("xmlns:cbc", UBLNames.cbc),
        ])
        x.leaf("cbc:CustomizationID", profile.customizationID(invoice))
        x.leaf("cbc:ProfileID", UBLNames.peppolProfileID)
        x.leaf("cbc:ID", invoice.number)
        x.leaf("cbc:IssueDate", invoice.date.description)
        if !credit {
            x.leaf("cbc:DueDate", invoice.dueDate.description)
            x.leaf("cbc:InvoiceTypeCode", "380")
        } else {
            x.leaf("cbc:CreditNoteTypeCode", "381")
            if let reason = invoice.reason { x.leaf("cbc:Note", reason) }
        }
        x.leaf("cbc:DocumentCurrencyCode", "EUR")
        x.leaf("cbc:BuyerReference", invoice.buyerReference ?? invoice.client)
        x.open("cac:InvoicePeriod")
        x.leaf("cbc:StartDate", invoice.period.start.description)
        x.leaf("cbc:EndDate", invoice.period.end.description)
        x.close("cac:InvoicePeriod")
        if credit, let original = invoice.creditOf {
            x.open("cac:BillingReference")
            x.open("cac:InvoiceDocumentReference")
            x.leaf("cbc:ID", original)
            // SI-UBL advises against the preceding invoice's date (BR-NL-24); Peppol has no such advice.
            if !nlcius, let date = invoice.creditOfDate { x.leaf("cbc:IssueDate", date.description) }
            x.close("cac:InvoiceDocumentReference")
            x.close("cac:BillingReference")
        }

        attachment(invoice, into: &x)

        x.open("cac:AccountingSupplierParty")
        party(invoice.agencyParty, into: &x)
        x.close("cac:AccountingSupplierParty")
        x.open("cac:AccountingCustomerParty")
        party(invoice.clientParty, into: &x)
        x.close("cac:AccountingCustomerParty")

        if credit {
            x.open("cac:PaymentTerms")
            let date = invoice.creditOfDate.map { " van \($0)" } ?? ""
            x.leaf("cbc:Note", "Creditering van factuur \(invoice.creditOf ?? "")\(date); het bedrag wordt verrekend of terugbetaald.")
            x.close("cac:PaymentTerms")
        } else {
            payment(invoice, gAccount: gAccount, nlcius: nlcius, into: &x)
        }

        x.open("cac:TaxTotal")
        x.leaf("cbc:TaxAmount", money(invoice.vat), currency: true)
        for v in invoice.vatBreakdown {
            x.open("cac:TaxSubtotal")
            x.leaf("cbc:TaxableAmount", money(v.base), currency: true)
            x.leaf("cbc:TaxAmount", money(v.amount), currency: true)
            x.open("cac:TaxCategory")
            x.leaf("cbc:ID", category(v.rate))
            x.leaf("cbc:Percent", String(v.rate))
            if v.rate == 0 { x.leaf("cbc:TaxExemptionReason", UBLNames.exemptionReason) }
            taxScheme(into: &x)
            x.close("cac:TaxCategory")
            x.close("cac:TaxSubtotal")
        }
        x.close("cac:TaxTotal")

        x.open("cac:LegalMonetaryTotal")
        x.leaf("cbc:LineExtensionAmount", money(invoice.subtotal), currency: true)
        x.leaf("cbc:TaxExclusiveAmount", money(invoice.subtotal), currency: true)
        x.leaf("cbc:TaxInclusiveAmount", money(invoice.total), currency: true)
        x.leaf("cbc:PayableAmount", money(invoice.total), currency: true)
        x.close("cac:LegalMonetaryTotal")

        for (index, line) in invoice.lines.enumerated() {
            x.open(lineElement)
            x.leaf("cbc:ID", String(index + 1))
            let amount = line.amount.cents * sign
            switch line.kind {
            case .hours:
                let minutes = Int64(line.minutes ?? 0) * sign
                x.leaf(quantityElement, hoursQuantity(minutes: minutes), attributes: [("unitCode", "HUR")])
            case .expense:
                x.leaf(quantityElement, amount < 0 ? "-1" : "1", attributes: [("unitCode", "C62")])
            }
            x.leaf("cbc:LineExtensionAmount", Money(cents: amount).description, currency: true)
            if let week = line.week {
                x.open("cac:InvoicePeriod")
                x.leaf("cbc:StartDate", week.monday.description)
                x.leaf("cbc:EndDate", week.sunday.description)
                x.close("cac:InvoicePeriod")
            }
            x.open("cac:Item")
            x.leaf("cbc:Name", line.description)
            x.open("cac:ClassifiedTaxCategory")
            x.leaf("cbc:ID", category(line.vatRate))
            x.leaf("cbc:Percent", String(line.vatRate))
            taxScheme(into: &x)
            x.close("cac:ClassifiedTaxCategory")
            x.close("cac:Item")
            x.open("cac:Price")
            switch line.kind {
            case .hours:
                x.leaf("cbc:PriceAmount", effectivePrice(rate: line.unitPrice, percent: line.percent), currency: true)
            case .expense:
                let price = line.unitPrice.cents < 0 ? -line.unitPrice.cents : line.unitPrice.cents
                x.leaf("cbc:PriceAmount", Money(cents: price).description, currency: true)
            }
            x.close("cac:Price")
            x.close(lineElement)
        }
        x.close(root)
        return x.text
    }

    // MARK: - Pieces

    private static func party(_ p: InvoiceParty, into x: inout XMLBuilder) {
        x.open("cac:Party")
        if let kvk = nonEmpty(p.kvk) {
            x.leaf("cbc:EndpointID", kvk, attributes: [("schemeID", "0106")])
        } else if let vat = nonEmpty(p.vatId) {
            x.leaf("cbc:EndpointID", vat, attributes: [("schemeID", "9944")])
        }
        x.open("cac:PartyName")
        x.leaf("cbc:Name", p.name)
        x.close("cac:PartyName")
        x.open("cac:PostalAddress")
        x.optionalLeaf("cbc:StreetName", p.street)
        x.optionalLeaf("cbc:CityName", p.city)
        x.optionalLeaf("cbc:PostalZone", p.postcode)
        x.open("cac:Country")
        x.leaf("cbc:IdentificationCode", p.country)
        x.close("cac:Country")
        x.close("cac:PostalAddress")
        if let vat = nonEmpty(p.vatId) {
            x.open("cac:PartyTaxScheme")
            x.leaf("cbc:CompanyID", vat)
            taxScheme(into: &x)
            x.close("cac:PartyTaxScheme")
        }
        x.open("cac:PartyLegalEntity")
        x.leaf("cbc:RegistrationName", p.name)
        if let kvk = nonEmpty(p.kvk) { x.leaf("cbc:CompanyID", kvk, attributes: [("schemeID", "0106")]) }
        x.close("cac:PartyLegalEntity")
        if let email = nonEmpty(p.email) {
            x.open("cac:Contact")
            x.leaf("cbc:ElectronicMail", email)
            x.close("cac:Contact")
        }
        x.close("cac:Party")
    }


    private static func taxScheme(into x: inout XMLBuilder) {
        x.open("cac:TaxScheme")
        x.leaf("cbc:ID", "VAT")
        x.close("cac:TaxScheme")
    }

    /// `S` (standard rated) for a rate above 0, `E` (exempt, with a reason) for 0%.
    static func category(_ rate: Int) -> String { rate > 0 ? "S" : "E" }

    static func nonEmpty(_ s: String?) -> String? {
        guard let s, !s.allSatisfy(\.isWhitespace) else { return nil }
        return s
    }

    /// minutes / 60 as a decimal: exact (at most two decimals) when 3 divides the minutes,
    /// else rounded half away from zero to six decimals.
    static func hoursQuantity(minutes: Int64) -> String {
        if minutes % 3 == 0 {
            return decimal(minutes * 5 / 3, scale: 2, minimumDecimals: 0)
        }
        let millionths = Money.roundedProduct(minutes, 1_000_000, dividedBy: 60)
        return decimal(millionths, scale: 6, minimumDecimals: 0)
    }

    /// rate × percent / 100 with the decimals it needs (at least two, at most four).
    static func effectivePrice(rate: Money, percent: Int) -> String {
        let cents = rate.cents < 0 ? -rate.cents : rate.cents
        return decimal(cents * Int64(percent), scale: 4, minimumDecimals: 2)
    }

    /// `value / 10^scale` written in plain decimal notation, trailing zeros trimmed down to
    /// `minimumDecimals`.
    static func decimal(_ value: Int64, scale: Int, minimumDecimals: Int) -> String {
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let magnitude = value.magnitude
        var fraction = String(magnitude % divisor)
        fraction = String(repeating: "0", count: scale - fraction.count) + fraction
        while fraction.count > minimumDecimals, fraction.hasSuffix("0") { fraction.removeLast() }
        return (value < 0 ? "-" : "") + String(magnitude / divisor) + (fraction.isEmpty ? "" : "." + fraction)
    }
}

