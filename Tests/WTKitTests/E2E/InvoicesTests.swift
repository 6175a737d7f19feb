import Foundation
import XCTest
@testable import WTKit

/// Invoices from closed declarations (SPEC §7), end to end.
final class InvoicesTests: WTTestCase {
    func configureAgency() {
        for (k, v) in [
            ("agency.name", "WerkTalent BV"), ("agency.street", "Stationsplein 12"), ("agency.postcode", "3511 ED"),
            ("agency.city", "Utrecht"), ("agency.kvk", "12345678"), ("agency.vatId", "NL123456782B01"),
            ("agency.iban", "NL91ABNA0417164300"), ("agency.gAccountIban", "NL21INGB0990123456"),
        ] { expect(0, "config", "set", k, v) }
    }

    /// Two clients, one with a 25% G-account share; each one closed week.
    func setUpClosedWeek() {
        initStore()
        expect(0, "clients", "add", "Bakkerij BV", "--kvk", "11223344", "--street", "Dorpsstraat 1", "--postcode", "1234 AB", "--city", "Ede")
        expect(0, "clients", "add", "Bouw BV", "--kvk", "22334455", "--g-account-percent", "25", "--street", "Kade 2", "--postcode", "9711 AA", "--city", "Groningen")
        expect(0, "departments", "add", "cl-1", "Bakkerij")
        expect(0, "departments", "add", "cl-2", "Bouwplaats")
        expect(0, "workers", "add", "Sanne de Vries")
        expect(0, "workers", "add", "Daan Bakker")
        expect(0, "contracts", "add", "--worker", "w-1", "--department", "dep-1", "--function", "Bakker", "--start", "2026-11-02",
            "--phase", "A", "--pay-rate", "15", "--bill-rate", "23.45")
        expect(0, "contracts", "add", "--worker", "w-2", "--department", "dep-2", "--function", "Timmerman", "--start", "2026-11-02",
            "--phase", "A", "--pay-rate", "17", "--bill-rate", "31.10")
        expect(0, "declarations", "open", "--week", "2026-W46")
        // d-1: 7:30 normal on five days, 3:20 at 150%, parking 7.50
        expect(0, "declarations", "enter", "d-1", "mon=7:30", "tue=7:30", "wed=7:30", "thu=7:30", "fri=7:30", "--expense", "parkeren=7.50")
        expect(0, "declarations", "enter", "d-1", "sat=3:20", "--type", "overtime150")
        // d-2: 8 hours normal on four days, 2:15 at 125%
        expect(0, "declarations", "enter", "d-2", "mon=8", "tue=8", "wed=8", "thu=8")
        expect(0, "declarations", "enter", "d-2", "fri=2:15", "--type", "overtime125")
        expect(0, "declarations", "submit", "d-1", "d-2")
        expect(0, "declarations", "approve", "d-1", "d-2")
        expect(0, "declarations", "close", "--all-approved")
    }

    func testMissingAgencySettingsAreRefused() {
        setUpClosedWeek()
        let r = expect(6, "invoices", "generate")
        XCTAssertTrue(r.err.contains("agency.street"), r.err)
        XCTAssertTrue(r.err.contains("wt config set"), r.err)
        XCTAssertEqual(jsonArray(expect(0, "invoices", "list", "--json")).count, 0)
    }

