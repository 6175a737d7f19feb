import Foundation
import XCTest

/// The crash sweep of an approval by mail (SPEC §15): the approval, its audit
/// entries, the used token and the answer in the outbox land together; and a
/// Maildir run killed at any step leaves its message either processed once or
/// still in new/, never half, and the next run finishes it without a second answer.
extension CrashSweepTests {
    func testApprovalByMailIsAllOrNothing() throws {
        try prepareDigest()
        let file = try reply("plain", "Goedkeuren", "d-51", text: "Akkoord", messageID: "<sweep@vanhouten.example>")
        try freeze()
        let sweep = Sweep(
            name: "mail ingest", args: ["mail", "ingest", file],
            facts: [("declaration", ["declarations", "show", "d-51", "--json"])],
            check: { dir, applied in
                var problems: [String] = []
                if (self.declaration("d-51", at: dir)["status"] as? String == "approved") != applied { problems.append("d-51 disagrees") }
                let ingests = self.array(at: dir, "audit", "--record", "d-51", "--json").filter { $0["action"] as? String == "mail.ingest" }
                if ingests.count != (applied ? 1 : 0) { problems.append("\(ingests.count) mail.ingest entries") }
                // The message again: processed now if it was not, a no-op if it was; the token is used once either way.
                let again = self.wt(at: dir, ["mail", "ingest", file])
                if again.code != 0 || again.out.contains("already processed") != applied { problems.append("ingest again: \(again.code) \(again.out)\(again.err)") }
                let answers = self.array(at: dir, "outbox", "list", "--to", Self.approver, "--json").filter { ($0["subject"] as? String)?.hasPrefix("Verwerkt") == true }
                if answers.count != 1 { problems.append("\(answers.count) answers after the retry") }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 15)
    }

    func testAMaildirRunKilledAtAnyStepLeavesEachMessageProcessedOnceOrInNew() throws {
        try prepareDigest()
        let source = tmp + "/maildir-source"
        for sub in ["tmp", "new", "cur"] { try FileManager.default.createDirectory(atPath: source + "/" + sub, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: try reply("plain", "Goedkeuren", "d-51", text: "Akkoord"), toPath: source + "/new/1.M1P1.mx")
        try FileManager.default.copyItem(atPath: try reply("gmail", "Afwijzen", "d-53", text: "Dinsdag klopt niet."), toPath: source + "/new/2.M2P1.mx")
        try freeze()
        func fresh(_ lane: String) throws -> (store: String, maildir: String) {
            let dir = tmp + "/" + lane, maildir = tmp + "/" + lane + "-maildir"
            try restore(dir)
            try? FileManager.default.removeItem(atPath: maildir)
            try FileManager.default.copyItem(atPath: source, toPath: maildir)
            return (dir, maildir)
        }
        let probe = try fresh("probe")
        let trace = wt(at: probe.store, ["mail", "ingest", "--maildir", probe.maildir], env: ["WT_CRASH_TRACE": "1"])
        XCTAssertEqual(trace.code, 0, trace.err)
        let steps = trace.err.split(separator: "\n").filter { $0.hasPrefix("wt: io-step ") }
        XCTAssertTrue(steps.contains { $0.contains(" move ") }, "the move from new/ is a crash point")
        let messages = [("1.M1P1.mx", "d-51", "approved"), ("2.M2P1.mx", "d-53", "rejected")]
        var violations: [String] = []
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for n in stride(from: lane + 1, through: steps.count, by: lanes) {
                var v: [String] = []
                defer { lock.lock(); violations += v; lock.unlock() }
                guard let (dir, maildir) = try? fresh("mlane-\(lane)") else { v.append("step \(n): cannot copy"); continue }
                let crashed = wt(at: dir, ["mail", "ingest", "--maildir", maildir], env: ["WT_CRASH_AT": "\(n)"])
                if crashed.code != 137 { v.append("step \(n): exited \(crashed.code): \(crashed.err)") }
                let new = Set((try? FileManager.default.contentsOfDirectory(atPath: maildir + "/new")) ?? [])
                let cur = Set((try? FileManager.default.contentsOfDirectory(atPath: maildir + "/cur")) ?? [])
                for (name, id, done) in messages {
                    let status = (parsed(wt(at: dir, ["declarations", "show", id, "--json"])) as? [String: Any])?["status"] as? String
                    let inNew = new.contains(name), inCur = cur.contains(name + ":2,S")
                    if inNew == inCur { v.append("step \(n): \(name) is in new/ \(inNew), in cur/ \(inCur)") }
                    if inCur && status != done { v.append("step \(n): \(name) was moved but \(id) is \(status ?? "?")") }
                }
                let verify = wt(at: dir, ["store", "verify"])
                if verify.code != 0 { v.append("step \(n): verify \(verify.out)\(verify.err)") }
                // The next run finishes: each message processed once, answered once.
                let again = wt(at: dir, ["mail", "ingest", "--maildir", maildir])
                if again.code != 0 { v.append("step \(n): the next run exited \(again.code): \(again.err)") }
                let left = (try? FileManager.default.contentsOfDirectory(atPath: maildir + "/new")) ?? []
                if !left.isEmpty { v.append("step \(n): left in new/ after the next run: \(left)") }
                for (_, id, done) in messages {
                    let status = (parsed(wt(at: dir, ["declarations", "show", id, "--json"])) as? [String: Any])?["status"] as? String
                    if status != done { v.append("step \(n): \(id) is \(status ?? "?") after the next run") }
                    let ingests = array(at: dir, "audit", "--record", id, "--json").filter { $0["action"] as? String == "mail.ingest" }
                    if ingests.count != 1 { v.append("step \(n): \(id) has \(ingests.count) mail.ingest entries") }
                }
                let answers = array(at: dir, "outbox", "list", "--to", Self.approver, "--json").filter { ($0["subject"] as? String)?.hasPrefix("Verwerkt") == true }
                if answers.count != 2 { v.append("step \(n): \(answers.count) answers, not 2") }
                if !leftovers(dir).isEmpty { v.append("step \(n): left \(leftovers(dir))") }
            }
        }
        print("crash sweep mail ingest --maildir: \(steps.count) crash points, \(violations.count) violations")
        XCTAssertGreaterThan(steps.count, 20)
        XCTAssertEqual(violations, [], violations.joined(separator: "\n"))
    }
}
