import Foundation
import XCTest
@testable import WTKit

/// The counting rules of SPEC §13 as pure functions: the phase count over a
/// worker's summary, and the Arbeidstijdenwet warnings.
final class GuardRulesTests: XCTestCase {
    func w(_ s: String) -> ISOWeek { try! ISOWeek.parse(s) }
    func date(_ s: String) -> CalendarDate { try! CalendarDate.parse(s) }

    func count(_ weeks: [String], asOf: String, weeksA: Int = 52, reset: Int = 26) -> PhaseCount {
        PhaseCount.count(worked: weeks.map(w), asOf: w(asOf), weeksA: weeksA, resetWeeks: reset)
    }

    /// A declaration of a worker at a client, with these minutes per date.
    func declaration(_ id: String, worker: String = "w-1", client: String = "cl-1", _ status: DeclarationStatus, _ days: [String: Int]) -> Declaration {
        let first = date(days.keys.sorted().first ?? "2026-11-30")
        let c = Contract(
            id: "ct-\(id)", worker: worker, department: "dep-\(client)", client: client, function: "x", phase: .A, start: date("2020-01-06"),
            end: nil, payRate: Money(cents: 1500), billRate: Money(cents: 3000), minutesPerWeek: nil, createdAt: "2026-01-01T00:00:00Z")
        var d = Declaration(id: id, contract: c, workerName: nil, week: ISOWeek(containing: first), at: "2026-01-01T00:00:00Z", by: "test")
        for (day, m) in days { d.set(date(day), type: "normal", minutes: m) }
        d.status = status
        return d
    }

    func summary(_ ds: [Declaration]) -> WorkloadSummary {
        var s = WorkloadSummary(worker: "w-1")
        for d in ds { s.set(d.week, d.id, WorkloadSummary.Entry(d)) }
        return s
    }

    // MARK: Phase counting

    func testConsecutiveWeeksCountOnceEach() {
        let c = count(["2026-W01", "2026-W02", "2026-W02", "2026-W03"], asOf: "2026-W03")
        XCTAssertEqual(c.weeksWorked, 3)
        XCTAssertEqual(c.weeksLeftA, 49)
        XCTAssertEqual(c.since, w("2026-W01"))
    }

    func testAGapOfTwentySixWeeksKeepsTheCountAndMoreRestartsIt() {
        // 26 idle weeks (W02..W27) between W01 and W28: not more than 26, the count goes on.
        XCTAssertEqual(count(["2026-W01", "2026-W28"], asOf: "2026-W28").weeksWorked, 2)
        // 27 idle weeks (W02..W28) before W29: more than six months, the count restarts.
        let c = count(["2026-W01", "2026-W29"], asOf: "2026-W29")
        XCTAssertEqual(c.weeksWorked, 1)
        XCTAssertEqual(c.since, w("2026-W29"))
        XCTAssertEqual(PhaseCount.idleWeeks(between: w("2026-W01"), and: w("2026-W29")), 27)
    }

    func testIdleWeeksUpToTheWeekAskedAboutRestartTheCount() {
        let worked = (1...52).map { String(format: "2025-W%02d", $0) }
        XCTAssertEqual(count(worked, asOf: "2025-W52").weeksLeftA, 0)
        // 26 weeks without work after 2025-W52 (2026-W01..W26): still used up.
        XCTAssertEqual(count(worked, asOf: "2026-W26").weeksWorked, 52)
        // The 27th idle week: a new count.
        let fresh = count(worked, asOf: "2026-W27")
        XCTAssertEqual(fresh.weeksWorked, 0)
        XCTAssertEqual(fresh.weeksLeftA, 52)
    }

    func testWeek53IsAWeekAndTheYearTurnsWithoutAGap() {
        XCTAssertEqual(ISOWeek.weeksInYear(2026), 53)
        XCTAssertEqual(PhaseCount.idleWeeks(between: w("2026-W53"), and: w("2027-W01")), 0)
        XCTAssertEqual(count(["2026-W52", "2026-W53", "2027-W01"], asOf: "2027-W01").weeksWorked, 3)
        // 2026 has 53 weeks: 2026-W27 to 2027-W01 leaves 26 idle weeks (W28..W53), so the count goes on.
        XCTAssertEqual(count(["2026-W27", "2027-W01"], asOf: "2027-W01").weeksWorked, 2)
        XCTAssertEqual(count(["2026-W26", "2027-W01"], asOf: "2027-W01").weeksWorked, 1)
    }

    func testWeeksAfterTheDayAskedAboutDoNotCountYet() {
        XCTAssertEqual(count(["2026-W10", "2026-W11", "2026-W12"], asOf: "2026-W11").weeksWorked, 2)
    }

    func testSeveralContractsAndClientsInOneWeekAreOneWorkedWeek() {
        let s = summary([
            declaration("d-1", client: "cl-1", .approved, ["2026-11-30": 240]),
            declaration("d-2", client: "cl-2", .submitted, ["2026-12-01": 240]),
            declaration("d-3", client: "cl-2", .closed, ["2026-12-08": 480]),
        ])
        XCTAssertEqual(s.workedWeeks, [w("2026-W49"), w("2026-W50")])
        XCTAssertEqual(PhaseCount.count(worked: s.workedWeeks, asOf: w("2026-W50"), weeksA: 52, resetWeeks: 26).weeksWorked, 2)
    }

