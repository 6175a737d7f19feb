import Foundation
import XCTest

/// Crash sweeps (see CrashSweepTests) over what worker accounts added: an
/// invitation (the worker's account, its token, the mail and the audit entry)
/// and a worker submitting their own week.
extension CrashSweepTests {
    func testWorkerInvitationIsAllOrNothing() throws {
        initStore(sample: "demo")
        expect(0, ["workers", "add", "Nieuwe Medewerker", "--email", "nieuw@mail.example"])
        try freeze()
        let sweep = Sweep(
            name: "workers invite", args: ["workers", "invite", "w-10", "--json"],
            facts: [("worker", ["workers", "show", "w-10", "--json"])],
            check: { dir, applied in
                let account = self.object(at: dir, "workers", "show", "w-10", "--json")["account"] as? String
                let mails = self.array(at: dir, "outbox", "list", "--to", "nieuw@mail.example", "--json")
                let audit = self.array(at: dir, "audit", "--record", "w-10", "--json").filter { $0["action"] as? String == "worker.invite" }
                var problems: [String] = []
                if account != (applied ? "invited" : "none") { problems.append("w-10's account is \(account ?? "?")") }
                if mails.count != (applied ? 1 : 0) { problems.append("the worker has \(mails.count) mails") }
                if audit.count != (applied ? 1 : 0) { problems.append("the audit has \(audit.count) invitations of w-10") }
                if applied, let id = mails.first?["id"] as? String {
                    // The link in the mail is the one whose hash the store holds: it activates.
                    let raw = self.wt(at: dir, ["outbox", "show", id]).out.replacingOccurrences(of: "=\r\n", with: "")
                    let link = raw.range(of: #"https://\S+/deeplink/index/[a-z2-7]{52}"#, options: .regularExpression).map { String(raw[$0]) } ?? ""
                    let a = self.wt(at: dir, ["account", "activate", link, "--password-stdin"], stdin: "Welkom02!\n")
                    if a.code != 0 { problems.append("the mailed link does not activate: \(a.code) \(a.err)") }
                }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 10)
    }

    func testAWorkersSubmitIsAllOrNothing() throws {
        initStore(sample: "demo")
        let worker = "daan@mail.example"
        let rejected = jsonArray(expect(0, ["--as", worker, "declarations", "list", "--status", "rejected", "--json"]))
        let id = try XCTUnwrap(rejected.first?["id"] as? String)
        expect(0, ["--as", worker, "declarations", "enter", id, "fri=0"])
        try freeze()
        let sweep = Sweep(
            name: "worker submit", args: ["--as", worker, "declarations", "submit", id],
            facts: [("declaration", ["declarations", "show", id, "--json"])],
            check: { dir, applied in
                let d = self.declaration(id, at: dir)
                let last = ((d["history"] as? [[String: Any]]) ?? []).last
                let audit = self.array(at: dir, "audit", "--record", id, "--json").filter { $0["action"] as? String == "declaration.submit" }
                var problems: [String] = []
                if (d["status"] as? String == "submitted") != applied { problems.append("\(id) is \(d["status"] ?? "")") }
                if applied && last?["by"] as? String != worker { problems.append("the history does not name the worker: \(last ?? [:])") }
                if audit.count != (applied ? 1 : 0) || (applied && audit.first?["actor"] as? String != worker) {
                    problems.append("the audit has \(audit.count) submissions of \(id) by \(audit.first?["actor"] ?? "-")")
                }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 8)
    }
}
