/// The invoice as a person reads it (`wt invoices show NUMBER --format text`): Dutch labels,
/// Dutch amounts (`1.234,50`), hours as `7:30`, what to pay to which account. The PDF
/// (`InvoicePDF`) lays out the same content on A4.
public enum InvoiceText {
    /// Plain text, lines of at most a little over 80 characters unless a description is
    /// longer; ends with a newline.
    public static func render(_ invoice: Invoice) -> String {
        let p = InvoicePresentation(invoice)
        var out: [String] = []
        out.append(p.title)
        out.append("")
        out += p.agencyLines
        out.append("")
        out.append(p.clientHeading)
        out += p.clientLines
        out.append("")
        let labelWidth = p.meta.map(\.label.count).max() ?? 0
        for (label, value) in p.meta {
            out.append(pad(label, labelWidth) + "  " + value)
        }
        out.append("")

        let header = InvoicePresentation.columns
        let rows = p.rows.map { [$0.description, $0.quantity, $0.rate, $0.amount, $0.vat] }
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        func format(_ cells: [String]) -> String {
            var line = pad(cells[0], widths[0])
            for i in 1..<cells.count { line += "  " + leftPad(cells[i], widths[i]) }
            return line
        }
        let tableWidth = widths.reduce(0, +) + 2 * (widths.count - 1)
        out.append(format(header))
        out.append(String(repeating: "-", count: tableWidth))
        out += rows.map(format)
        out.append(String(repeating: "-", count: tableWidth))

        let totalLabelWidth = p.totals.map(\.label.count).max() ?? 0
        let totalValueWidth = p.totals.map(\.value.count).max() ?? 0
        let totalsIndent = max(0, tableWidth - totalLabelWidth - totalValueWidth - 2)
        for t in p.totals {
            out.append(String(repeating: " ", count: totalsIndent) + pad(t.label, totalLabelWidth) + "  " + leftPad(t.value, totalValueWidth))
        }
        out.append("")
        out += p.payment
        return out.map(withoutTrailingSpaces).joined(separator: "\n") + "\n"
    }

    static func withoutTrailingSpaces(_ line: String) -> String {
        var s = line
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s + String(repeating: " ", count: max(0, width - s.count))
    }

    static func leftPad(_ s: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - s.count)) + s
    }
}

/// The content of an invoice as printed, shared by the text and the PDF so both say the same.
struct InvoicePresentation {
    struct Row {
        var description: String
        var quantity: String
        var rate: String
        var amount: String
        var vat: String
    }

    static let columns = ["Omschrijving", "Aantal", "Tarief", "Bedrag", "BTW"]

    let title: String
    let agencyLines: [String]
    let clientHeading: String
    let clientLines: [String]
    let meta: [(label: String, value: String)]
    let rows: [Row]
    let totals: [(label: String, value: String)]
    let payment: [String]