    func testARejectedOrUnsubmittedWeekDoesNotCount() {
        let s = summary([
            declaration("d-1", .rejected, ["2026-11-30": 480]),
            declaration("d-2", .report, ["2026-12-07": 480]),
            declaration("d-3", .closed, ["2026-12-14": 480]),
        ])
        XCTAssertEqual(s.workedWeeks, [w("2026-W51")])
        // A week with a rejected and an approved declaration counts: hours were handed in and accepted.
        let both = summary([declaration("d-1", .rejected, ["2026-11-30": 480]), declaration("d-4", .approved, ["2026-12-01": 60])])
        XCTAssertEqual(both.workedWeeks, [w("2026-W49")])
        // A declaration without hours leaves no trace, whatever its status.
        XCTAssertNil(WorkloadSummary.Entry(declaration("d-5", .approved, [:])))
    }

    // MARK: Working time

    func warnings(_ s: WorkloadSummary, _ id: String, in week: String, limits: WorkTimeLimits = WorkTimeLimits()) -> [WorkTimeWarning.Code] {
        (s.warnings(in: [w(week)], limits)[id] ?? []).map(\.code)
    }

    func testTwoDepartmentsOnOneDateAreOneDay() {
        let s = summary([
            declaration("d-1", client: "cl-1", .report, ["2026-11-30": 8 * 60]),
            declaration("d-2", client: "cl-2", .report, ["2026-11-30": 4 * 60 + 1, "2026-12-01": 8 * 60]),
        ])
        XCTAssertEqual(s.minutes(on: date("2026-11-30")), 12 * 60 + 1)
        XCTAssertEqual(warnings(s, "d-1", in: "2026-W49"), [.dayOverMax])
        XCTAssertEqual(warnings(s, "d-2", in: "2026-W49"), [.dayOverMax])
        // Exactly 12:00 is allowed.
        let exact = summary([declaration("d-1", .report, ["2026-11-30": 8 * 60]), declaration("d-2", .report, ["2026-11-30": 4 * 60])])
        XCTAssertEqual(warnings(exact, "d-1", in: "2026-W49"), [])
    }

    func testMoreThanSixtyHoursInAWeek() {
        let days = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04"]
        let s = summary([declaration("d-1", .report, Dictionary(uniqueKeysWithValues: days.map { ($0, 12 * 60) })),
                         declaration("d-2", client: "cl-2", .report, ["2026-12-05": 1])])
        XCTAssertEqual(s.minutes(in: w("2026-W49")), 60 * 60 + 1)
        XCTAssertEqual(warnings(s, "d-1", in: "2026-W49"), [.weekOverMax])
        XCTAssertEqual(warnings(s, "d-2", in: "2026-W49"), [.weekOverMax])
    }

    func testTheSixteenWeekAverage() {
        // 16 weeks of 48:00 are allowed; one more minute in the last is not.
        var ds: [Declaration] = []
        for k in 0..<16 {
            let monday = w("2026-W34").adding(weeks: k).monday
            let days = (0..<4).map { (monday.adding(days: $0).description, 12 * 60) }
            ds.append(declaration("d-\(k + 1)", .approved, Dictionary(uniqueKeysWithValues: days)))
        }
        XCTAssertEqual(warnings(summary(ds), "d-16", in: "2026-W49"), [])
        ds.append(declaration("d-99", client: "cl-2", .report, ["2026-12-05": 1]))
        let s = summary(ds)
        XCTAssertEqual(warnings(s, "d-16", in: "2026-W49"), [.avg16OverMax])
        XCTAssertEqual(warnings(s, "d-99", in: "2026-W49"), [.avg16OverMax])
        // A week fifteen weeks before is inside the average; sixteen before is not.
        XCTAssertEqual(WorkloadSummary.affected(by: w("2026-W34")).last, w("2026-W49"))
        XCTAssertFalse(WorkloadSummary.affected(by: w("2026-W33")).contains(w("2026-W49")))
    }

    func testTheSummaryFileRoundTripsAndRefusesNonsense() throws {
        let s = summary([declaration("d-1", .approved, ["2026-11-30": 480, "2026-12-01": 450]), declaration("d-2", client: "cl-2", .rejected, ["2026-12-02": 60])])
        let back = try WorkloadSummary(json: JSON.parse(Array(s.json.serializedBytes())), what: "t")
        XCTAssertEqual(back, s)
        // A date outside its week is refused.
        let wrong: JSON = ["worker": "w-1", "weeks": ["2026-W49": ["d-1": ["counted": true, "days": ["2026-12-07": 60]]]]]
        XCTAssertThrowsError(try WorkloadSummary(json: wrong, what: "t"))
    }

    func testHourSettingsParseAsHours() throws {
        let key = try ConfigKey.find("worktime.maxDay")
        XCTAssertEqual(try key.parse("10"), .string("10:00"))
        XCTAssertEqual(try key.parse("9:30"), .string("9:30"))
        XCTAssertThrowsError(try key.parse("25"))
        XCTAssertNotNil(key.source)
        XCTAssertTrue(try ConfigKey.find("phase.weeksA").description.contains("artikel 10"))
    }
}
