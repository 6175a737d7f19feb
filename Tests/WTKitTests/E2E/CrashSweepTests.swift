import Foundation
import XCTest

extension WTTestCase {
    /// The paths whose bytes differ between two snapshots (added, removed or changed).
    func changes(_ before: [String: Data], _ after: [String: Data]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    /// Files an interrupted commit may leave, which recovery must have removed.
    func leftovers(_ dir: String? = nil) -> [String] {
        snapshot(dir).keys.filter { $0.hasSuffix(".wt-tmp") || $0 == "journal" || $0 == "journal.tmp" }.sorted()
    }

    func parsed(_ r: WTResult) -> Any? { try? JSONSerialization.jsonObject(with: Data(r.out.utf8), options: [.fragmentsAllowed]) }

    /// The invoice invariants, read through `wt` from the store at `dir`:
    /// numbers consecutive from 00001 in each year with no hole or repeat;
    /// every declaration that names an invoice is closed and listed by that
    /// invoice; every invoice that was not credited has its declarations.
    func invoiceProblems(_ dir: String? = nil) -> [String] {
        let env = dir.map { ["WT_STORE": $0] } ?? [:]
        let inv = wt(["invoices", "list", "--json", "--fields", "number,kind,client,declarations,creditOf"], env: env)
        let dec = wt(["declarations", "list", "--json", "--fields", "id,status,invoice"], env: env)
        guard inv.code == 0, dec.code == 0, let invoices = parsed(inv) as? [[String: Any]], let declarations = parsed(dec) as? [[String: Any]] else {
            return ["cannot list invoices (\(inv.code): \(inv.err)) or declarations (\(dec.code): \(dec.err))"]
        }
        var problems: [String] = []
        var byYear: [String: [Int]] = [:]
        for i in invoices {
            let number = i["number"] as? String ?? ""
            guard let dash = number.lastIndex(of: "-"), let seq = Int(number[number.index(after: dash)...]),
                number.distance(from: number.startIndex, to: dash) >= 4
            else {
                problems.append("invoice number \(number) is not PREFIXYYYY-NNNNN")
                continue
            }
            byYear[String(number[number.index(dash, offsetBy: -4)..<dash]), default: []].append(seq)
        }
        for (year, seqs) in byYear where seqs.sorted() != Array(1...seqs.count) {
            problems.append("invoice numbers of \(year) are not 00001 to \(seqs.count) without gaps: \(seqs.sorted())")
        }
        let byNumber = Dictionary(invoices.map { ($0["number"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        let credited = Set(invoices.compactMap { $0["creditOf"] as? String })
        let declById = Dictionary(declarations.map { ($0["id"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for d in declarations {
            guard let number = d["invoice"] as? String else { continue }
            let id = d["id"] as? String ?? ""
            if d["status"] as? String != "closed" { problems.append("\(id) is invoiced by \(number) but \(d["status"] ?? "")") }
            guard let i = byNumber[number] else {
                problems.append("\(id) names invoice \(number), which does not exist")
                continue
            }
            if i["kind"] as? String != "invoice" || !((i["declarations"] as? [String]) ?? []).contains(id) {
                problems.append("\(id) names invoice \(number), which does not list it")
            }
        }
        for i in invoices where i["kind"] as? String == "invoice" {
            let number = i["number"] as? String ?? ""
            guard !credited.contains(number) else { continue }
            for id in (i["declarations"] as? [String]) ?? [] where declById[id]?["invoice"] as? String != number {
                problems.append("invoice \(number) lists \(id), which is not invoiced by it")
            }
        }
        return problems
    }
}

/// Kills a command at every I/O step of its commit (`WT_CRASH_AT=n`, the
/// failpoint of Store/Failpoint.swift), then lets the next command recover and
/// checks that the change is wholly there or wholly absent: every fact read
/// back (the record, its history, its audit entry, the mail in the outbox, the
/// counters behind `status`, the invoices) equals the state before the command
/// or the state after it, never a mix, and which one it is follows the commit
/// point (the rename of the journal). After each crash `wt store verify`
/// passes, no journal or temp file is left, and invoice numbers have no gaps.
final class CrashSweepTests: WTTestCase {
    static let approver = "j.vanhouten@vanhouten.example"

    struct Sweep {
        var name: String
        var args: [String]
        var stdin: String?
        /// Named read commands whose output together is the state to compare.
        var facts: [(name: String, args: [String])]
        /// More checks of the recovered store at a directory, told whether the change is there.
        var check: ((_ dir: String, _ applied: Bool) -> [String])?
    }

    struct Outcome {
        var steps: Int
        var commitStep: Int?
        var violations: [String]
        var seconds: Double
    }

    var prepared: String { tmp + "/prepared" }

    /// Crash points run in this many lanes at once, each on its own copy.
    let lanes = 3

    /// Keeps the store as it is now as the starting point of every crash.
    func freeze() throws {
        expect(0, "store", "verify")
        try? FileManager.default.removeItem(atPath: prepared)
        try FileManager.default.copyItem(atPath: store, toPath: prepared)
    }

    func restore(_ dir: String) throws {
        try? FileManager.default.removeItem(atPath: dir)
        try FileManager.default.copyItem(atPath: prepared, toPath: dir)
    }

    /// Runs wt on the store at `dir` (without assertions, so lanes may call it).
    func wt(at dir: String, _ args: [String], stdin: String? = nil, env: [String: String] = [:]) -> WTResult {
        wt(args, stdin: stdin, env: env.merging(["WT_STORE": dir]) { $1 })
    }

    func object(at dir: String, _ args: String...) -> [String: Any] {
        (parsed(wt(at: dir, args)) as? [String: Any]) ?? [:]
    }

    func array(at dir: String, _ args: String...) -> [[String: Any]] {
        (parsed(wt(at: dir, args)) as? [[String: Any]]) ?? []
    }

    /// What every sweep compares, besides its own facts. The first one is
    /// also the command that recovers after the crash.
    let common: [(name: String, args: [String])] = [
        ("status", ["status", "--json"]),
        ("audit", ["audit", "--json"]),
        ("outbox", ["outbox", "list", "--json"]),
        ("invoices", ["invoices", "list", "--json", "--fields", "number,kind,client,total,declarations,creditOf"]),
    ]

    func read(_ facts: [(name: String, args: [String])], at dir: String) -> [String: String] {
        var out: [String: String] = [:]
        for f in facts {
            let r = wt(at: dir, f.args)
            out[f.name] = "exit \(r.code)\n\(r.out)"
        }
        return out
    }

    func run(_ s: Sweep, env: [String: String] = [:], journal: Bool = true, file: StaticString = #filePath, line: UInt = #line) throws -> Outcome {
        let start = Date()
        let facts = common + s.facts
        let probe = tmp + "/probe"
        try restore(probe)
        let before = read(facts, at: probe)
        let trace = wt(at: probe, s.args, stdin: s.stdin, env: env.merging(["WT_CRASH_TRACE": "1"]) { $1 })
        XCTAssertEqual(trace.code, 0, "\(s.name) runs: \(trace.err)", file: file, line: line)
        let stepNames = trace.err.split(separator: "\n").filter { $0.hasPrefix("wt: io-step ") }.map { String($0.dropFirst("wt: io-step ".count)) }
        let commitStep = stepNames.firstIndex { $0.hasSuffix(" rename journal") }.map { $0 + 1 }
        if journal { XCTAssertNotNil(commitStep, "\(s.name) commits through the journal", file: file, line: line) }
        let after = read(facts, at: probe)
        let differing = facts.map(\.name).filter { before[$0] != after[$0] }
        XCTAssertFalse(differing.isEmpty, "\(s.name) changes what the facts read", file: file, line: line)
        var violations = invoiceProblems(probe).map { "complete run: \($0)" }
        if let check = s.check { violations += check(probe, true).map { "complete run: \($0)" } }

        func crash(at n: Int, in dir: String) -> [String] {
            let at = "\(s.name) step \(n) (\(stepNames.indices.contains(n - 1) ? stepNames[n - 1] : "?"))"
            do { try restore(dir) } catch { return ["\(at): cannot copy the store: \(error)"] }
            let crashed = wt(at: dir, s.args, stdin: s.stdin, env: env.merging(["WT_CRASH_AT": "\(n)"]) { $1 })
            if crashed.code != 137 { return ["\(at): exited \(crashed.code), not killed: \(crashed.err)"] }
            var v: [String] = []
            // Reading the facts recovers: their first command is the first one after the crash.
            let now = read(facts, at: dir)
            if !now[facts[0].name, default: ""].hasPrefix("exit 0\n") { v.append("\(at): the next command failed: \(now[facts[0].name] ?? "")") }
            let left = leftovers(dir)
            if !left.isEmpty { v.append("\(at): left behind \(left)") }
            let verify = wt(at: dir, ["store", "verify"])
            if verify.code != 0 { v.append("\(at): store verify exited \(verify.code): \(verify.out)\(verify.err)") }
            var applied: Bool?
            if now == before {
                applied = false
            } else if now == after {
                applied = true
            } else {
                let asBefore = differing.filter { now[$0] == before[$0] }
                let asAfter = differing.filter { now[$0] == after[$0] }
                let neither = facts.map(\.name).filter { now[$0] != before[$0] && now[$0] != after[$0] }
                v.append("\(at): half a change: as before \(asBefore), as after \(asAfter), neither \(neither)")
            }
            if let applied, let commitStep, applied != (n > commitStep) {
                v.append("\(at): the change is \(applied ? "there" : "absent") after a crash \(n > commitStep ? "after" : "before") the commit point (step \(commitStep))")
            }
            v += invoiceProblems(dir).map { "\(at): \($0)" }
            if let applied, let check = s.check { v += check(dir, applied).map { "\(at): \($0)" } }
            return v
        }

        var byStep = [[String]](repeating: [], count: stepNames.count + 1)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            for n in stride(from: lane + 1, through: max(stepNames.count, 1), by: lanes) {
                let v = crash(at: n, in: tmp + "/lane-\(lane)")
                lock.lock()
                byStep[n] = v
                lock.unlock()
            }
        }
        violations += byStep.flatMap { $0 }
        let seconds = Date().timeIntervalSince(start)
        print("crash sweep \(s.name)\(journal ? "" : " without the journal"): \(stepNames.count) crash points, commit at step \(commitStep.map(String.init) ?? "-"), \(violations.count) violations, \(String(format: "%.1f", seconds)) s")
        return Outcome(steps: stepNames.count, commitStep: commitStep, violations: violations, seconds: seconds)
    }

    func assertClean(_ o: Outcome, minimumSteps: Int, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertGreaterThanOrEqual(o.steps, minimumSteps, "a multi-file change has at least this many I/O steps", file: file, line: line)
        XCTAssertEqual(o.violations, [], o.violations.joined(separator: "\n"), file: file, line: line)
    }

    func declaration(_ id: String, at dir: String) -> [String: Any] { object(at: dir, "declarations", "show", id, "--json") }

    // MARK: Declarations

    /// An approval by the client's approver, with its comment and audit entry.
    func testApprovalWithCommentIsAllOrNothing() throws {
        initStore(sample: "demo")
        try freeze()
        let sweep = Sweep(
            name: "approve", args: ["--as", Self.approver, "declarations", "approve", "d-51", "--comment", "Akkoord, dank je"],
            facts: [("declaration", ["declarations", "show", "d-51", "--json"])],
            check: { dir, applied in
                let d = self.declaration("d-51", at: dir)
                let history = (d["history"] as? [[String: Any]]) ?? []
                let comments = (d["comments"] as? [[String: Any]]) ?? []
                let audit = self.array(at: dir, "audit", "--record", "d-51", "--json").filter { $0["action"] as? String == "declaration.approve" }
                var problems: [String] = []
                if (d["status"] as? String == "approved") != applied { problems.append("d-51 is \(d["status"] ?? "")") }
                if history.count != (applied ? 3 : 2) { problems.append("d-51 has \(history.count) history entries") }
                if comments.contains(where: { $0["text"] as? String == "Akkoord, dank je" }) != applied { problems.append("the comment disagrees") }
                if audit.count != (applied ? 1 : 0) || (applied && (audit[0]["details"] as? [String: Any])?["comment"] as? String != "Akkoord, dank je") {
                    problems.append("the audit has \(audit.count) approvals of d-51")
                }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 10)
    }

    /// A rejection: the status, the history with the reason, and the mail to the worker.
    func testRejectionWithItsMailIsAllOrNothing() throws {
        initStore(sample: "demo")
        try freeze()
        assertClean(try run(rejection()), minimumSteps: 15)
    }

    func rejection() -> Sweep {
        Sweep(
            name: "reject", args: ["--as", Self.approver, "declarations", "reject", "d-53", "--reason", "Dinsdag klopt niet"],
            facts: [("declaration", ["declarations", "show", "d-53", "--json"])],
            check: { dir, applied in
                let d = self.declaration("d-53", at: dir)
                let last = ((d["history"] as? [[String: Any]]) ?? []).last
                // The demo's workers also have their activation mail: count the rejections.
                let mails = self.array(at: dir, "outbox", "list", "--to", "fatima@mail.example", "--json")
                    .filter { ($0["subject"] as? String)?.hasSuffix("is afgewezen") == true }
                var problems: [String] = []
                if (d["status"] as? String == "rejected") != applied { problems.append("d-53 is \(d["status"] ?? "")") }
                if (last?["reason"] as? String == "Dinsdag klopt niet") != applied { problems.append("the history disagrees: \(last ?? [:])") }
                if mails.count != (applied ? 1 : 0) { problems.append("the worker has \(mails.count) mails") }
                if applied, let id = mails.first?["id"] as? String, !self.wt(at: dir, ["outbox", "show", id]).out.contains("Dinsdag klopt niet") {
                    problems.append("the mail \(id) lacks the reason")
                }
                return problems
            })
    }

    /// The negative control: committing without the journal, the same sweep
    /// must find a crash that leaves half a rejection, or it proves nothing.
    func testTheSweepCatchesARejectionCommittedWithoutTheJournal() throws {
        initStore(sample: "demo")
        try freeze()
        let o = try run(rejection(), env: ["WT_UNSAFE_NO_JOURNAL": "1"], journal: false)
        XCTAssertNil(o.commitStep)
        XCTAssertTrue(o.violations.contains { $0.contains("half a change") }, "a crash between files leaves half a rejection:\n\(o.violations.joined(separator: "\n"))")
        XCTAssertTrue(o.violations.contains { $0.contains("store verify exited 8") || $0.contains("left behind") }, o.violations.joined(separator: "\n"))
    }

    // MARK: Invoices

    /// The demo store plus a second client with a closed week, and the demo's
    /// approved week closed: one run issues two invoices (two numbers), moves
    /// three declarations into the archive and updates the counters.
    func prepareInvoicing() throws {
        initStore(sample: "demo")
        expect(0, "clients", "add", "Slagerij Pieters BV", "--kvk", "23456789")
        expect(0, "departments", "add", "cl-2", "Winkel")
        expect(0, "contracts", "add", "--worker", "w-1", "--department", "dep-2", "--function", "Verkoper", "--start", "2026-11-02",
               "--phase", "A", "--pay-rate", "15", "--bill-rate", "27.50")
        let opened = jsonArray(expect(0, "declarations", "open", "--week", "2026-W47", "--json"))
        let id = try XCTUnwrap(opened.first?["id"] as? String)
        expect(0, "declarations", "enter", id, "mon=8", "tue=8", "wed=7.5")
        expect(0, "declarations", "submit", id)
        expect(0, "declarations", "approve", id)
        expect(0, "declarations", "close", "--all-approved")
        XCTAssertEqual((jsonObject(expect(0, "status", "--json"))["waiting"] as? [String: Any])?["toInvoice"] as? Int, 3)
    }

    func invoiceFacts() -> [(name: String, args: [String])] {
        [("declarations", ["declarations", "list", "--json", "--fields", "id,status,invoice,history"])]
    }

    func testInvoiceRunIsAllOrNothing() throws {
        try prepareInvoicing()
        try freeze()
        let sweep = Sweep(
            name: "invoices generate", args: ["invoices", "generate"], facts: invoiceFacts(),
            check: { dir, applied in
                let invoices = self.array(at: dir, "invoices", "list", "--json")
                let waiting = self.array(at: dir, "declarations", "list", "--status", "closed", "--json").filter { $0["invoice"] is NSNull }
                let archived = self.array(at: dir, "declarations", "list", "--client", "cl-2", "--json").filter { $0["invoice"] is String }
                var problems: [String] = []
                if invoices.count != (applied ? 22 : 20) { problems.append("\(invoices.count) invoices") }
                if waiting.count != (applied ? 0 : 3) { problems.append("\(waiting.count) closed declarations not invoiced") }
                if archived.count != (applied ? 1 : 0) { problems.append("\(archived.count) declarations of cl-2 invoiced") }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 30)
    }

    func testCreditNoteIsAllOrNothing() throws {
        initStore(sample: "demo")
        try freeze()
        let sweep = Sweep(
            name: "invoices credit", args: ["invoices", "credit", "WT2026-00020", "--reason", "Verkeerd tarief", "--yes"],
            facts: invoiceFacts(),
            check: { dir, applied in
                let notes = self.array(at: dir, "invoices", "list", "--json").filter { $0["creditOf"] as? String == "WT2026-00020" }
                let reopened = self.array(at: dir, "declarations", "list", "--status", "report", "--json")
                    .filter { ["d-46", "d-47", "d-48", "d-49"].contains($0["id"] as? String ?? "") }
                var problems: [String] = []
                if notes.count != (applied ? 1 : 0) { problems.append("\(notes.count) credit notes of WT2026-00020") }
                if reopened.count != (applied ? 4 : 0) { problems.append("\(reopened.count) of its 4 declarations reopened") }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 20)
    }

    /// A crash while a committed journal is being replayed: the replay is
    /// idempotent, so the command after that finishes it.
    func testACrashDuringRecoveryIsRecoveredToo() throws {
        try prepareInvoicing()
        try freeze()
        let facts = common + invoiceFacts()
        let probe = tmp + "/probe"
        try restore(probe)
        let trace = wt(at: probe, ["invoices", "generate"], env: ["WT_CRASH_TRACE": "1"])
        let steps = trace.err.split(separator: "\n").filter { $0.hasPrefix("wt: io-step ") }
        let commit = try XCTUnwrap(steps.firstIndex { $0.hasSuffix(" rename journal") }) + 1
        let after = read(facts, at: probe)
        // Crash half-way through applying the journal, then crash the recovery at each of its steps.
        let first = (commit + steps.count) / 2
        let halfDone = tmp + "/half-done"
        try restore(halfDone)
        XCTAssertEqual(wt(at: halfDone, ["invoices", "generate"], env: ["WT_CRASH_AT": "\(first)"]).code, 137)
        try? FileManager.default.removeItem(atPath: probe)
        try FileManager.default.copyItem(atPath: halfDone, toPath: probe)
        let replay = wt(at: probe, ["status"], env: ["WT_CRASH_TRACE": "1"])
        let replaySteps = replay.err.split(separator: "\n").filter { $0.hasPrefix("wt: io-step ") }.count
        XCTAssertGreaterThan(replaySteps, 10, replay.err)
        var byStep = [[String]](repeating: [], count: replaySteps + 1)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let dir = tmp + "/lane-\(lane)"
            for m in stride(from: lane + 1, through: replaySteps, by: lanes) {
                var v: [String] = []
                try? FileManager.default.removeItem(atPath: dir)
                try? FileManager.default.copyItem(atPath: halfDone, toPath: dir)
                let crashed = wt(at: dir, ["status"], env: ["WT_CRASH_AT": "\(m)"])
                if crashed.code != 137 { v.append("replay step \(m): exited \(crashed.code)") }
                if read(facts, at: dir) != after { v.append("replay step \(m): the invoice run is not whole after two crashes") }
                let verify = wt(at: dir, ["store", "verify"])
                if verify.code != 0 { v.append("replay step \(m): verify: \(verify.out)\(verify.err)") }
                if !leftovers(dir).isEmpty { v.append("replay step \(m): left \(leftovers(dir))") }
                v += invoiceProblems(dir).map { "replay step \(m): \($0)" }
                lock.lock()
                byStep[m] = v
                lock.unlock()
            }
        }
        let violations = byStep.flatMap { $0 }
        print("crash sweep of a recovery: invoices generate killed at step \(first), its replay killed at each of \(replaySteps) steps, \(violations.count) violations")
        XCTAssertEqual(violations, [], violations.joined(separator: "\n"))
    }

    // MARK: Accounts and documents

    /// Activation consumes the token in the same commit that activates the
    /// account: after any crash the token either still works or gives 4.
    func testActivationConsumesItsTokenAtomically() throws {
        initStore(sample: "demo")
        let r = expect(0, "users", "invite", "nieuw@vanhouten.example", "--client", "cl-1", "--name", "Nieuwe Collega", "--role", "approver", "--json")
        let link = try XCTUnwrap(jsonObject(r)["activationLink"] as? String)
        try freeze()
        let password = "Welkom02!\n"
        let sweep = Sweep(
            name: "account activate", args: ["account", "activate", link, "--password-stdin"], stdin: password,
            facts: [("user", ["users", "show", "nieuw@vanhouten.example", "--json"])],
            check: { dir, applied in
                let status = self.object(at: dir, "users", "show", "nieuw@vanhouten.example", "--json")["status"] as? String
                var problems: [String] = []
                if status != (applied ? "active" : "invited") { problems.append("the user is \(status ?? "?")") }
                if !applied {
                    // The token was not consumed: it still works, once.
                    let first = self.wt(at: dir, ["account", "activate", link, "--password-stdin"], stdin: password)
                    if first.code != 0 { problems.append("the unused token was refused: \(first.code) \(first.err)") }
                }
                let again = self.wt(at: dir, ["account", "activate", link, "--password-stdin"], stdin: "Anders03!\n")
                if again.code != 4 { problems.append("a consumed token was accepted again: \(again.code) \(again.err)") }
                let login = self.wt(at: dir, ["account", "login", "nieuw@vanhouten.example", "--password-stdin"], stdin: password)
                if login.code != 0 { problems.append("the password set by the activation does not log in: \(login.err)") }
                if self.wt(at: dir, ["store", "verify"]).code != 0 { problems.append("verify fails after using the token") }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 12)
    }

    /// The SMS code of a document to sign: the document's state and the code's
    /// hash land with the text message that carries the code.
    func testSigningSendsItsCodeAtomically() throws {
        initStore(sample: "demo")
        try freeze()
        let sweep = Sweep(
            name: "documents sign --read", args: ["--as", Self.approver, "documents", "sign", "doc-11", "--read"],
            facts: [("document", ["documents", "show", "doc-11", "--json"])],
            check: { dir, applied in
                let doc = self.object(at: dir, "documents", "show", "doc-11", "--json")
                let sms = self.array(at: dir, "outbox", "list", "--kind", "sms", "--json")
                var problems: [String] = []
                if doc["status"] as? String != (applied ? "awaiting-code" : "pending") { problems.append("doc-11 is \(doc["status"] ?? "")") }
                if sms.count != (applied ? 1 : 0) { problems.append("\(sms.count) text messages") }
                // The code in the message is the one the document waits for.
                if applied, let id = sms.first?["id"] as? String {
                    let code = self.smsCode(id, at: dir) ?? "none"
                    let signed = self.wt(at: dir, ["--as", Self.approver, "documents", "sign", "doc-11", "--code", code])
                    if signed.code != 0 { problems.append("the code sent (\(code)) does not sign: \(signed.err)") }
                }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 15)
    }

    func testSigningWithTheCodeIsAllOrNothing() throws {
        initStore(sample: "demo")
        expect(0, "--as", Self.approver, "documents", "sign", "doc-11", "--read")
        let id = try XCTUnwrap(jsonArray(expect(0, "outbox", "list", "--kind", "sms", "--json")).last?["id"] as? String)
        let code = try XCTUnwrap(smsCode(id, at: store), wt(["outbox", "show", id]).out)
        try freeze()
        let sweep = Sweep(
            name: "documents sign --code", args: ["--as", Self.approver, "documents", "sign", "doc-11", "--code", code],
            facts: [("document", ["documents", "show", "doc-11", "--json"])],
            check: { dir, applied in
                let doc = self.object(at: dir, "documents", "show", "doc-11", "--json")
                var problems: [String] = []
                if doc["status"] as? String != (applied ? "approved" : "awaiting-code") { problems.append("doc-11 is \(doc["status"] ?? "")") }
                if (doc["signedBy"] as? String != nil) != applied { problems.append("signedBy disagrees: \(doc["signedBy"] ?? "nil")") }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 10)
    }

    /// Hours at a second placement on a date the first already has: the
    /// declaration, the worker's summary (workload/w-3.json) and the warning
    /// it gives the other placement's declaration land together or not at all.
    func testHoursWithTheirSummaryAndWarningsAreAllOrNothing() throws {
        initStore(sample: "demo")
        expect(0, "contracts", "add", "--worker", "w-3", "--department", "dep-1", "--function", "Avonddienst", "--start", "2026-11-30",
            "--phase", "C", "--pay-rate", "15", "--bill-rate", "30")
        expect(0, "declarations", "open", "--week", "2026-W49")
        try freeze()
        let sweep = Sweep(
            name: "declarations enter (summary)", args: ["declarations", "enter", "d-61", "mon=6"],
            facts: [
                ("declaration", ["declarations", "show", "d-61", "--json"]), ("sibling", ["declarations", "show", "d-56", "--json"]),
                ("worker", ["workers", "show", "w-3", "--json"]), ("warnings", ["declarations", "list", "--warnings", "--json", "--fields", "id"]),
            ],
            check: { dir, applied in
                var problems: [String] = []
                let d = self.declaration("d-61", at: dir)
                let sibling = self.declaration("d-56", at: dir)
                if (d["minutes"] as? Int == 360) != applied { problems.append("d-61 has \(d["minutes"] ?? "?") minutes") }
                for (id, x) in [("d-61", d), ("d-56", sibling)] where ((x["warnings"] as? [Any])?.isEmpty == false) != applied {
                    problems.append("\(id) warnings disagree: \(x["warnings"] ?? "nil")")
                }
                let summary = (try? String(contentsOfFile: dir + "/workload/w-3.json", encoding: .utf8)) ?? ""
                if summary.contains("\"d-61\"") != applied { problems.append("workload/w-3.json disagrees: \(summary.prefix(200))") }
                return problems
            })
        assertClean(try run(sweep), minimumSteps: 10)
    }
}
