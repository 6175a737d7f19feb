import Foundation
import XCTest
@testable import WTKit

/// `wt init --sample large`, reduced with `WT_SAMPLE_SCALE`: the sample writes
/// partitions directly for speed, so `store verify` must find every reference,
/// index and counter in agreement, the commands must work on it as on any
/// store, and verify must still catch damage in the files the sample wrote.
final class LargeSampleTests: WTTestCase {
    let scale = ["WT_SAMPLE_SCALE": "0.02"]

    func testReducedLargeSampleIsAValidStore() throws {
        expect(0, "init", "--sample", "large", env: scale)
        expect(0, "store", "verify")

        let status = jsonObject(expect(0, "status", "--json"))
        XCTAssertEqual(status["departments"] as? Int, 12, "4 clients with 3 departments")
        XCTAssertEqual(status["contracts"] as? Int, 100)
        XCTAssertEqual(status["users"] as? Int, 60)
        let declarations = try XCTUnwrap(status["declarations"] as? Int)
        XCTAssertGreaterThan(declarations, 4000, "three years of weeks")
        XCTAssertGreaterThan(status["invoices"] as? Int ?? 0, 400, "a weekly invoice per client")
        let waiting = try XCTUnwrap(status["waiting"] as? [String: Int])
        for key in ["toApprove", "toSign", "toClose", "toInvoice", "toPay"] { XCTAssertGreaterThan(waiting[key] ?? 0, 0, key) }

        // Every status is there, and the counters agree with a full listing.
        let all = jsonArray(expect(0, "declarations", "list", "--json"))
        XCTAssertEqual(all.count, declarations)
        let statuses = Dictionary(grouping: all, by: { $0["status"] as? String ?? "?" }).mapValues(\.count)
        XCTAssertEqual(Set(statuses.keys), ["report", "submitted", "approved", "rejected", "closed"])
        XCTAssertEqual(statuses["submitted"], waiting["toApprove"])
        XCTAssertEqual(all.filter { $0["invoice"] is String }.count, statuses["closed"]! - waiting["toInvoice"]!, "closed ones are invoiced but last week's")
        XCTAssertEqual(all.filter { $0["payroll"] is String }.count, statuses["closed"]! - waiting["toPay"]!, "and paid but last week's")
        XCTAssertGreaterThanOrEqual(jsonArray(expect(0, "payroll", "list", "--json")).count, LargeSample.weeks - 1, "a weekly payroll run")

        // The commands work on it, and leave it valid.
        let submitted = jsonArray(expect(0, "declarations", "list", "--status", "submitted", "--client", "cl-2", "--json"))
        XCTAssertFalse(submitted.isEmpty)
        XCTAssertTrue(submitted.allSatisfy { $0["client"] as? String == "cl-2" && $0["workerName"] is String })
        let id = try XCTUnwrap(submitted.first?["id"] as? String)
        expect(0, "declarations", "comment", id, "Klopt de pauze?")
        expect(0, "declarations", "approve", id)
        expect(0, "declarations", "close", "--all-approved")
        let issued = jsonArray(expect(0, "invoices", "generate", "--json"))
        XCTAssertEqual(issued.count, 4, "one invoice per client for last week's closed declarations")
        let number = try XCTUnwrap(issued.first?["number"] as? String)
        let paid = jsonArray(expect(0, "payroll", "run", "--json"))
        XCTAssertEqual(paid.count, 1, "one payroll run for last week's closed declarations")
        XCTAssertEqual(expect(0, "payroll", "run").out, "nothing to pay\n")
        expect(0, "--yes", "invoices", "credit", number, "--reason", "Verkeerd tarief")
        let user = try XCTUnwrap(jsonArray(expect(0, "users", "list", "--client", "cl-1", "--json")).first { $0["status"] as? String == "active" && ($0["roles"] as? [String])?.contains("approver") == true })
        expect(0, "--as", try XCTUnwrap(user["email"] as? String), "status")
        expect(0, "store", "verify")
    }

