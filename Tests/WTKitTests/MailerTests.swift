import Foundation
import XCTest
@testable import WTKit

/// The mailer's API as other services use it (mail and SMS, both transports),
/// and the no-echo password prompts on a terminal, run in process.
final class MailerTests: XCTestCase {
    var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "wt-mailer-" + UUID().uuidString
        XCTAssertEqual(run(["init"]).code, 0)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: root)
    }

    func context(stdin: InputSource = ScriptedInput(""), terminal: Bool = false) throws -> (Context, CapturedOutput, CapturedOutput) {
        let out = CapturedOutput(), err = CapturedOutput()
        let ctx = try Context(
            stdout: out, stderr: err, stdin: stdin, stdinIsTerminal: terminal,
            environment: ["WT_STORE": root, "WT_NOW": "2026-11-30T09:15:00Z", "USER": "tester", "PATH": "/usr/bin:/bin"],
            cwd: NSTemporaryDirectory(), random: SystemRandomSource(), passwordHasher: YescryptHasher())
        return (ctx, out, err)
    }

    @discardableResult
    func run(_ args: [String], stdin: InputSource = ScriptedInput(""), terminal: Bool = false) -> (code: Int32, out: String, err: String) {
        guard let (ctx, out, err) = try? context(stdin: stdin, terminal: terminal) else { return (-1, "", "") }
        let code = WT.run(args, ctx)
        return (code, out.text, err.text)
    }

    func store() throws -> Store { try Store(root: root, exclusive: true, wait: 1, failpoint: .none) }

    // MARK: Mailer

    func testMailAndSMSAreStagedInTheTransactionAndIndexed() throws {
        let (ctx, _, _) = try context()
        let s = try store()
        let tx = s.begin(actor: "test", at: ctx.nowStamp)
        let mail = try Mailer.send(
            to: MailAddress(name: "Sanne de Vries", address: "sanne@mail.example"), subject: "Declaratie afgewezen",
            body: "Beste Sanne,\n\nDe reden: één dag te veel.\n", topic: "rejection", in: tx, env: ctx.services)
        let sms = try Mailer.sendSMS(to: "06 12345678", text: "Je code is 042137", topic: "sms-code", in: tx, env: ctx.services)
        XCTAssertFalse(mail.needsDelivery)
        XCTAssertFalse(sms.needsDelivery)
        XCTAssertEqual(try Outbox.all(s).count, 0, "nothing exists before the commit")
        try tx.commit()

        let all = try Outbox.all(s)
        XCTAssertEqual(all.map(\.id), ["msg-1", "msg-2"])
        XCTAssertEqual(all[0].kind, .mail)
        XCTAssertEqual(all[0].subject, "Declaratie afgewezen")
        XCTAssertEqual(all[0].topic, "rejection")
        XCTAssertEqual(all[1].kind, .sms)
        XCTAssertEqual(all[1].to, "+31612345678")
        XCTAssertNil(all[1].subject)
        let (_, eml) = try Outbox.find("msg-1", s)
        let text = String(decoding: eml, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("Date: Mon, 30 Nov 2026 10:15:00 +0100\r\nFrom: WerkTalent <administratie@werktalent.com>\r\n"), text)
        XCTAssertTrue(text.contains("\r\nMessage-ID: <"), text)
        XCTAssertTrue(text.contains("@werktalent.com>\r\n"), text)
        let (_, json) = try Outbox.find("msg-2", s)
        XCTAssertEqual(try JSON.parse(json)["text"]?.stringValue, "Je code is 042137")
        XCTAssertEqual(FileSystem.mode(root + "/outbox/msg-2.json"), 0o600)
        s.lock.release() // the commands below open the store themselves

        let shown = run(["outbox", "show", "msg-2"])
        XCTAssertEqual(shown.out, "Je code is 042137\n")
        XCTAssertEqual(run(["outbox", "list", "--kind", "sms", "--to", "+31 6 1234 5678", "--fields", "id", "--no-header"]).out, "msg-2\n")
        XCTAssertEqual(run(["store", "verify"]).code, 0)
    }

    func testTheSMSCommandTransportRunsAfterTheCommit() throws {
        let script = root + "/sms.sh"
        try "#!/bin/sh\nprintf '%s|%s' \"$1\" \"$2\" > \"\(root)/sms.out\"\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        XCTAssertEqual(run(["config", "set", "sms.transport", "command"]).code, 0)
        let (ctx, _, _) = try context()
        let s = try store()
        let missing = s.begin(actor: "test", at: ctx.nowStamp)
        XCTAssertThrowsError(try Mailer.sendSMS(to: "0612345678", text: "x", in: missing, env: ctx.services)) {
            XCTAssertEqual(($0 as? WTError)?.kind, .invalid, "sms.command must be set")
        }
        let tx = s.begin(actor: "test", at: ctx.nowStamp)
        try Config.set("sms.command", .string(script), in: tx)
        try tx.commit()
        let tx2 = s.begin(actor: "test", at: ctx.nowStamp)
        let sms = try Mailer.sendSMS(to: "06-12345678", text: "Je code is 000123", in: tx2, env: ctx.services)
        XCTAssertTrue(sms.needsDelivery)
        try tx2.commit()
        try Mailer.deliver([sms], env: ctx.services)
        XCTAssertEqual(try String(contentsOfFile: root + "/sms.out", encoding: .utf8), "+31612345678|Je code is 000123")
        XCTAssertEqual(try Outbox.all(s).first?.transport, "command")

        try "#!/bin/sh\nexit 3\n".write(toFile: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)
        XCTAssertThrowsError(try Mailer.deliver([sms], env: ctx.services)) {
            let e = $0 as? WTError
            XCTAssertEqual(e?.kind, .failure)
            XCTAssertTrue(e?.message.contains("msg-1") ?? false, e?.message ?? "")
            XCTAssertTrue(e?.hint?.contains("outbox/msg-1.json") ?? false, e?.hint ?? "")
        }
        XCTAssertThrowsError(try Mailer.sendSMS(to: "12", text: "x", in: s.begin(actor: "t", at: ctx.nowStamp), env: ctx.services)) {
            XCTAssertEqual(($0 as? WTError)?.kind, .invalid)
        }
    }

    // MARK: Prompts

    /// A terminal that answers prompts in order and fails the test if a
    /// password is read the echoing way.
    final class Terminal: InputSource {
        var answers: [String]
        var prompts: [String] = []
        init(_ answers: [String]) { self.answers = answers }
        func readLine() -> String? {
            XCTFail("a password was read with echo")
            return nil
        }
        func readAll() -> [UInt8] { [] }
        func readSecretLine(prompt: String, to: WTKit.OutputStream) -> String? {
            prompts.append(prompt)
            return answers.isEmpty ? nil : answers.removeFirst()
        }
    }

    func testPasswordsAreAskedWithoutEchoAndNewOnesTwice() throws {
        XCTAssertEqual(run(["clients", "add", "Bakkerij BV"]).code, 0)
        let invited = run(["users", "invite", "jan@example.nl", "--client", "cl-1", "--name", "Jan", "--json"])
        XCTAssertEqual(invited.code, 0, invited.err)
        let link = (try JSON.parse(Array(invited.out.utf8)))["activationLink"]?.stringValue ?? ""

        let mismatch = Terminal(["Geheim12!", "Geheim13!"])
        let refused = run(["account", "activate", link], stdin: mismatch, terminal: true)
        XCTAssertEqual(refused.code, 6, refused.err)
        XCTAssertTrue(refused.err.contains("differ"), refused.err)
        XCTAssertEqual(mismatch.prompts, ["New password: ", "Repeat the new password: "])

        let ok = Terminal(["Geheim12!", "Geheim12!"])
        XCTAssertEqual(run(["account", "activate", link], stdin: ok, terminal: true).code, 0, "the link survived the mismatch")

        let login = Terminal(["Geheim12!"])
        XCTAssertEqual(run(["account", "login", "jan@example.nl"], stdin: login, terminal: true).code, 0)
        XCTAssertEqual(login.prompts, ["Password for jan@example.nl: "])

        let passwd = Terminal(["Geheim12!", "Nieuw123!", "Nieuw123!"])
        XCTAssertEqual(run(["account", "passwd", "jan@example.nl"], stdin: passwd, terminal: true).code, 0)
        XCTAssertEqual(passwd.prompts, ["Current password of jan@example.nl: ", "New password: ", "Repeat the new password: "])
        XCTAssertEqual(run(["account", "login", "jan@example.nl"], stdin: Terminal(["Nieuw123!"]), terminal: true).code, 0)

        let cancelled = run(["account", "login", "jan@example.nl"], stdin: Terminal([]), terminal: true)
        XCTAssertEqual(cancelled.code, 2, "end of input at the prompt")
        let pipedToken = Terminal([link])
        let invited2 = run(["users", "invite", "piet@example.nl", "--client", "cl-1", "--name", "Piet", "--json"])
        let link2 = (try JSON.parse(Array(invited2.out.utf8)))["activationLink"]?.stringValue ?? ""
        pipedToken.answers = [link2, "Geheim12!", "Geheim12!"]
        XCTAssertEqual(run(["account", "activate", "-"], stdin: pipedToken, terminal: true).code, 0)
        XCTAssertEqual(pipedToken.prompts.first, "Activation link or token: ")
    }
}