    func testExactAmountsVATAndTheGAccountShare() throws {
        setUpClosedWeek()
        configureAgency()
        let dry = jsonArray(expect(0, "invoices", "generate", "--dry-run", "--json"))
        XCTAssertEqual(dry.count, 2)
        XCTAssertEqual(dry.first?["number"] as? String, "CONCEPT-1", "a dry run takes no number")
        let issued = jsonArray(expect(0, "invoices", "generate", "--json"))
        XCTAssertEqual(issued.compactMap { $0["number"] as? String }, ["WT2026-00001", "WT2026-00002"])
        let bakkerij = try XCTUnwrap(issued.first { $0["client"] as? String == "cl-1" })
        // 37:30 × 23.45 = 879.375 → 879.38; 3:20 × 23.45 × 1.5 = 117.25; parking 7.50
        let amounts = (bakkerij["lines"] as? [[String: Any]] ?? []).compactMap { $0["amount"] as? String }.sorted()
        XCTAssertEqual(amounts, ["117.25", "7.50", "879.38"])
        XCTAssertEqual(bakkerij["subtotal"] as? String, "1004.13")
        XCTAssertEqual(bakkerij["vat"] as? String, "210.87")     // 1004.13 × 21% = 210.8673
        XCTAssertEqual(bakkerij["total"] as? String, "1215.00")
        XCTAssertEqual(bakkerij["gAccountAmount"] as? String, "0.00")
        let bouw = try XCTUnwrap(issued.first { $0["client"] as? String == "cl-2" })
        // 32:00 × 31.10 = 995.20; 2:15 × 31.10 × 1.25 = 87.46875 → 87.47
        XCTAssertEqual(bouw["subtotal"] as? String, "1082.67")
        XCTAssertEqual(bouw["vat"] as? String, "227.36")         // 227.3607
        XCTAssertEqual(bouw["total"] as? String, "1310.03")
        XCTAssertEqual(bouw["gAccountAmount"] as? String, "327.51") // 25% of 1310.03 = 327.5075
        XCTAssertEqual(bouw["declarations"] as? [String], ["d-2"])
        XCTAssertEqual(bouw["dueDate"] as? String, "2026-12-30")
        XCTAssertEqual(expect(0, "invoices", "generate").out, "nothing to invoice\n", "generate is idempotent")
        XCTAssertEqual(jsonObject(expect(0, "declarations", "show", "d-1", "--json"))["invoice"] as? String, "WT2026-00001")
        let s = jsonObject(expect(0, "status", "--json"))
        XCTAssertEqual(s["invoices"] as? Int, 2)
        XCTAssertEqual((s["waiting"] as? [String: Any])?["toInvoice"] as? Int, 0)
        expect(0, "store", "verify")
    }

    func testNumbersStayConsecutiveAcrossRunsAndAnInvoiceNeverChanges() throws {
        setUpClosedWeek()
        configureAgency()
        expect(0, "invoices", "generate", "--client", "cl-2")
        let before = expect(0, "invoices", "show", "WT2026-00001", "--json").out
        expect(0, "clients", "edit", "cl-2", "--name", "Bouw Nieuw BV", "--city", "Assen")
        XCTAssertEqual(expect(0, "invoices", "show", "WT2026-00001", "--json").out, before, "an issued invoice keeps the client's details as they were")
        expect(0, "config", "set", "invoice.prefix", "WTK")
        expect(0, "invoices", "generate")
        XCTAssertEqual(jsonArray(expect(0, "invoices", "list", "--json")).compactMap { $0["number"] as? String }, ["WT2026-00001", "WTK2026-00002"])
        expect(3, "invoices", "show", "WT2026-00099")
        expect(3, "invoices", "show", "../../etc/passwd")
    }

    func testACreditNoteReversesOnceAndFreesTheDeclarations() throws {
        setUpClosedWeek()
        configureAgency()
        expect(0, "invoices", "generate")
        expect(2, "invoices", "credit", "WT2026-00001", "--reason", "Verkeerd tarief")
        let note = jsonObject(expect(0, "invoices", "credit", "WT2026-00001", "--reason", "Verkeerd tarief", "--yes", "--json"))
        XCTAssertEqual(note["number"] as? String, "WT2026-00003")
        XCTAssertEqual(note["kind"] as? String, "credit")
        XCTAssertEqual(note["creditOf"] as? String, "WT2026-00001")
        XCTAssertEqual(note["total"] as? String, "-1215.00")
        let again = expect(4, "invoices", "credit", "WT2026-00001", "--reason", "Nogmaals", "--yes")
        XCTAssertTrue(again.err.contains("already credited by WT2026-00003"), again.err)
        expect(4, "invoices", "credit", "WT2026-00003", "--reason", "x", "--yes")
        let d = jsonObject(expect(0, "declarations", "show", "d-1", "--json"))
        XCTAssertEqual(d["status"] as? String, "report")
        XCTAssertNil(d["invoice"] as? String)
        XCTAssertTrue(((d["history"] as? [[String: Any]])?.last?["reason"] as? String ?? "").contains("Verkeerd tarief"))
        // Corrected and invoiced again, under the next number.
        expect(0, "declarations", "enter", "d-1", "sat=0", "--type", "overtime150")
        expect(0, "declarations", "submit", "d-1")
        expect(0, "declarations", "approve", "d-1")
        expect(0, "declarations", "close", "d-1")
        let again2 = jsonArray(expect(0, "invoices", "generate", "--json"))
        XCTAssertEqual(again2.first?["number"] as? String, "WT2026-00004")
        XCTAssertEqual(again2.first?["subtotal"] as? String, "886.88")
        expect(0, "store", "verify")
    }

