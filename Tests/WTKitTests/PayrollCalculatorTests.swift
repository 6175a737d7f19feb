import XCTest
@testable import WTKit

/// The payroll rules (SPEC §12) on plain values: amounts, rounding, km, corrections.
final class PayrollCalculatorTests: XCTestCase {
    let week = try! ISOWeek.parse("2026-W46")
    let percents = ["normal": 100, "overtime125": 125, "overtime150": 150]

    func input(_ minutes: [String: Int], km: Int = 0, expenses: [(String, String)] = [], rate: String = "15.00") throws -> PayrollInput {
        PayrollInput(
            declaration: "d-1", worker: "w-1", contract: "ct-1", week: week, minutesByType: minutes, km: km,
            expenses: try expenses.map { ($0.0, try Money.parse($0.1)) }, payRate: try Money.parse(rate))
    }

    func amounts(_ lines: [PayrollLine]) -> [String] { lines.map(\.amount.description) }

    func testTheChecksOfTheIssue() throws {
        let lines = try PayrollCalculator.lines(
            input(["normal": 38 * 60, "overtime150": 200], km: 40), percents: percents, kmRate: try Money.parse("0.23"))
        XCTAssertEqual(amounts(lines), ["570.00", "75.00", "9.20"])
        XCTAssertEqual(lines.map(\.kind), [.hours, .hours, .km])
        XCTAssertEqual(lines[1].percentage, 150)
        XCTAssertEqual(lines[2].km, 40)
    }

    func testRoundingIsHalfAwayFromZeroPerLine() throws {
        // 7:45 × 17.35 = 134.4625 → 134.46; 1 minute × 0.30 = 0.005 → 0.01; 2:15 × 15.55 × 125% = 43.734375 → 43.73
        XCTAssertEqual(amounts(try PayrollCalculator.lines(input(["normal": 465], rate: "17.35"), percents: percents, kmRate: .zero)), ["134.46"])
        XCTAssertEqual(amounts(try PayrollCalculator.lines(input(["normal": 1], rate: "0.30"), percents: percents, kmRate: .zero)), ["0.01"])
        XCTAssertEqual(amounts(try PayrollCalculator.lines(input(["overtime125": 135], rate: "15.55"), percents: percents, kmRate: .zero)), ["43.73"])
    }

    func testExpensesAtCostAndAnUnknownTypeIsRefused() throws {
        let lines = try PayrollCalculator.lines(input([:], expenses: [("parkeren", "7.50"), ("ov", "12.34")]), percents: percents, kmRate: .zero)
        XCTAssertEqual(lines.map(\.type), ["ov", "parkeren"])
        XCTAssertEqual(amounts(lines), ["12.34", "7.50"])
        XCTAssertThrowsError(try PayrollCalculator.lines(input(["nacht": 60]), percents: percents, kmRate: .zero)) { e in
            XCTAssertEqual((e as? WTError)?.kind, .invalid)
            XCTAssertTrue((e as? WTError)?.message.contains("nacht") ?? false)
        }
    }

    func testNothingPaidYetIsPaidInFull() throws {
        let target = try PayrollCalculator.lines(input(["normal": 480]), percents: percents, kmRate: .zero)
        XCTAssertEqual(PayrollCalculator.due(target: target, paid: []), target)
    }

    func testCorrectionsPayTheDifferenceSoTheRunsSumToTheLines() throws {
        let km = try Money.parse("0.23")
        let before = try PayrollCalculator.lines(
            input(["normal": 2280, "overtime150": 200], km: 40, expenses: [("parkeren", "7.50")]), percents: percents, kmRate: km)
        let after = try PayrollCalculator.lines(input(["normal": 2040, "overtime125": 60], km: 50), percents: percents, kmRate: km)
        let due = PayrollCalculator.due(target: after, paid: before)
        XCTAssertTrue(due.allSatisfy { $0.kind == .correction })
        XCTAssertEqual(due.map(\.type), ["normal", "overtime125", "overtime150", "km", "parkeren"])
        XCTAssertEqual(amounts(due), ["-60.00", "18.75", "-75.00", "2.30", "-7.50"])
        XCTAssertEqual(due.map(\.minutes), [-240, 60, -200, 0, 0])
        XCTAssertEqual(due[3].km, 10)
        // Paid + due = the current lines, per component and type.
        let sums = PayrollCalculator.sums(before + due), want = PayrollCalculator.sums(after)
        XCTAssertEqual(Set(sums.filter { $0.value.amount != .zero || $0.value.minutes != 0 }.keys), Set(want.keys))
        for (k, v) in want {
            XCTAssertEqual(sums[k]?.minutes, v.minutes)
            XCTAssertEqual(sums[k]?.amount, v.amount)
        }
        // Unchanged hours owe nothing.
        XCTAssertEqual(PayrollCalculator.due(target: before, paid: before), [])
        // Corrected twice: the second correction is against both earlier runs.
        XCTAssertEqual(PayrollCalculator.due(target: before, paid: before + due).map(\.amount), amounts(due).map { -(try! Money.parse($0)) })
    }

    func testTheKmAllowanceIsDated() throws {
        XCTAssertEqual(KmAllowance.rate(on: CalendarDate(year: 2022, month: 6, day: 1)!).description, "0.19")
        XCTAssertEqual(KmAllowance.rate(on: CalendarDate(year: 2023, month: 6, day: 1)!).description, "0.21")
        XCTAssertEqual(KmAllowance.rate(on: CalendarDate(year: 2026, month: 11, day: 30)!).description, "0.23")
    }

    func testRunNumbersAndTheirYear() {
        XCTAssertEqual(Payroll.format(prefix: "L", year: 2026, seq: 42), "L2026-00042")
        XCTAssertEqual(Payroll.year(of: "L2026-00042"), 2026)
        XCTAssertNil(Payroll.year(of: "CONCEPT"))
        XCTAssertNil(Payroll.year(of: "L2026-x"))
        XCTAssertNil(Payroll.year(of: "../../x/L2026-00001"), "a number never leaves the payroll directory")
    }
}