    init(_ invoice: Invoice) {
        let credit = invoice.kind == .credit
        title = credit ? "CREDITFACTUUR" : "FACTUUR"
        agencyLines = Self.partyLines(invoice.agencyParty, withEmail: true)
        clientHeading = credit ? "Creditfactuur aan:" : "Factuur aan:"
        clientLines = Self.partyLines(invoice.clientParty, withEmail: false)

        var meta: [(String, String)] = [
            (credit ? "Creditfactuurnummer" : "Factuurnummer", invoice.number),
            (credit ? "Datum" : "Factuurdatum", Self.date(invoice.date)),
        ]
        if !credit { meta.append(("Vervaldatum", Self.date(invoice.dueDate))) }
        meta.append(("Periode", Self.period(invoice.period)))
        meta.append(("Uw referentie", invoice.buyerReference ?? invoice.client))
        if credit {
            let of = invoice.creditOf ?? "?"
            meta.append(("Creditering van", "factuur \(of)" + (invoice.creditOfDate.map { " van \(Self.date($0))" } ?? "")))
            if let reason = invoice.reason { meta.append(("Reden", reason)) }
        }
        self.meta = meta

        rows = invoice.lines.map { line in
            let quantity: String
            switch line.kind {
            case .hours: quantity = Minutes(line.minutes ?? 0).description
            case .expense: quantity = line.amount.cents < 0 && line.unitPrice.cents >= 0 ? "-1" : "1"
            }
            return Row(
                description: line.description, quantity: quantity, rate: line.unitPrice.dutch, amount: line.amount.dutch,
                vat: "\(line.vatRate)%")
        }

        var totals: [(String, String)] = [("Subtotaal", invoice.subtotal.euro)]
        for v in invoice.vatBreakdown {
            let label = "BTW \(v.rate)% over \(v.base.euro)" + (v.rate == 0 ? " (niet belast)" : "")
            totals.append((label, v.amount.euro))
        }
        totals.append(("Totaal", invoice.total.euro))
        self.totals = totals

        var payment: [String] = []
        let agency = invoice.agencyParty
        let account = agency.iban.map { IBAN.formatted($0) } ?? "(rekening niet ingesteld)"
        if credit {
            payment.append("Dit bedrag wordt verrekend met openstaande facturen of teruggestort.")
            if invoice.gAccountAmount != .zero {
                payment.append("Waarvan G-rekeningdeel (\(invoice.gAccountPercent)%): \(invoice.gAccountAmount.euro)")
            }
        } else {
            let days = invoice.dueDate - invoice.date
            if invoice.gAccountAmount != .zero {
                let gAccount = agency.gAccountIban.map { IBAN.formatted($0) } ?? "(G-rekening niet ingesteld)"
                payment.append("Waarvan te voldoen op G-rekening \(gAccount): \(invoice.gAccountAmount.euro)")
                payment.append("Te voldoen op rekening \(account): \(invoice.regularAmount.euro)")
            } else {
                payment.append("Te voldoen op rekening \(account) t.n.v. \(agency.name): \(invoice.total.euro)")
            }
            payment.append(
                "Betaaltermijn \(days) dagen: uiterlijk \(Self.date(invoice.dueDate)), onder vermelding van \(invoice.number).")
        }
        self.payment = payment
    }

    static func partyLines(_ p: InvoiceParty, withEmail: Bool) -> [String] {
        var lines = [p.name]
        if let street = p.street { lines.append(street) }
        let place = [p.postcode, p.city].compactMap { $0 }.joined(separator: " ")
        if !place.isEmpty || p.country != "NL" {
            lines.append(p.country == "NL" ? place : [place, p.country].filter { !$0.isEmpty }.joined(separator: " "))
        }
        var ids: [String] = []
        if let kvk = p.kvk { ids.append("KvK \(kvk)") }
        if let vat = p.vatId { ids.append("BTW-id \(vat)") }
        if !ids.isEmpty { lines.append(ids.joined(separator: " · ")) }
        if withEmail, let email = p.email { lines.append(email) }
        return lines
    }

    static let monthNames = [
        "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
        "november", "december",
    ]

    /// `30 november 2026`.
    static func date(_ d: CalendarDate) -> String { "\(d.day) \(monthNames[d.month - 1]) \(d.year)" }

    /// `2026-W48 (23 t/m 29 november 2026)`, `2026-W48 t/m 2026-W49 (23 november t/m 6 december 2026)`.
    static func period(_ p: Invoice.Period) -> String {
        let weeks = p.firstWeek == p.lastWeek ? p.firstWeek.description : "\(p.firstWeek) t/m \(p.lastWeek)"
        let start = p.start, end = p.end
        let from: String
        if start.year != end.year {
            from = date(start)
        } else if start.month != end.month {
            from = "\(start.day) \(monthNames[start.month - 1])"
        } else {
            from = "\(start.day)"
        }
        return "\(weeks) (\(from) t/m \(date(end)))"
    }
}
