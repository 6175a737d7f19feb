import Foundation
import XCTest

/// The store's guarantees, proven against the real binary: crash recovery at
/// every I/O step, concurrent writers, damaged files, the lock, the audit chain.
final class StoreTests: WTTestCase {
    /// The number of I/O steps a command's commit takes, from the failpoint trace.
    func ioSteps(_ args: [String], env: [String: String] = [:]) -> Int {
        let probe = tmp + "/probe"
        try? FileManager.default.removeItem(atPath: probe)
        try? FileManager.default.copyItem(atPath: store, toPath: probe)
        let r = wt(args, env: env.merging(["WT_STORE": probe, "WT_CRASH_TRACE": "1"]) { $1 })
        XCTAssertEqual(r.code, 0, r.err)
        return r.err.split(separator: "\n").filter { $0.hasPrefix("wt: io-step ") }.count
    }

    /// Kills `clients add` at every I/O step; after each crash the next command
    /// recovers and the change is either wholly there or wholly absent.
    func crashSweep(extraEnv: [String: String]) -> [String] {
        initStore()
        expect(0, "clients", "add", "Eerste BV")
        let steps = ioSteps(["clients", "add", "Tweede BV"], env: extraEnv)
        XCTAssertGreaterThan(steps, 6, "a multi-file commit has files, audit and fsync steps")
        let pristine = tmp + "/pristine"
        try? FileManager.default.copyItem(atPath: store, toPath: pristine)
        var violations: [String] = []
        for n in 1...steps {
            try? FileManager.default.removeItem(atPath: store)
            try? FileManager.default.copyItem(atPath: pristine, toPath: store)
            var env = extraEnv
            env["WT_CRASH_AT"] = "\(n)"
            let crashed = wt(["clients", "add", "Tweede BV"], env: env)
            XCTAssertEqual(crashed.code, 137, "step \(n) should kill the process")
            let verify = wt(["store", "verify"])
            let list = wt(["clients", "list", "--json"])
            let names = ((try? JSONSerialization.jsonObject(with: Data(list.out.utf8))) as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
            let audit = wt(["audit", "--json"])
            let entries = ((try? JSONSerialization.jsonObject(with: Data(audit.out.utf8))) as? [[String: Any]]) ?? []
            let hasAudit = entries.contains { ($0["details"] as? [String: Any])?["name"] as? String == "Tweede BV" }
            if verify.code != 0 { violations.append("step \(n): verify failed: \(verify.out) \(verify.err)") }
            if list.code != 0 { violations.append("step \(n): list failed: \(list.err)") }
            if names.contains("Tweede BV") != hasAudit {
                violations.append("step \(n): the client and its audit entry disagree (client \(names.contains("Tweede BV")), audit \(hasAudit))")
            }
            let leftovers = snapshot().keys.filter { $0.hasSuffix(".wt-tmp") || $0 == "journal" || $0 == "journal.tmp" }
            if !leftovers.isEmpty { violations.append("step \(n): left behind \(leftovers)") }
            // After recovery the store takes new work and ids do not collide.
            let next = wt(["clients", "add", "Derde BV", "--json"])
            if next.code != 0 { violations.append("step \(n): the next write failed: \(next.err)") }
        }
        return violations
    }

    func testCrashAtEveryIOStepIsRecovered() {
        let violations = crashSweep(extraEnv: [:])
        XCTAssertEqual(violations, [], violations.joined(separator: "\n"))
    }

    /// The negative control: the same sweep without the journal must find damage,
    /// or the sweep proves nothing.
    func testCrashSweepCatchesACommitWithoutTheJournal() {
        let violations = crashSweep(extraEnv: ["WT_UNSAFE_NO_JOURNAL": "1"])
        XCTAssertFalse(violations.isEmpty, "without the journal some crash must leave a half-applied change")
    }

    func testConcurrentWritersLoseNothing() throws {
        initStore()
        let writers = 4, each = 6
        let group = DispatchGroup()
        let failures = DataBox()
        let lock = NSLock()
        for w in 0..<writers {
            group.enter()
            DispatchQueue.global().async {
                for i in 0..<each {
                    let r = self.wt(["--wait", "30", "workers", "add", "Worker \(w)-\(i)"])
                    if r.code != 0 {
                        lock.lock()
                        failures.data.append(Data("\(w)-\(i): \(r.code) \(r.err)\n".utf8))
                        lock.unlock()
                    }
                }
                group.leave()
            }
        }
        group.wait()
        XCTAssertEqual(String(decoding: failures.data, as: UTF8.self), "")
        let all = jsonArray(expect(0, "workers", "list", "--json"))
        XCTAssertEqual(all.count, writers * each)
        XCTAssertEqual(Set(all.compactMap { $0["id"] as? String }).count, writers * each, "ids are unique")
        expect(0, "store", "verify")
        XCTAssertEqual(jsonArray(expect(0, "audit", "--json")).count, writers * each + 1)
    }

    func testAFileCutInHalfStopsEveryCommandAndNothingIsWritten() {
        initStore(sample: "demo")
        let path = store + "/workers.json"
        let data = FileManager.default.contents(atPath: path)!
        _ = FileManager.default.createFile(atPath: path, contents: data.prefix(data.count / 2))
        let before = snapshot()
        for args in [["workers", "list"], ["workers", "add", "Nieuw"], ["store", "verify"]] {
            let r = wt(args)
            XCTAssertEqual(r.code, 8, "\(args): \(r.err)")
            XCTAssertTrue(r.err.contains("workers.json") || r.out.contains("workers.json"), "\(args) names the file: \(r.err)")
        }
        XCTAssertEqual(snapshot(), before, "a damaged store is never written")
    }

    func testWrongSchemaVersionIsRefused() {
        initStore()
        writeFile("wt-store.json", "{\"format\":\"wt-store\",\"schema\":99}")
        let r = expect(8, "clients", "list")
        XCTAssertTrue(r.err.contains("schema 99"), r.err)
    }

    func testBusyStoreExitsSevenAfterTheWait() throws {
        initStore()
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/flock")
        holder.arguments = [store + "/lock", "sleep", "5"]
        try holder.run()
        defer { holder.terminate() }
        Thread.sleep(forTimeInterval: 0.3)
        let start = Date()
        let r = expect(7, "--wait", "0.5", "clients", "add", "Wachtend BV")
        XCTAssertTrue(r.err.contains("busy"), r.err)
        XCTAssertGreaterThanOrEqual(Date().timeIntervalSince(start), 0.45)
    }

    func testEditedAuditEntryFailsVerify() throws {
        initStore()
        expect(0, "clients", "add", "Eerlijk BV")
        expect(0, "clients", "add", "Ander BV")
        let file = try XCTUnwrap(snapshot().keys.first { $0.hasPrefix("audit/") && $0.hasSuffix(".jsonl") })
        let text = readFile(file).replacingOccurrences(of: "Eerlijk BV", with: "Oneerlijk BV")
        writeFile(file, text)
        let r = expect(8, "store", "verify")
        XCTAssertTrue(r.out.contains("audit chain broken"), r.out)
    }

    func testBackupIsConsistentAndUsable() {
        initStore(sample: "demo")
        let copy = tmp + "/backup"
        expect(0, "store", "backup", copy)
        XCTAssertFalse(FileManager.default.fileExists(atPath: copy + "/lock.json"))
        expect(0, "--store", copy, "store", "verify")
        XCTAssertEqual(expect(0, "--store", copy, "workers", "list", "--json").out, expect(0, "workers", "list", "--json").out)
        expect(0, "--store", copy, "workers", "add", "Alleen in de kopie")
        expect(4, "store", "backup", copy)
    }
}
