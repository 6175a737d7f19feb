import XCTest
@testable import WTKit

final class PayrollVerbTests: XCTestCase {
    func testRun() throws {
        XCTAssertEqual(parses(RunPayroll.self, "payroll", "run"), .init(until: nil))
        XCTAssertEqual(parses(RunPayroll.self, "payroll", "run", "--until", "2026-W48", "--dry-run"), .init(until: try ISOWeek.parse("2026-W48")))
        refuses(RunPayroll.self, "payroll", "run", "--until", "next", message: "--until: week \"next\": expected YYYY-Www")
        // Payroll has always refused a week that does not exist as a usage error (2).
        refuses(RunPayroll.self, "payroll", "run", "--until", "2026-W60", message: "--until: week 2026-W60 does not exist")
        refuses(RunPayroll.self, "payroll", "run", "--until", "2026-W1", "--until", "2026-W2", message: "given twice")
        refuses(RunPayroll.self, "payroll", "run", "L2026-00001", message: "unexpected argument")
    }

    func testWeekHint() {
        do {
            _ = try RunPayroll.parse(["payroll", "run", "--until", "2026-W00"])
            XCTFail("parsed")
        } catch let e as WTError {
            XCTAssertEqual(e.kind, .usage)
            XCTAssertEqual(e.message, "--until: week 2026-W00 does not exist: weeks are numbered from W01")
            XCTAssertEqual(e.hint, "weeks are written YYYY-Www, e.g. 2026-W48")
        } catch { XCTFail("\(error)") }
    }

    func testList() throws {
        XCTAssertEqual(parses(ListPayrollRuns.self, "payroll", "list"), .init(from: nil, to: nil))
        XCTAssertEqual(
            parses(ListPayrollRuns.self, "payroll", "list", "--from", "2026-01-01", "--to", "2026-06-30"),
            .init(from: try CalendarDate.parse("2026-01-01"), to: try CalendarDate.parse("2026-06-30")))
        refuses(ListPayrollRuns.self, "payroll", "list", "--from", "2026-W01", message: "--from: date \"2026-W01\": expected YYYY-MM-DD")
        refuses(ListPayrollRuns.self, "payroll", "list", "--to", "2026-13-01", kind: .invalid, message: "--to: date \"2026-13-01\" does not exist: months run from 01 to 12")
        refuses(ListPayrollRuns.self, "payroll", "list", "L2026-00001", message: "unexpected argument")
    }

    func testShow() {
        XCTAssertEqual(parses(ShowPayrollRun.self, "payroll", "show", "L2026-00042"), .init(number: "L2026-00042"))
        XCTAssertEqual(parses(ShowPayrollRun.self, "payroll", "show", "L2026-00042", "--format", "csv"), .init(number: "L2026-00042"))
        refuses(ShowPayrollRun.self, "payroll", "show", message: "needs RUN")
        refuses(ShowPayrollRun.self, "payroll", "show", "L2026-00042", "L2026-00043", message: "unexpected argument")
        refuses(ShowPayrollRun.self, "payroll", "show", "L2026-00042", "--output", "x", message: "unknown option --output")
    }

    func testSlips() {
        XCTAssertEqual(parses(PayrollSlips.self, "payroll", "slips"), .init(worker: nil, run: nil))
        XCTAssertEqual(
            parses(PayrollSlips.self, "payroll", "slips", "--worker", "w-3", "--run", "L2026-00042"), .init(worker: "w-3", run: "L2026-00042"))
        refuses(PayrollSlips.self, "payroll", "slips", "--worker", "w-3", "--worker", "w-4", message: "given twice")
        refuses(PayrollSlips.self, "payroll", "slips", "w-3", message: "unexpected argument")
    }

    func testMargin() throws {
        XCTAssertEqual(parses(PayrollMargin.self, "payroll", "margin"), .init(from: nil, to: nil, client: nil))
        XCTAssertEqual(
            parses(PayrollMargin.self, "payroll", "margin", "--from", "2026-W01", "--to", "2026-W26", "--client", "cl-1"),
            .init(from: try ISOWeek.parse("2026-W01"), to: try ISOWeek.parse("2026-W26"), client: "cl-1"))
        refuses(PayrollMargin.self, "payroll", "margin", "--from", "2026-01-01", message: "--from: week \"2026-01-01\": expected YYYY-Www")
        refuses(PayrollMargin.self, "payroll", "margin", "--to", "2026-W54", message: "--to: week 2026-W54 does not exist")
        refuses(PayrollMargin.self, "payroll", "margin", "--client", "cl-1", "--client", "cl-2", message: "given twice")
        refuses(PayrollMargin.self, "payroll", "margin", "cl-1", message: "unexpected argument")
    }
}
