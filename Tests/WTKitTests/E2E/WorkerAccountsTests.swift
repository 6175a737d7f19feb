import Foundation
import XCTest

/// Workers with portal accounts of their own (SPEC §11), end to end: invited
/// and activated like a client's user, reporting and submitting their own
/// weeks, reading a rejection's reason in the mail and correcting it; refused
/// (5) everything else, with the store byte-identical after each refusal.
final class WorkerAccountsTests: WTTestCase {
    static let password = "Geheim12!"
    static let worker = "daan@mail.example"
    static let other = "sanne@mail.example"
    static let approver = "petra@bakkerij.nl"

    /// A client with a department, two workers with contracts running since
    /// 2026-11-02 (w-1 Daan: ct-1, w-2 Sanne: ct-2), the week 2026-W49 opened
    /// (d-1 Daan's, d-2 Sanne's), and an activated approver.
    func setUpAgency() {
        initStore()
        expect(0, "clients", "add", "Bakkerij Jansen BV")
        expect(0, "departments", "add", "cl-1", "Productie")
        expect(0, "workers", "add", "Daan Bakker", "--email", "Daan@Mail.example")
        expect(0, "workers", "add", "Sanne de Vries", "--email", Self.other)
        for w in ["w-1", "w-2"] {
            expect(0, "contracts", "add", "--worker", w, "--department", "dep-1", "--function", "Bakker", "--start", "2026-11-02",
                "--phase", "A", "--pay-rate", "15.80", "--bill-rate", "29.90", "-q")
        }
        expect(0, "declarations", "open", "--week", "2026-W49")
        let r = expect(0, "users", "invite", Self.approver, "--client", "cl-1", "--name", "Petra de Vries", "--role", "approver", "--json")
        let link = jsonObject(r)["activationLink"] as? String ?? ""
        expect(0, "account", "activate", link, "--password-stdin", stdin: Self.password + "\n")
    }

    /// Invites a worker and activates the account from the link in the mail.
    func activeWorker(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = expect(0, "workers", "invite", id, "--json", file: file, line: line)
        let message = try XCTUnwrap(jsonObject(r)["activationMessage"] as? String, file: file, line: line)
        let mail = try parseMail("outbox/\(message).eml")
        let link = try XCTUnwrap((mail["links"] as? [String])?.first, "the mail holds the link", file: file, line: line)
        expect(0, "account", "activate", link, "--password-stdin", stdin: Self.password + "\n", file: file, line: line)
    }

    func declaration(_ id: String) -> [String: Any] { jsonObject(expect(0, "declarations", "show", id, "--json")) }

    /// The newest mail to an address, parsed.
    func lastMail(to address: String) throws -> [String: Any] {
        let list = jsonArray(expect(0, "outbox", "list", "--to", address, "--json"))
        let id = try XCTUnwrap(list.last?["id"] as? String, "a mail to \(address)")
        return try parseMail("outbox/\(id).eml")
    }

    /// Runs a command that must be refused with `code`, and proves that no file of the store changed.
    @discardableResult
    func refused(_ code: Int32, _ args: [String], stdin: String? = nil, file: StaticString = #filePath, line: UInt = #line) -> WTResult {
        let before = snapshot()
        let r = wt(args, stdin: stdin, file: file, line: line)
        XCTAssertEqual(r.code, code, "wt \(args.joined(separator: " ")): \(r.err)", file: file, line: line)
        let after = snapshot()
        let changed = Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
        XCTAssertEqual(changed, [], "wt \(args.joined(separator: " ")) changed files", file: file, line: line)
        return r
    }

    // MARK: The loop

