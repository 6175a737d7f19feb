import Foundation
import XCTest

/// Reading what `wt` sent, written once for every suite: the text of a mail,
/// a mail as a real parser sees it, and the code in a signing SMS.
extension WTTestCase {
    /// The text of a quoted-printable mail as `wt outbox show` prints it.
    func decodedBody(_ raw: String) -> String {
        let body = raw.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n")
        var bytes: [UInt8] = []
        let u = Array(body.utf8)
        var i = 0
        while i < u.count {
            if u[i] == UInt8(ascii: "="), i + 2 < u.count {
                if u[i + 1] == 0x0D && u[i + 2] == 0x0A { i += 3; continue }
                if let v = UInt8(String(decoding: u[i + 1...i + 2], as: UTF8.self), radix: 16) { bytes.append(v); i += 3; continue }
            }
            bytes.append(u[i])
            i += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// A mail of the store (`outbox/msg-1.eml`) as Python's `email` package
    /// (policy=default) reads it: headers, the plain body, the activation
    /// links in it and the parser's defects. Without python3: skipped, or a
    /// failure on CI.
    func parseMail(_ rel: String) throws -> [String: Any] {
        guard let python = ["/usr/bin/python3", "/bin/python3"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            if ProcessInfo.processInfo.environment["CI"] != nil { XCTFail("python3 is not installed"); return [:] }
            throw XCTSkip("python3 is not installed")
        }
        let script = """
            import email, json, re, sys
            from email import policy
            with open(sys.argv[1], 'rb') as f:
                msg = email.message_from_binary_file(f, policy=policy.default)
            body = msg.get_body(preferencelist=('plain',)).get_content()
            print(json.dumps({
                'subject': str(msg['subject']),
                'from': str(msg['from']), 'to': str(msg['to']), 'date': str(msg['date']),
                'messageId': str(msg['message-id']), 'charset': msg.get_content_charset(), 'body': body,
                'links': re.findall(r'https://\\S+/deeplink/index/[A-Za-z0-9_-]+', body),
                'defects': [type(d).__name__ for d in msg.defects],
            }))
            """
        let r = try Subprocess.run(python, ["-c", script, store + "/" + rel], environment: ["LC_ALL": "C.UTF-8"])
        XCTAssertEqual(r.status, 0, r.err)
        return (try? JSONSerialization.jsonObject(with: Data(r.out.utf8))) as? [String: Any] ?? [:]
    }

    /// The six-digit signing code in an SMS's text, if there is one.
    func smsCode(in text: String) -> String? {
        text.range(of: #"\b\d{6}\b"#, options: .regularExpression).map { String(text[$0]) }
    }

    /// The code in outbox message `id`, of the store at `dir` (default: the test's store).
    func smsCode(_ id: String, at dir: String? = nil) -> String? {
        smsCode(in: wt(["outbox", "show", id], env: dir.map { ["WT_STORE": $0] } ?? [:]).out)
    }

    /// The code in the newest SMS to `phone`.
    func smsCode(to phone: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        let messages = jsonArray(expect(0, ["outbox", "list", "--kind", "sms", "--json"], file: file, line: line))
        let last = try XCTUnwrap(messages.last { $0["to"] as? String == phone }, file: file, line: line)
        let raw = expect(0, ["outbox", "show", last["id"] as! String], file: file, line: line).out
        return try XCTUnwrap(smsCode(in: raw), raw, file: file, line: line)
    }
}
