/// Writes an invoice as a UBL 2.1 `Invoice`, and a credit note as a UBL 2.1 `CreditNote`,
/// conforming to Peppol BIS Billing 3.0 (EN 16931 with the Peppol CIUS); `UBLRules.check`
/// (in the tests, so the binary does not link libxml2) verifies the result.
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
/// - **G-account share**: with a G-account share the invoice carries the SI-UBL 2.0 G-account
///   extension: two `PaymentMeans` with the ids `REGULAR` and `GACCOUNT` (the agency's IBAN and
///   its G-account IBAN) and two `PaymentTerms` naming them in `PaymentMeansID` with the
///   `Amount` to pay to each; the amounts add up to the `PayableAmount`. `Profile.peppol` keeps
///   the Peppol BIS specification identifier, under which Peppol validators only warn about
///   these extension elements (UBL-CR-411, -453, -459); `Profile.nlciusGAccount` declares the
///   extension's own identifier instead, for receivers that validate SI-UBL 2.0 with the
///   G-account extension (BR-GA-0).
/// - **Endpoints** (electronic addresses): the KvK number (scheme 0106), else the VAT id (9944),
///   else the e-mail address (EM).
///
/// The writer writes what the invoice holds and invents nothing: an invoice issued without,
/// say, the agency's IBAN gives UBL that `UBLRules.check` rejects. Output is deterministic:
/// the same invoice gives the same bytes.
public enum UBLWriter {
    public enum Profile: Sendable, Equatable {
        /// Peppol BIS Billing 3.0: the default, what `wt invoices show --format ubl` writes.
        case peppol
        /// SI-UBL 2.0 (NLCIUS) with the G-account extension.
        case nlciusGAccount

        public var customizationID: String {
            switch self {
            case .peppol: UBLNames.peppolCustomizationID
            case .nlciusGAccount: UBLNames.gAccountCustomizationID
            }
        }
    }

    /// The UBL document, UTF-8 XML with a final newline.
    public static func write(_ invoice: Invoice, profile: Profile = .peppol) -> String {
        var x = XMLBuilder()
        let credit = invoice.kind == .credit
        // Stored credit notes are negative; a UBL CreditNote states the same amounts positive.
        let sign: Int64 = credit ? -1 : 1
        func money(_ m: Money) -> String { Money(cents: m.cents * sign).description }
        let root = credit ? "CreditNote" : "Invoice"
        let lineElement = credit ? "cac:CreditNoteLine" : "cac:InvoiceLine"
        let quantityElement = credit ? "cbc:CreditedQuantity" : "cbc:InvoicedQuantity"
        let gAccount = !credit && invoice.gAccountAmount != .zero

        x.open(root, attributes: [
            ("xmlns", credit ? UBLNames.creditNoteNamespace : UBLNames.invoiceNamespace),
            ("xmlns:cac", UBLNames.cac), ("xmlns:cbc", UBLNames.cbc),
        ])
        x.leaf("cbc:CustomizationID", profile.customizationID)
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
            if let date = invoice.creditOfDate { x.leaf("cbc:IssueDate", date.description) }
            x.close("cac:InvoiceDocumentReference")
            x.close("cac:BillingReference")
        }

        x.open("cac:AccountingSupplierParty")
        party(invoice.agencyParty, into: &x)
        x.close("cac:AccountingSupplierParty")
        x.open("cac:AccountingCustomerParty")
        party(invoice.clientParty, into: &x)
        x.close("cac:AccountingCustomerParty")