    func testAWorkerReportsTheirWeekAndCorrectsARejection() throws {
        setUpAgency()
        let invited = jsonObject(expect(0, "workers", "invite", "w-1", "--json"))
        XCTAssertEqual(invited["account"] as? String, "invited")
        XCTAssertNil(invited["passwordHash"])
        let link = try XCTUnwrap(invited["activationLink"] as? String)
        let mail = try parseMail("outbox/\(try XCTUnwrap(invited["activationMessage"] as? String)).eml")
        XCTAssertEqual(mail["defects"] as? [String], [])
        XCTAssertEqual(mail["to"] as? String, "Daan Bakker <daan@mail.example>", "the account's login is the address in lower case")
        XCTAssertEqual(mail["links"] as? [String], [link])
        let body = mail["body"] as? String ?? ""
        XCTAssertTrue(body.contains("vul je voortaan zelf je gewerkte uren in"), body)
        XCTAssertTrue(body.contains("Je logt daarna in met je e-mailadres daan@mail.example"), body)
        XCTAssertFalse(body.contains("goed te keuren"), "a worker does not approve: \(body)")

        refused(5, ["--as", Self.worker, "declarations", "list"])
        expect(0, "account", "activate", try XCTUnwrap((mail["links"] as? [String])?.first), "--password-stdin", stdin: Self.password + "\n")
        XCTAssertEqual(jsonObject(expect(0, "workers", "show", "w-1", "--json"))["account"] as? String, "active")
        XCTAssertEqual(expect(0, "account", "login", "DAAN@mail.example", "--password-stdin", stdin: Self.password + "\n").out,
            "logged in as daan@mail.example (w-1)\n")

        let status = jsonObject(expect(0, "--as", Self.worker, "status", "--json"))
        XCTAssertEqual(status["contracts"] as? Int, 1)
        XCTAssertEqual(status["declarations"] as? Int, 1)
        XCTAssertEqual(status["waiting"] as? [String: Int], ["toReport": 1, "toCorrect": 0])
        XCTAssertEqual(jsonArray(expect(0, "--as", Self.worker, "declarations", "list", "--json")).map { $0["id"] as? String }, ["d-1"])
        expect(0, "--as", Self.worker, "declarations", "enter", "d-1", "mon=8", "tue=8", "wed=7:30")
        expect(0, "--as", Self.worker, "declarations", "submit", "d-1")

        expect(0, "--as", Self.approver, "declarations", "reject", "d-1", "--reason", "Woensdag was 6 uur, niet 7:30")
        let rejection = try lastMail(to: "daan@mail.example")
        XCTAssertEqual(rejection["defects"] as? [String], [])
        XCTAssertEqual(rejection["subject"] as? String, "Je urendeclaratie van week 49 is afgewezen")
        let text = rejection["body"] as? String ?? ""
        XCTAssertTrue(text.contains("Reden: Woensdag was 6 uur, niet 7:30"), text)
        XCTAssertTrue(text.contains("wt --as daan@mail.example declarations enter d-1"), text)
        XCTAssertTrue(text.contains("https://werktalent.helloflex.com"), text)
        XCTAssertEqual(jsonObject(expect(0, "--as", Self.worker, "status", "--json"))["waiting"] as? [String: Int], ["toReport": 0, "toCorrect": 1])

        expect(0, "--as", Self.worker, "declarations", "enter", "d-1", "wed=6")
        expect(0, "--as", Self.worker, "declarations", "comment", "d-1", "Woensdag aangepast")
        expect(0, "--as", Self.worker, "declarations", "submit", "d-1")
        expect(0, "--as", Self.approver, "declarations", "approve", "d-1")
        let d = declaration("d-1")
        XCTAssertEqual(d["status"] as? String, "approved")
        XCTAssertEqual(d["minutes"] as? Int, 8 * 60 + 8 * 60 + 6 * 60)
        XCTAssertEqual((d["comments"] as? [[String: Any]])?.last?["by"] as? String, Self.worker)
        XCTAssertEqual(((d["history"] as? [[String: Any]]) ?? []).compactMap { $0["by"] as? String },
            [(d["history"] as? [[String: Any]])?.first?["by"] as? String ?? "", Self.worker, Self.approver, Self.worker, Self.approver])

        let late = refused(4, ["--as", Self.worker, "declarations", "enter", "d-1", "thu=8"])
        XCTAssertTrue(late.err.contains("Goedgekeurd"), late.err)
        refused(4, ["--as", Self.worker, "declarations", "submit", "d-1"])

        // The audit trail names the worker by e-mail for what they did.
        let mine = jsonArray(expect(0, "audit", "--actor", Self.worker, "--json")).compactMap { $0["action"] as? String }
        XCTAssertEqual(mine, ["worker.activate", "worker.login", "declaration.enter", "declaration.submit", "declaration.enter",
            "declaration.comment", "declaration.submit"])
        expect(0, "store", "verify")
    }

