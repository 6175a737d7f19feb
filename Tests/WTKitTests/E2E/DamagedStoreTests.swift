import Foundation
import XCTest
@testable import WTKit

/// Every kind of store file, damaged four ways (cut in half, emptied, filled
/// with garbage, valid JSON of the wrong shape): a command that needs the file
/// stops with exit 8 naming it and writes nothing (the whole store is compared
/// byte for byte, nothing excluded), and `wt store verify` names it too and
/// exits 8. The layout is partitioned, so each file gets a command that really
/// reads it; `store verify` must find every one.
final class DamagedStoreTests: WTTestCase {
    enum Damage: CustomStringConvertible {
        case halved, emptied, garbage
        /// Replaces the file with this text (valid JSON of the wrong shape, or a hostile journal).
        case replaced(String, [UInt8])

        var description: String {
            switch self {
            case .halved: "cut in half"
            case .emptied: "emptied"
            case .garbage: "filled with garbage"
            case .replaced(let what, _): what
            }
        }
    }

    /// The demo store, plus a digest sent (notify.json), an open invitation
    /// (its token file) and a second year of archive: built once, copied per case.
    static var pristine: String?
    static var invitationToken = ""
    static var tokenFile = ""

    override class func tearDown() {
        if let p = pristine { try? FileManager.default.removeItem(atPath: p) }
        pristine = nil
        super.tearDown()
    }

    /// Where `prepare` copies from when not the pristine store.
    var base: String?

    func prepare() throws {
        if let p = base ?? Self.pristine {
            try? FileManager.default.removeItem(atPath: store)
            try FileManager.default.copyItem(atPath: p, toPath: store)
            return
        }
        initStore(sample: "demo")
        expect(0, "notify")
        let before = snapshot()
        let r = expect(0, "users", "invite", "nieuw@vanhouten.example", "--client", "cl-1", "--name", "Nieuwe Collega", "--role", "approver", "--json")
        let link = try XCTUnwrap(jsonObject(r)["activationLink"] as? String)
        Self.invitationToken = String(link.split(separator: "/").last ?? "")
        let after = snapshot()
        Self.tokenFile = try XCTUnwrap(after.keys.filter { $0.hasPrefix("users/tokens/") && after[$0] != before[$0] }.sorted().first)
        expect(0, "store", "verify")
        let dir = NSTemporaryDirectory() + "wt-damaged-pristine-" + UUID().uuidString
        try FileManager.default.copyItem(atPath: store, toPath: dir)
        Self.pristine = dir
    }

