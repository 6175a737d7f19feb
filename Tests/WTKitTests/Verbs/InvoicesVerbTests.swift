import XCTest
@testable import WTKit

final class InvoicesVerbTests: XCTestCase {
    func testGenerate() throws {
        XCTAssertEqual(parses(GenerateInvoices.self, "invoices", "generate"), .init(client: nil, until: nil))
        XCTAssertEqual(
            parses(GenerateInvoices.self, "invoices", "generate", "--client", "cl-1", "--until", "2026-W48", "--dry-run"),
            .init(client: "cl-1", until: try ISOWeek.parse("2026-W48")))
        XCTAssertEqual(parses(GenerateInvoices.self, "invoices", "generate", "--until", "2026w5")?.until, try ISOWeek.parse("2026-W05"))
        refuses(GenerateInvoices.self, "invoices", "generate", "--until", "48", message: "--until: week \"48\": expected YYYY-Www")
        // A week that does not exist stays invalid (6), as `declarations` weeks are.
        refuses(GenerateInvoices.self, "invoices", "generate", "--until", "2026-W60", kind: .invalid, message: "--until: week 2026-W60 does not exist")
        refuses(GenerateInvoices.self, "invoices", "generate", "--client", "cl-1", "--client", "cl-2", message: "given twice")
        refuses(GenerateInvoices.self, "invoices", "generate", "cl-1", message: "unexpected argument")
        refuses(GenerateInvoices.self, "invoices", "generate", "--reason", "x", message: "unknown option --reason")
    }

    func testList() throws {
        XCTAssertEqual(parses(ListInvoices.self, "invoices", "list"), .init(client: nil, from: nil, to: nil))
        XCTAssertEqual(
            parses(ListInvoices.self, "invoices", "list", "--client", "cl-1", "--from", "2026-01-01", "--to", "2026-12-31"),
            .init(client: "cl-1", from: try CalendarDate.parse("2026-01-01"), to: try CalendarDate.parse("2026-12-31")))
        refuses(ListInvoices.self, "invoices", "list", "--from", "1-1-2026", message: "--from: date \"1-1-2026\": expected YYYY-MM-DD")
        refuses(ListInvoices.self, "invoices", "list", "--to", "2026-02-30", kind: .invalid, message: "--to: date \"2026-02-30\" does not exist: February 2026 has 28 days")
        refuses(ListInvoices.self, "invoices", "list", "--from", "2026-01-01", "--from", "2026-02-01", message: "given twice")
        refuses(ListInvoices.self, "invoices", "list", "WT2026-00001", message: "unexpected argument")
    }

    func testDateHint() {
        do {
            _ = try ListInvoices.parse(["invoices", "list", "--from", "soon"])
            XCTFail("parsed")
        } catch let e as WTError {
            XCTAssertEqual(e.hint, "dates are written YYYY-MM-DD")
        } catch { XCTFail("\(error)") }
    }

    func testShow() {
        XCTAssertEqual(parses(ShowInvoice.self, "invoices", "show", "WT2026-00042"), .init(number: "WT2026-00042", output: nil, profile: nil))
        XCTAssertEqual(
            parses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "--format", "pdf", "--output", "a.pdf"),
            .init(number: "WT2026-00042", output: "a.pdf", profile: nil))
        XCTAssertEqual(
            parses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "--format", "ubl", "--profile", "nlcius", "--output", "-"),
            .init(number: "WT2026-00042", output: "-", profile: .nlcius))
        XCTAssertEqual(parses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "--format", "ubl", "--profile", "peppol")?.profile, .peppol)
        XCTAssertEqual(parses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "--format", "text")?.profile, nil)
        refuses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "--format", "ubl", "--profile", "xrechnung",
            message: "--profile: unknown profile \"xrechnung\"; expected one of peppol, nlcius")
        refuses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "--profile", "peppol", message: "--profile applies to the e-invoice only")
        refuses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "--format", "pdf", "--profile", "nlcius",
            message: "--profile applies to the e-invoice only")
        // An unknown profile is named before the format is checked, as before.
        refuses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "--profile", "x", message: "--profile: unknown profile")
        refuses(ShowInvoice.self, "invoices", "show", message: "needs NUMBER")
        refuses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "WT2026-00043", message: "unexpected argument")
        refuses(ShowInvoice.self, "invoices", "show", "WT2026-00042", "--output", "a", "--output", "b", message: "given twice")
    }

    func testCredit() {
        XCTAssertEqual(
            parses(CreditInvoice.self, "invoices", "credit", "WT2026-00042", "--reason", " Uren week 47 dubbel gefactureerd ", "--yes"),
            .init(number: "WT2026-00042", reason: "Uren week 47 dubbel gefactureerd"))
        XCTAssertEqual(parses(CreditInvoice.self, "invoices", "credit", "WT2026-00042", "--reason", "a\nb")?.reason, "a\nb")
        refuses(CreditInvoice.self, "invoices", "credit", "WT2026-00042", message: "`wt invoices credit` needs --reason TEXT")
        refuses(CreditInvoice.self, "invoices", "credit", "--reason", "x", message: "needs NUMBER")
        refuses(CreditInvoice.self, "invoices", "credit", "WT2026-00042", "--reason", "  ", message: "--reason must not be empty")
        refuses(CreditInvoice.self, "invoices", "credit", "WT2026-00042", "--reason", String(repeating: "x", count: 501), kind: .invalid,
            message: "--reason is 501 characters; at most 500 are allowed")
        refuses(CreditInvoice.self, "invoices", "credit", "WT2026-00042", "--reason", "a\u{7}b", kind: .invalid,
            message: "--reason contains control characters")
        refuses(CreditInvoice.self, "invoices", "credit", "WT2026-00042", "--reason", "a", "--reason", "b", message: "given twice")
    }
}