    // MARK: Only their own

    func testAWorkerTouchesOnlyTheirOwnRecordsAndRunsOnlyTheirVerbs() throws {
        setUpAgency()
        try activeWorker("w-1")
        try activeWorker("w-2")
        expect(0, "--as", Self.other, "declarations", "enter", "d-2", "mon=8")
        expect(0, "--as", Self.other, "declarations", "submit", "d-2")
        let me = ["--as", Self.worker]

        XCTAssertEqual(jsonArray(expect(0, me + ["contracts", "list", "--json"])).map { $0["id"] as? String }, ["ct-1"])
        expect(0, me + ["contracts", "show", "ct-1"])
        XCTAssertEqual(jsonArray(expect(0, me + ["declarations", "list", "--json"])).map { $0["id"] as? String }, ["d-1"])
        let someoneElses: [[String]] = [
            ["declarations", "show", "d-2"], ["declarations", "enter", "d-2", "tue=8"], ["declarations", "submit", "d-2"],
            ["declarations", "comment", "d-2", "Klopt dit?"], ["contracts", "show", "ct-2"], ["declarations", "list", "--worker", "w-2"],
            ["contracts", "list", "--worker", "w-2"], ["declarations", "list", "--contract", "ct-2"],
        ]
        for args in someoneElses {
            let r = refused(5, me + args)
            XCTAssertTrue(r.err.contains("a worker sees only their own contracts and declarations"), "\(args): \(r.err)")
        }
        let notTheirs: [[String]] = [
            ["declarations", "approve", "d-2"], ["declarations", "reject", "d-2", "--reason", "nee"], ["declarations", "close", "--all-approved"],
            ["declarations", "open", "--week", "2026-W50"], ["invoices", "generate"], ["invoices", "list"], ["documents", "list"],
            ["documents", "sign", "doc-1", "--read"], ["config", "set", "vat.rate", "9"], ["config", "list"], ["clients", "list"],
            ["departments", "list"], ["users", "list"], ["users", "invite", "x@example.nl", "--client", "cl-1", "--name", "X"],
            ["workers", "list"], ["workers", "show", "w-1"], ["workers", "invite", "w-2"], ["workers", "edit", "w-1", "--name", "D"],
            ["outbox", "list"], ["audit"], ["notify"], ["store", "verify"], ["contracts", "end", "ct-1", "--date", "2026-12-31", "--yes"],
        ]
        for args in notTheirs {
            let r = refused(5, me + args)
            XCTAssertTrue(r.err.contains("a worker sees only their own contracts and declarations"), "\(args): \(r.err)")
        }
        XCTAssertTrue(refused(5, me + ["declarations", "approve", "d-2"]).err.contains("may not run `wt declarations approve`"))

        // An import of a row of someone else's contract refuses the whole file, naming the line.
        writeFile("../hours.csv", "contract,date,hours\nct-1,2026-12-03,8\nct-2,2026-12-03,8\n")
        let imp = refused(5, me + ["declarations", "import", tmp + "/hours.csv"])
        XCTAssertTrue(imp.err.contains("line 3:") && imp.err.contains("ct-2"), imp.err)
        XCTAssertFalse(imp.err.contains("line 2:"), imp.err)
        writeFile("../mine.csv", "contract,date,hours\nct-1,2026-12-03,8\nct-1,2026-12-10,7.5\n")
        expect(0, me + ["declarations", "import", tmp + "/mine.csv"])
        XCTAssertEqual(jsonArray(expect(0, me + ["declarations", "list", "--json"])).map { $0["id"] as? String }, ["d-1", "d-3"])
        XCTAssertEqual(declaration("d-3")["worker"] as? String, "w-1")

        // A disabled, locked or not activated worker cannot act.
        expect(0, "workers", "disable", "w-1")
        XCTAssertTrue(refused(5, me + ["declarations", "list"]).err.contains("disabled"))
        refused(5, ["account", "login", Self.worker, "--password-stdin"], stdin: Self.password + "\n")
        expect(0, "workers", "enable", "w-1")
        for _ in 0..<5 { expect(5, "account", "login", Self.worker, "--password-stdin", stdin: "Fout123!\n") }
        XCTAssertTrue(refused(5, me + ["status"]).err.contains("locked"))
        expect(0, "workers", "unlock", "w-1")
        expect(0, me + ["status"])
        expect(0, "workers", "add", "Nieuw", "--email", "nieuw@mail.example")
        expect(0, "workers", "invite", "w-3", "-q")
        XCTAssertTrue(refused(5, ["--as", "nieuw@mail.example", "status"]).err.contains("not activated"))
    }

