import Foundation
import XCTest

/// Portal users and accounts end to end: invitations and their mail, one-time
/// activation links, the password policy and history, logins with lockout,
/// roles and client scope, and that no secret leaks into the store or output.
final class AccountsTests: WTTestCase {
    static let password = "Geheim12!"

    /// Two clients, each with a department: cl-1/dep-1 and cl-2/dep-2.
    func setUpClients() {
        initStore()
        expect(0, "clients", "add", "Bakkerij Jansen BV")
        expect(0, "departments", "add", "cl-1", "Productie")
        expect(0, "clients", "add", "Slagerij Pieters BV")
        expect(0, "departments", "add", "cl-2", "Winkel")
    }

    /// Invites and returns the activation link from the JSON output.
    @discardableResult
    func invite(_ email: String, client: String = "cl-1", name: String = "Jan Jansen", _ extra: String..., file: StaticString = #filePath, line: UInt = #line) -> String {
        let r = wt(["users", "invite", email, "--client", client, "--name", name, "--json"] + extra, file: file, line: line)
        XCTAssertEqual(r.code, 0, r.err, file: file, line: line)
        let link = jsonObject(r, file: file, line: line)["activationLink"] as? String ?? ""
        XCTAssertTrue(link.hasPrefix("https://werktalent.helloflex.com/deeplink/index/"), link, file: file, line: line)
        return link
    }

    func token(_ link: String) -> String { String(link.split(separator: "/").last ?? "") }

    /// Invites and activates with `password`.
    func activeUser(_ email: String, client: String = "cl-1", _ extra: String..., file: StaticString = #filePath, line: UInt = #line) {
        let r = wt(["users", "invite", email, "--client", client, "--name", "Gebruiker", "--json"] + extra, file: file, line: line)
        XCTAssertEqual(r.code, 0, r.err, file: file, line: line)
        let link = jsonObject(r, file: file, line: line)["activationLink"] as? String ?? ""
        let a = wt(["account", "activate", link, "--password-stdin"], stdin: Self.password + "\n", file: file, line: line)
        XCTAssertEqual(a.code, 0, a.err, file: file, line: line)
    }

    func login(_ email: String, _ password: String = password, file: StaticString = #filePath, line: UInt = #line) -> WTResult {
        wt(["account", "login", email, "--password-stdin"], stdin: password + "\n", file: file, line: line)
    }

    func storedUser(_ email: String, client: String = "cl-1") -> [String: Any] {
        let file = (try? JSONSerialization.jsonObject(with: Data(readFile("users/\(client).json").utf8))) as? [String: Any]
        return ((file?["records"] as? [[String: Any]]) ?? []).first { $0["email"] as? String == email } ?? [:]
    }