    /// Every e-invoice `wt` writes here, in both profiles, through the official rules in one run.
    func testUBLPassesTheOfficialRulesAndTheyCatchBrokenOnes() throws {
        try OfficialUBL.require()
        setUpClosedWeek()
        configureAgency()
        expect(0, "invoices", "generate")
        expect(0, "invoices", "credit", "WT2026-00001", "--reason", "Fout", "--yes")
        var docs: [(name: String, xml: String)] = []
        for number in ["WT2026-00001", "WT2026-00002", "WT2026-00003"] {
            let ubl = expect(0, "invoices", "show", number, "--format", "ubl").out
            XCTAssertTrue(ubl.contains("urn:fdc:peppol.eu:2017:poacc:billing:3.0"), number)
            XCTAssertEqual(expect(0, "invoices", "show", number, "--format", "ubl", "--profile", "peppol").out, ubl, "peppol is the default")
            docs.append((number, ubl))
            docs.append((number + "-nlcius", expect(0, "invoices", "show", number, "--format", "ubl", "--profile", "nlcius").out))
        }
        let gAccount = docs[2].xml
        XCTAssertTrue(gAccount.contains("G-rekeningdeel"), gAccount)
        XCTAssertTrue(docs[3].xml.contains("<cbc:ID>GACCOUNT</cbc:ID>"), docs[3].xml)
        XCTAssertTrue(docs[4].xml.contains("<CreditNote"))
        let file = tmp + "/f.xml"
        expect(0, "invoices", "show", "WT2026-00002", "--format", "ubl", "--profile", "nlcius", "--output", file)
        XCTAssertEqual(try String(contentsOfFile: file, encoding: .utf8), docs[3].xml)
        let broken = gAccount.replacingOccurrences(of: "<cbc:PayableAmount currencyID=\"EUR\">1310.03</cbc:PayableAmount>",
            with: "<cbc:PayableAmount currencyID=\"EUR\">1310.04</cbc:PayableAmount>")
        XCTAssertNotEqual(broken, gAccount)
        let reports = try OfficialUBL.validate(docs + [("broken", broken)]).reports
        for (name, _) in docs {
            let r = try XCTUnwrap(reports[name])
            XCTAssertEqual(r.fatal, [], "\(name): \(r)")
        }
        XCTAssertEqual(reports["WT2026-00002"]?.warnings, [], "the Peppol G-account invoice has no extension elements")
        XCTAssertEqual(reports["broken"]?.fatalRules, ["BR-CO-16"], "\(String(describing: reports["broken"]))")
    }

    /// The demo store's invoices all have a G-account share (the issue's WT2026-00020 failed
    /// UBL-SR-05): every one, and a credit note, in both profiles, passes the official rules.
    func testDemoStoreEInvoicesPassTheOfficialRules() throws {
        try OfficialUBL.require()
        initStore(sample: "demo")
        let invoices = jsonArray(expect(0, "invoices", "list", "--json"))
        XCTAssertGreaterThanOrEqual(invoices.count, 20)
        XCTAssertTrue(invoices.allSatisfy { ($0["gAccountAmount"] as? String ?? "0.00") != "0.00" })
        let last = try XCTUnwrap(invoices.last?["number"] as? String)
        let credit = jsonObject(expect(0, "invoices", "credit", last, "--reason", "Controle", "--yes", "--json"))
        var docs: [(name: String, xml: String)] = []
        for number in invoices.compactMap({ $0["number"] as? String }) + [try XCTUnwrap(credit["number"] as? String)] {
            for profile in UBLWriter.Profile.allCases {
                docs.append(("\(number)-\(profile.rawValue)", expect(0, "invoices", "show", number, "--format", "ubl", "--profile", profile.rawValue).out))
            }
        }
        let run = try OfficialUBL.validate(docs)
        for (name, _) in docs {
            let r = try XCTUnwrap(run.reports[name], name)
            XCTAssertEqual(r.fatal, [], "\(name): \(r)")
        }
        print("InvoicesTests: \(docs.count) demo e-invoices through the official rules in \(String(format: "%.1f", run.seconds)) s")
    }

