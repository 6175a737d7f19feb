import Foundation
import XCTest

/// `wt mail ingest --maildir`: Maildir semantics, idempotence, overlapping runs,
/// and a real MTA path (msmtp into a local SMTP sink that writes a Maildir).
final class MailIngestMaildirTests: MailIngestTestCase {
    var maildir: String { tmp + "/Maildir" }

    func makeMaildir() throws {
        for sub in ["tmp", "new", "cur"] {
            try FileManager.default.createDirectory(atPath: maildir + "/" + sub, withIntermediateDirectories: true)
        }
    }

    func deliver(_ file: String, as name: String) throws {
        try FileManager.default.copyItem(atPath: file, toPath: maildir + "/new/" + name)
    }

    func list(_ sub: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: maildir + "/" + sub)) ?? []).sorted()
    }

    func testAMaildirRunProcessesEveryNewMessageOnceAndMovesItToCur() throws {
        try prepareDigest()
        try makeMaildir()
        try deliver(try reply("plain", "Goedkeuren", "d-51", text: "Akkoord"), as: "1764669600.M1P1.mx")
        try deliver(try reply("qp", "Afwijzen", "d-53", text: "Maandag ontbreekt."), as: "1764669601.M2P1.mx")
        FileManager.default.createFile(atPath: maildir + "/new/1764669602.M3P1.mx", contents: Data("no mail at all\n".utf8))
        let r = expect(0, "mail", "ingest", "--maildir", maildir, "--json")
        let results = jsonArray(r)
        XCTAssertEqual(results.map { $0["outcome"] as? String }, ["processed", "processed", "invalid"], r.out)
        XCTAssertEqual(results.map { $0["declaration"] as? String }, ["d-51", "d-53", nil])
        XCTAssertEqual(results.map { $0["action"] as? String }, ["approve", "reject", nil])
        XCTAssertEqual(results[0]["messageId"] as? String, "<reply-plain-d-51@vanhouten.example>")
        XCTAssertEqual(list("new"), [])
        XCTAssertEqual(list("cur"), ["1764669600.M1P1.mx:2,S", "1764669601.M2P1.mx:2,S", "1764669602.M3P1.mx:2,S"])
        XCTAssertEqual(declaration("d-51")["status"] as? String, "approved")
        XCTAssertEqual(lastHistory("d-53")["reason"] as? String, "Maandag ontbreekt.")
        // Run twice: nothing left to do.
        let before = snapshot()
        XCTAssertEqual(jsonArray(expect(0, "mail", "ingest", "--maildir", maildir, "--json")).count, 0)
        XCTAssertEqual(expect(0, "mail", "ingest", "--maildir", maildir).out, "")
        XCTAssertEqual(changes(before, snapshot()), [])
        expect(0, "store", "verify")
        expect(3, "mail", "ingest", "--maildir", tmp + "/nowhere")
        expect(2, "mail", "ingest", "--maildir", maildir, "some.eml")
    }

    func testOverlappingRunsNeverProcessAMessageTwice() throws {
        try prepareDigest()
        try makeMaildir()
        let approve51 = try reply("plain", "Goedkeuren", "d-51", text: "Akkoord")
        try deliver(approve51, as: "1.M1P1.mx")
        try deliver(approve51, as: "2.M2P1.mx") // the same message delivered twice
        try deliver(try reply("html", "Goedkeuren", "d-53", text: "Akkoord"), as: "3.M3P1.mx")
        try deliver(try reply("gmail", "Afwijzen", "d-55", text: "Zaterdag klopt niet."), as: "4.M4P1.mx")
        var outputs = [WTResult](repeating: WTResult(code: -1, out: "", err: ""), count: 3)
        let lock = NSLock()
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            let r = self.wt(["mail", "ingest", "--maildir", self.maildir, "--json", "--wait", "60"])
            lock.lock()
            outputs[i] = r
            lock.unlock()
        }
        XCTAssertEqual(outputs.map(\.code), [0, 0, 0], outputs.map(\.err).joined(separator: "\n"))
        let all = outputs.flatMap { jsonArray($0) }
        XCTAssertEqual(all.count, 4, "each message is reported by exactly one run: \(all)")
        XCTAssertEqual(all.filter { $0["outcome"] as? String == "processed" }.count, 3)
        XCTAssertEqual(all.filter { $0["outcome"] as? String == "duplicate" }.count, 1)
        XCTAssertEqual(list("new"), [])
        XCTAssertEqual(list("cur").count, 4)
        let ingests = jsonArray(expect(0, "audit", "--json")).filter { $0["action"] as? String == "mail.ingest" }
        XCTAssertEqual(ingests.count, 3)
        XCTAssertEqual(jsonArray(expect(0, "outbox", "list", "--json")).filter { ($0["subject"] as? String)?.hasPrefix("Verwerkt") == true }.count, 3)
        expect(0, "store", "verify")
    }

    /// The MTA path: msmtp submits the replies over SMTP to a sink on 127.0.0.1
    /// that delivers into a Maildir, as a mail server would.
    func testRepliesThroughMsmtpAndAnSMTPSinkIntoAMaildir() throws {
        guard let msmtp = ["/usr/bin/msmtp", "/usr/local/bin/msmtp"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if ProcessInfo.processInfo.environment["CI"] == "true" { XCTFail("msmtp is not installed (apt-get install msmtp)") }
            throw XCTSkip("msmtp is not installed")
        }
        try prepareDigest()
        let portFile = tmp + "/sink.port"
        let sink = Process()
        sink.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sink.arguments = ["python3", URL(fileURLWithPath: Self.shapes).deletingLastPathComponent().appendingPathComponent("smtpsink.py").path, maildir, portFile]
        try sink.run()
        defer { sink.terminate(); sink.waitUntilExit() }
        var port = ""
        for _ in 0..<100 where port.isEmpty {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)) ?? ""
            if port.isEmpty { Thread.sleep(forTimeInterval: 0.1) }
        }
        XCTAssertFalse(port.isEmpty, "the SMTP sink did not start")
        func send(_ file: String, from: String) throws {
            let r = try Subprocess.run(msmtp, ["-C", "/dev/null", "--host=127.0.0.1", "--port=\(port)", "--auth=off", "--tls=off", "--from=\(from)", "-t"],
                stdin: try Data(contentsOf: URL(fileURLWithPath: file)), environment: ["HOME": tmp, "PATH": "/usr/bin:/bin"])
            XCTAssertEqual(r.status, 0, "msmtp: \(r.out)\(r.err)")
        }
        try send(try reply("outlook", "Afwijzen", "d-53", text: "Donderdag 2 uur te veel."), from: Self.approver)
        try send(try reply("plain", "Goedkeuren", "d-51", from: "Mallory <m@evil.example>", text: "Akkoord"), from: "m@evil.example")
        XCTAssertEqual(list("new").count, 2)
        let raw = try String(contentsOfFile: maildir + "/new/" + list("new")[0], encoding: .utf8)
        XCTAssertTrue(raw.hasPrefix("Return-Path: <"), raw)
        let results = jsonArray(expect(0, "mail", "ingest", "--maildir", maildir, "--json"))
        XCTAssertEqual(Set(results.compactMap { $0["outcome"] as? String }), ["processed", "denied"], "\(results)")
        XCTAssertEqual(list("new"), [])
        XCTAssertTrue(list("cur").allSatisfy { $0.hasSuffix(":2,S") })
        XCTAssertEqual(lastHistory("d-53")["reason"] as? String, "Donderdag 2 uur te veel.")
        XCTAssertEqual(declaration("d-51")["status"] as? String, "submitted")
        expect(0, "store", "verify")
    }
}