    // MARK: Accounts

    func testWorkerAccountVerbsAndOneAccountPerAddress() throws {
        setUpAgency()
        expect(0, "workers", "add", "Zonder Mail")
        let noMail = refused(6, ["workers", "invite", "w-3"])
        XCTAssertTrue(noMail.err.contains("has no e-mail address") && noMail.err.contains("wt workers edit w-3 --email"), noMail.err)
        refused(3, ["workers", "invite", "w-99"])
        refused(4, ["workers", "reinvite", "w-3"])
        refused(6, ["workers", "edit", "w-3", "--email", "geen-adres"])
        refused(6, ["workers", "edit", "w-3", "--iban", "NL91ABNA0417164301"])
        refused(2, ["workers", "edit", "w-3"])
        // The approver's address is taken: a worker cannot have it as login, and a user cannot take a worker's.
        expect(0, "workers", "edit", "w-3", "--email", "PETRA@bakkerij.nl", "--name", "Petra Mail")
        let clash = refused(4, ["workers", "invite", "w-3"])
        XCTAssertTrue(clash.err.contains("portal user u-1"), clash.err)
        expect(0, "workers", "edit", "w-3", "--email", "zonder@mail.example")
        let first = jsonObject(expect(0, "workers", "invite", "w-3", "--json"))
        XCTAssertEqual(first["name"] as? String, "Petra Mail")
        let reverse = refused(4, ["users", "invite", "Zonder@Mail.example", "--client", "cl-1", "--name", "Z"])
        XCTAssertTrue(reverse.err.contains("worker w-3"), reverse.err)
        refused(4, ["workers", "edit", "w-3", "--email", Self.approver])
        refused(4, ["workers", "invite", "w-3"])
        let second = jsonObject(expect(0, "workers", "reinvite", "w-3", "--json"))
        let oldLink = try XCTUnwrap(first["activationLink"] as? String)
        refused(4, ["account", "activate", oldLink, "--password-stdin"], stdin: Self.password + "\n")
        refused(6, ["account", "activate", try XCTUnwrap(second["activationLink"] as? String), "--password-stdin"], stdin: "kort\n")
        expect(0, "account", "activate", try XCTUnwrap(second["activationLink"] as? String), "--password-stdin", stdin: Self.password + "\n")
        expect(4, "workers", "reinvite", "w-3")
        expect(0, "account", "passwd", "zonder@mail.example", "--password-stdin", stdin: Self.password + "\nAnders34!\n")
        expect(0, "account", "login", "zonder@mail.example", "--password-stdin", stdin: "Anders34!\n")
        XCTAssertEqual(expect(0, "workers", "disable", "w-3").out, "disabled w-3 zonder@mail.example\n")
        XCTAssertEqual(expect(0, "workers", "disable", "w-3").out, "w-3 zonder@mail.example is already disabled: nothing to do\n")
        XCTAssertEqual(jsonArray(expect(0, "workers", "list", "--json")).map { $0["account"] as? String }, ["none", "none", "disabled"])
        expect(0, "workers", "enable", "w-3")
        XCTAssertEqual(expect(0, "workers", "unlock", "w-3").out, "w-3 zonder@mail.example is not locked: nothing to do\n")
        refused(4, ["workers", "unlock", "w-1"])
        // Nothing secret in output; the store holds hashes only.
        let shown = expect(0, "workers", "show", "w-3", "--json").out
        XCTAssertFalse(shown.contains("passwordHash") || shown.contains("$y$") || shown.contains("tokenHash"), shown)
        XCTAssertFalse(readFile("workers.json").contains(oldLink.split(separator: "/").last.map(String.init) ?? "?"))
        XCTAssertTrue(readFile("workers.json").contains("\"passwordHash\":\"$y$"), "a yescrypt hash")
        expect(0, "store", "verify")
    }

