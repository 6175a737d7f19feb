import Foundation
import XCTest
@testable import WTKit

final class InvoiceCoreTests: XCTestCase {
    // MARK: - Fixtures

    private let hourTypes = ["normal", "overtime125", "overtime150", "overtime200"]

    private func week(_ s: String) -> ISOWeek { try! ISOWeek.parse(s) }
    private func eur(_ s: String) -> Money { try! Money.parse(s) }
    private func date(_ s: String) -> CalendarDate { try! CalendarDate.parse(s) }

    private let agency = InvoiceParty(
        name: "WerkTalent B.V.", street: "Stationsplein 1", postcode: "3511 ED", city: "Utrecht", country: "NL",
        kvk: "12345678", vatId: "NL123456789B01", email: "administratie@werktalent.com",
        iban: "NL91ABNA0417164300", gAccountIban: "NL86INGB0990123456")

    private let client = InvoiceParty(
        name: "Bakkerij De Korenschoof B.V.", street: "Industrieweg 12", postcode: "1506 AB", city: "Zaandam",
        country: "NL", kvk: "87654321", vatId: "NL987654321B01", email: "crediteuren@korenschoof.nl")

    /// Anna: 38:00 normal + 7:30 at 150% + € 12,40 travel in W48, 0:06 normal in W49 (€ 23,45/h);
    /// Bram: 20:00 normal + 2:20 at 125% + € 7,50 parking without VAT in W48 (€ 19,80 … see below).
    private var declarations: [InvoiceCalculator.Declaration] {
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

    private func invoice(gAccountPercent: Int = 0, declarations: [InvoiceCalculator.Declaration]? = nil,
                         clientParty: InvoiceParty? = nil) throws -> Invoice {
        let amounts = try InvoiceCalculator.compute(
            declarations: declarations ?? self.declarations, vatRate: 21, hourTypes: hourTypes,
            gAccountPercent: gAccountPercent)
        return InvoiceCalculator.invoice(
            number: "WT2026-00042", date: date("2026-12-07"), dueDate: date("2027-01-06"), client: "cl-3",
            clientParty: clientParty ?? client, agencyParty: agency, amounts: amounts, createdAt: "2026-12-07T08:00:00Z")
    }

    private func credit(of original: Invoice) throws -> Invoice {
        try InvoiceCalculator.creditNote(
            for: original, number: "WT2026-00043", date: date("2026-12-10"), reason: "Uren Bram dubbel gedeclareerd",
            createdAt: "2026-12-10T09:30:00Z")
    }

    private func replacing(_ xml: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        XCTAssertTrue(xml.contains(old), "the UBL does not contain \(old)", file: file, line: line)
        return xml.replacingOccurrences(of: old, with: new)
    }

    /// The XML with the first element `<name>…</name>` (including nested ones) taken out.
    private func removing(_ xml: String, element name: String, occurrence: Int = 1, file: StaticString = #filePath, line: UInt = #line) -> String {
        var from = xml.startIndex
        var range: Range<String.Index>?
        for _ in 0..<occurrence {
            guard let open = xml.range(of: "<\(name)>", range: from..<xml.endIndex) ?? xml.range(of: "<\(name) ", range: from..<xml.endIndex),
                  let close = xml.range(of: "</\(name)>", range: open.upperBound..<xml.endIndex)
            else {
                XCTFail("no \(name) #\(occurrence) in the UBL", file: file, line: line)
                return xml
            }
            var lineStart = open.lowerBound
            while lineStart > xml.startIndex, xml[xml.index(before: lineStart)] == " " { lineStart = xml.index(before: lineStart) }
            range = lineStart..<xml.index(after: close.upperBound)
            from = close.upperBound
        }
        var out = xml
        out.removeSubrange(range!)
        return out
    }

    private func rules(_ xml: String) -> Set<String> { Set(UBLRules.check(xml).filter { $0.severity == .fatal }.map(\.rule)) }

    private func onPath(_ tool: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)") }
    }

    /// Runs a tool found on PATH with no stdin.
    private func run(_ arguments: [String]) throws -> (status: Int32, out: String, err: String) {
        let r = try Subprocess.run("/usr/bin/env", arguments)
        return (r.status, r.out, r.err)
    }

    /// poppler-utils are part of the toolchain image; without them the PDF checks are skipped
    /// locally but fail in CI, so CI cannot pass them silently.
    private func requirePoppler() throws {
        guard onPath("pdftotext"), onPath("pdfinfo") else {
            if ProcessInfo.processInfo.environment["CI"] == "true" {
                XCTFail("poppler-utils (pdftotext, pdfinfo) are required in CI")
                throw XCTSkip("poppler-utils missing")
            }
            throw XCTSkip("poppler-utils (pdftotext, pdfinfo) are not installed")
        }
    }

