import Foundation
@testable import WTKit

/// The invoices the unit tests compute and write: shared by InvoiceCoreTests and the UBL tests,
/// which validate every document built from them with the official rules in one batch.
enum Fixtures {
    static let hourTypes = ["normal", "overtime125", "overtime150", "overtime200"]

    static func week(_ s: String) -> ISOWeek { try! ISOWeek.parse(s) }
    static func eur(_ s: String) -> Money { try! Money.parse(s) }
    static func date(_ s: String) -> CalendarDate { try! CalendarDate.parse(s) }

    static let agency = InvoiceParty(
        name: "WerkTalent B.V.", street: "Stationsplein 1", postcode: "3511 ED", city: "Utrecht", country: "NL",
        kvk: "12345678", vatId: "NL123456789B01", email: "administratie@werktalent.com",
        iban: "NL91ABNA0417164300", gAccountIban: "NL86INGB0990123456")

    static let client = InvoiceParty(
        name: "Bakkerij De Korenschoof B.V.", street: "Industrieweg 12", postcode: "1506 AB", city: "Zaandam",
        country: "NL", kvk: "87654321", vatId: "NL987654321B01", email: "crediteuren@korenschoof.nl")

    /// Anna: 38:00 normal + 7:30 at 150% + € 12,40 travel in W48, 0:06 normal in W49 (€ 23,45/h);
    /// Bram: 20:00 normal + 2:20 at 125% + € 7,50 parking without VAT in W48 (€ 19,80 … see below).
    static var declarations: [InvoiceCalculator.Declaration] {
        [
            InvoiceCalculator.Declaration(
                id: "d-3", worker: "w-2", workerName: "Bram de Wit", week: week("2026-W48"),
                hours: [
                    .init(type: "overtime125", minutes: 140, billRate: eur("23.45"), percent: 125),
                    .init(type: "normal", minutes: 1200, billRate: eur("19.80"), percent: 100),
                ],
                expenses: [.init(label: "parkeren", amount: eur("7.50"), vatable: false)]),
            InvoiceCalculator.Declaration(
                id: "d-2", worker: "w-1", workerName: "Anna Bakker", week: week("2026-W49"),
                hours: [.init(type: "normal", minutes: 6, billRate: eur("23.45"), percent: 100)]),
            InvoiceCalculator.Declaration(
                id: "d-1", worker: "w-1", workerName: "Anna Bakker", week: week("2026-W48"),
                hours: [
                    .init(type: "overtime150", minutes: 450, billRate: eur("23.45"), percent: 150),
                    .init(type: "normal", minutes: 2280, billRate: eur("23.45"), percent: 100),
                    .init(type: "overtime200", minutes: 0, billRate: eur("23.45"), percent: 200),
                ],
                expenses: [.init(label: "reiskosten", amount: eur("12.40"))]),
        ]
    }

    static let sixtyLineWorkers = (1...20).map { String(format: "Medewerker %02d", $0) }

    /// 20 workers × 3 hour types: an invoice whose PDF runs over pages.
    static var sixtyLineDeclarations: [InvoiceCalculator.Declaration] {
        sixtyLineWorkers.enumerated().map { i, name in
            InvoiceCalculator.Declaration(
                id: "d-\(i + 1)", worker: "w-\(i + 1)", workerName: name, week: week("2026-W48"),
                hours: [
                    .init(type: "normal", minutes: 2400, billRate: eur("21.50"), percent: 100),
                    .init(type: "overtime125", minutes: 90, billRate: eur("21.50"), percent: 125),
                    .init(type: "overtime150", minutes: 45, billRate: eur("21.50"), percent: 150),
                ])
        }
    }

    /// 125 workers × 4 hour types over awkward minutes and rates: a 500-line invoice.
    static var fiveHundredLineDeclarations: [InvoiceCalculator.Declaration] {
        (1...125).map { i in
            let rate = Money(cents: Int64(1_500 + i * 37))
            return InvoiceCalculator.Declaration(
                id: "d-\(i)", worker: "w-\(i)", workerName: "Medewerker \(i) Ærøskøbing-Ñúñez", week: week(i % 2 == 0 ? "2026-W47" : "2026-W48"),
                hours: [
                    .init(type: "normal", minutes: 2_400 + i, billRate: rate, percent: 100),
                    .init(type: "overtime125", minutes: 7 * i % 600 + 1, billRate: rate, percent: 125),
                    .init(type: "overtime150", minutes: 13 * i % 480 + 1, billRate: rate, percent: 150),
                    .init(type: "overtime200", minutes: 11 * i % 300 + 1, billRate: rate, percent: 200),
                ])
        }
    }

    static func invoice(gAccountPercent: Int = 0, declarations: [InvoiceCalculator.Declaration]? = nil,
                        clientParty: InvoiceParty? = nil, vatRate: Int = 21) throws -> Invoice {
        let amounts = try InvoiceCalculator.compute(
            declarations: declarations ?? self.declarations, vatRate: vatRate, hourTypes: hourTypes,
            gAccountPercent: gAccountPercent)
        return InvoiceCalculator.invoice(
            number: "WT2026-00042", date: date("2026-12-07"), dueDate: date("2027-01-06"), client: "cl-3",
            clientParty: clientParty ?? client, agencyParty: agency, amounts: amounts, createdAt: "2026-12-07T08:00:00Z")
    }

    static func credit(of original: Invoice) throws -> Invoice {
        try InvoiceCalculator.creditNote(
            for: original, number: "WT2026-00043", date: date("2026-12-10"), reason: "Uren Bram dubbel gedeclareerd",
            createdAt: "2026-12-10T09:30:00Z")
    }

    /// The XML with the first element `<name>…</name>` (including nested ones) taken out; nil
    /// when there is no such occurrence.
    static func removing(_ xml: String, element name: String, occurrence: Int = 1) -> String? {
        var from = xml.startIndex
        var range: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let open = xml.range(of: "<\(name)>", range: from..<xml.endIndex) ?? xml.range(of: "<\(name) ", range: from..<xml.endIndex),
                  let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex)
            else { return nil }
            var lineStart = open.lowerBound
            while lineStart > xml.startIndex, xml[xml.index(before: lineStart)] == " " { lineStart = xml.index(before: lineStart) }
            range = lineStart..<xml.index(after: close.upperBound)
            from = close.upperBound
        }
        var out = xml
        out.removeSubrange(range!)
        return out
    }
}