    /// Bytes that are no JSON, no journal and no document: 0xFF first, then a
    /// seeded mix that includes NUL, newlines and braces.
    func garbage(_ count: Int) -> [UInt8] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var out: [UInt8] = [0xFF]
        while out.count < max(count, 16) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            out.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        return out
    }

    func damaged(_ original: Data, _ how: Damage) -> Data {
        switch how {
        case .halved: Data(original.prefix(original.count / 2))
        case .emptied: Data()
        case .garbage: Data(garbage(original.count))
        case .replaced(_, let b): Data(b)
        }
    }

    func damage(_ rel: String, _ how: Damage) throws {
        let path = store + "/" + rel
        let original = try XCTUnwrap(FileManager.default.contents(atPath: path), "\(rel) is not in the prepared store")
        let bytes = damaged(original, how)
        XCTAssertNotEqual(bytes, original, "the damage changes \(rel)")
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: bytes))
    }

    /// Damage cases run in this many lanes at once, each on its own copy.
    let lanes = 3

    /// Damages `rel` each way in a fresh copy; `command` must refuse with 8
    /// naming the file and change nothing; `store verify` must report it.
    func check(_ rel: String, _ command: [String], shapes: [String] = [], extra: [Damage] = [], stdin: String? = nil,
               file: StaticString = #filePath, line: UInt = #line) throws {
        var damages: [Damage] = [.halved, .emptied, .garbage]
        damages += shapes.map { .replaced("replaced by \($0)", Array($0.utf8)) }
        damages += extra
        try prepare()
        let source = try XCTUnwrap(base ?? Self.pristine)
        let original = try XCTUnwrap(FileManager.default.contents(atPath: source + "/" + rel), "\(rel) is not in the prepared store", file: file, line: line)
        var problems = [[String]](repeating: [], count: damages.count)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let dir = tmp + "/lane-\(lane)"
            for i in stride(from: lane, to: damages.count, by: lanes) {
                let how = damages[i]
                let what = "\(rel) \(how): wt \(command.joined(separator: " "))"
                var p: [String] = []
                defer {
                    lock.lock()
                    problems[i] = p
                    lock.unlock()
                }
                try? FileManager.default.removeItem(atPath: dir)
                let bytes = damaged(original, how)
                guard (try? FileManager.default.copyItem(atPath: source, toPath: dir)) != nil, bytes != original,
                    FileManager.default.createFile(atPath: dir + "/" + rel, contents: bytes)
                else {
                    p.append("\(what): cannot damage a copy")
                    continue
                }
                let full = dir + "/" + rel
                let before = snapshot(dir)
                let r = wt(command, stdin: stdin, env: ["WT_STORE": dir])
                if r.code != 8 { p.append("\(what) exited \(r.code)\nstdout: \(r.out)\nstderr: \(r.err)") }
                if !r.err.contains(full) { p.append("\(what) does not name the file: \(r.err)") }
                let written = changes(before, snapshot(dir))
                if !written.isEmpty { p.append("\(what) wrote \(written) to a damaged store") }
                let beforeVerify = snapshot(dir)
                let v = wt(["store", "verify"], env: ["WT_STORE": dir])
                if v.code != 8 { p.append("\(rel) \(how): store verify exited \(v.code)\n\(v.out)\(v.err)") }
                if !(v.out + v.err).contains(full) { p.append("\(rel) \(how): store verify does not name the file:\n\(v.out)\(v.err)") }
                let verifyWrote = changes(beforeVerify, snapshot(dir))
                if !verifyWrote.isEmpty { p.append("\(rel) \(how): store verify wrote \(verifyWrote)") }
            }
        }
        let all = problems.flatMap { $0 }
        XCTAssertEqual(all, [], all.joined(separator: "\n"), file: file, line: line)
        print("damaged \(rel): \(damages.count) ways (\(damages.map(\.description).joined(separator: "; "))), each refused by wt \(command.joined(separator: " ")) and found by store verify: \(all.isEmpty ? "yes" : "NO")")
    }

    /// Wrong shapes of a `{"records": [...]}` file.
    let recordShapes = ["[]", "{\"records\":{}}", "{\"records\":[1]}", "{\"records\":[{}]}", "\"records\""]
    /// Wrong shapes of an index from key to a name.
    func indexShapes(_ key: String) -> [String] { ["[]", "{\"\(key)\":1}", "{\"\(key)\":[\"x\"]}", "null"] }

    // MARK: The organisation and settings

    func testMetaFile() throws {
        try check("wt-store.json", ["clients", "list"], shapes: [
            "{\"format\":\"wt-store\",\"schema\":99}", "{\"format\":\"wt-store\",\"schema\":0}", "{\"format\":\"wt-store\",\"schema\":\"1\"}",
            "{\"format\":\"iets-anders\",\"schema\":1}", "[]",
        ])
    }

    func testConfig() throws {
        try check("config.json", ["config", "list"], shapes: ["[]", "\"agency.name\"", "42"])
    }

    func testCounters() throws {
        try check("counters.json", ["clients", "add", "Nieuw BV"], shapes: [
            "[]", "{\"next\":[]}", "{\"next\":{\"cl\":\"x\"}}", "{\"next\":{\"cl\":2.5}}", "7",
        ])
    }

    func testStats() throws {
        try check("stats.json", ["status"], shapes: [
            "[]", "{\"cl-1\":[]}", "{\"cl-1\":{\"declarations\":[]}}", "{\"cl-1\":{\"declarations\":{\"closed\":\"x\"}}}",
        ])
    }

    func testClients() throws { try check("clients.json", ["clients", "list"], shapes: recordShapes) }

    func testDepartments() throws { try check("departments.json", ["departments", "list"], shapes: recordShapes) }

    func testWorkers() throws { try check("workers.json", ["workers", "list"], shapes: recordShapes) }

    // MARK: Users and tokens

    func testUsersOfAClient() throws { try check("users/cl-1.json", ["users", "list"], shapes: recordShapes) }

    func testUsersIndex() throws {
        try check("users/index.json", ["users", "show", "j.vanhouten@vanhouten.example"], shapes: indexShapes("j.vanhouten@vanhouten.example"))
    }

    func testActivationTokens() throws {
        try prepare()
        // After `--`: a base64url token may start with '-' (one in 64).
        try check(Self.tokenFile, ["account", "activate", "--password-stdin", "--", Self.invitationToken], shapes: [
            "[]", "{\"ab\":1}", "{\"ab\":{\"user\":\"u-3\",\"state\":\"lost\",\"at\":\"2026-11-30T09:15:00Z\"}}",
            "{\"ab\":{\"state\":\"open\"}}",
        ], stdin: "Welkom02!\n")
    }

    // MARK: Contracts and documents

    func testContracts() throws { try check("contracts/cl-1.json", ["contracts", "list"], shapes: recordShapes) }

    func testContractsIndex() throws { try check("contracts/index.json", ["contracts", "show", "ct-1"], shapes: indexShapes("ct-1")) }

    func testDocuments() throws { try check("documents/cl-1.json", ["documents", "list"], shapes: recordShapes) }

    func testDocumentsIndex() throws { try check("documents/index.json", ["documents", "show", "doc-1"], shapes: indexShapes("doc-1")) }

    func testDocumentBlob() throws {
        try prepare()
        let doc = jsonObject(expect(0, "documents", "show", "doc-1", "--json"))
        let sha = try XCTUnwrap(doc["sha256"] as? String)
        // A blob is no JSON: its "wrong shape" is another valid document under its name.
        try check("blobs/\(sha.prefix(2))/\(sha)", ["documents", "show", "doc-1", "--output", "-"],
                  extra: [.replaced("replaced by another document", Array("Een ander document\n".utf8))])
    }

    // MARK: Declarations

    func testOpenDeclarations() throws {
        try check("declarations/cl-1/open.json", ["declarations", "show", "d-51"], shapes: recordShapes)
    }

    /// A comment builds only its own declaration and copies the others'
    /// bytes, but still checks the whole file first.
    func testOpenDeclarationsUnderAComment() throws {
        try check("declarations/cl-1/open.json", ["declarations", "comment", "d-51", "Klopt dit?"], shapes: recordShapes)
    }

    func testArchiveYear() throws {
        try check("declarations/cl-1/2026.json", ["declarations", "show", "d-1"], shapes: recordShapes)
    }

    /// The week index: a past week of the client is read through it.
    func testWeekIndex() throws {
        try prepare()
        let rel = "declarations/cl-1/weeks.json"
        let index = try XCTUnwrap(
            JSONSerialization.jsonObject(with: XCTUnwrap(FileManager.default.contents(atPath: XCTUnwrap(base ?? Self.pristine) + "/" + rel)))
                as? [String: [Int]])
        let week = try XCTUnwrap(index.keys.sorted().last)
        let offsets = try XCTUnwrap(index[week])
        try check(rel, ["declarations", "list", "--week", week], shapes: [
            "[]", "{\"\(week)\":1}", "{\"\(week)\":[\(offsets[0] + 1),\(offsets[1])]}", "{\"\(week)\":[5,2]}", "null",
        ])
    }

    func testDeclarationIndex() throws {
        try check("declarations/index/0.json", ["declarations", "show", "d-51"], shapes: indexShapes("d-51"))
    }

    func testDeclarationKeys() throws {
        try check("declarations/cl-1/keys.json", ["declarations", "open", "--week", "2026-W50"], shapes: indexShapes("ct-1|2026-W48"))
    }

    // MARK: The guards' files (SPEC §13)

    /// Wrong shapes of a worker's summary: not an object, weeks not an
    /// object, another worker's, a date outside its week.
    let summaryShapes = [
        "[]", "{\"worker\":\"w-3\",\"weeks\":[]}", "{\"worker\":\"w-4\",\"weeks\":{}}",
        "{\"worker\":\"w-3\",\"weeks\":{\"2026-W49\":{\"d-56\":{\"counted\":true,\"days\":{\"2027-01-01\":60}}}}}",
    ]

    func testWorkerSummaryRead() throws {
        try check("workload/w-3.json", ["workers", "show", "w-3"], shapes: summaryShapes)
    }

    /// New hours update the summary: a damaged one is not overwritten.
    func testWorkerSummaryUnderNewHours() throws {
        try check("workload/w-3.json", ["declarations", "enter", "d-56", "wed=8"], shapes: summaryShapes)
    }

    func testWorkerSummaryUnderAPhaseCheck() throws {
        try check("workload/w-3.json", ["contracts", "add", "--worker", "w-3", "--department", "dep-1", "--function", "X", "--start", "2026-12-07",
            "--phase", "A", "--pay-rate", "15", "--bill-rate", "30"], shapes: summaryShapes)
    }

    /// ct-3 ends 2027-03-21: its month's file is read by a notice window reaching March.
    func testContractEnds() throws {
        try check("contracts/ending/2027-03.json", ["contracts", "list", "--ending", "120"], shapes: [
            "[]", "{\"ct-3\":1}", "{\"ct-3\":{\"end\":\"soon\",\"client\":\"cl-1\",\"department\":\"dep-1\"}}",
            "{\"ct-3\":{\"end\":\"2027-04-01\",\"client\":\"cl-1\",\"department\":\"dep-1\"}}",
        ])
    }

    // MARK: Invoices, outbox, notifications

    func testInvoicesOfAYear() throws {
        try check("invoices/cl-1/2026.json", ["invoices", "list"], shapes: recordShapes)
    }

    func testInvoiceIndex() throws {
        try check("invoices/index/2026.json", ["invoices", "show", "WT2026-00001"], shapes: indexShapes("WT2026-00001"))
    }

    func testOutboxIndex() throws { try check("outbox/index/0.json", ["outbox", "list"], shapes: recordShapes) }

    func testNotifyTimes() throws { try check("notify.json", ["notify"], shapes: indexShapes("u-1")) }

    // MARK: The audit trail and the journal

    func testAuditHead() throws {
        try check("audit/head.json", ["clients", "add", "Nieuw BV"], shapes: [
            "[]", "{\"seq\":\"x\",\"hash\":\"0\",\"file\":\"audit/2026-11.jsonl\",\"size\":1}", "{}",
        ])
    }

    func testAuditLog() throws {
        try check("audit/2026-11.jsonl", ["audit"], shapes: ["[]\n", "{\"seq\":\"x\"}\n"])
    }

    /// A write never appends to an audit log that is not as long as its head
    /// says: the entry would land after a hole or in the middle of garbage.
    func testAWriteRefusesACutAuditLog() throws {
        for how: Damage in [.halved, .emptied, .replaced("grown by a line", [])] {
            try prepare()
            let rel = "audit/2026-11.jsonl"
            if case .replaced = how {
                let grown = Array(readFile(rel).utf8) + Array("{\"seq\":999}\n".utf8)
                try damage(rel, .replaced("grown by a line", grown))
            } else {
                try damage(rel, how)
            }
            let before = snapshot()
            let r = wt(["clients", "add", "Nieuw BV"])
            XCTAssertEqual(r.code, 8, "\(how): \(r.err)")
            XCTAssertTrue(r.err.contains(store + "/" + rel), "\(how) names the log: \(r.err)")
            XCTAssertEqual(changes(before, snapshot()), [], "\(how): a write went ahead on a damaged audit log")
        }
    }

    /// A committed journal that is damaged cannot be replayed: every command
    /// stops, the journal stays for a person to look at, nothing is applied.
    func testCommittedJournal() throws {
        try prepare()
        // Kill an approval right after its journal was renamed into place (the commit point).
        let trace = wt(["--as", "j.vanhouten@vanhouten.example", "declarations", "approve", "d-51"],
                       env: ["WT_CRASH_TRACE": "1", "WT_CRASH_AT": "3"])
        XCTAssertEqual(trace.code, 137, trace.err)
        XCTAssertTrue(trace.err.contains("io-step 2 rename journal"), trace.err)
        let journal = try XCTUnwrap(FileManager.default.contents(atPath: store + "/journal"), "a committed journal is left")
        let committed = tmp + "/with-journal"
        try FileManager.default.copyItem(atPath: store, toPath: committed)
        base = committed

        var flipped = Array(journal)
        let at = flipped.firstIndex(of: UInt8(ascii: "s")) ?? flipped.count / 2
        flipped[at] = UInt8(ascii: "S")
        var escaping = Array("wt-journal 1\nW 4 ../escaped.json\n{}\n\n".utf8)
        escaping += Array("E \(SHA256.hex(escaping))\n".utf8)
        var trailing = Array(journal)
        trailing += Array("W 3 clients.json\n{}\n".utf8)
        try check("journal", ["clients", "list"], extra: [
            .replaced("with one byte changed", flipped),
            .replaced("writing outside the store", escaping),
            .replaced("with bytes after its end mark", trailing),
        ])
        XCTAssertFalse(FileManager.default.fileExists(atPath: tmp + "/escaped.json"))
    }

    // MARK: Backups and restoring them

    /// The store's files as a backup holds them: all but the lock.
    func content(_ dir: String) -> [String: Data] { snapshot(dir).filter { $0.key != "lock" } }

    func testABackupVerifiesAndTakesReadsAndWrites() throws {
        try prepare()
        let copy = tmp + "/backup"
        let r = expect(0, "store", "backup", copy, "--json")
        let row = (json(r) as? [String: Any]) ?? (json(r) as? [[String: Any]])?.first
        XCTAssertEqual(row?["files"] as? Int, content(store).count, r.out)
        XCTAssertEqual(changes(content(store), content(copy)), [], "the backup is a byte-for-byte copy")
        XCTAssertEqual(FileSystem.mode(copy).map { $0 & 0o777 }, 0o700, "the backup is as private as the store")
        XCTAssertEqual(FileSystem.mode(copy + "/users/cl-1.json").map { $0 & 0o777 }, 0o600)
        expect(0, "--store", copy, "store", "verify")
        for list in [["declarations", "list", "--json"], ["invoices", "list", "--json"], ["users", "list", "--json"], ["audit", "--json"]] {
            XCTAssertEqual(expect(0, ["--store", copy] + list).out, expect(0, list).out, "\(list) reads the same from the backup")
        }
        // A write to the copy lands in the copy only.
        let original = snapshot()
        expect(0, "--store", copy, "--as", "j.vanhouten@vanhouten.example", "declarations", "approve", "d-51", "--comment", "in de kopie")
        XCTAssertEqual(jsonObject(expect(0, "--store", copy, "declarations", "show", "d-51", "--json"))["status"] as? String, "approved")
        XCTAssertEqual(jsonObject(expect(0, "declarations", "show", "d-51", "--json"))["status"] as? String, "submitted")
        XCTAssertEqual(changes(original, snapshot()), [])
        expect(0, "--store", copy, "store", "verify")
    }

    /// A backup of a store with a committed journal holds the replayed change, never the journal.
    func testABackupOfACrashedStoreHoldsTheRecoveredChange() throws {
        try prepare()
        let crashed = wt(["--as", "j.vanhouten@vanhouten.example", "declarations", "approve", "d-51"], env: ["WT_CRASH_AT": "3"])
        XCTAssertEqual(crashed.code, 137)
        XCTAssertTrue(FileManager.default.fileExists(atPath: store + "/journal"))
        let copy = tmp + "/backup"
        expect(0, "store", "backup", copy)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy + "/journal"))
        XCTAssertEqual(content(copy).keys.filter { $0.hasSuffix(".wt-tmp") }, [])
        expect(0, "--store", copy, "store", "verify")
        XCTAssertEqual(jsonObject(expect(0, "--store", copy, "declarations", "show", "d-51", "--json"))["status"] as? String, "approved")
    }

    /// Backups taken while writers run each hold whole changes only.
    func testBackupsTakenDuringWritesAreConsistent() throws {
        try prepare()
        let done = DispatchSemaphore(value: 0)
        let failures = DataBox()
        DispatchQueue.global().async {
            for i in 0..<12 {
                let r = self.wt(["--wait", "30", "workers", "add", "Schrijver \(i)"])
                if r.code != 0 { failures.data.append(Data("workers add \(i): \(r.code) \(r.err)\n".utf8)) }
            }
            done.signal()
        }
        var copies: [String] = []
        for i in 0..<6 {
            let copy = tmp + "/backup-\(i)"
            expect(0, "--wait", "30", "store", "backup", copy)
            copies.append(copy)
        }
        done.wait()
        XCTAssertEqual(String(decoding: failures.data, as: UTF8.self), "")
        for copy in copies {
            let v = wt(["--store", copy, "store", "verify"])
            XCTAssertEqual(v.code, 0, "\(copy): \(v.out)\(v.err)")
            let workers = jsonArray(expect(0, "--store", copy, "workers", "list", "--json")).count
            let added = jsonArray(expect(0, "--store", copy, "audit", "--json")).filter { $0["action"] as? String == "worker.add" }.count
            // The demo's nine workers were added through the audited path too.
            XCTAssertEqual(workers, added, "\(copy): every worker in the copy has its audit entry and no more")
            XCTAssertGreaterThanOrEqual(workers, 9, copy)
        }
    }

    /// The README's restore procedure: move the damaged store aside, copy the
    /// backup into its place, verify; the restored store works and writes.
    func testRestoringABackupAsTheREADMESays() throws {
        try prepare()
        let backup = tmp + "/wt-backup"
        expect(0, "store", "backup", backup)
        let backedUp = content(backup)
        // Work after the backup, then damage.
        expect(0, "--as", "j.vanhouten@vanhouten.example", "declarations", "approve", "d-51")
        try damage("declarations/cl-1/open.json", .garbage)
        XCTAssertEqual(wt(["store", "verify"]).code, 8)
        XCTAssertEqual(wt(["declarations", "list"]).code, 8)

        let aside = tmp + "/store.damaged"
        try FileManager.default.moveItem(atPath: store, toPath: aside)
        let cp = Process()
        cp.executableURL = URL(fileURLWithPath: "/bin/cp")
        cp.arguments = ["-a", backup, store]
        try cp.run()
        cp.waitUntilExit()
        XCTAssertEqual(cp.terminationStatus, 0)
        expect(0, "store", "verify")
        XCTAssertEqual(changes(backedUp, content(store)), [], "the restored store is the backup")
        // The change made after the backup is gone, and can be made again.
        XCTAssertEqual(jsonObject(expect(0, "declarations", "show", "d-51", "--json"))["status"] as? String, "submitted")
        expect(0, "--as", "j.vanhouten@vanhouten.example", "declarations", "approve", "d-51")
        expect(0, "store", "verify")
        XCTAssertEqual(FileSystem.mode(store).map { $0 & 0o777 }, 0o700, "the restored store stays private")
        // The damaged store is kept for a person to look at; its audit trail still reads.
        XCTAssertTrue(FileManager.default.fileExists(atPath: aside + "/declarations/cl-1/open.json"))
        let since = jsonArray(expect(0, "--store", aside, "audit", "--json")).last
        XCTAssertEqual(since?["action"] as? String, "declaration.approve")
    }
}