        if !credit {
            let agency = invoice.agencyParty
            x.open("cac:PaymentMeans")
            if gAccount { x.leaf("cbc:ID", UBLNames.regularPaymentMeansID) }
            x.leaf("cbc:PaymentMeansCode", "58")
            x.leaf("cbc:PaymentID", invoice.number)
            account(agency.iban, name: agency.name, into: &x)
            x.close("cac:PaymentMeans")
            if gAccount {
                x.open("cac:PaymentMeans")
                x.leaf("cbc:ID", UBLNames.gAccountPaymentMeansID)
                x.leaf("cbc:PaymentMeansCode", "58")
                x.leaf("cbc:PaymentID", invoice.number)
                account(agency.gAccountIban, name: agency.name, into: &x)
                x.close("cac:PaymentMeans")
            }
            let days = invoice.dueDate - invoice.date
            let term = "Betaling binnen \(days) dagen, uiterlijk \(invoice.dueDate), onder vermelding van \(invoice.number)."
            if gAccount {
                x.open("cac:PaymentTerms")
                x.leaf("cbc:PaymentMeansID", UBLNames.regularPaymentMeansID)
                x.leaf("cbc:Note", term)
                x.leaf("cbc:Amount", money(invoice.regularAmount), currency: true)
                x.close("cac:PaymentTerms")
                x.open("cac:PaymentTerms")
                x.leaf("cbc:PaymentMeansID", UBLNames.gAccountPaymentMeansID)
                x.leaf("cbc:Note", "G-rekeningdeel (\(invoice.gAccountPercent)% van het totaal) op de G-rekening.")
                x.leaf("cbc:Amount", money(invoice.gAccountAmount), currency: true)
                x.close("cac:PaymentTerms")
            } else {
                x.open("cac:PaymentTerms")
                x.leaf("cbc:Note", term)
                x.close("cac:PaymentTerms")
            }
        } else {
            x.open("cac:PaymentTerms")
            let date = invoice.creditOfDate.map { " van \($0)" } ?? ""
            x.leaf("cbc:Note", "Creditering van factuur \(invoice.creditOf ?? "")\(date); het bedrag wordt verrekend of terugbetaald.")
            x.close("cac:PaymentTerms")
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
        } else if let email = nonEmpty(p.email) {
            x.leaf("cbc:EndpointID", email, attributes: [("schemeID", "EM")])
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

    private static func account(_ iban: String?, name: String, into x: inout XMLBuilder) {
        guard let iban = nonEmpty(iban) else { return }
        x.open("cac:PayeeFinancialAccount")
        x.leaf("cbc:ID", iban)
        x.leaf("cbc:Name", name)
        x.close("cac:PayeeFinancialAccount")
    }

    private static func taxScheme(into x: inout XMLBuilder) {
        x.open("cac:TaxScheme")
        x.leaf("cbc:ID", "VAT")
        x.close("cac:TaxScheme")
    }

    /// `S` (standard rated) for a rate above 0, `E` (exempt, with a reason) for 0%.
    static func category(_ rate: Int) -> String { rate > 0 ? "S" : "E" }

    private static func nonEmpty(_ s: String?) -> String? {
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

/// Identifiers of the UBL and e-invoicing specifications, shared by writer and checker.
public enum UBLNames {
    public static let invoiceNamespace = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
    public static let creditNoteNamespace = "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2"
    public static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    public static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    /// Peppol BIS Billing 3.0 (PEPPOL-EN16931-R004).
    public static let peppolCustomizationID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0"
    /// SI-UBL 2.0 (NLCIUS) with the G-account extension (BR-GA-0).
    public static let gAccountCustomizationID =
        "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0#conformant#urn:fdc:nen.nl:gaccount:v1.0"
    public static let nlciusCustomizationID = "urn:cen.eu:en16931:2017#compliant#urn:fdc:nen.nl:nlcius:v1.0"
    /// The Peppol billing process (PEPPOL-EN16931-R007).
    public static let peppolProfileID = "urn:fdc:peppol.eu:2017:poacc:billing:01:1.0"
    /// The payment means ids of the G-account extension (BR-GA-5, BR-GA-7).
    public static let gAccountPaymentMeansID = "GACCOUNT"
    public static let regularPaymentMeansID = "REGULAR"
    public static let exemptionReason = "Doorbelaste kosten, niet belast met btw"
}

/// Indented XML, two spaces per level, with text and attribute values escaped.
struct XMLBuilder {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var depth = 0

    private var indent: String { String(repeating: "  ", count: depth) }

    mutating func open(_ name: String, attributes: [(String, String)] = []) {
        text += indent + "<" + name + Self.attributes(attributes) + ">\n"
        depth += 1
    }

    mutating func close(_ name: String) {
        depth -= 1
        text += indent + "</" + name + ">\n"
    }

    /// An element with text. `currency: true` adds `currencyID="EUR"`.
    mutating func leaf(_ name: String, _ value: String, attributes: [(String, String)] = [], currency: Bool = false) {
        let attrs = currency ? attributes + [("currencyID", "EUR")] : attributes
        text += indent + "<" + name + Self.attributes(attrs) + ">" + Self.escape(value, quotes: false) + "</" + name + ">\n"
    }

    /// A leaf only when there is a non-blank value: Peppol forbids empty elements (R008).
    mutating func optionalLeaf(_ name: String, _ value: String?) {
        guard let value, !value.allSatisfy(\.isWhitespace) else { return }
        leaf(name, value)
    }

    private static func attributes(_ list: [(String, String)]) -> String {
        list.map { " \($0.0)=\"\(escape($0.1, quotes: true))\"" }.joined()
    }

    /// `&`, `<`, `>` (and `"` in attributes) as entities; characters XML 1.0 cannot hold
    /// (C0 controls other than tab and line breaks, U+FFFE, U+FFFF) as `?`; in attributes
    /// also tab and line breaks as character references, so they survive normalisation.
    static func escape(_ s: String, quotes: Bool) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "\t" where quotes: out += "&#9;"
            case "\n" where quotes: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "?"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
