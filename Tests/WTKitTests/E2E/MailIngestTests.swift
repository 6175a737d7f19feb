import Foundation
import XCTest

/// Approve from the mail (SPEC §15): replies built by Python's `email` package in
/// the shapes real mail clients send, piped into the built `wt mail ingest`.
enum MailFixtures {
    static let approver = "j.vanhouten@vanhouten.example"
    static let shapes = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Support/mailshapes.py").path
}

extension WTTestCase {
    var digestFile: String { tmp + "/digest.eml" }

    /// The demo store (which sets mail.replyAddress) with its digest sent: links for d-51, d-53 and d-55.
    func prepareDigest(file: StaticString = #filePath, line: UInt = #line) throws {
        initStore(sample: "demo", file: file, line: line)
        expect(0, "notify", file: file, line: line)
        let digest = try XCTUnwrap(jsonArray(expect(0, "outbox", "list", "--json")).last { ($0["subject"] as? String)?.hasPrefix("Er staan") == true })
        let raw = expect(0, "outbox", "show", try XCTUnwrap(digest["id"] as? String)).out
        XCTAssertTrue(FileManager.default.createFile(atPath: digestFile, contents: Data(raw.utf8)))
    }

    /// A reply file in `shape`, answering the `action` link (Goedkeuren/Afwijzen) of `declaration`.
    func reply(_ shape: String, _ action: String, _ declaration: String, from: String = "Jan van Houten <j.vanhouten@vanhouten.example>",
               text: String, messageID: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var args = [MailFixtures.shapes, digestFile, shape, action, declaration, from, text]
        if let messageID { args.append(messageID) }
        let r = try Subprocess.run("/usr/bin/env", ["python3"] + args, environment: ["PATH": "/usr/local/bin:/usr/bin:/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "")])
        XCTAssertEqual(r.status, 0, r.err, file: file, line: line)
        let path = tmp + "/reply-\(UUID().uuidString).eml"
        XCTAssertTrue(FileManager.default.createFile(atPath: path, contents: Data(r.out.utf8)), file: file, line: line)
        return path
    }

}

class MailIngestTestCase: WTTestCase {
    static let approver = MailFixtures.approver
    static let shapes = MailFixtures.shapes

    func declaration(_ id: String) -> [String: Any] { jsonObject(expect(0, "declarations", "show", id, "--json")) }

    func lastHistory(_ id: String) -> [String: Any] { ((declaration(id)["history"] as? [[String: Any]]) ?? []).last ?? [:] }
}

final class MailIngestTests: MailIngestTestCase {
    // MARK: Links

    func testDigestCarriesOneTimeLinksWhoseTokensAreStoredOnlyAsHashes() throws {
        try prepareDigest()
        let digest = try String(contentsOfFile: digestFile, encoding: .utf8)
        let body = try XCTUnwrap(try? Subprocess.run("/usr/bin/env", ["python3", "-c",
            "import email,email.policy,sys; print(email.message_from_bytes(open(sys.argv[1],'rb').read(), policy=email.policy.default).get_content())", digestFile]).out)
        let pattern = try NSRegularExpression(pattern: "^(Goedkeuren|Afwijzen) (d-\\d+): mailto:uren\\+([a-z2-7]{52})@werktalent\\.example\\?subject=\\S+$", options: .anchorsMatchLines)
        let matches = pattern.matches(in: body, range: NSRange(body.startIndex..., in: body))
        XCTAssertEqual(matches.count, 6, body)
        let tokens = matches.map { String(body[Range($0.range(at: 3), in: body)!]) }
        XCTAssertEqual(Set(tokens).count, 6, "every link has its own token")
        XCTAssertTrue(body.contains("Afwijzen d-53: mailto:uren+"), body)
        XCTAssertTrue(body.contains("&body=Reden%20van%20afwijzing"), "a reject link asks for the reason")
        XCTAssertFalse(digest.isEmpty)
        // The store holds no token outside the mail itself, only hashes in approvals/.
        for (rel, data) in snapshot() where !rel.hasPrefix("outbox/") {
            let text = String(decoding: data, as: UTF8.self)
            for t in tokens { XCTAssertFalse(text.contains(t), "\(rel) holds a token") }
        }
        XCTAssertTrue(snapshot().keys.contains { $0.hasPrefix("approvals/") })
        expect(0, "store", "verify")
    }

    func testWithoutAReplyAddressThereAreNoLinksAndNothingToIngest() throws {
        initStore()
        let r = expect(6, "mail", "ingest", "-", stdin: "From: a@b.example\r\n\r\nhoi\r\n")
        XCTAssertTrue(r.err.contains("mail.replyAddress is not set"), r.err)
        expect(6, "config", "set", "mail.replyAddress", "urenadministratie@werktalent.example")
        expect(6, "config", "set", "mail.replyAddress", "uren+x@werktalent.example")
        expect(0, "config", "set", "mail.replyAddress", "Uren@WerkTalent.example")
        XCTAssertEqual(expect(0, "config", "get", "mail.replyAddress").out, "uren@werktalent.example\n")
    }

    // MARK: Accepted shapes

    func testPlainReplyApprovesAsTheApproverWithTheMessageIDInTheAudit() throws {
        try prepareDigest()
        let file = try reply("plain", "Goedkeuren", "d-51", text: "Akkoord.", messageID: "<plain-1@vanhouten.example>")
        let r = expect(0, "mail", "ingest", file)
        XCTAssertEqual(r.out, "d-51 approved by \(Self.approver) (message <plain-1@vanhouten.example>)\n")
        XCTAssertEqual(declaration("d-51")["status"] as? String, "approved")
        XCTAssertEqual(lastHistory("d-51")["by"] as? String, Self.approver)
        let audit = jsonArray(expect(0, "audit", "--record", "d-51", "--json"))
        let ingest = try XCTUnwrap(audit.first { $0["action"] as? String == "mail.ingest" })
        XCTAssertEqual(ingest["actor"] as? String, Self.approver)
        XCTAssertEqual((ingest["details"] as? [String: Any])?["messageId"] as? String, "<plain-1@vanhouten.example>")
        XCTAssertEqual(audit.first { $0["action"] as? String == "declaration.approve" }?["actor"] as? String, Self.approver)
        let answer = try XCTUnwrap(jsonArray(expect(0, "outbox", "list", "--to", Self.approver, "--json")).last)
        XCTAssertEqual(answer["subject"] as? String, "Verwerkt: Goedkeuren d-51 (week 48 2026)")
        let raw = expect(0, "outbox", "show", try XCTUnwrap(answer["id"] as? String)).out
        XCTAssertTrue(raw.contains("In-Reply-To: <plain-1@vanhouten.example>"), raw)
        XCTAssertTrue(raw.contains("Auto-Submitted: auto-replied"), raw)
        // The same message again (an MTA retry) does nothing and answers nothing.
        let before = snapshot()
        let again = expect(0, "mail", "ingest", "-", stdin: try String(contentsOfFile: file, encoding: .utf8))
        XCTAssertTrue(again.out.contains("already processed"), again.out)
        XCTAssertEqual(changes(before, snapshot()), [])
        expect(0, "store", "verify")
    }

    func assertRejected(_ id: String, reason: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(declaration(id)["status"] as? String, "rejected", file: file, line: line)
        XCTAssertEqual(lastHistory(id)["reason"] as? String, reason, file: file, line: line)
        XCTAssertEqual(lastHistory(id)["by"] as? String, Self.approver, file: file, line: line)
        let mails = jsonArray(expect(0, "outbox", "list", "--json", file: file, line: line)).filter { ($0["subject"] as? String)?.contains("is afgewezen") == true }
        XCTAssertEqual(mails.count, 1, "the worker gets the rejection mail", file: file, line: line)
        expect(0, "store", "verify", file: file, line: line)
    }

    func testHTMLAndPlainMultipartRejectsWithTheReasonExactly() throws {
        try prepareDigest()
        let r = expect(0, "mail", "ingest", "--json", try reply("html", "Afwijzen", "d-53", text: "Dinsdag was 6 uur, niet 8.\\nGraag aanpassen."))
        XCTAssertEqual(jsonObject(r)["outcome"] as? String, "processed")
        XCTAssertEqual(jsonObject(r)["action"] as? String, "reject")
        assertRejected("d-53", reason: "Dinsdag was 6 uur, niet 8.\nGraag aanpassen.")
    }

    func testQuotedPrintableLatin1WithSignature() throws {
        try prepareDigest()
        expect(0, "mail", "ingest", try reply("qp", "Afwijzen", "d-53", text: "Café-uren op woensdag kloppen niet; één uur te veel."))
        assertRejected("d-53", reason: "Café-uren op woensdag kloppen niet; één uur te veel.")
    }

    func testOutlookOriginalMessageQuoteInWindows1252Base64() throws {
        try prepareDigest()
        expect(0, "mail", "ingest", try reply("outlook", "Afwijzen", "d-53", text: "Woensdag ontbreekt – graag aanvullen."))
        assertRejected("d-53", reason: "Woensdag ontbreekt – graag aanvullen.")
    }

    func testGmailOpSchreefQuoteWrappedOverTwoLines() throws {
        try prepareDigest()
        expect(0, "mail", "ingest", try reply("gmail", "Afwijzen", "d-53", text: "Vrijdag was een vrije dag.\\n\\nMet groet, Jan"))
        assertRejected("d-53", reason: "Vrijdag was een vrije dag.\n\nMet groet, Jan")
    }

    func testAppleMailQuoteAndDeviceSignature() throws {
        try prepareDigest()
        expect(0, "mail", "ingest", try reply("apple", "Afwijzen", "d-53", text: "Pauzes niet afgetrokken."))
        assertRejected("d-53", reason: "Pauzes niet afgetrokken.")
    }

    func testAForwardedDigestAnsweredThroughOneLinkActsOnThatOne() throws {
        try prepareDigest()
        expect(0, "mail", "ingest", try reply("forwarded", "Goedkeuren", "d-55", text: "Akkoord"))
        XCTAssertEqual(declaration("d-55")["status"] as? String, "approved")
        XCTAssertEqual(declaration("d-51")["status"] as? String, "submitted", "the other links in the forwarded digest are not used")
        XCTAssertEqual(declaration("d-53")["status"] as? String, "submitted")
    }

    func testATokenOnlyInAQuotedMailtoLinkIsFound() throws {
        try prepareDigest()
        expect(0, "mail", "ingest", try reply("headerless-token", "Goedkeuren", "d-51", text: "Akkoord"))
        XCTAssertEqual(declaration("d-51")["status"] as? String, "approved")
    }

    // MARK: Refusals change nothing

    /// Runs the ingest of `file`, expecting `code`, with the store byte for byte as before.
    @discardableResult
    func refused(_ code: Int32, _ file: String, _ why: String, env: [String: String] = [:], line: UInt = #line) -> WTResult {
        let before = snapshot()
        let r = wt(["mail", "ingest", file], env: env)
        XCTAssertEqual(r.code, code, "\(why): \(r.out)\(r.err)", line: line)
        XCTAssertEqual(changes(before, snapshot()), [], "\(why) changed the store", line: line)
        XCTAssertTrue(r.err.contains("wt: "), r.err, line: line)
        return r
    }

    func testRefusalsExitPerSpecAndChangeNothing() throws {
        try prepareDigest()
        let approve = try reply("plain", "Goedkeuren", "d-51", text: "Akkoord", messageID: "<first@vanhouten.example>")
        expect(0, "mail", "ingest", approve)
        // Token reuse: another message through the same link.
        refused(4, try reply("plain", "Goedkeuren", "d-51", text: "Nogmaals akkoord", messageID: "<second@vanhouten.example>"), "a used link")
        // Expired: after mail.approvalValidDays.
        refused(4, try reply("plain", "Goedkeuren", "d-55", text: "Akkoord"), "an expired link", env: ["WT_NOW": "2026-12-07T09:15:01Z"])
        // Forged sender.
        let forged = refused(5, try reply("plain", "Goedkeuren", "d-55", from: "Mallory <m@evil.example>", text: "Akkoord"), "a forged sender")
        XCTAssertTrue(forged.err.contains("not from the approver"), forged.err)
        // Two mailboxes in From name no single sender.
        refused(5, try reply("plain", "Goedkeuren", "d-55", from: "j.vanhouten@vanhouten.example, m@evil.example", text: "Akkoord"), "two senders")
        // The other approver-less user of the client (a viewer) from her own address.
        refused(5, try reply("plain", "Goedkeuren", "d-55", from: "m.bos@vanhouten.example", text: "Akkoord"), "another user of the client")
        // Unknown token: the right shape, never issued.
        let unknown = try String(contentsOfFile: try reply("plain", "Goedkeuren", "d-55", text: "Akkoord"), encoding: .utf8)
            .replacingOccurrences(of: #"uren\+[a-z2-7]{52}@"#, with: "uren+" + String(repeating: "a", count: 52) + "@", options: .regularExpression)
        let unknownFile = tmp + "/unknown.eml"
        FileManager.default.createFile(atPath: unknownFile, contents: Data(unknown.utf8))
        refused(3, unknownFile, "an unknown token")
        // Garbage.
        let garbage = tmp + "/garbage.eml"
        FileManager.default.createFile(atPath: garbage, contents: Data((0..<600).map { UInt8(truncatingIfNeeded: $0 &* 7919 &+ 13) }))
        refused(6, garbage, "garbage")
        // A rejection with only a quote and a signature.
        let empty = refused(6, try reply("gmail", "Afwijzen", "d-53", text: "-- \\nJan van Houten"), "an empty reason")
        XCTAssertTrue(empty.err.contains("needs a reason"), empty.err)
        // The declaration left submitted since the digest (approved in a shell).
        expect(0, "--as", Self.approver, "declarations", "approve", "d-53")
        refused(4, try reply("plain", "Afwijzen", "d-53", text: "Toch niet"), "a declaration no longer submitted")
        XCTAssertEqual(declaration("d-55")["status"] as? String, "submitted")
        expect(0, "store", "verify")
    }

    func testADeclarationSubmittedAgainKillsTheLinksOfTheEarlierSubmission() throws {
        try prepareDigest()
        expect(0, "mail", "ingest", try reply("plain", "Afwijzen", "d-53", text: "Dinsdag klopt niet"))
        expect(0, "declarations", "submit", "d-53")
        refused(4, try reply("plain", "Goedkeuren", "d-53", text: "Nu akkoord"), "a link of an earlier submission")
    }

    func testASenderWhoLostTheApproverRoleOrAccessIsDenied() throws {
        try prepareDigest()
        expect(0, "users", "disable", Self.approver)
        refused(5, try reply("plain", "Goedkeuren", "d-51", text: "Akkoord"), "a disabled approver")
    }

    func testRefusalsAreAnsweredThroughSendmailOnly() throws {
        try prepareDigest()
        let sink = tmp + "/sendmail.out"
        let fake = tmp + "/fake-sendmail"
        FileManager.default.createFile(atPath: fake, contents: Data("#!/bin/sh\ncat >> \(sink)\necho '---' >> \(sink)\n".utf8),
            attributes: [.posixPermissions: 0o755])
        expect(0, "config", "set", "mail.transport", "sendmail")
        expect(0, "config", "set", "mail.sendmailPath", fake)
        let r = refused(5, try reply("plain", "Goedkeuren", "d-51", from: "Mallory <m@evil.example>", text: "Akkoord"), "a forged sender")
        XCTAssertTrue(r.err.contains("not from the approver"), r.err)
        let sent = (try? String(contentsOfFile: sink, encoding: .utf8)) ?? ""
        XCTAssertTrue(sent.contains("To: Mallory <m@evil.example>"), sent)
        XCTAssertTrue(sent.contains("Auto-Submitted: auto-replied"), sent)
        XCTAssertTrue(sent.contains("Subject: Niet verwerkt: Goedkeuren d-51"), sent)
        // Automatic mail is never answered.
        var auto = try String(contentsOfFile: try reply("plain", "Goedkeuren", "d-51", from: "m@evil.example", text: "Out of office"), encoding: .utf8)
        auto = "Auto-Submitted: auto-replied\r\n" + auto
        let autoFile = tmp + "/auto.eml"
        FileManager.default.createFile(atPath: autoFile, contents: Data(auto.utf8))
        try? FileManager.default.removeItem(atPath: sink)
        refused(5, autoFile, "an auto-reply")
        XCTAssertFalse(FileManager.default.fileExists(atPath: sink), "an auto-reply is not answered")
        // An accepted message is answered through the outbox and sendmail both.
        expect(0, "mail", "ingest", try reply("plain", "Goedkeuren", "d-51", text: "Akkoord"))
        XCTAssertTrue(((try? String(contentsOfFile: sink, encoding: .utf8)) ?? "").contains("Verwerkt: Goedkeuren d-51"))
    }

    // MARK: Authentication-Results

    func testRequireAuthenticationTrustsOnlyOurServersTopmostHeader() throws {
        try prepareDigest()
        expect(0, "config", "set", "mail.requireAuthentication", "true")
        let missing = refused(6, try reply("plain", "Goedkeuren", "d-51", text: "Akkoord"), "no authserv-id configured")
        XCTAssertTrue(missing.err.contains("mail.authservId"), missing.err)
        expect(0, "config", "set", "mail.authservId", "mx.werktalent.example")
        let base = try String(contentsOfFile: try reply("plain", "Goedkeuren", "d-51", text: "Akkoord"), encoding: .utf8)
        func with(_ headers: String...) -> String {
            let path = tmp + "/auth-\(UUID().uuidString).eml"
            FileManager.default.createFile(atPath: path, contents: Data((headers.map { $0 + "\r\n" }.joined() + base).utf8))
            return path
        }
        refused(5, with(), "no Authentication-Results")
        refused(5, with("Authentication-Results: mx.evil.example; dkim=pass header.d=vanhouten.example"), "another server's header")
        refused(5, with("Authentication-Results: mx.werktalent.example; dkim=pass header.d=evil.example; spf=fail smtp.mailfrom=vanhouten.example"),
            "a pass for another domain")
        refused(5, with("Authentication-Results: mx.werktalent.example; dkim=fail header.d=vanhouten.example",
                        "Authentication-Results: mx.werktalent.example; dkim=pass header.d=vanhouten.example"), "a forged pass below our own fail")
        expect(0, "mail", "ingest", with(
            "Authentication-Results: mx.werktalent.example (amavis);\r\n\tdkim=pass (2048-bit key; unprotected) header.d=vanhouten.example header.i=@vanhouten.example header.b=\"abc\";\r\n\tspf=none smtp.mailfrom=bounce@other.example",
            "Authentication-Results: mx.evil.example; dkim=fail"))
        XCTAssertEqual(declaration("d-51")["status"] as? String, "approved")
        // The same Message-ID again, with another header on top (a redelivery): a duplicate, exit 0.
        let again = expect(0, "mail", "ingest", with("Authentication-Results: MX.WERKTALENT.EXAMPLE 1; spf=pass smtp.mailfrom=j.vanhouten@vanhouten.example"))
        XCTAssertTrue(again.out.contains("already processed"), again.out)
    }
}