    func testProfileIsForTheEInvoiceOnly() {
        setUpClosedWeek()
        configureAgency()
        expect(0, "invoices", "generate")
        let other = expect(2, "invoices", "show", "WT2026-00001", "--profile", "nlcius")
        XCTAssertTrue(other.err.contains("--format ubl"), other.err)
        let unknown = expect(2, "invoices", "show", "WT2026-00001", "--format", "ubl", "--profile", "si-ubl")
        XCTAssertTrue(unknown.err.contains("expected one of peppol, nlcius"), unknown.err)
        XCTAssertEqual(unknown.out, "")
    }

    /// A client without KvK number or VAT id has no Peppol address: no e-invoice (exit 6), the
    /// PDF still; with a VAT id only, Peppol BIS but not SI-UBL, which wants the KvK (BR-NL-10).
    func testEInvoiceNeedsThePeppolAddressOfTheClient() {
        setUpClosedWeek()
        configureAgency()
        expect(0, "clients", "edit", "cl-1", "--kvk", "")
        expect(0, "clients", "edit", "cl-2", "--kvk", "", "--vat-id", "NL004495445B01")
        expect(0, "invoices", "generate")
        let none = expect(6, "invoices", "show", "WT2026-00001", "--format", "ubl")
        XCTAssertTrue(none.err.contains("no KvK number or VAT id") && none.err.contains("wt clients edit cl-1"), none.err)
        XCTAssertEqual(none.out, "")
        expect(0, "invoices", "show", "WT2026-00001", "--format", "text")
        let vat = expect(0, "invoices", "show", "WT2026-00002", "--format", "ubl").out
        XCTAssertTrue(vat.contains("<cbc:EndpointID schemeID=\"9944\">NL004495445B01</cbc:EndpointID>"), vat)
        let nl = expect(6, "invoices", "show", "WT2026-00002", "--format", "ubl", "--profile", "nlcius")
        XCTAssertTrue(nl.err.contains("BR-NL-10") && nl.err.contains("--profile peppol"), nl.err)
        let b00 = expect(6, "clients", "add", "Nul BV", "--vat-id", "NL004495445B00")
        XCTAssertTrue(b00.err.contains("subnumber from 01"), b00.err)
    }

    func testPDFAndTextShowTheNumberTheClientAndTheTotal() throws {
        setUpClosedWeek()
        configureAgency()
        expect(0, "invoices", "generate")
        let text = expect(0, "invoices", "show", "WT2026-00002", "--format", "text").out
        XCTAssertTrue(text.contains("WT2026-00002") && text.contains("Bouw BV") && text.contains("1.310,03"), text)
        let pdf = tmp + "/f.pdf"
        expect(0, "invoices", "show", "WT2026-00002", "--format", "pdf", "--output", pdf)
        let data = try Data(contentsOf: URL(fileURLWithPath: pdf))
        XCTAssertTrue(data.starts(with: Data("%PDF-1.".utf8)))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("pdftotext is missing in CI") }
            throw XCTSkip("pdftotext (poppler-utils) is not installed")
        }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        p.arguments = ["-layout", pdf, "-"]
        let pipe = Pipe()
        p.standardOutput = pipe
        try p.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        XCTAssertTrue(out.contains("WT2026-00002"), out)
        XCTAssertTrue(out.contains("Bouw BV"), out)
        XCTAssertTrue(out.contains("1.310,03"), out)
        let piped = expect(0, "invoices", "show", "WT2026-00002", "--format", "pdf")
        XCTAssertTrue(piped.out.hasPrefix("%PDF-1."))
    }
}
