import Foundation
import XCTest

/// Each payroll file of the demo store damaged every way: the command that
/// reads it exits 8 naming it and writes nothing; `store verify` names it.
extension DamagedStoreTests {
    func testPayrollRun() throws {
        let wrongTotal = "{\"number\":\"L2026-00001\",\"date\":\"2026-07-14\",\"createdAt\":\"2026-07-14T03:00:00Z\",\"lines\":[],\"total\":\"1.00\",\"workers\":{}}"
        let otherRun = "{\"number\":\"L2026-00002\",\"date\":\"2026-07-14\",\"createdAt\":\"2026-07-14T03:00:00Z\",\"lines\":[],\"total\":\"0.00\",\"workers\":{}}"
        try check("payroll/2026/L2026-00001.json", ["payroll", "show", "L2026-00001"],
                  shapes: ["[]", "{}", "{\"number\":\"L2026-00001\",\"lines\":[1]}", wrongTotal, otherRun])
    }

    func testPayrollRunsOfAYear() throws {
        try check("payroll/index/2026.json", ["payroll", "list"], shapes: ["[]", "{\"L2026-00001\":1}", "{\"L2026-00001\":{}}", "null"])
    }

    func testPayrollPaidIndex() throws {
        try check("payroll/paid/0.json", ["declarations", "show", "d-1", "--json"], shapes: indexShapes("d-1"))
    }

    func testPayrollQueue() throws {
        try check("payroll/queue.json", ["payroll", "run"], shapes: [
            "[]", "{\"d-54\":\"cl-1\"}", "{\"waiting\":{\"d-54\":1},\"toPay\":{}}",
            "{\"waiting\":{\"d-999\":\"cl-1\"},\"toPay\":{\"*\":1,\"cl-1\":1}}", "null",
        ])
        try check("payroll/queue.json", ["status"], shapes: ["{\"waiting\":{},\"toPay\":[]}", "{\"waiting\":{},\"toPay\":{\"*\":\"x\"}}"])
    }
}