    func testTheSampleIsDeterministic() throws {
        expect(0, "init", "--sample", "large", env: scale)
        let other = tmp + "/other"
        expect(0, "--store", other, "init", "--sample", "large", env: scale)
        let a = snapshot(), b = snapshot(other)
        XCTAssertEqual(Set(a.keys).subtracting(["lock"]).count, Set(b.keys).subtracting(["lock"]).count)
        var compared = 0
        for (rel, data) in a where rel.hasPrefix("declarations/") || rel.hasPrefix("contracts/") || rel.hasPrefix("invoices/") || rel.hasPrefix("documents/") || rel.hasPrefix("blobs/") || rel.hasPrefix("payroll/") {
            XCTAssertEqual(data, b[rel], rel)
            compared += 1
        }
        XCTAssertGreaterThan(compared, 20)
    }

    func testVerifyCatchesDamageInTheSamplesFiles() throws {
        expect(0, "init", "--sample", "large", env: scale)
        let pristine = tmp + "/pristine"
        try FileManager.default.copyItem(atPath: store, toPath: pristine)
        func damaged(_ rel: String, _ change: (String) -> String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
            try? FileManager.default.removeItem(atPath: store)
            try? FileManager.default.copyItem(atPath: pristine, toPath: store)
            let text = readFile(rel)
            let edited = change(text)
            XCTAssertNotEqual(edited, text, "the edit of \(rel) changed nothing", file: file, line: line)
            writeFile(rel, edited)
            let r = expect(8, "store", "verify", file: file, line: line)
            XCTAssertTrue(r.out.contains(expected), "\(rel): \(r.out)", file: file, line: line)
        }
        // A counter, an index entry, a key, an invoice's index entry, and a declaration moved out of its partition.
        damaged("stats.json", { $0.replacingOccurrences(of: "\"submitted\":", with: "\"submitted\":1") }, "stats.json")
        damaged("stats.json", { $0.replacingOccurrences(of: "\"*\":{\"contracts\":{\"total\":100}", with: "\"*\":{\"contracts\":{\"total\":101}") },
            "the totals")
        damaged("declarations/index/0.json", { $0.replacingOccurrences(of: "\"d-1\":\"", with: "\"d-1\":\"x") }, "d-1 is indexed")
        damaged("declarations/cl-1/keys.json", { text in
            let r = text.range(of: #""d-\d+""#, options: .regularExpression)!
            return text.replacingCharacters(in: r, with: "\"d-999999\"")
        }, "keys.json")
        let year = String(Int(now.prefix(4))! - 1)
        damaged("invoices/index/\(year).json", { $0.replacingOccurrences(of: "\"cl-1\"", with: "\"cl-2\"") }, "is indexed under cl-2")
        damaged("declarations/cl-1/open.json", { $0.replacingOccurrences(of: "\"invoice\":null", with: "\"invoice\":\"WT1999-00001\"") },
            "belongs in declarations/cl-1/")
    }

    /// `wt status` reads the totals entry of stats.json; a store written before
    /// it existed gets the same answer from the clients' entries, and the next
    /// change writes the totals.
    func testStatusReadsTheTotalsAndFallsBackWithoutThem() throws {
        initStore(sample: "demo")
        let before = expect(0, "status", "--json").out
        let stats = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(readFile("stats.json").utf8)) as? [String: Any])
        XCTAssertNotNil(stats["*"], "the demo sample writes the totals")
        var old = stats
        old["*"] = nil
        writeFile("stats.json", String(decoding: try JSONSerialization.data(withJSONObject: old, options: [.sortedKeys]), as: UTF8.self))
        XCTAssertEqual(expect(0, "status", "--json").out, before)
        expect(0, "store", "verify")
        expect(0, "clients", "add", "Nieuw BV")
        expect(0, "departments", "add", "cl-2", "Hal")
        expect(0, "workers", "add", "Piet Nieuw")
        let worker = try XCTUnwrap(jsonArray(expect(0, "workers", "list", "--json")).last?["id"] as? String)
        let dep = try XCTUnwrap(jsonArray(expect(0, "departments", "list", "--client", "cl-2", "--json")).first?["id"] as? String)
        expect(0, "contracts", "add", "--worker", worker, "--department", dep, "--function", "Inpakker", "--start", "2026-11-30",
            "--phase", "A", "--pay-rate", "15", "--bill-rate", "25")
        let stats2 = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(readFile("stats.json").utf8)) as? [String: Any])
        XCTAssertNotNil(stats2["*"], "the next change writes the totals again")
        let after = jsonObject(expect(0, "status", "--json"))
        XCTAssertEqual(after["contracts"] as? Int, 10)
        XCTAssertEqual(after["departments"] as? Int, 2)
        expect(0, "store", "verify")
    }
}