    private func pdfText(_ bytes: [UInt8]) throws -> (text: String, pages: Int) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wt-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(bytes).write(to: file)
        let info = try run(["pdfinfo", file.path])
        XCTAssertEqual(info.status, 0, info.err)
        XCTAssertEqual(info.err, "", "poppler reported problems")
        let pagesLine = info.out.split(separator: "\n").first { $0.hasPrefix("Pages:") }
        let pages = Int(pagesLine.map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) } ?? "") ?? 0
        let text = try run(["pdftotext", "-layout", "-enc", "UTF-8", file.path, "-"])
        XCTAssertEqual(text.status, 0, text.err)
        return (text.out, pages)
    }

    // MARK: - Amounts

    func testLinesAreOnePerWorkerWeekAndHourTypeInConfiguredOrderWithExactAmounts() throws {
        let inv = try invoice()
        let summary = inv.lines.map { "\($0.workerName ?? "")|\($0.week!)|\($0.hourType ?? $0.description)|\($0.minutes.map(String.init) ?? "-")|\($0.amount)|\($0.vatRate)" }
        XCTAssertEqual(summary, [
            // 38:00 × 23,45 = 891,10 exactly.
            "Anna Bakker|2026-W48|normal|2280|891.10|21",
            // 7:30 × 23,45 × 150% = 263,8125 → 263,81.
            "Anna Bakker|2026-W48|overtime150|450|263.81|21",
            "Anna Bakker|2026-W48|Anna Bakker, 2026-W48, reiskosten|-|12.40|21",
            // 0:06 × 23,45 = 2,345 → half a cent rounds away from zero: 2,35.
            "Anna Bakker|2026-W49|normal|6|2.35|21",
            // 20:00 × 19,80 = 396,00.
            "Bram de Wit|2026-W48|normal|1200|396.00|21",
            // 2:20 × 23,45 × 125% = 68,3958… → 68,40.
            "Bram de Wit|2026-W48|overtime125|140|68.40|21",
            "Bram de Wit|2026-W48|Bram de Wit, 2026-W48, parkeren|-|7.50|0",
        ])
        XCTAssertEqual(inv.lines[1].quantity, "7.50")
        XCTAssertEqual(inv.lines[1].unitPrice, eur("23.45"))
        XCTAssertEqual(inv.lines[1].percent, 150)
        XCTAssertEqual(inv.lines[1].description, "Anna Bakker, 2026-W48, overtime150 (150%)")
        XCTAssertEqual(inv.lines[1].declarations, ["d-1"])
        XCTAssertEqual(inv.lines[5].quantity, "2.33")
        XCTAssertEqual(inv.lines[2].kind, .expense)
        XCTAssertEqual(inv.lines[2].quantity, "1.00")
        XCTAssertFalse(inv.lines.contains { $0.hourType == "overtime200" }, "zero minutes make no line")
        XCTAssertEqual(inv.declarations, ["d-1", "d-2", "d-3"])
        XCTAssertEqual(inv.period.start, date("2026-11-23"))
        XCTAssertEqual(inv.period.end, date("2026-12-06"))

        // Input order does not matter.
        let reversed = try invoice(declarations: declarations.reversed())
        XCTAssertEqual(reversed, inv)
    }

    func testSubtotalVATPerRateAndTotal() throws {
        let inv = try invoice()
        // 891,10 + 263,81 + 12,40 + 2,35 + 396,00 + 68,40 = 1.634,06 at 21%; 7,50 at 0%.
        XCTAssertEqual(inv.subtotal, eur("1641.56"))
        XCTAssertEqual(inv.vatBreakdown, [
            // 21% of 1.634,06 = 343,1526 → 343,15.
            Invoice.VATAmount(rate: 21, base: eur("1634.06"), amount: eur("343.15")),
            Invoice.VATAmount(rate: 0, base: eur("7.50"), amount: eur("0.00")),
        ])
        XCTAssertEqual(inv.vat, eur("343.15"))
        XCTAssertEqual(inv.total, eur("1984.71"))
        XCTAssertEqual(inv.gAccountAmount, .zero)
        XCTAssertEqual(inv.regularAmount, eur("1984.71"))
    }

    func testVATIsRoundedOncePerRateNotPerLine() throws {
        // Three lines of 0,10 at 21%: per line 0,021 → 0,02 each (0,06); on the base of 0,30 it is 0,063 → 0,06.
        // And 0,05 + 0,05 + 0,05: per line 0,0105 → 0,01 each (0,03), on 0,15 → 0,0315 → 0,03. Use 1,25 × 2:
        // per line 0,2625 → 0,26 (0,52), on 2,50 → 0,525 → 0,53: the rates round once.
        let d = InvoiceCalculator.Declaration(
            id: "d-9", worker: "w-9", workerName: "Cas", week: week("2026-W10"), hours: [],
            expenses: [.init(label: "a", amount: eur("1.25")), .init(label: "b", amount: eur("1.25"))])
        let amounts = try InvoiceCalculator.compute(declarations: [d], vatRate: 21, hourTypes: hourTypes, gAccountPercent: 0)
        XCTAssertEqual(amounts.vat, eur("0.53"))
        XCTAssertEqual(amounts.total, eur("3.03"))
    }

    func testGAccountShareIsAPercentageOfTheTotalRoundedHalfAwayFromZero() throws {
        let inv = try invoice(gAccountPercent: 25)
        // 25% of 1.984,71 = 496,1775 → 496,18; the rest, 1.488,53, to the ordinary account.
        XCTAssertEqual(inv.gAccountPercent, 25)
        XCTAssertEqual(inv.gAccountAmount, eur("496.18"))
        XCTAssertEqual(inv.regularAmount, eur("1488.53"))
        XCTAssertEqual(inv.gAccountAmount + inv.regularAmount, inv.total)

        // Exactly half a cent: 1.256,25 + 21% (263,8125 → 263,81) = 1.520,06; 25% = 380,015 → 380,02.
        let d = InvoiceCalculator.Declaration(
            id: "d-8", worker: "w-8", workerName: "Dirk", week: week("2026-W02"), hours: [],
            expenses: [.init(label: "materiaal", amount: eur("1256.25"))])
        let half = try InvoiceCalculator.compute(declarations: [d], vatRate: 21, hourTypes: hourTypes, gAccountPercent: 25)
        XCTAssertEqual(half.vat, eur("263.81"))
        XCTAssertEqual(half.total, eur("1520.06"))
        XCTAssertEqual(half.gAccountAmount, eur("380.02"))

        let all = try InvoiceCalculator.compute(declarations: [d], vatRate: 21, hourTypes: hourTypes, gAccountPercent: 100)
        XCTAssertEqual(all.gAccountAmount, all.total)
    }

    func testTwoPlacementsAtDifferentRatesInOneWeekStaySeparateLines() throws {
        let w = week("2026-W20")
        let a = InvoiceCalculator.Declaration(id: "d-1", worker: "w-1", workerName: "Eva", week: w,
                                              hours: [.init(type: "normal", minutes: 240, billRate: eur("20.00"), percent: 100)])
        let b = InvoiceCalculator.Declaration(id: "d-2", worker: "w-1", workerName: "Eva", week: w,
                                              hours: [.init(type: "normal", minutes: 120, billRate: eur("30.00"), percent: 100)])
        let c = InvoiceCalculator.Declaration(id: "d-3", worker: "w-1", workerName: "Eva", week: w,
                                              hours: [.init(type: "normal", minutes: 60, billRate: eur("20.00"), percent: 100)])
        let amounts = try InvoiceCalculator.compute(declarations: [b, c, a], vatRate: 21, hourTypes: hourTypes, gAccountPercent: 0)
        XCTAssertEqual(amounts.lines.map(\.minutes), [300, 120])
        XCTAssertEqual(amounts.lines.map(\.amount), [eur("100.00"), eur("60.00")])
        XCTAssertEqual(amounts.lines[0].declarations, ["d-1", "d-3"])
    }

    func testUnknownHourTypesFollowTheConfiguredOnes() throws {
        let d = InvoiceCalculator.Declaration(
            id: "d-1", worker: "w-1", workerName: "Eva", week: week("2026-W20"),
            hours: [
                .init(type: "zzz", minutes: 60, billRate: eur("20.00"), percent: 100),
                .init(type: "nacht", minutes: 60, billRate: eur("20.00"), percent: 130),
                .init(type: "overtime200", minutes: 60, billRate: eur("20.00"), percent: 200),
                .init(type: "normal", minutes: 60, billRate: eur("20.00"), percent: 100),
            ])
        let amounts = try InvoiceCalculator.compute(declarations: [d], vatRate: 21, hourTypes: hourTypes, gAccountPercent: 0)
        XCTAssertEqual(amounts.lines.map(\.hourType), ["normal", "overtime200", "nacht", "zzz"])
        XCTAssertEqual(amounts.lines.map(\.amount), [eur("20.00"), eur("40.00"), eur("26.00"), eur("20.00")])
    }

    func testComputeRefusesWhatCannotBeAnInvoice() {
        func invalid(_ body: () throws -> Void, _ contains: String, line: UInt = #line) {
            XCTAssertThrowsError(try body(), line: line) { error in
                XCTAssertEqual((error as? WTError)?.kind, .invalid, line: line)
                XCTAssertTrue((error as? WTError)?.message.contains(contains) ?? false, "\(error)", line: line)
            }
        }
        let empty = InvoiceCalculator.Declaration(id: "d-5", worker: "w-1", workerName: "Eva", week: week("2026-W20"),
                                                  hours: [.init(type: "normal", minutes: 0, billRate: eur("20.00"), percent: 100)])
        invalid({ _ = try InvoiceCalculator.compute(declarations: [], vatRate: 21, hourTypes: self.hourTypes, gAccountPercent: 0) }, "no declarations")
        invalid({ _ = try InvoiceCalculator.compute(declarations: [empty], vatRate: 21, hourTypes: self.hourTypes, gAccountPercent: 0) }, "d-5")
        invalid({ _ = try InvoiceCalculator.compute(declarations: self.declarations, vatRate: 101, hourTypes: self.hourTypes, gAccountPercent: 0) }, "VAT rate")
        invalid({ _ = try InvoiceCalculator.compute(declarations: self.declarations, vatRate: 21, hourTypes: self.hourTypes, gAccountPercent: -1) }, "G-account")
        var negative = empty
        negative.hours[0].minutes = -30
        invalid({ _ = try InvoiceCalculator.compute(declarations: [negative], vatRate: 21, hourTypes: self.hourTypes, gAccountPercent: 0) }, "negative")
    }

    func testCreditNoteIsTheExactNegationOfTheInvoice() throws {
        let inv = try invoice(gAccountPercent: 25)
        let cn = try credit(of: inv)
        XCTAssertEqual(cn.kind, .credit)
        XCTAssertEqual(cn.number, "WT2026-00043")
        XCTAssertEqual(cn.creditOf, "WT2026-00042")
        XCTAssertEqual(cn.creditOfDate, date("2026-12-07"))
        XCTAssertEqual(cn.reason, "Uren Bram dubbel gedeclareerd")
        XCTAssertEqual(cn.subtotal, eur("-1641.56"))
        XCTAssertEqual(cn.vat, eur("-343.15"))
        XCTAssertEqual(cn.total, eur("-1984.71"))
        XCTAssertEqual(cn.gAccountAmount, eur("-496.18"))
        XCTAssertEqual(cn.vatBreakdown, inv.vatBreakdown.map { .init(rate: $0.rate, base: -$0.base, amount: -$0.amount) })
        XCTAssertEqual(cn.lines.count, inv.lines.count)
        for (c, i) in zip(cn.lines, inv.lines) {
            XCTAssertEqual(c.amount, -i.amount)
            XCTAssertEqual(c.minutes, i.minutes.map { -$0 })
            XCTAssertEqual(c.unitPrice, i.unitPrice)
            XCTAssertEqual(c.percent, i.percent)
            XCTAssertEqual(c.description, i.description)
        }
        XCTAssertEqual(cn.lines[0].quantity, "-38.00")
        XCTAssertEqual(cn.lines[2].quantity, "-1.00")
        XCTAssertEqual(cn.declarations, inv.declarations)
        XCTAssertEqual(cn.clientParty, inv.clientParty)
        // The invoice and its credit note cancel out, line by line and in total.
        XCTAssertEqual(inv.total + cn.total, .zero)
        XCTAssertEqual(inv.gAccountAmount + cn.gAccountAmount, .zero)

        XCTAssertThrowsError(try credit(of: cn)) { XCTAssertEqual(($0 as? WTError)?.kind, .conflict) }
    }

    // MARK: - The record

    func testStoredJSONRoundTripsWithMoneyAsStringsAndMinutesAsIntegers() throws {
        for inv in [try invoice(), try invoice(gAccountPercent: 25), try credit(of: try invoice(gAccountPercent: 25))] {
            let text = inv.stored.serialized()
            let back = try Invoice(stored: JSONReader(try JSON.parse(text), what: "invoices.json"))
            XCTAssertEqual(back, inv)
            XCTAssertEqual(back.stored.serialized(), text)
        }
        let json = try invoice(gAccountPercent: 25).stored
        XCTAssertEqual(json["number"], "WT2026-00042")
        XCTAssertEqual(json["client"], "cl-3")
        XCTAssertEqual(json["date"], "2026-12-07")
        XCTAssertEqual(json["dueDate"], "2027-01-06")
        XCTAssertEqual(json["subtotal"], "1641.56")
        XCTAssertEqual(json["vat"], "343.15")
        XCTAssertEqual(json["total"], "1984.71")
        XCTAssertEqual(json["gAccountAmount"], "496.18")
        XCTAssertEqual(json["declarations"], ["d-1", "d-2", "d-3"])
        XCTAssertEqual(json["period"], ["firstWeek": "2026-W48", "lastWeek": "2026-W49", "start": "2026-11-23", "end": "2026-12-06"])
        let line = try XCTUnwrap(json["lines"]?.arrayValue?[1])
        XCTAssertEqual(line["minutes"], .int(450))
        XCTAssertEqual(line["quantity"], "7.50")
        XCTAssertEqual(line["unitPrice"], "23.45")
        XCTAssertEqual(line["amount"], "263.81")
        XCTAssertEqual(line["vatRate"], .int(21))
        XCTAssertEqual(line["percent"], .int(150))
        XCTAssertEqual(line["week"], "2026-W48")
        XCTAssertEqual(json["vatBreakdown"]?.arrayValue?.first, ["rate": 21, "base": "1634.06", "amount": "343.15"])
        XCTAssertEqual(json["agencyParty"]?["gAccountIban"], "NL86INGB0990123456")

        // SPEC §7 fields are in the schema; what the schema names is in the record.
        let names = Invoice.schema.names
        for field in ["number", "client", "date", "dueDate", "lines", "subtotal", "vat", "total", "gAccountAmount", "declarations"] {
            XCTAssertTrue(names.contains(field), field)
        }
        for field in names { XCTAssertNotNil(json[field], "schema field \(field) missing from the record") }
        for field in ["description", "quantity", "unitPrice", "amount", "vatRate"] { XCTAssertNotNil(line[field], field) }

        var damaged = json.objectValue!
        damaged["total"] = "12,3x"
        XCTAssertThrowsError(try Invoice(stored: JSONReader(.object(damaged), what: "invoices.json")))
        damaged["total"] = "1984.71"
        damaged["kind"] = "refund"
        XCTAssertThrowsError(try Invoice(stored: JSONReader(.object(damaged), what: "invoices.json")))
    }

    // MARK: - UBL

    func testInvoiceUBLPassesEveryRuleAndSaysWhatTheInvoiceSays() throws {
        let xml = UBLWriter.write(try invoice())
        XCTAssertEqual(UBLRules.check(xml), [])
        for expected in [
            "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\"",
            "<cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>",
            "<cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>",
            "<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>",
            "<cbc:DueDate>2027-01-06</cbc:DueDate>",
            "<cbc:EndpointID schemeID=\"0106\">12345678</cbc:EndpointID>",
            "<cbc:CompanyID schemeID=\"0106\">87654321</cbc:CompanyID>",
            "<cbc:InvoicedQuantity unitCode=\"HUR\">7.5</cbc:InvoicedQuantity>",
            "<cbc:PriceAmount currencyID=\"EUR\">35.175</cbc:PriceAmount>",
            "<cbc:InvoicedQuantity unitCode=\"HUR\">2.333333</cbc:InvoicedQuantity>",
            "<cbc:PriceAmount currencyID=\"EUR\">29.3125</cbc:PriceAmount>",
            "<cbc:InvoicedQuantity unitCode=\"C62\">1</cbc:InvoicedQuantity>",
            "<cbc:TaxableAmount currencyID=\"EUR\">1634.06</cbc:TaxableAmount>",
            "<cbc:TaxExemptionReason>",
            "<cbc:PayableAmount currencyID=\"EUR\">1984.71</cbc:PayableAmount>",
            "<cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>",
            "<cbc:ID>NL91ABNA0417164300</cbc:ID>",
        ] {
            XCTAssertTrue(xml.contains(expected), expected)
        }
        XCTAssertFalse(xml.contains("GACCOUNT"))
        XCTAssertEqual(xml.components(separatedBy: "<cac:InvoiceLine>").count - 1, 7)
        XCTAssertEqual(UBLWriter.write(try invoice()), xml, "deterministic")
    }

    func testCreditNoteUBLPassesEveryRuleWithPositiveAmountsAndABillingReference() throws {
        let xml = UBLWriter.write(try credit(of: try invoice(gAccountPercent: 25)))
        XCTAssertEqual(UBLRules.check(xml), [])
        for expected in [
            "<CreditNote xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2\"",
            "<cbc:CreditNoteTypeCode>381</cbc:CreditNoteTypeCode>",
            "<cbc:Note>Uren Bram dubbel gedeclareerd</cbc:Note>",
            "<cac:BillingReference>\n    <cac:InvoiceDocumentReference>\n      <cbc:ID>WT2026-00042</cbc:ID>\n      <cbc:IssueDate>2026-12-07</cbc:IssueDate>",
            "<cbc:CreditedQuantity unitCode=\"HUR\">38</cbc:CreditedQuantity>",
            "<cbc:PayableAmount currencyID=\"EUR\">1984.71</cbc:PayableAmount>",
            "<cac:CreditNoteLine>",
        ] {
            XCTAssertTrue(xml.contains(expected), expected)
        }
        XCTAssertFalse(xml.contains("-"  + "1984.71"))
        XCTAssertFalse(xml.contains("<cac:PaymentMeans>"), "nothing is paid to the agency on a credit note")
        XCTAssertFalse(xml.contains("<cbc:DueDate>"), "a UBL 2.1 CreditNote has no DueDate")
        XCTAssertFalse(xml.contains("InvoiceLine"))
    }

    func testGAccountInvoiceCarriesTheSIUBLExtension() throws {
        let inv = try invoice(gAccountPercent: 25)
        let xml = UBLWriter.write(inv)
        let issues = UBLRules.check(xml)
        XCTAssertEqual(issues.filter { $0.severity == .fatal }, [])
        // Under the Peppol identifier the extension's elements are warnings, never errors.
        XCTAssertEqual(issues.map(\.rule).sorted(), ["UBL-CR-411", "UBL-CR-411", "UBL-CR-453", "UBL-CR-453", "UBL-CR-459", "UBL-CR-459"])
        for expected in [
            "<cbc:ID>GACCOUNT</cbc:ID>",
            "<cbc:ID>NL86INGB0990123456</cbc:ID>",
            "<cbc:PaymentMeansID>GACCOUNT</cbc:PaymentMeansID>",
            "<cbc:Amount currencyID=\"EUR\">496.18</cbc:Amount>",
            "<cbc:PaymentMeansID>REGULAR</cbc:PaymentMeansID>",
            "<cbc:Amount currencyID=\"EUR\">1488.53</cbc:Amount>",
        ] {
            XCTAssertTrue(xml.contains(expected), expected)
        }
        XCTAssertEqual(xml.components(separatedBy: "<cac:PaymentMeans>").count - 1, 2)
        XCTAssertEqual(xml.components(separatedBy: "<cac:PaymentTerms>").count - 1, 2)

        // Declaring the extension itself: no warnings at all, and the extension's rules hold.
        let declared = UBLWriter.write(inv, profile: .nlciusGAccount)
        XCTAssertTrue(declared.contains("<cbc:CustomizationID>\(UBLNames.gAccountCustomizationID)</cbc:CustomizationID>"))
        XCTAssertEqual(UBLRules.check(declared), [])
    }

    func testCheckerCatchesAnEditedTotal() throws {
        let xml = UBLWriter.write(try invoice())
        let broken = replacing(xml, "<cbc:TaxInclusiveAmount currencyID=\"EUR\">1984.71<", "<cbc:TaxInclusiveAmount currencyID=\"EUR\">1984.72<")
        let issues = UBLRules.check(broken)
        XCTAssertEqual(Set(issues.map(\.rule)), ["BR-CO-15", "BR-CO-16"])
        let co15 = try XCTUnwrap(issues.first { $0.rule == "BR-CO-15" })
        XCTAssertEqual(co15.severity, .fatal)
        XCTAssertEqual(co15.location, "/Invoice/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount")
        XCTAssertTrue(co15.message.contains("1984.72") && co15.message.contains("1984.71"), co15.message)
    }

    func testCheckerCatchesADroppedSellerName() throws {
        let xml = UBLWriter.write(try invoice())
        let broken = replacing(xml, "        <cbc:RegistrationName>WerkTalent B.V.</cbc:RegistrationName>\n", "")
        let issues = UBLRules.check(broken)
        XCTAssertEqual(issues.map(\.rule), ["BR-06"])
        XCTAssertEqual(issues.first?.location, "/Invoice/cac:AccountingSupplierParty/cac:Party")
    }

    func testCheckerCatchesBrokenGAccountTerms() throws {
        let xml = UBLWriter.write(try invoice(gAccountPercent: 25), profile: .nlciusGAccount)
        let broken = replacing(xml, "<cbc:Amount currencyID=\"EUR\">496.18</cbc:Amount>", "<cbc:Amount currencyID=\"EUR\">496.19</cbc:Amount>")
        XCTAssertEqual(rules(broken), ["BR-GA-3"])
        let peppol = UBLWriter.write(try invoice(gAccountPercent: 25))
        XCTAssertEqual(rules(replacing(peppol, ">1488.53<", ">1488.50<")), ["BR-GA-3"])
        // One terms block less: two rules say so.
        XCTAssertEqual(rules(removing(xml, element: "cac:PaymentTerms", occurrence: 2)), ["BR-GA-1", "BR-GA-3"])
        // The G-account means renamed: no GACCOUNT, and a reference to nothing.
        XCTAssertEqual(rules(replacing(xml, "<cbc:ID>GACCOUNT</cbc:ID>", "<cbc:ID>GREK</cbc:ID>")), ["BR-GA-6", "BR-GA-7"])
        XCTAssertEqual(rules(replacing(xml, "<cbc:PaymentMeansID>REGULAR<", "<cbc:PaymentMeansID>OTHER<")), ["BR-GA-6"])
        XCTAssertEqual(rules(removing(xml, element: "cac:PaymentMeans", occurrence: 1)), ["BR-GA-2", "BR-GA-6"])
        XCTAssertEqual(rules(replacing(xml, "    <cbc:PaymentMeansID>GACCOUNT</cbc:PaymentMeansID>\n", "")), ["BR-GA-4"])
        // A G-account IBAN that was never configured.
        var noGAccount = try invoice(gAccountPercent: 25)
        noGAccount.agencyParty.gAccountIban = nil
        XCTAssertEqual(rules(UBLWriter.write(noGAccount)), ["BR-61"])
    }

    /// Every mutation breaks the rules named, and only those: a checker that cannot fail is worthless.
    func testCheckerCatchesEachKindOfBreakage() throws {
        let inv = UBLWriter.write(try invoice())
        let cn = UBLWriter.write(try credit(of: try invoice()))
        let cases: [(String, String, Set<String>)] = [
            // A cent off is within R120's tolerance of 0.02, never within the sums.
            ("line amount a cent off", replacing(inv, ">891.10<", ">891.11<"), ["BR-CO-10", "BR-S-08"]),
            ("line amount ten cents off", replacing(inv, ">891.10<", ">891.20<"), ["BR-CO-10", "BR-S-08", "PEPPOL-EN16931-R120"]),
            ("VAT total edited", replacing(inv, "<cbc:TaxAmount currencyID=\"EUR\">343.15</cbc:TaxAmount>\n    <cac:TaxSubtotal>",
                                           "<cbc:TaxAmount currencyID=\"EUR\">343.16</cbc:TaxAmount>\n    <cac:TaxSubtotal>"),
             ["BR-CO-14", "BR-CO-15"]),
            ("VAT of a rate edited", replacing(inv, "<cbc:TaxAmount currencyID=\"EUR\">343.15</cbc:TaxAmount>\n      <cac:TaxCategory>",
                                               "<cbc:TaxAmount currencyID=\"EUR\">343.16</cbc:TaxAmount>\n      <cac:TaxCategory>"),
             ["BR-CO-14", "BR-CO-17", "BR-S-09"]),
            ("payable edited", replacing(inv, "<cbc:PayableAmount currencyID=\"EUR\">1984.71<", "<cbc:PayableAmount currencyID=\"EUR\">1984.70<"),
             ["BR-CO-16"]),
            ("three decimals", replacing(inv, ">1984.71</cbc:PayableAmount>", ">1984.710</cbc:PayableAmount>"), ["BR-DEC-18"]),
            ("no buyer reference", replacing(inv, "  <cbc:BuyerReference>cl-3</cbc:BuyerReference>\n", ""), ["PEPPOL-EN16931-R003"]),
            ("not Peppol", replacing(inv, "poacc:billing:3.0</cbc:CustomizationID>", "poacc:billing:2.0</cbc:CustomizationID>"),
             ["PEPPOL-EN16931-R004"]),
            ("no profile", replacing(inv, "  <cbc:ProfileID>urn:fdc:peppol.eu:2017:poacc:billing:01:1.0</cbc:ProfileID>\n", ""),
             ["PEPPOL-EN16931-R001"]),
            ("unknown profile", replacing(inv, "billing:01:1.0</cbc:ProfileID>", "billing:99:1.0</cbc:ProfileID>"), ["PEPPOL-EN16931-R007"]),
            ("no specification", replacing(inv, "  <cbc:CustomizationID>urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0</cbc:CustomizationID>\n", ""),
             ["BR-01", "PEPPOL-EN16931-R004"]),
            ("no number", replacing(inv, "  <cbc:ID>WT2026-00042</cbc:ID>\n", ""), ["BR-02"]),
            ("no issue date", replacing(inv, "  <cbc:IssueDate>2026-12-07</cbc:IssueDate>\n", ""), ["BR-03"]),
            ("no type code", replacing(inv, "  <cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>\n", ""), ["BR-04"]),
            ("other currency", replacing(inv, "<cbc:PayableAmount currencyID=\"EUR\">", "<cbc:PayableAmount currencyID=\"USD\">"),
             ["PEPPOL-EN16931-R051"]),
            ("empty element", replacing(inv, ">Stationsplein 1<", "><"), ["PEPPOL-EN16931-R008"]),
            ("no seller street", replacing(inv, "        <cbc:StreetName>Stationsplein 1</cbc:StreetName>\n", ""), ["NL-R-002"]),
            ("no buyer postcode", replacing(inv, "        <cbc:PostalZone>1506 AB</cbc:PostalZone>\n", ""), ["NL-R-004"]),
            ("seller legal id not KvK", replacing(inv, "<cbc:CompanyID schemeID=\"0106\">12345678</cbc:CompanyID>", "<cbc:CompanyID schemeID=\"0088\">12345678</cbc:CompanyID>"),
             ["NL-R-003"]),
            ("buyer legal id not KvK", replacing(inv, "<cbc:CompanyID schemeID=\"0106\">87654321</cbc:CompanyID>", "<cbc:CompanyID>87654321</cbc:CompanyID>"),
             ["NL-R-005"]),
            ("no payment means", removing(inv, element: "cac:PaymentMeans"), ["NL-R-007"]),
            ("foreign payment means", replacing(inv, "<cbc:PaymentMeansCode>58<", "<cbc:PaymentMeansCode>31<"), ["NL-R-008"]),
            ("no IBAN", removing(inv, element: "cac:PayeeFinancialAccount"), ["BR-61"]),
            ("IBAN without id", replacing(inv, "      <cbc:ID>NL91ABNA0417164300</cbc:ID>\n", ""), ["BR-50", "BR-61"]),
            ("no payment means code", replacing(inv, "    <cbc:PaymentMeansCode>58</cbc:PaymentMeansCode>\n", ""), ["BR-49", "NL-R-008"]),
            ("not a country", replacing(inv, "<cbc:IdentificationCode>NL</cbc:IdentificationCode>\n        </cac:Country>\n      </cac:PostalAddress>\n      <cac:PartyTaxScheme>\n        <cbc:CompanyID>NL987654321B01",
                                        "<cbc:IdentificationCode>ZZ</cbc:IdentificationCode>\n        </cac:Country>\n      </cac:PostalAddress>\n      <cac:PartyTaxScheme>\n        <cbc:CompanyID>NL987654321B01"),
             ["BR-CL-14"]),
            ("seller without country", replacing(inv, "        <cac:Country>\n          <cbc:IdentificationCode>NL</cbc:IdentificationCode>\n        </cac:Country>\n      </cac:PostalAddress>\n      <cac:PartyTaxScheme>\n        <cbc:CompanyID>NL123",
                                                 "      </cac:PostalAddress>\n      <cac:PartyTaxScheme>\n        <cbc:CompanyID>NL123"),
             ["BR-09"]),
            ("no buyer address", removing(inv, element: "cac:PostalAddress", occurrence: 2), ["BR-10"]),
            ("no buyer name", replacing(inv, "        <cbc:RegistrationName>Bakkerij De Korenschoof B.V.</cbc:RegistrationName>\n", ""), ["BR-07"]),
            ("no seller endpoint", replacing(inv, "      <cbc:EndpointID schemeID=\"0106\">12345678</cbc:EndpointID>\n", ""), ["PEPPOL-EN16931-R020"]),
            ("endpoint without scheme", replacing(inv, "<cbc:EndpointID schemeID=\"0106\">87654321</cbc:EndpointID>", "<cbc:EndpointID>87654321</cbc:EndpointID>"),
             ["BR-63"]),
            ("bad VAT prefix", replacing(inv, "<cbc:CompanyID>NL987654321B01</cbc:CompanyID>", "<cbc:CompanyID>QQ987654321B01</cbc:CompanyID>"),
             ["BR-CO-09"]),
            ("negative price", replacing(inv, ">23.45</cbc:PriceAmount>", ">-23.45</cbc:PriceAmount>"), ["BR-27", "PEPPOL-EN16931-R120"]),
            ("quantity without unit", replacing(inv, "<cbc:InvoicedQuantity unitCode=\"HUR\">38<", "<cbc:InvoicedQuantity>38<"), ["BR-23"]),
            ("line without name", replacing(inv, "      <cbc:Name>Anna Bakker, 2026-W48, normal (100%)</cbc:Name>\n", ""), ["BR-25"]),
            ("line without price", replacing(inv, "      <cbc:PriceAmount currencyID=\"EUR\">19.80</cbc:PriceAmount>\n", ""),
             ["BR-26", "PEPPOL-EN16931-R008", "PEPPOL-EN16931-R120"]),
            ("quantity edited", replacing(inv, ">7.5</cbc:InvoicedQuantity>", ">7.75</cbc:InvoicedQuantity>"), ["PEPPOL-EN16931-R120"]),
            ("no lines", String(inv[..<inv.range(of: "  <cac:InvoiceLine>")!.lowerBound]) + "</Invoice>\n",
             ["BR-16", "BR-CO-10", "BR-S-01", "BR-S-08", "BR-E-08"]),
            ("no VAT breakdown", removing(removing(inv, element: "cac:TaxSubtotal"), element: "cac:TaxSubtotal"),
             ["BR-CO-18", "BR-S-01", "BR-E-01", "PEPPOL-EN16931-R053", "PEPPOL-EN16931-R054"]),
            ("S line at 0%", replacing(inv, "<cbc:Name>Anna Bakker, 2026-W49, normal (100%)</cbc:Name>\n      <cac:ClassifiedTaxCategory>\n        <cbc:ID>S</cbc:ID>\n        <cbc:Percent>21<",
                                        "<cbc:Name>Anna Bakker, 2026-W49, normal (100%)</cbc:Name>\n      <cac:ClassifiedTaxCategory>\n        <cbc:ID>S</cbc:ID>\n        <cbc:Percent>0<"),
             ["BR-S-05", "BR-S-08"]),
            ("E without reason", replacing(inv, "        <cbc:TaxExemptionReason>Doorbelaste kosten, niet belast met btw</cbc:TaxExemptionReason>\n", ""),
             ["BR-E-10"]),
            ("E line at 21%", replacing(inv, "<cbc:ID>E</cbc:ID>\n        <cbc:Percent>0</cbc:Percent>\n        <cac:TaxScheme>",
                                          "<cbc:ID>E</cbc:ID>\n        <cbc:Percent>21</cbc:Percent>\n        <cac:TaxScheme>"),
             ["BR-E-05"]),
            ("line outside the period", replacing(inv, "<cbc:StartDate>2026-11-30</cbc:StartDate>\n      <cbc:EndDate>2026-12-06</cbc:EndDate>",
                                                    "<cbc:StartDate>2026-11-30</cbc:StartDate>\n      <cbc:EndDate>2026-12-13</cbc:EndDate>"),
             ["PEPPOL-EN16931-R111"]),
            ("period backwards", replacing(inv, "<cbc:EndDate>2026-12-06</cbc:EndDate>\n  </cac:InvoicePeriod>", "<cbc:EndDate>2026-11-01</cbc:EndDate>\n  </cac:InvoicePeriod>"),
             ["BR-29", "PEPPOL-EN16931-R111"]),
            ("not a date", replacing(inv, "<cbc:IssueDate>2026-12-07<", "<cbc:IssueDate>2026-13-07<"), ["WT-DATE"]),
            ("not a number", replacing(inv, ">1984.71</cbc:PayableAmount>", ">1.984,71</cbc:PayableAmount>"), ["WT-NUMBER"]),
            ("two notes", replacing(inv, "  <cbc:DocumentCurrencyCode>", "  <cbc:Note>a</cbc:Note>\n  <cbc:Note>b</cbc:Note>\n  <cbc:DocumentCurrencyCode>"),
             ["PEPPOL-EN16931-R002"]),
            ("credit note without reference", removing(cn, element: "cac:BillingReference"), ["NL-R-001"]),
            ("credit note reference without number", replacing(cn, "      <cbc:ID>WT2026-00042</cbc:ID>\n", ""), ["BR-55", "NL-R-001"]),
            ("credit line amount edited", replacing(cn, ">396.00</cbc:LineExtensionAmount>", ">396.50</cbc:LineExtensionAmount>"),
             ["BR-CO-10", "BR-S-08", "PEPPOL-EN16931-R120"]),
            ("credit without terms", removing(cn, element: "cac:PaymentTerms"), ["BR-CO-25"]),
            ("not XML", "<Invoice>", ["WT-XML"]),
            ("a DTD", "<?xml version=\"1.0\"?>\n<!DOCTYPE Invoice [<!ENTITY a \"aaaa\">]>\n" + inv.dropFirst(39), ["WT-XML"]),
            ("not UBL", "<Order xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Order-2\"/>", ["WT-ROOT"]),
        ]
        for (name, xml, expected) in cases {
            XCTAssertEqual(rules(xml), expected, name)
        }
        // Every rule id reported is one the catalogue lists.
        let known = Set(UBLRules.rules.map(\.id))
        for (_, xml, _) in cases {
            for issue in UBLRules.check(xml) { XCTAssertTrue(known.contains(issue.rule), issue.rule) }
        }
    }

    func testWarningsForDutchIdentifierFormats() throws {
        var odd = client
        odd.kvk = "8765432"
        odd.vatId = "NL98765432B01"
        let issues = UBLRules.check(UBLWriter.write(try invoice(clientParty: odd)))
        XCTAssertEqual(issues.filter { $0.severity == .fatal }, [])
        XCTAssertEqual(Set(issues.map(\.rule)), ["PEPPOL-COMMON-R054", "PEPPOL-COMMON-R056-2"])
    }

    func testEndpointFallsBackToVATIdThenEmailAndTextIsEscaped() throws {
        var party = client
        party.name = "Bakker & Zonen <\"BV\">"
        party.kvk = nil
        let withVAT = UBLWriter.write(try invoice(clientParty: party))
        XCTAssertTrue(withVAT.contains("<cbc:EndpointID schemeID=\"9944\">NL987654321B01</cbc:EndpointID>"))
        XCTAssertTrue(withVAT.contains("<cbc:RegistrationName>Bakker &amp; Zonen &lt;\"BV\"&gt;</cbc:RegistrationName>"))
        XCTAssertEqual(UBLRules.check(withVAT), [])
        party.vatId = nil
        party.name = "Kapper\u{7}Knip"
        let withEmail = UBLWriter.write(try invoice(clientParty: party))
        XCTAssertTrue(withEmail.contains("<cbc:EndpointID schemeID=\"EM\">crediteuren@korenschoof.nl</cbc:EndpointID>"))
        XCTAssertTrue(withEmail.contains("<cbc:Name>Kapper?Knip</cbc:Name>"), "a control character XML cannot hold")
        XCTAssertEqual(UBLRules.check(withEmail), [])
        party.email = nil
        XCTAssertEqual(rules(UBLWriter.write(try invoice(clientParty: party))), ["PEPPOL-EN16931-R010"])
        XCTAssertEqual(XMLBuilder.escape("a\"b\tc\n", quotes: true), "a&quot;b&#9;c&#10;")
    }

    func testQuantitiesAndPricesAsWritten() {
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 450), "7.5")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 2280), "38")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 6), "0.1")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 15), "0.25")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 440), "7.333333")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: 1), "0.016667")
        XCTAssertEqual(UBLWriter.hoursQuantity(minutes: -440), "-7.333333")
        XCTAssertEqual(UBLWriter.effectivePrice(rate: eur("23.45"), percent: 150), "35.175")
        XCTAssertEqual(UBLWriter.effectivePrice(rate: eur("23.45"), percent: 125), "29.3125")
        XCTAssertEqual(UBLWriter.effectivePrice(rate: eur("20.00"), percent: 100), "20.00")
        XCTAssertEqual(UBLWriter.effectivePrice(rate: eur("19.99"), percent: 130), "25.987")
        // Every minute count from 1 to 24:00 at an awkward rate stays within R120's 0.02.
        for minutes in 1...1440 {
            let amount = Money.amount(minutes: minutes, rate: eur("987.65"), percent: 135)
            let quantity = Decimal(string: UBLWriter.hoursQuantity(minutes: Int64(minutes)))!
            let price = Decimal(string: UBLWriter.effectivePrice(rate: eur("987.65"), percent: 135))!
            var difference = Decimal(string: amount.description)! - quantity * price
            if difference < 0 { difference = -difference }
            XCTAssertLessThanOrEqual(difference, Decimal(string: "0.01")!, "\(minutes) minutes")
        }
    }

    func testNegativeExpenseKeepsThePricePositive() throws {
        let d = InvoiceCalculator.Declaration(
            id: "d-7", worker: "w-7", workerName: "Fenna", week: week("2026-W30"),
            hours: [.init(type: "normal", minutes: 480, billRate: eur("25.00"), percent: 100)],
            expenses: [.init(label: "correctie reiskosten", amount: eur("-10.00"))])
        let inv = try invoice(declarations: [d])
        XCTAssertEqual(inv.subtotal, eur("190.00"))
        let xml = UBLWriter.write(inv)
        XCTAssertTrue(xml.contains("<cbc:InvoicedQuantity unitCode=\"C62\">-1</cbc:InvoicedQuantity>"))
        XCTAssertTrue(xml.contains("<cbc:LineExtensionAmount currencyID=\"EUR\">-10.00</cbc:LineExtensionAmount>"))
        XCTAssertTrue(xml.contains("<cbc:PriceAmount currencyID=\"EUR\">10.00</cbc:PriceAmount>"))
        XCTAssertEqual(UBLRules.check(xml), [])
        XCTAssertEqual(UBLRules.check(UBLWriter.write(try credit(of: inv))), [])
    }

    // MARK: - Text and PDF

    func testTextShowsTheInvoiceInDutch() throws {
        let text = InvoiceText.render(try invoice(gAccountPercent: 25))
        for expected in [
            "FACTUUR\n", "WerkTalent B.V.", "3511 ED Utrecht", "KvK 12345678 · BTW-id NL123456789B01",
            "Factuur aan:\nBakkerij De Korenschoof B.V.\nIndustrieweg 12\n1506 AB Zaandam\nKvK 87654321 · BTW-id NL987654321B01",
            "Factuurnummer  WT2026-00042", "Factuurdatum   7 december 2026", "Vervaldatum    6 januari 2027",
            "Periode        2026-W48 t/m 2026-W49 (23 november t/m 6 december 2026)",
            "Omschrijving", "Aantal", "Tarief", "Bedrag", "BTW",
            "Anna Bakker, 2026-W48, overtime150 (150%)    7:30   23,45  263,81  21%",
            "Subtotaal", "€ 1.641,56", "BTW 21% over € 1.634,06", "€ 343,15", "Totaal", "€ 1.984,71",
            "Waarvan te voldoen op G-rekening NL86 INGB 0990 1234 56: € 496,18",
            "Te voldoen op rekening NL91 ABNA 0417 1643 00: € 1.488,53",
            "Betaaltermijn 30 dagen: uiterlijk 6 januari 2027, onder vermelding van WT2026-00042.",
        ] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in\n\(text)")
        }
        XCTAssertFalse(text.contains(" \n"), "no trailing spaces")
        // Amounts end in one column.
        let amountLines = text.split(separator: "\n").filter { $0.hasSuffix("21%") || $0.hasSuffix(" 0%") }
        XCTAssertEqual(Set(amountLines.map(\.count)).count, 1, amountLines.joined(separator: "\n"))

        let plain = InvoiceText.render(try invoice())
        XCTAssertTrue(plain.contains("Te voldoen op rekening NL91 ABNA 0417 1643 00 t.n.v. WerkTalent B.V.: € 1.984,71"))
        XCTAssertFalse(plain.contains("G-rekening"))

        let cn = InvoiceText.render(try credit(of: try invoice(gAccountPercent: 25)))
        for expected in ["CREDITFACTUUR", "Creditfactuurnummer  WT2026-00043", "Creditering van      factuur WT2026-00042 van 7 december 2026",
                         "Reden                Uren Bram dubbel gedeclareerd", "€ -1.984,71", "-38:00", "Waarvan G-rekeningdeel (25%): € -496,18"] {
            XCTAssertTrue(cn.contains(expected), "missing \(expected) in\n\(cn)")
        }
    }

    func testPDFHoldsNumberClientAndTotal() throws {
        try requirePoppler()
        let inv = try invoice(gAccountPercent: 25)
        let bytes = InvoicePDF.render(inv)
        XCTAssertEqual(InvoicePDF.render(inv), bytes, "deterministic")
        let (text, pages) = try pdfText(bytes)
        XCTAssertEqual(pages, 1)
        for expected in ["FACTUUR", "WT2026-00042", "Bakkerij De Korenschoof B.V.", "€ 1.984,71", "€ 343,15", "263,81",
                         "NL86 INGB 0990 1234 56", "€ 496,18", "Pagina 1 van 1", "6 januari 2027"] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in\n\(text)")
        }
        let credit = try pdfText(InvoicePDF.render(try credit(of: inv))).text
        for expected in ["CREDITFACTUUR", "WT2026-00043", "factuur WT2026-00042 van 7 december 2026", "€ -1.984,71"] {
            XCTAssertTrue(credit.contains(expected), "missing \(expected) in\n\(credit)")
        }
    }

    func testSixtyLineInvoiceContinuesOnNumberedPages() throws {
        try requirePoppler()
        let workers = (1...20).map { String(format: "Medewerker %02d", $0) }
        let decls = workers.enumerated().map { i, name in
            InvoiceCalculator.Declaration(
                id: "d-\(i + 1)", worker: "w-\(i + 1)", workerName: name, week: week("2026-W48"),
                hours: [
                    .init(type: "normal", minutes: 2400, billRate: eur("21.50"), percent: 100),
                    .init(type: "overtime125", minutes: 90, billRate: eur("21.50"), percent: 125),
                    .init(type: "overtime150", minutes: 45, billRate: eur("21.50"), percent: 150),
                ])
        }
        let inv = try invoice(declarations: decls)
        XCTAssertEqual(inv.lines.count, 60)
        XCTAssertEqual(UBLRules.check(UBLWriter.write(inv)), [])
        let (text, pages) = try pdfText(InvoicePDF.render(inv))
        XCTAssertGreaterThanOrEqual(pages, 2)
        let pageTexts = text.components(separatedBy: "\u{0C}").filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        XCTAssertEqual(pageTexts.count, pages)
        for (i, page) in pageTexts.enumerated() {
            XCTAssertTrue(page.contains("Pagina \(i + 1) van \(pages)"), "page \(i + 1):\n\(page)")
        }
        XCTAssertTrue(pageTexts[1].contains("(vervolg)"))
        XCTAssertTrue(pageTexts[1].contains("Omschrijving"), "the table header repeats")
        for name in workers { XCTAssertTrue(text.contains(name), name) }
        XCTAssertTrue(pageTexts.last!.contains(inv.total.euro), "the total ends the last page")
    }
}
