import Foundation
import XCTest
@testable import WTKit

final class InvoiceCoreTests: XCTestCase {
    // MARK: - Fixtures

    private var hourTypes: [String] { Fixtures.hourTypes }
    private func week(_ s: String) -> ISOWeek { Fixtures.week(s) }
    private func eur(_ s: String) -> Money { Fixtures.eur(s) }
    private func date(_ s: String) -> CalendarDate { Fixtures.date(s) }
    private var agency: InvoiceParty { Fixtures.agency }
    private var client: InvoiceParty { Fixtures.client }
    private var declarations: [InvoiceCalculator.Declaration] { Fixtures.declarations }

    private func invoice(gAccountPercent: Int = 0, declarations: [InvoiceCalculator.Declaration]? = nil,
                         clientParty: InvoiceParty? = nil) throws -> Invoice {
        try Fixtures.invoice(gAccountPercent: gAccountPercent, declarations: declarations, clientParty: clientParty)
    }

    private func credit(of original: Invoice) throws -> Invoice { try Fixtures.credit(of: original) }

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
        let workers = Fixtures.sixtyLineWorkers
        let decls = Fixtures.sixtyLineDeclarations
        let inv = try invoice(declarations: decls)
        XCTAssertEqual(inv.lines.count, 60)
        // Its UBL is in UBLWriterTests' corpus, which the official rules validate.
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
