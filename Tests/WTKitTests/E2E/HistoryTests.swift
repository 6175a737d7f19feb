import Foundation
import XCTest
@testable import WTKit

/// SPEC §14: lists stream in their old order and bytes, past weeks are read
/// through the week index, readers take one commit's state without keeping
/// the lock, and progress goes only to a terminal.
final class HistoryTests: WTTestCase {
    func lines(_ r: WTResult) -> [[String: Any]] {
        r.out.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func testListsKeepTheirOrderAndEveryFilterAgreesWithTheWholeList() throws {
        initStore(sample: "demo")
        let all = lines(expect(0, "declarations", "list", "--format", "jsonl"))
        XCTAssertGreaterThan(all.count, 50)
        let keys = all.map { "\($0["week"]!)|\($0["client"]!)|\($0["contract"]!)" }
        XCTAssertEqual(keys, keys.sorted(), "the list is in week, client, contract order")
        XCTAssertEqual(Set(all.map { $0["id"] as! String }).count, all.count)
        // The JSON array is the same records as the lines, in one document.
        let array = jsonArray(expect(0, "declarations", "list", "--format", "json"))
        XCTAssertEqual(array.map { $0["id"] as! String }, all.map { $0["id"] as! String })
        let weeks = Set(all.map { $0["week"] as! String }).sorted()
        XCTAssertGreaterThan(weeks.count, 3)
        for week in [weeks.first!, weeks[weeks.count / 2], weeks.last!] {
            let one = lines(expect(0, "declarations", "list", "--week", week, "--format", "jsonl"))
            XCTAssertEqual(one.map { $0["id"] as! String }, all.filter { $0["week"] as! String == week }.map { $0["id"] as! String }, week)
        }
        let (from, to) = (weeks[1], weeks[weeks.count - 2])
        let range = lines(expect(0, "declarations", "list", "--from", from, "--to", to, "--fields", "id,worker,week,minutes", "--format", "jsonl"))
        let expected = all.filter { ($0["week"] as! String) >= from && ($0["week"] as! String) <= to }
        XCTAssertEqual(range.map { $0["id"] as! String }, expected.map { $0["id"] as! String })
        XCTAssertEqual(range.first.map { Set($0.keys) }, ["id", "worker", "week", "minutes"], "--fields gives only those")
        XCTAssertEqual(range.map { $0["minutes"] as! Int }, expected.map { $0["minutes"] as! Int })
        // A table is measured over all its rows: every line is as wide as the longest needs.
        let table = expect(0, "declarations", "list").out.split(separator: "\n")
        XCTAssertEqual(table.count, all.count + 1)
        let csv = expect(0, "declarations", "list", "--format", "csv", "--fields", "id,status").out
        XCTAssertEqual(csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count, all.count + 1, "one header")
        XCTAssertEqual(expect(0, "declarations", "list", "--week", "2020-W01", "--format", "json").out, "[]\n")
    }

    /// Whole records are built and printed a few clients of a week at a
    /// time: however the clients are cut into waves, the list is the same,
    /// in week, client, contract order.
    func testWholeRecordsPrintedInWavesKeepTheListsOrder() throws {
        expect(0, "init", "--sample", "large", env: ["WT_SAMPLE_SCALE": "0.02"])
        func listed(clientsPerPiece: Int) throws -> [[String]] {
            let s = try Store(root: store, exclusive: false, wait: 5, failpoint: .none)
            let stream = try DeclarationStream(Declarations.Filter(), store: s, actor: .backoffice("tester"), fields: [], payroll: true)
            stream.clientsPerPiece = clientsPerPiece
            var rows: [[String]] = []
            try stream.forEachBatch { batch in
                rows += batch.map { r in ["week", "client", "contract", "id"].map { r[$0]?.stringValue ?? "?" } }
            }
            return rows
        }
        let waves = try listed(clientsPerPiece: 1), whole = try listed(clientsPerPiece: 1000)
        XCTAssertEqual(Set(waves.map { $0[1] }).count, 4, "the reduced sample has four clients, cut into four waves")
        XCTAssertEqual(waves, whole)
        XCTAssertEqual(waves.map { $0.prefix(3).joined(separator: "|") }, waves.map { $0.prefix(3).joined(separator: "|") }.sorted())
        let printed = lines(expect(0, "declarations", "list", "--format", "jsonl")).map { $0["id"] as? String ?? "?" }
        XCTAssertEqual(printed, waves.map { $0[3] })
    }

    func testThePastWeekIsReadThroughTheWeekIndexAndAStoreWithoutOneStillWorks() throws {
        initStore(sample: "demo")
        let index = try XCTUnwrap(jsonObject(WTResult(code: 0, out: readFile("declarations/cl-1/weeks.json"), err: "")) as [String: Any]?)
        let week = try XCTUnwrap(index.keys.sorted().last)
        let before = expect(0, "declarations", "list", "--week", week, "--format", "json").out
        XCTAssertTrue(before.contains(week))
        // Offsets that name other bytes are damage, named, not a wrong answer.
        let offsets = try XCTUnwrap(index[week] as? [Int])
        writeFile("declarations/cl-1/weeks.json", "{\"\(week)\":[\(offsets[0] + 1),\(offsets[1])]}")
        let r = expect(8, "declarations", "list", "--week", week)
        XCTAssertTrue(r.err.contains("weeks.json"), r.err)
        XCTAssertTrue(expect(8, "store", "verify").out.contains("weeks.json"))
        // A store written before the index: the archive is scanned, the answer the same.
        try FileManager.default.removeItem(atPath: store + "/declarations/cl-1/weeks.json")
        XCTAssertEqual(expect(0, "declarations", "list", "--week", week, "--format", "json").out, before)
        expect(0, "store", "verify")
        // The next change to the client's archive writes it again, whole.
        let number = try XCTUnwrap(jsonArray(expect(0, "invoices", "list", "--client", "cl-1", "--json")).last?["number"] as? String)
        expect(0, "invoices", "credit", number, "--reason", "Verkeerd tarief", "--yes")
        XCTAssertTrue(FileManager.default.fileExists(atPath: store + "/declarations/cl-1/weeks.json"))
        XCTAssertNotEqual(readFile("declarations/cl-1/weeks.json"), "")
        expect(0, "store", "verify")
    }

    /// A reader pinned for 3 seconds (WT_READ_PAUSE_MS stands in for a long
    /// export) does not make a writer wait: with --wait 1 the write would
    /// exit 7 if the reader kept its lock, and it returns while the reader is
    /// still running. How long the write takes next to a reader is a
    /// benchmark (`scripts/bench`, "write during a full export"), not a test.
    func testAWriterPassesALongReader() throws {
        initStore(sample: "demo")
        let id = try XCTUnwrap(jsonArray(expect(0, "declarations", "list", "--status", "submitted", "--json")).first?["id"] as? String)
        for round in 0..<3 {
            let commentsBefore = (jsonObject(expect(0, "declarations", "show", id, "--json"))["comments"] as? [Any])?.count
            let export = try PinnedReader(WTBinary.path, ["declarations", "list", "--format", "jsonl"],
                                          environment: environment(["WT_READ_PAUSE_MS": "3000"]), cwd: tmp)
            XCTAssertTrue(export.waitUntilPinned(timeout: 60), "round \(round): the reader says when it holds its snapshot")
            expect(0, "--wait", "1", "declarations", "comment", id, "Klopt de pauze?")
            XCTAssertTrue(export.isRunning, "round \(round): the write returned while the reader still held its snapshot")
            let result = export.finish()
            XCTAssertEqual(result.status, 0, result.err)
            // The export shows the commit it started on, not the comment made while it ran.
            let comments = lines(WTResult(code: 0, out: result.out, err: "")).first { $0["id"] as? String == id }?["comments"] as? [[String: Any]]
            XCTAssertEqual(comments?.count, commentsBefore, "round \(round): the export shows the comments made before it only")
        }
        let after = (jsonObject(expect(0, "declarations", "show", id, "--json"))["comments"] as? [Any])?.count
        XCTAssertGreaterThanOrEqual(after ?? 0, 3, "every write landed")
    }

    /// Exports race a stream of credit notes and invoice runs, each of which
    /// moves declarations between a client's archive and its hot set in one
    /// commit. An export that mixed two commits would show a declaration
    /// twice or not at all; every one must show each exactly once.
    func testAnExportRacingWritesShowsOneCommit() throws {
        initStore(sample: "demo")
        let all = Set(lines(expect(0, "declarations", "list", "--format", "jsonl", "--fields", "id")).map { $0["id"] as! String })
        var writes = 0
        var failures: [String] = []
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            defer { done.signal() }
            for _ in 0..<4 {
                let invoices = self.jsonArray(self.wt(["invoices", "list", "--json", "--fields", "number,kind,creditOf"]))
                let credited = Set(invoices.compactMap { $0["creditOf"] as? String })
                guard let number = invoices.last(where: { $0["kind"] as? String == "invoice" && !credited.contains($0["number"] as! String) })?["number"] as? String
                else { failures.append("no invoice left to credit"); return }
                for args in [["invoices", "credit", number, "--reason", "Verkeerd tarief", "--yes"], ["invoices", "generate"]] {
                    let r = self.wt(["--wait", "5"] + args)
                    if r.code != 0 { failures.append("\(args.joined(separator: " ")): \(r.code) \(r.err)") }
                    writes += 1
                }
            }
        }
        var exports = 0
        while done.wait(timeout: .now()) == .timedOut {
            let r = wt(["declarations", "list", "--format", "jsonl", "--fields", "id,invoice,status"])
            XCTAssertEqual(r.code, 0, r.err)
            let ids = lines(r).map { $0["id"] as! String }
            XCTAssertEqual(ids.count, all.count, "export \(exports) shows each declaration once")
            XCTAssertEqual(Set(ids), all)
            exports += 1
        }
        XCTAssertEqual(failures, [])
        print("exports racing \(writes) writes: \(exports), each one commit's state")
        XCTAssertGreaterThan(exports, 0)
        expect(0, "store", "verify")
    }

    func testProgressGoesOnlyToATerminal() throws {
        initStore(sample: "demo")
        for args in [["store", "verify"], ["store", "backup", tmp + "/bk"], ["declarations", "list", "--format", "csv"], ["invoices", "list"]] {
            let r = wt(args)
            XCTAssertEqual(r.code, 0, r.err)
            XCTAssertEqual(r.err, "", "nothing on stderr when it is not a terminal: wt \(args.joined(separator: " "))")
        }
        // Under a pseudo-terminal (script(1)) verify shows how far it is, and wipes the line after.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("script(1) is missing") }
            return
        }
        let cmd = "'\(WTBinary.path)' --store '\(store)' store verify"
        let r = try Subprocess.run("/usr/bin/script", ["-qec", cmd, "/dev/null"], stdin: nil, environment: environment([:]), cwd: tmp)
        XCTAssertEqual(r.shellStatus, 0, r.out + r.err)
        XCTAssertTrue(r.out.contains("verifying the store: "), r.out)
        XCTAssertTrue(r.out.contains("\r\u{1B}[K"), "the progress line is wiped")
        XCTAssertTrue(r.out.contains("store ok"), r.out)
    }
}
