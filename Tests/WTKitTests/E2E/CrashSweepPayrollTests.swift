import Foundation
import XCTest

extension WTTestCase {
    /// The payroll invariants, read through `wt` from the store at `dir`: run
    /// numbers consecutive from 00001 in each year; no declaration paid twice
    /// (at most one non-correction line per declaration and component type);
    /// every declaration that names a run is listed by it; and `toPay` counts
    /// the closed declarations that no run has paid.
    func payrollProblems(_ dir: String? = nil) -> [String] {
        let env = dir.map { ["WT_STORE": $0] } ?? [:]
        let list = wt(["payroll", "list", "--json"], env: env)
        let slips = wt(["payroll", "slips", "--json"], env: env)
        let dec = wt(["declarations", "list", "--json", "--fields", "id,status,payroll"], env: env)
        guard list.code == 0, slips.code == 0, dec.code == 0, let runs = parsed(list) as? [[String: Any]],
            let lines = parsed(slips) as? [[String: Any]], let declarations = parsed(dec) as? [[String: Any]]
        else { return ["cannot list payroll (\(list.code): \(list.err)), slips (\(slips.code)) or declarations (\(dec.code): \(dec.err))"] }
        var problems: [String] = []
        var byYear: [String: [Int]] = [:]
        for r in runs {
            let number = r["number"] as? String ?? ""
            guard let dash = number.lastIndex(of: "-"), let seq = Int(number[number.index(after: dash)...]),
                number.distance(from: number.startIndex, to: dash) >= 4
            else { problems.append("run number \(number) is not PREFIXYYYY-NNNNN"); continue }
            byYear[String(number[number.index(dash, offsetBy: -4)..<dash]), default: []].append(seq)
        }
        for (year, seqs) in byYear where seqs.sorted() != Array(1...seqs.count) {
            problems.append("run numbers of \(year) are not 00001 to \(seqs.count) without gaps: \(seqs.sorted())")
        }
        var full: [String: Int] = [:]
        var paidBy: [String: Set<String>] = [:]
        for l in lines {
            let id = l["declaration"] as? String ?? ""
            paidBy[id, default: []].insert(l["run"] as? String ?? "")
            if l["kind"] as? String != "correction" { full["\(id) \(l["component"] ?? "") \(l["type"] ?? "")", default: 0] += 1 }
        }
        for (key, n) in full where n > 1 { problems.append("\(key) is paid \(n) times") }
        for d in declarations {
            guard let run = d["payroll"] as? String else { continue }
            if !(paidBy[d["id"] as? String ?? ""] ?? []).contains(run) { problems.append("\(d["id"] ?? "") names run \(run), which does not pay it") }
        }
        return problems
    }
}

extension CrashSweepTests {
    /// A payroll run with new declarations and a correction: the demo store's
    /// last closed week, its approved one closed, and invoice WT2026-00020
    /// credited with one of its paid declarations corrected and closed again.
    func testPayrollRunIsAllOrNothing() throws {
        initStore(sample: "demo")
        expect(0, "declarations", "close", "--all-approved")
        expect(0, "invoices", "credit", "WT2026-00020", "--reason", "Uren gecorrigeerd", "--yes")
        expect(0, "declarations", "enter", "d-46", "mon=4", "--km", "30")
        expect(0, "declarations", "submit", "d-46")
        expect(0, "declarations", "approve", "d-46")
        expect(0, "declarations", "close", "d-46")
        let toPay = (jsonObject(expect(0, "status", "--json"))["waiting"] as? [String: Any])?["toPay"] as? Int
        XCTAssertEqual(toPay, 3)
        try freeze()
        let sweep = Sweep(
            name: "payroll run", args: ["payroll", "run"],
            facts: [
                ("payroll", ["payroll", "list", "--json"]), ("slips", ["payroll", "slips", "--json"]),
                ("declarations", ["declarations", "list", "--json", "--fields", "id,status,payroll"]),
            ],
            check: { dir, applied in
                var problems = self.payrollProblems(dir)
                let runs = self.array(at: dir, "payroll", "list", "--json")
                let waiting = (self.object(at: dir, "status", "--json")["waiting"] as? [String: Any])?["toPay"] as? Int
                if runs.count != (applied ? 21 : 20) { problems.append("\(runs.count) runs") }
                if waiting != (applied ? 0 : 3) { problems.append("\(waiting ?? -1) declarations to pay") }
                let d46 = self.declaration("d-46", at: dir)["payroll"] as? String
                if d46 != (applied ? "L2026-00021" : "L2026-00020") { problems.append("d-46 was last paid by \(d46 ?? "none")") }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 20)
    }
}