    /// Tokens are base32: none starts with `-`, and each activates as a bare
    /// argument. 200 invitations and activations, in four stores at once.
    func testTwoHundredTokensNeverStartWithADashAndActivateBare() throws {
        let lanes = 4, perLane = 50
        var problems = [[String]](repeating: [], count: lanes)
        var tokens = [[String]](repeating: [], count: lanes)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let env = ["WT_STORE": tmp + "/lane-\(lane)"]
            var mine: [String] = [], bad: [String] = []
            if wt(["init"], env: env).code != 0 { bad.append("lane \(lane): init failed") }
            for i in 1...perLane {
                _ = wt(["workers", "add", "Medewerker \(i)", "--email", "m\(i)@mail.example", "-q"], env: env)
                let r = wt(["workers", "invite", "w-\(i)", "--format", "tsv", "--no-header", "--fields", "activationLink"], env: env)
                if r.code != 0 { bad.append("lane \(lane) w-\(i): invite exited \(r.code): \(r.err)") }
                let token = r.out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "/").last.map(String.init) ?? ""
                let a = wt(["account", "activate", token, "--password-stdin"], stdin: Self.password + "\n", env: env)
                if a.code != 0 { bad.append("\(token): \(a.code) \(a.err)") }
                mine.append(token)
            }
            lock.lock()
            problems[lane] = bad
            tokens[lane] = mine
            lock.unlock()
        }
        let all = tokens.flatMap { $0 }
        XCTAssertEqual(all.count, lanes * perLane)
        XCTAssertEqual(Set(all).count, all.count, "tokens do not repeat")
        XCTAssertEqual(all.filter { $0.hasPrefix("-") }, [])
        XCTAssertEqual(all.filter { $0.count != 52 }, [])
        XCTAssertEqual(problems.flatMap { $0 }, [])
    }

    /// A link mailed before tokens were base32 still activates (found by the hash of what is given).
    func testAnOldBase64URLTokenStillActivates() throws {
        setUpAgency()
        expect(0, "users", "invite", "oud@bakkerij.nl", "--client", "cl-1", "--name", "Oud")
        // Rewrite the open token to one of the old shape, as a store written before holds.
        let old = "-Ux" + String(repeating: "A", count: 40)
        let hash = sha256(old)
        var users = readFile("users/cl-1.json")
        let found = try XCTUnwrap(users.range(of: #""tokenHash":"[0-9a-f]{64}""#, options: .regularExpression), users)
        let tokenHash = String(users[found].dropFirst(13).dropLast())
        users = users.replacingOccurrences(of: tokenHash, with: hash)
        writeFile("users/cl-1.json", users)
        func tokens(_ prefix: Substring) -> [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(readFile("users/tokens/\(prefix).json").utf8))) as? [String: Any] ?? [:]
        }
        func write(_ prefix: Substring, _ o: [String: Any]) throws {
            writeFile("users/tokens/\(prefix).json", String(decoding: try JSONSerialization.data(withJSONObject: o), as: UTF8.self))
        }
        var from = tokens(tokenHash.prefix(2))
        let entry = try XCTUnwrap(from.removeValue(forKey: tokenHash))
        try write(tokenHash.prefix(2), from)
        var to = tokens(hash.prefix(2))
        to[hash] = entry
        try write(hash.prefix(2), to)
        expect(0, "store", "verify")
        expect(0, "account", "activate", "--password-stdin", "--", old, stdin: Self.password + "\n")
        XCTAssertEqual(jsonObject(expect(0, "users", "show", "oud@bakkerij.nl", "--json"))["status"] as? String, "active")
    }

    func sha256(_ s: String) -> String {
        let r = try? Subprocess.run("/usr/bin/sha256sum", [], stdin: Data(s.utf8), environment: [:])
        return String((r?.out ?? "").prefix(64))
    }

    func testTheDemoHasWorkerAccountsAndDaanReportsHisWeek() {
        initStore(sample: "demo")
        let accounts = jsonArray(expect(0, "workers", "list", "--json")).map { ($0["email"] as? String ?? "", $0["account"] as? String ?? "") }
        XCTAssertEqual(accounts.filter { $0.1 == "active" }.map(\.0), [Self.worker])
        XCTAssertEqual(accounts.filter { $0.1 == "invited" }.count, 8)
        expect(0, "account", "login", Self.worker, "--password-stdin", stdin: "Welkom01!\n")
        let waiting = jsonObject(expect(0, "--as", Self.worker, "status", "--json"))["waiting"] as? [String: Int]
        XCTAssertEqual(waiting, ["toReport": 1, "toCorrect": 1])
        let rejected = jsonArray(expect(0, "--as", Self.worker, "declarations", "list", "--status", "rejected", "--json"))
        let id = rejected.first?["id"] as? String ?? ""
        expect(0, "--as", Self.worker, "declarations", "enter", id, "fri=0")
        expect(0, "--as", Self.worker, "declarations", "submit", id)
        XCTAssertEqual(declaration(id)["status"] as? String, "submitted")
        expect(0, "store", "verify")
    }

    /// Reminders (`notify.remindWorkers`) tell a worker with an account how to
    /// report; a disabled account gets none.
    func testRemindersGoToWorkerAccountsWithHowToReport() throws {
        initStore(sample: "demo")
        expect(0, "config", "set", "notify.remindWorkers", "true")
        expect(0, "notify")
        let reminder = try lastMail(to: Self.worker)
        XCTAssertEqual(reminder["subject"] as? String, "Herinnering: je urendeclaraties zijn nog niet ingediend")
        let body = reminder["body"] as? String ?? ""
        XCTAssertTrue(body.contains("wt --as daan@mail.example declarations enter"), body)
        XCTAssertTrue(body.contains("log in met daan@mail.example"), body)
        expect(0, "workers", "disable", "w-4")
        let planned = jsonArray(expect(0, "notify", "--dry-run", "--json", env: ["WT_NOW": "2026-12-31T09:15:00Z"]))
        XCTAssertFalse(planned.contains { $0["to"] as? String == Self.worker }, "\(planned)")
    }

    /// A new name reaches the worker's open declarations; the audit entry names the fields changed.
    func testEditingAWorkerRenamesTheirOpenDeclarations() {
        setUpAgency()
        let w = jsonObject(expect(0, "workers", "edit", "w-1", "--name", "Daan de Bakker", "--phone", "06 12345678", "--json"))
        XCTAssertEqual(w["name"] as? String, "Daan de Bakker")
        XCTAssertEqual(w["phone"] as? String, "+31612345678")
        XCTAssertEqual(w["account"] as? String, "none")
        XCTAssertEqual(declaration("d-1")["workerName"] as? String, "Daan de Bakker")
        XCTAssertEqual(declaration("d-2")["workerName"] as? String, "Sanne de Vries")
        let entry = jsonArray(expect(0, "audit", "--record", "w-1", "--json")).last
        XCTAssertEqual(entry?["action"] as? String, "worker.edit")
        XCTAssertEqual(Set(((entry?["details"] as? [String: Any]) ?? [:]).keys), ["name", "phone"])
        expect(0, "store", "verify")
    }
}
