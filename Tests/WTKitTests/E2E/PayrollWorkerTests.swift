import Foundation
import XCTest

/// A worker sees their own payroll lines with `payroll slips` (SPEC §11) and
/// nothing else of payroll; another worker's lines are refused (5), and a
/// refusal changes nothing.
final class PayrollWorkerTests: WTTestCase {
    func testAWorkerSeesOnlyTheirOwnSlips() throws {
        initStore(sample: "demo")
        let daan = "daan@mail.example"
        let all = jsonArray(expect(0, "payroll", "slips", "--worker", "w-4", "--json"))
        XCTAssertFalse(all.isEmpty, "the demo's Daan (w-4) has been paid")
        let own = jsonArray(expect(0, "--as", daan, "payroll", "slips", "--json"))
        XCTAssertEqual(own.count, all.count)
        XCTAssertEqual(Set(own.compactMap { $0["worker"] as? String }), ["w-4"])
        XCTAssertEqual(jsonArray(expect(0, "--as", daan, "payroll", "slips", "--worker", "w-4", "--json")).count, all.count)
        let run = try XCTUnwrap(own.first?["run"] as? String)
        XCTAssertEqual(Set(jsonArray(expect(0, "--as", daan, "payroll", "slips", "--run", run, "--json")).compactMap { $0["worker"] as? String }), ["w-4"])
        let before = snapshot()
        XCTAssertTrue(expect(5, "--as", daan, "payroll", "slips", "--worker", "w-2").err.contains("no access to the records of worker w-2"))
        for args in [["payroll", "list"], ["payroll", "show", run], ["payroll", "run"], ["payroll", "margin"]] {
            XCTAssertTrue(expect(5, ["--as", daan] + args).err.contains("is a worker and may not run"), "\(args)")
        }
        XCTAssertEqual(changes(before, snapshot()).filter { !$0.hasPrefix("audit/") }, [], "a refusal changes nothing")
    }
}