    /// Runs a tool from the system's PATH; skips the test when it is missing (fails under CI).
    func tool(_ args: [String], stdin: String? = nil) throws -> (code: Int32, out: String) {
        let path = "/usr/bin:/bin"
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/\(args[0])") }) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("\(args[0]) is not installed"); return (-1, "") }
            throw XCTSkip("\(args[0]) is not installed")
        }
        let r = try Subprocess.run("/usr/bin/env", args, stdin: stdin.map { Data($0.utf8) }, environment: ["PATH": path, "LC_ALL": "C.UTF-8"])
        return (r.status, r.out)
    }

    // MARK: The happy path

    func testInviteMailsALinkThatActivatesAndThenLogsIn() throws {
        setUpClients()
        expect(0, "config", "set", "agency.name", "WerkTalent Zoë")
        expect(0, "config", "set", "activation.validDays", "3")
        let r = expect(0, "users", "invite", "Petra.deVries@Bakkerij.NL", "--client", "cl-1", "--name", "Petra de Vries",
            "--role", "approver,signer", "--phone", "06 12345678", "--department", "dep-1", "--json")
        let u = jsonObject(r)
        XCTAssertEqual(u["email"] as? String, "petra.devries@bakkerij.nl")
        XCTAssertEqual(u["id"] as? String, "u-1")
        XCTAssertEqual(u["status"] as? String, "invited")
        XCTAssertEqual(u["roles"] as? [String], ["approver", "signer"])
        XCTAssertEqual(u["departments"] as? [String], ["dep-1"])
        XCTAssertEqual(u["phone"] as? String, "+31612345678")
        XCTAssertEqual(u["activationExpiresAt"] as? String, "2026-12-03T09:15:00Z")
        let link = u["activationLink"] as? String ?? ""
        let messageId = u["activationMessage"] as? String ?? ""
        XCTAssertTrue(link.hasPrefix("https://werktalent.helloflex.com/deeplink/index/"), link)
        XCTAssertEqual(token(link).count, 52, "256 bits as unpadded lower-case base32")
        XCTAssertTrue(token(link).allSatisfy { "abcdefghijklmnopqrstuvwxyz234567".contains($0) }, link)

        let list = jsonArray(expect(0, "outbox", "list", "--json"))
        XCTAssertEqual(list.count, 1)
        XCTAssertEqual(list.first?["id"] as? String, messageId)
        XCTAssertEqual(list.first?["kind"] as? String, "mail")
        XCTAssertEqual(list.first?["to"] as? String, "petra.devries@bakkerij.nl")
        XCTAssertEqual(list.first?["subject"] as? String, "Activeer je account bij WerkTalent Zoë")
        XCTAssertEqual(list.first?["createdAt"] as? String, now)
        let raw = readFile("outbox/\(messageId).eml")
        XCTAssertEqual(expect(0, "outbox", "show", messageId).out, raw)
        XCTAssertTrue(raw.contains("\r\nSubject: =?UTF-8?B?"), "a non-ASCII subject is RFC 2047 encoded")

        let mail = try parseMail("outbox/\(messageId).eml")
        XCTAssertEqual(mail["defects"] as? [String], [])
        XCTAssertEqual(mail["subject"] as? String, "Activeer je account bij WerkTalent Zoë")
        XCTAssertEqual(mail["from"] as? String, "WerkTalent Zoë <administratie@werktalent.com>")
        XCTAssertEqual(mail["to"] as? String, "Petra de Vries <petra.devries@bakkerij.nl>")
        XCTAssertEqual(mail["date"] as? String, "Mon, 30 Nov 2026 10:15:00 +0100")
        XCTAssertTrue((mail["messageId"] as? String ?? "").hasSuffix("@werktalent.com>"), "\(mail)")
        XCTAssertEqual(mail["charset"] as? String, "utf-8")
        XCTAssertEqual(mail["links"] as? [String], [link])
        let body = mail["body"] as? String ?? ""
        XCTAssertTrue(body.hasPrefix("Beste Petra de Vries,\n"), body)
        XCTAssertTrue(body.contains("Wij hebben een account voor je aangemaakt op onze portal, maar je account is nog niet geactiveerd. Activeer je account"), body)
        XCTAssertTrue(body.contains("Let op, de link verloopt na 3 dagen."), body)
        XCTAssertTrue(body.contains("- minimaal 6 karakters;"), body)
        XCTAssertTrue(body.contains("Vragen? Mail naar administratie@werktalent.com"), body)

        let activated = expect(0, "account", "activate", token(link), "--password-stdin", "--json", stdin: Self.password + "\n")
        XCTAssertEqual(jsonObject(activated)["status"] as? String, "active")
        expect(0, "account", "login", "petra.devries@bakkerij.nl", "--password-stdin", stdin: Self.password + "\n")
        let shown = jsonObject(expect(0, "users", "show", "PETRA.DEVRIES@bakkerij.nl", "--json"))
        XCTAssertEqual(shown["status"] as? String, "active")
        XCTAssertEqual(shown["activatedAt"] as? String, now)
        XCTAssertEqual(shown["lastLoginAt"] as? String, now)
        XCTAssertTrue(shown["activationExpiresAt"] is NSNull)
        XCTAssertEqual(jsonObject(expect(0, "users", "show", "u-1", "--json"))["email"] as? String, "petra.devries@bakkerij.nl")
        expect(0, "store", "verify")
    }

    func testActivateTakesTheWholeLinkOrReadsItFromStdin() {
        setUpClients()
        let a = invite("a@example.nl")
        let b = invite("b@example.nl")
        expect(0, "account", "activate", a + "\n", "--password-stdin", stdin: Self.password + "\n")
        expect(0, "account", "activate", "-", "--password-stdin", stdin: b + "\n" + Self.password + "\n")
        XCTAssertEqual(login("a@example.nl").code, 0)
        XCTAssertEqual(login("b@example.nl").code, 0)
        let table = expect(0, "users", "list", "--fields", "email,status")
        XCTAssertEqual(table.out, "EMAIL         STATUS\na@example.nl  Actief\nb@example.nl  Actief\n")
    }

    func testInvitePrintsTheLinkUnlessQuiet() {
        setUpClients()
        let r = expect(0, "users", "invite", "a@example.nl", "--client", "cl-1", "--name", "An")
        let lines = r.out.split(separator: "\n")
        XCTAssertEqual(lines.count, 2, r.out)
        XCTAssertTrue(lines[0].hasPrefix("invited u-1 An <a@example.nl> of cl-1 as viewer; activation mail msg-1"), r.out)
        XCTAssertTrue(lines[1].hasPrefix("https://werktalent.helloflex.com/deeplink/index/"), r.out)
        XCTAssertEqual(expect(0, "users", "invite", "b@example.nl", "--client", "cl-1", "--name", "Bo", "--quiet").out, "")
        XCTAssertEqual(jsonObject(expect(0, "users", "show", "b@example.nl", "--json"))["roles"] as? [String], ["viewer"], "viewer is the default role")
        let again = jsonObject(expect(0, "users", "reinvite", "b@example.nl", "--json"))
        XCTAssertTrue((again["activationLink"] as? String ?? "").hasPrefix("https://"), "\(again)")
        XCTAssertNil(jsonObject(expect(0, "users", "show", "b@example.nl", "--json"))["activationLink"], "only invite and reinvite show the link")
        let dry = snapshot()
        expect(0, "users", "invite", "c@example.nl", "--client", "cl-1", "--name", "Cor", "--dry-run")
        XCTAssertEqual(snapshot(), dry, "a dry run changes nothing")
    }

    // MARK: Activation failures

    func testActivationFailuresAndTheirExitCodes() {
        setUpClients()
        let first = invite("jan@example.nl")
        // Unknown: a well-formed token nobody issued, and garbage.
        let unknown = expect(3, "account", "activate", String(repeating: "A", count: 43), "--password-stdin", stdin: Self.password + "\n")
        XCTAssertTrue(unknown.err.contains("unknown activation link"), unknown.err)
        expect(3, "account", "activate", "https://werktalent.helloflex.com/deeplink/index/nope", "--password-stdin", stdin: Self.password + "\n")
        // Without a terminal the password must come on stdin; a missing line is a usage error too.
        expect(2, "account", "activate", first)
        expect(2, "account", "activate", first, "--password-stdin", stdin: "")
        // Superseded by a reinvite.
        let second = jsonObject(expect(0, "users", "reinvite", "jan@example.nl", "--json"))["activationLink"] as? String ?? ""
        XCTAssertNotEqual(second, first)
        let superseded = expect(4, "account", "activate", first, "--password-stdin", stdin: Self.password + "\n")
        XCTAssertTrue(superseded.err.contains("replaced by a newer one"), superseded.err)
        // Policy: every broken rule is named, and the link stays usable.
        let before = snapshot()
        let policy = expect(6, "account", "activate", second, "--password-stdin", stdin: "abc\n")
        for rule in ["at least 6 characters", "at least one digit", "at least one special character"] {
            XCTAssertTrue(policy.err.contains(rule), policy.err)
        }
        XCTAssertFalse(policy.err.contains("at least one letter"), policy.err)
        XCTAssertEqual(snapshot(), before, "a policy failure changes nothing")
        expect(0, "account", "activate", second, "--password-stdin", stdin: Self.password + "\n")
        // Used.
        let used = expect(4, "account", "activate", second, "--password-stdin", stdin: Self.password + "\n")
        XCTAssertTrue(used.err.contains("already used"), used.err)
        expect(4, "users", "reinvite", "jan@example.nl")
        // Expired: valid 7 days.
        let late = invite("piet@example.nl")
        now = "2026-12-07T09:14:59Z"
        let stillValid = snapshot()
        expect(6, "account", "activate", late, "--password-stdin", stdin: "kort\n")
        XCTAssertEqual(snapshot(), stillValid)
        now = "2026-12-07T09:15:00Z"
        let expired = expect(4, "account", "activate", late, "--password-stdin", stdin: Self.password + "\n")
        XCTAssertTrue(expired.err.contains("expired"), expired.err)
        let fresh = jsonObject(expect(0, "users", "reinvite", "piet@example.nl", "--json"))["activationLink"] as? String ?? ""
        expect(0, "account", "activate", fresh, "--password-stdin", stdin: Self.password + "\n")
        expect(0, "store", "verify")
    }

    func testInviteValidationChangesNothing() {
        setUpClients()
        invite("jan@example.nl")
        let before = snapshot()
        expect(2, "users", "invite", "x@example.nl", "--name", "X")
        expect(2, "users", "invite", "x@example.nl", "--client", "cl-1")
        expect(2, "users", "invite", "not-an-address", "--client", "cl-1", "--name", "X")
        expect(3, "users", "invite", "x@example.nl", "--client", "cl-9", "--name", "X")
        expect(3, "users", "invite", "x@example.nl", "--client", "cl-1", "--name", "X", "--department", "dep-9")
        let foreign = expect(6, "users", "invite", "x@example.nl", "--client", "cl-1", "--name", "X", "--department", "dep-1,dep-2")
        XCTAssertTrue(foreign.err.contains("dep-2") && foreign.err.contains("cl-2"), foreign.err)
        let role = expect(2, "users", "invite", "x@example.nl", "--client", "cl-1", "--name", "X", "--role", "aprover")
        XCTAssertTrue(role.err.contains("did you mean approver"), role.err)
        expect(6, "users", "invite", "x@example.nl", "--client", "cl-1", "--name", "X", "--phone", "12")
        let duplicate = expect(4, "users", "invite", "JAN@Example.nl", "--client", "cl-2", "--name", "Jan")
        XCTAssertTrue(duplicate.err.contains("reinvite"), duplicate.err)
        expect(3, "users", "show", "nobody@example.nl")
        expect(3, "users", "reinvite", "nobody@example.nl")
        expect(2, "users", "list", "--status", "actief")
        XCTAssertEqual(snapshot(), before)
    }

    // MARK: Logins

    func testFailedLoginsAreCountedDurablyAndLockTheAccount() {
        setUpClients()
        activeUser("jan@example.nl")
        for n in 1...4 {
            let r = login("jan@example.nl", "Verkeerd1!")
            XCTAssertEqual(r.code, 5, r.err)
            XCTAssertEqual(storedUser("jan@example.nl")["failedLogins"] as? Int, n, "a failed login is committed")
        }
        let audit = jsonArray(expect(0, "audit", "--record", "u-1", "--json"))
        XCTAssertEqual(audit.filter { $0["action"] as? String == "user.login-failed" }.count, 4)
        XCTAssertEqual(login("jan@example.nl").code, 0, "a success in between")
        XCTAssertEqual(storedUser("jan@example.nl")["failedLogins"] as? Int, 0, "a success resets the count")
        for _ in 1...4 { XCTAssertEqual(login("jan@example.nl", "Verkeerd1!").code, 5) }
        let fifth = login("jan@example.nl", "Verkeerd1!")
        XCTAssertEqual(fifth.code, 5)
        XCTAssertTrue(fifth.err.contains("lock"), fifth.err)
        let locked = jsonObject(expect(0, "users", "show", "jan@example.nl", "--json"))
        XCTAssertEqual(locked["status"] as? String, "locked")
        XCTAssertEqual(locked["lockedUntil"] as? String, "2026-11-30T09:30:00Z")
        XCTAssertEqual(jsonArray(expect(0, "users", "list", "--status", "locked", "--json")).count, 1)
        let refused = login("jan@example.nl")
        XCTAssertEqual(refused.code, 5, "the right password does not open a locked account")
        XCTAssertTrue(refused.err.contains("locked until 2026-11-30 10:30"), refused.err)
        expect(5, "--as", "jan@example.nl", "status")
        expect(5, "account", "passwd", "jan@example.nl", "--password-stdin", stdin: Self.password + "\nNieuw123!\n")
        now = "2026-11-30T09:29:59Z"
        XCTAssertEqual(login("jan@example.nl").code, 5)
        now = "2026-11-30T09:30:00Z"
        XCTAssertEqual(jsonObject(expect(0, "users", "show", "jan@example.nl", "--json"))["status"] as? String, "active")
        XCTAssertEqual(login("jan@example.nl").code, 0, "the lock runs out by itself")
        // The back office can lift a lock early.
        expect(0, "config", "set", "login.maxFailures", "2")
        expect(0, "config", "set", "login.lockMinutes", "60")
        XCTAssertEqual(login("jan@example.nl", "Verkeerd1!").code, 5)
        XCTAssertEqual(login("jan@example.nl", "Verkeerd1!").code, 5)
        XCTAssertEqual(jsonObject(expect(0, "users", "show", "jan@example.nl", "--json"))["lockedUntil"] as? String, "2026-11-30T10:30:00Z")
        expect(5, "--as", "jan@example.nl", "users", "unlock", "jan@example.nl")
        XCTAssertEqual(expect(0, "users", "unlock", "jan@example.nl").out, "unlocked u-1 jan@example.nl\n")
        XCTAssertEqual(expect(0, "users", "unlock", "jan@example.nl").out, "u-1 jan@example.nl is not locked: nothing to do\n")
        XCTAssertEqual(login("jan@example.nl").code, 0)
        expect(3, "account", "login", "nobody@example.nl", "--password-stdin", stdin: "x\n")
        expect(2, "account", "login", "jan@example.nl")
        expect(0, "store", "verify")
    }

    func testDisabledAndNotActivatedAccountsCannotLogInOrAct() {
        setUpClients()
        activeUser("jan@example.nl")
        let pending = invite("piet@example.nl")
        XCTAssertEqual(login("piet@example.nl").code, 5, "not activated yet")
        let notYet = expect(5, "--as", "piet@example.nl", "users", "list")
        XCTAssertTrue(notYet.err.contains("not activated"), notYet.err)
        expect(0, "users", "disable", "jan@example.nl")
        XCTAssertEqual(expect(0, "users", "disable", "jan@example.nl").out, "u-1 jan@example.nl is already disabled: nothing to do\n")
        XCTAssertEqual(jsonObject(expect(0, "users", "show", "jan@example.nl", "--json"))["status"] as? String, "disabled")
        let disabled = login("jan@example.nl")
        XCTAssertEqual(disabled.code, 5)
        XCTAssertTrue(disabled.err.contains("disabled"), disabled.err)
        expect(5, "users", "list", env: ["WT_AS": "jan@example.nl"])
        expect(0, "users", "disable", "piet@example.nl")
        expect(5, "account", "activate", pending, "--password-stdin", stdin: Self.password + "\n")
        expect(4, "users", "reinvite", "piet@example.nl")
        expect(0, "users", "enable", "jan@example.nl")
        expect(0, "users", "enable", "piet@example.nl")
        XCTAssertEqual(jsonObject(expect(0, "users", "show", "piet@example.nl", "--json"))["status"] as? String, "invited")
        XCTAssertEqual(login("jan@example.nl").code, 0)
        expect(0, "account", "activate", pending, "--password-stdin", stdin: Self.password + "\n")
        let statuses = jsonArray(expect(0, "users", "list", "--status", "active", "--json")).compactMap { $0["email"] as? String }
        XCTAssertEqual(statuses, ["jan@example.nl", "piet@example.nl"])
    }

    // MARK: Changing passwords

    func testPasswdAppliesPolicyAndHistory() {
        setUpClients()
        expect(0, "config", "set", "password.history", "2")
        activeUser("jan@example.nl")
        func passwd(_ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) -> WTResult {
            wt(["account", "passwd", "jan@example.nl", "--password-stdin"], stdin: old + "\n" + new + "\n", file: file, line: line)
        }
        let wrong = passwd("Verkeerd1!", "Nieuw123!")
        XCTAssertEqual(wrong.code, 5, wrong.err)
        XCTAssertEqual(storedUser("jan@example.nl")["failedLogins"] as? Int, 1, "a wrong old password counts as a failed login")
        let weak = passwd(Self.password, "nieuwwachtwoord")
        XCTAssertEqual(weak.code, 6)
        XCTAssertTrue(weak.err.contains("at least one digit") && weak.err.contains("at least one special character"), weak.err)
        XCTAssertEqual(passwd(Self.password, Self.password).code, 6, "never the current password when history > 0")
        expect(2, "account", "passwd", "jan@example.nl", "--password-stdin", stdin: Self.password + "\n")
        XCTAssertEqual(passwd(Self.password, "Tweede2#").code, 0)
        XCTAssertEqual(login("jan@example.nl", Self.password).code, 5, "the old password is gone")
        XCTAssertEqual(login("jan@example.nl", "Tweede2#").code, 0)
        let reuse = passwd("Tweede2#", Self.password)
        XCTAssertEqual(reuse.code, 6, "one other password in between is not enough with history 2")
        XCTAssertTrue(reuse.err.contains("last 2 passwords"), reuse.err)
        XCTAssertEqual(passwd("Tweede2#", "Derde3$").code, 0)
        XCTAssertEqual(passwd("Derde3$", Self.password).code, 0, "two others in between: reuse is allowed")
        let history = storedUser("jan@example.nl")["passwordHistory"] as? [String] ?? []
        XCTAssertEqual(history.count, 1, "only what the history needs is kept")
        let audit = jsonArray(expect(0, "audit", "--record", "u-1", "--json"))
        XCTAssertEqual(audit.filter { $0["action"] as? String == "user.passwd" }.count, 3)
    }

    func testAnExpiredPasswordBlocksLoginUntilChanged() {
        setUpClients()
        expect(0, "config", "set", "password.maxAgeDays", "30")
        activeUser("jan@example.nl")
        now = "2026-12-29T09:15:00Z"
        XCTAssertEqual(login("jan@example.nl").code, 0)
        now = "2026-12-30T09:15:00Z"
        let expired = login("jan@example.nl")
        XCTAssertEqual(expired.code, 5)
        XCTAssertTrue(expired.err.contains("expired") && expired.err.contains("passwd"), expired.err)
        expect(0, "account", "passwd", "jan@example.nl", "--password-stdin", stdin: Self.password + "\nNieuw123!\n")
        XCTAssertEqual(login("jan@example.nl", "Nieuw123!").code, 0)
    }

    // MARK: Roles and scope

    func testPortalUsersSeeOnlyTheirClientAndDoNoBackOfficeWork() {
        setUpClients()
        activeUser("viewer@bakkerij.nl")
        activeUser("approver@bakkerij.nl", "--role", "approver")
        activeUser("baas@slagerij.nl", client: "cl-2")
        let asViewer = ["--as", "viewer@bakkerij.nl"]
        // Back-office actions are refused.
        for args in [
            ["users", "invite", "nieuw@bakkerij.nl", "--client", "cl-1", "--name", "Nieuw"], ["users", "disable", "approver@bakkerij.nl"],
            ["users", "reinvite", "approver@bakkerij.nl"], ["clients", "add", "Eigen BV"], ["outbox", "list"], ["outbox", "show", "msg-1"],
        ] {
            let r = wt(asViewer + args)
            XCTAssertEqual(r.code, 5, "\(args): \(r.err)")
        }
        expect(5, "--as", "approver@bakkerij.nl", "users", "invite", "x@bakkerij.nl", "--client", "cl-1", "--name", "X")
        // Another client's records are refused.
        expect(5, "--as", "viewer@bakkerij.nl", "clients", "show", "cl-2")
        expect(5, "--as", "viewer@bakkerij.nl", "users", "show", "baas@slagerij.nl")
        expect(5, "--as", "viewer@bakkerij.nl", "users", "list", "--client", "cl-2")
        expect(5, "--as", "viewer@bakkerij.nl", "departments", "show", "dep-2")
        // Their own client's users they may read.
        let own = jsonArray(expect(0, "--as", "viewer@bakkerij.nl", "users", "list", "--json")).compactMap { $0["email"] as? String }
        XCTAssertEqual(own, ["viewer@bakkerij.nl", "approver@bakkerij.nl"])
        expect(0, "users", "show", "approver@bakkerij.nl", env: ["WT_AS": "viewer@bakkerij.nl"])
        XCTAssertEqual(jsonObject(expect(0, "--as", "baas@slagerij.nl", "status", "--json"))["users"] as? Int, 1)
        XCTAssertEqual(jsonObject(expect(0, "status", "--json"))["users"] as? Int, 3)
        XCTAssertEqual(jsonObject(expect(0, "status", "--client", "cl-1", "--json"))["users"] as? Int, 2)
        // Nobody acts on another's account.
        expect(5, "--as", "viewer@bakkerij.nl", "account", "login", "approver@bakkerij.nl", "--password-stdin", stdin: Self.password + "\n")
        expect(0, "--as", "viewer@bakkerij.nl", "account", "login", "viewer@bakkerij.nl", "--password-stdin", stdin: Self.password + "\n")
        expect(3, "--as", "nobody@bakkerij.nl", "status")
    }

    // MARK: Secrets

    func testNoSecretInTheStoreOrOutputAndTheHashIsStandardYescrypt() throws {
        setUpClients()
        let link = invite("jan@example.nl", "--role", "signer")
        let secret = token(link)
        expect(0, "account", "activate", link, "--password-stdin", stdin: Self.password + "\n")
        expect(0, "account", "passwd", "jan@example.nl", "--password-stdin", stdin: Self.password + "\nNieuw123!\n")
        XCTAssertEqual(login("jan@example.nl", "Verkeerd1!").code, 5)
        XCTAssertEqual(login("jan@example.nl", "Nieuw123!").code, 0)
        for (rel, data) in snapshot() where !(rel.hasPrefix("outbox/msg-") && rel.hasSuffix(".eml")) {
            let text = String(decoding: data, as: UTF8.self)
            for s in [secret, Self.password, "Nieuw123!", "Verkeerd1!"] {
                XCTAssertFalse(text.contains(s), "\(rel) holds a secret in plain text")
            }
        }
        let outputs = [
            expect(0, "users", "show", "jan@example.nl", "--json").out, expect(0, "users", "list", "--format", "jsonl").out,
            expect(0, "audit", "--json").out, expect(0, "users", "list", "--format", "csv").out,
        ]
        for out in outputs {
            for s in [secret, Self.password, "Nieuw123!", "$y$", "passwordHash", "tokenHash", "passwordHistory"] {
                XCTAssertFalse(out.contains(s), "output holds \(s): \(out)")
            }
        }
        let hash = storedUser("jan@example.nl")["passwordHash"] as? String ?? ""
        XCTAssertTrue(hash.hasPrefix("$y$"), hash)
        let check = "import crypt,sys; print(crypt.crypt(sys.argv[1], sys.argv[2]) == sys.argv[2])"
        XCTAssertEqual(try tool(["python3", "-W", "ignore", "-c", check, "Nieuw123!", hash]).out, "True\n")
        XCTAssertEqual(try tool(["python3", "-W", "ignore", "-c", check, Self.password, hash]).out, "False\n")
    }

    // MARK: Transports and the outbox

    func testSendmailTransportAndAFailureThatLosesNothing() throws {
        setUpClients()
        let sendmail = tmp + "/sendmail"
        func script(_ text: String) throws {
            try ("#!/bin/sh\n" + text).write(toFile: sendmail, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: sendmail)
        }
        try script("echo \"$@\" > \"\(tmp)/args\"\ncat > \"\(tmp)/piped.eml\"\n")
        expect(0, "config", "set", "mail.transport", "sendmail")
        expect(0, "config", "set", "mail.sendmailPath", sendmail)
        let link = invite("jan@example.nl")
        XCTAssertEqual(try String(contentsOfFile: tmp + "/args", encoding: .utf8), "-t -i\n")
        let piped = try String(contentsOfFile: tmp + "/piped.eml", encoding: .utf8)
        XCTAssertTrue(piped.contains("\nTo: Jan Jansen <jan@example.nl>\n"), piped)
        XCTAssertFalse(piped.contains("\r"), "sendmail gets local line ends")
        XCTAssertEqual(piped, readFile("outbox/msg-1.eml").replacingOccurrences(of: "\r\n", with: "\n"), "the outbox keeps what was sent")
        XCTAssertTrue(piped.contains(String(token(link).prefix(20))), "the link is in the mail")
        XCTAssertEqual(jsonArray(expect(0, "outbox", "list", "--json")).first?["transport"] as? String, "sendmail")

        try script("cat > /dev/null\nexit 75\n")
        let failed = expect(1, "users", "invite", "piet@example.nl", "--client", "cl-1", "--name", "Piet")
        XCTAssertTrue(failed.err.contains("msg-2") && failed.err.contains("outbox"), failed.err)
        XCTAssertTrue(failed.out.contains("/deeplink/index/"), "the link is still printed: \(failed.out)")
        XCTAssertEqual(jsonObject(expect(0, "users", "show", "piet@example.nl", "--json"))["status"] as? String, "invited")
        XCTAssertTrue(expect(0, "outbox", "show", "msg-2").out.contains("To: Piet <piet@example.nl>"))
        try script("exit 0\n")
        expect(0, "users", "reinvite", "piet@example.nl", "--quiet")
        expect(0, "store", "verify")
    }

    func testOutboxListFiltersAndShowErrors() {
        setUpClients()
        invite("jan@example.nl")
        invite("piet@example.nl", name: "Piet")
        expect(0, "users", "reinvite", "jan@example.nl", "--quiet")
        let toJan = jsonArray(expect(0, "outbox", "list", "--to", "JAN@example.nl", "--json")).compactMap { $0["id"] as? String }
        XCTAssertEqual(toJan, ["msg-1", "msg-3"])
        XCTAssertEqual(jsonArray(expect(0, "outbox", "list", "--kind", "sms", "--json")).count, 0)
        XCTAssertEqual(jsonArray(expect(0, "outbox", "list", "--kind", "mail", "--json")).count, 3)
        expect(2, "outbox", "list", "--kind", "fax")
        expect(3, "outbox", "show", "msg-9")
        let wrongKind = expect(3, "outbox", "show", "cl-1")
        XCTAssertTrue(wrongKind.err.contains("client id"), wrongKind.err)
        let shown = jsonObject(expect(0, "outbox", "show", "msg-2", "--json"))
        XCTAssertEqual(shown["to"] as? String, "piet@example.nl")
        XCTAssertEqual(shown["topic"] as? String, "activation")
        XCTAssertTrue((shown["raw"] as? String ?? "").hasPrefix("Date: "))
        let audit = jsonArray(expect(0, "audit", "--record", "msg-2", "--json"))
        XCTAssertEqual(audit.first?["action"] as? String, "message.send")
    }

    func testStoreVerifyNoticesAMissingMessageOrToken() throws {
        setUpClients()
        invite("jan@example.nl")
        expect(0, "store", "verify")
        try FileManager.default.removeItem(atPath: store + "/outbox/msg-1.eml")
        let missing = expect(8, "store", "verify")
        XCTAssertTrue(missing.out.contains("msg-1") || missing.err.contains("msg-1"), missing.out + missing.err)
        try FileManager.default.removeItem(atPath: store + "/users/tokens")
        let token = expect(8, "store", "verify")
        XCTAssertTrue((token.out + token.err).contains("activation link of u-1"), token.out + token.err)
    }

    // MARK: The demo

    func testTheDemoHasTwoActivatedUsers() {
        initStore(sample: "demo")
        let users = jsonArray(expect(0, "users", "list", "--json"))
        XCTAssertEqual(users.count, 2)
        XCTAssertEqual(users.map { $0["status"] as? String }, ["active", "active"])
        XCTAssertEqual(users[0]["roles"] as? [String], ["approver", "signer"])
        XCTAssertEqual(users[0]["phone"] as? String, "+31612345678")
        XCTAssertEqual(users[1]["roles"] as? [String], ["viewer"])
        XCTAssertEqual(jsonObject(expect(0, "status", "--json"))["users"] as? Int, 2)
        let email = users[0]["email"] as? String ?? ""
        XCTAssertEqual(login(email, "Welkom01!").code, 0, "the README's demo password")
        XCTAssertEqual(jsonObject(expect(0, "--as", email, "status", "--json"))["users"] as? Int, 2)
        expect(5, "--as", users[1]["email"] as? String ?? "", "users", "invite", "x@example.nl", "--client", "cl-1", "--name", "X")
        expect(0, "store", "verify")
    }
}
