import XCTest
@testable import WTKit

final class ContractsVerbTests: XCTestCase {
    static let base = ["contracts", "add", "--worker", "w-1", "--department", "dep-1", "--function", " Inpakker ", "--start", "2026-12-07",
        "--phase", "a", "--pay-rate", "15.20", "--bill-rate", "27,50"]

    func add(_ extra: String...) throws -> AddContract.Options { try AddContract.parse(Self.base + extra) }

    /// The base line with `name`'s value replaced (or the option left out when nil).
    func line(_ name: String, _ value: String?) -> [String] {
        var a = Self.base
        let i = a.firstIndex(of: "--\(name)")!
        if let value { a[i + 1] = value } else { a.removeSubrange(i...(i + 1)) }
        return a
    }

    func refusesAdd(_ argv: [String], kind: WTError.Kind = .usage, message: String, file: StaticString = #filePath, line: UInt = #line) {
        do {
            let o = try AddContract.parse(argv)
            XCTFail("parsed to \(o)", file: file, line: line)
        } catch let e as WTError {
            XCTAssertEqual(e.kind, kind, e.message, file: file, line: line)
            XCTAssertTrue(e.message.contains(message), e.message, file: file, line: line)
        } catch { XCTFail("\(error)", file: file, line: line) }
    }

    func testAdd() throws {
        let o = try add()
        XCTAssertEqual(o, .init(
            worker: "w-1", department: "dep-1", function: "Inpakker", start: try CalendarDate.parse("2026-12-07"), end: nil,
            phase: .A, payRate: try Money.parse("15.20"), billRate: try Money.parse("27.50"), minutesPerWeek: nil))
        XCTAssertEqual(o.contract.function, "Inpakker")

        let fixed = try AddContract.parse(line("phase", "3") + ["--cao", "NBBU", "--end", "2027-06-30", "--hours-per-week", "32:30"])
        XCTAssertEqual(fixed.phase, .p3)
        XCTAssertEqual(fixed.end, try CalendarDate.parse("2027-06-30"))
        XCTAssertEqual(fixed.minutesPerWeek, 32 * 60 + 30)
        XCTAssertEqual(try add("--hours-per-week", "37,5").minutesPerWeek, 37 * 60 + 30)
    }

    func testAddRefuses() {
        for name in ["phase", "worker", "department", "function", "pay-rate", "bill-rate"] {
            refusesAdd(line(name, nil), message: "`wt contracts add` needs --\(name) ")
        }
        refusesAdd(line("start", nil), message: "`wt contracts add` needs --start DATE")
        refusesAdd(line("start", "7-12-2026"), message: "--start: date \"7-12-2026\": expected YYYY-MM-DD")
        refusesAdd(Self.base + ["--end", "2026-02-30"], kind: .invalid, message: "--end: date")
        refusesAdd(line("phase", "D"), message: "phase \"D\": expected A, B, C (ABU) or 1-2, 3, 4 (NBBU)")
        refusesAdd(Self.base + ["--cao", "nbbu"], kind: .invalid, message: "phase \"A\" is an ABU phase")
        refusesAdd(Self.base + ["--cao", "cla"], message: "--cao: cao \"cla\": expected abu or nbbu")
        refusesAdd(line("pay-rate", "1.000,00"), message: "--pay-rate: amount")
        refusesAdd(line("bill-rate", ""), message: "--bill-rate: amount")
        refusesAdd(line("function", " "), message: "--function must not be empty")
        refusesAdd(line("function", String(repeating: "f", count: 101)), kind: .invalid, message: "--function is 101 characters")
        refusesAdd(Self.base + ["--hours-per-week", "81"], kind: .invalid, message: "--hours-per-week: 81 is not between 0 and 80 hours")
        refusesAdd(Self.base + ["--hours-per-week", "0"], kind: .invalid, message: "--hours-per-week: 0 is not between 0 and 80 hours")
        refusesAdd(Self.base + ["--hours-per-week", "many"], message: "--hours-per-week: hours \"many\"")
        refusesAdd(Self.base + ["--worker", "w-2"], message: "given twice")
    }

    func testList() {
        XCTAssertEqual(parses(ListContracts.self, "contracts", "list"), .init())
        XCTAssertEqual(
            parses(ListContracts.self, "contracts", "list", "--client", "cl-1", "--worker", "w-2", "--active", "--ending", "35"),
            .init(client: "cl-1", worker: "w-2", active: true, endingWithin: 35))
        XCTAssertEqual(parses(ListContracts.self, "contracts", "list", "--ending", "0")?.endingWithin, 0)

        refuses(ListContracts.self, "contracts", "list", "--ending", "3651", message: "--ending needs a number of days from 0 to 3650, got \"3651\"")
        refuses(ListContracts.self, "contracts", "list", "--ending", "soon", message: "--ending needs a number of days from 0 to 3650")
        // A malformed worker id reads as a lookup does: not found, not prefixed.
        refuses(ListContracts.self, "contracts", "list", "--worker", "cl-1", kind: .notFound, message: "cl-1 is a client id, not a worker id")
        refuses(ListContracts.self, "contracts", "list", "--active=yes", message: "--active")
    }

    func testShowAndEnd() throws {
        XCTAssertEqual(parses(ShowContract.self, "contracts", "show", "ct-1"), .init(id: "ct-1"))
        refuses(ShowContract.self, "contracts", "show", message: "needs ID")

        XCTAssertEqual(
            parses(EndContract.self, "contracts", "end", "ct-3", "--date", "2026-12-31"),
            .init(id: "ct-3", date: try CalendarDate.parse("2026-12-31")))
        refuses(EndContract.self, "contracts", "end", "ct-3", message: "`wt contracts end` needs --date DATE")
        refuses(EndContract.self, "contracts", "end", "ct-3", "--date", "31-12-2026", message: "--date: date \"31-12-2026\"")
        refuses(EndContract.self, "contracts", "end", "--date", "2026-12-31", message: "needs ID")
    }
}
