import Foundation
import XCTest
@testable import WTKit

final class MailAndPDFTests: XCTestCase {
    // MARK: - Helpers

    private struct Run {
        var status: Int32
        var stdout: Data
        var stderr: String
        var text: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// Runs a tool found on PATH with no stdin; stderr goes to a file so that neither
    /// pipe can fill up and block the tool while we read the other.
    private func run(_ arguments: [String]) throws -> Run {
        let errFile = tempFile("stderr")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let errHandle = try FileHandle(forWritingTo: errFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errHandle.close()
        return Run(status: process.terminationStatus, stdout: outData,
                   stderr: String(decoding: (try? Data(contentsOf: errFile)) ?? Data(), as: UTF8.self))
    }

    private func onPath(_ tool: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/\(tool)")
        }
    }

    private func tempFile(_ ext: String) -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("wt-\(UUID().uuidString).\(ext)")
    }

    /// 2026-11-30 09:15:00 UTC, i.e. 10:15 in Amsterdam (winter time).
    private let invoiceInstant = Date(timeIntervalSince1970: 1_796_030_100)

    private let dutchSubject = "Je account bij WerkTalent — één stap"

    private let bodyLines = [
        "Beste Noëlle,",
        "",
        "Je factuur van € 1.234,50 staat klaar. "
            + "Deze regel is bewust langer dan honderd tekens zodat de zachte regelafbreking "
            + "van quoted-printable nodig is: ëëëëëëëëëë €€€€€ einde.",
        "Deze regel eindigt op spaties   ",
        "En deze op een tab\t",
        "From the desk of WerkTalent",
        "Korting = 10% op a=b&c=d",
        ".",
        "Met vriendelijke groet,",
        "WerkTalent",
    ]

    private func sampleMessage(subject: String, body: String) -> MailMessage {
        MailMessage(
            from: MailAddress(name: "Geëmailde Afdeling – WerkTalent B.V.", address: "noreply@werktalent.nl"),
            to: [
                MailAddress(name: "Vries, Jan de", address: "jan@example.nl"),
                MailAddress(name: "Noëlle O’Brien", address: "noelle@example.nl"),
                MailAddress(address: "kantoor@example.nl"),
            ],
            replyTo: MailAddress(name: "Planning", address: "planning@werktalent.nl"),
            subject: subject,
            body: body,
            date: invoiceInstant,
            messageID: "<00ff10a0b1c2d3e4@werktalent.nl>")
    }

    private static let pythonParser = """
        import email, email.policy, email.utils, json, sys
        with open(sys.argv[1], 'rb') as f:
            msg = email.message_from_binary_file(f, policy=email.policy.default)
        def boxes(name):
            h = msg[name]
            return [[a.display_name, a.addr_spec] for a in h.addresses] if h is not None else None
        print(json.dumps({
            'subject': str(msg['Subject']),
            'from': boxes('From'),
            'to': boxes('To'),
            'replyTo': boxes('Reply-To'),
            'body': msg.get_content(),
            'date': email.utils.parsedate_to_datetime(str(msg['Date'])).timestamp(),
            'messageID': str(msg['Message-ID']),
            'contentType': msg.get_content_type(),
            'charset': msg.get_content_charset(),
            'defects': [repr(d) for d in msg.defects]
                + [repr(d) for k in msg.keys() for d in msg[k].defects],
        }))
        """

    private struct Parsed: Decodable {
        var subject: String
        var from: [[String]]
        var to: [[String]]
        var replyTo: [[String]]?
        var body: String
        var date: Double
        var messageID: String
        var contentType: String
        var charset: String?
        var defects: [String]
    }

    private func parseWithPython(_ raw: String) throws -> Parsed {
        guard onPath("python3") else { throw XCTSkip("python3 is not installed") }
        let file = tempFile("eml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(raw.utf8).write(to: file)
        let result = try run(["python3", "-c", Self.pythonParser, file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try JSONDecoder().decode(Parsed.self, from: result.stdout)
    }

    private func assertWellFormed(_ raw: String, file: StaticString = #filePath, line: UInt = #line) {
        let bytes = Array(raw.utf8)
        XCTAssertTrue(bytes.allSatisfy { $0 < 0x80 }, "non-ASCII byte in message", file: file, line: line)
        XCTAssertTrue(raw.hasSuffix("\r\n"), "message must end in CRLF", file: file, line: line)
        for (i, byte) in bytes.enumerated() where byte == 0x0A {
            XCTAssertTrue(i > 0 && bytes[i - 1] == 0x0D, "bare LF at byte \(i)", file: file, line: line)
        }
        guard let split = raw.range(of: "\r\n\r\n") else {
            return XCTFail("no blank line between header and body", file: file, line: line)
        }
        let headerLines = raw[..<split.lowerBound].components(separatedBy: "\r\n")
        let bodyLines = raw[split.upperBound...].components(separatedBy: "\r\n")
        for headerLine in headerLines {
            XCTAssertLessThanOrEqual(headerLine.utf8.count, 78, "long header line: \(headerLine)", file: file, line: line)
            XCTAssertFalse(headerLine.trimmingCharacters(in: .whitespaces).isEmpty,
                           "whitespace-only header line", file: file, line: line)
        }
        for bodyLine in bodyLines {
            XCTAssertLessThanOrEqual(bodyLine.utf8.count, 76, "long body line: \(bodyLine)", file: file, line: line)
            XCTAssertFalse(bodyLine.hasSuffix(" ") || bodyLine.hasSuffix("\t"),
                           "trailing whitespace in QP line", file: file, line: line)
        }
        for any in raw.components(separatedBy: "\r\n") {
            XCTAssertLessThanOrEqual(any.utf8.count, 998, file: file, line: line)
        }
    }

    // MARK: - Mail

    func testMessageDecodesWithPythonEmailPackage() throws {
        let body = bodyLines.joined(separator: "\n") + "\n"
        let message = sampleMessage(subject: dutchSubject, body: body)
        let raw = message.rfc5322()
        assertWellFormed(raw)
        XCTAssertTrue(raw.hasPrefix("Date: Mon, 30 Nov 2026 10:15:00 +0100\r\n"), raw)
        XCTAssertTrue(raw.contains("\r\nTo: \"Vries, Jan de\" <jan@example.nl>,"), raw)
        XCTAssertTrue(raw.contains("\r\n=46rom the desk of WerkTalent\r\n"), raw)
        XCTAssertTrue(raw.contains("\r\nDeze regel eindigt op spaties  =20\r\n"), raw)

        let parsed = try parseWithPython(raw)
        XCTAssertEqual(parsed.subject, dutchSubject)
        XCTAssertEqual(parsed.from, [["Geëmailde Afdeling – WerkTalent B.V.", "noreply@werktalent.nl"]])
        XCTAssertEqual(parsed.to, [
            ["Vries, Jan de", "jan@example.nl"],
            ["Noëlle O’Brien", "noelle@example.nl"],
            ["", "kantoor@example.nl"],
        ])
        XCTAssertEqual(parsed.replyTo ?? [], [["Planning", "planning@werktalent.nl"]])
        XCTAssertEqual(parsed.body, body)
        XCTAssertEqual(parsed.date, invoiceInstant.timeIntervalSince1970)
        XCTAssertEqual(parsed.messageID, "<00ff10a0b1c2d3e4@werktalent.nl>")
        XCTAssertEqual(parsed.contentType, "text/plain")
        XCTAssertEqual(parsed.charset?.lowercased(), "utf-8")
        XCTAssertEqual(parsed.defects, [])
    }

    func testLongSubjectAndBodyWithoutFinalNewlineRoundTrip() throws {
        let subject = "Herinnering: jouw urenbriefje van week 48 — graag vóór vrijdag indienen 🙂 "
            + "bij de afdeling Planning & Salarisadministratie (Zuid-Holland) ëïéü"
        let body = "Eén regel zonder afsluitende regelovergang, met = teken en €"
        let message = sampleMessage(subject: subject, body: body)
        let raw = message.rfc5322()
        assertWellFormed(raw)
        XCTAssertTrue(raw.hasSuffix("=E2=82=AC=\r\n"), "final soft break keeps the body exact")
        let parsed = try parseWithPython(raw)
        XCTAssertEqual(parsed.subject, subject)
        XCTAssertEqual(parsed.body, body)
        XCTAssertEqual(parsed.defects, [])
    }

    func testHeaderTextCannotInjectLines() throws {
        var message = sampleMessage(subject: "Hallo\r\nBcc: evil@example.com", body: "x\n")
        message.to = [MailAddress(name: "A\nB", address: "a@example.nl>\r\nBcc: x@y")]
        let raw = message.rfc5322()
        assertWellFormed(raw)
        let header = String(raw[..<raw.range(of: "\r\n\r\n")!.lowerBound])
        XCTAssertFalse(header.contains("\r\nBcc:"), header)
        let parsed = try parseWithPython(raw)
        XCTAssertEqual(parsed.subject, "Hallo Bcc: evil@example.com")
    }

    func testDateUsesAmsterdamOffsetAcrossDaylightSaving() {
        func rendered(_ iso: String) -> String {
            let f = ISO8601DateFormatter()
            return MailMessage.rfc5322Date(f.date(from: iso)!)
        }
        XCTAssertEqual(rendered("2026-11-30T09:15:00Z"), "Mon, 30 Nov 2026 10:15:00 +0100")
        XCTAssertEqual(rendered("2026-07-04T22:30:05Z"), "Sun, 05 Jul 2026 00:30:05 +0200")
        // Summer time starts on the last Sunday of March at 01:00 UTC.
        XCTAssertEqual(rendered("2026-03-29T00:59:59Z"), "Sun, 29 Mar 2026 01:59:59 +0100")
        XCTAssertEqual(rendered("2026-03-29T01:00:00Z"), "Sun, 29 Mar 2026 03:00:00 +0200")
        // ...and ends on the last Sunday of October at 01:00 UTC.
        XCTAssertEqual(rendered("2026-10-25T00:59:59Z"), "Sun, 25 Oct 2026 02:59:59 +0200")
        XCTAssertEqual(rendered("2026-10-25T01:00:00Z"), "Sun, 25 Oct 2026 02:00:00 +0100")
        XCTAssertEqual(rendered("2028-02-29T12:00:00Z"), "Tue, 29 Feb 2028 13:00:00 +0100")
        XCTAssertEqual(rendered("2025-12-31T23:30:00Z"), "Thu, 01 Jan 2026 00:30:00 +0100")

        // Where the host has a tz database, our rule must agree with it hour by hour.
        if let zone = TimeZone(identifier: "Europe/Amsterdam") {
            var t = 1_704_067_200 // 2024-01-01
            while t < 1_830_297_600 { // 2028-01-01
                let date = Date(timeIntervalSince1970: TimeInterval(t))
                XCTAssertEqual(MailMessage.amsterdamOffset(t), zone.secondsFromGMT(for: date), "at \(t)")
                t += 3_599
            }
        }
    }

    func testQuotedPrintableEncoding() {
        XCTAssertEqual(MailMessage.quotedPrintable("a=b\n"), "a=3Db\r\n")
        XCTAssertEqual(MailMessage.quotedPrintable("x  \n\t\n"), "x =20\r\n=09\r\n")
        XCTAssertEqual(MailMessage.quotedPrintable("From me\nFrom\n"), "=46rom me\r\nFrom\r\n")
        XCTAssertEqual(MailMessage.quotedPrintable("Geëmailde €\r\n"), "Ge=C3=ABmailde =E2=82=AC\r\n")
        XCTAssertEqual(MailMessage.quotedPrintable(".\n..x\n"), "=2E\r\n=2E.x\r\n")
        XCTAssertEqual(MailMessage.quotedPrintable("geen einde"), "geen einde=\r\n")
        XCTAssertEqual(MailMessage.quotedPrintable(""), "=\r\n")

        let long = String(repeating: "ë", count: 60) + String(repeating: "a", count: 90)
        let encoded = MailMessage.quotedPrintable(long + "\n")
        let lines = encoded.components(separatedBy: "\r\n").dropLast()
        XCTAssertGreaterThan(lines.count, 3)
        for line in lines.dropLast() {
            XCTAssertTrue(line.hasSuffix("="), "soft break expected: \(line)")
            XCTAssertLessThanOrEqual(line.utf8.count, 76)
            // No =XX escape is cut by the soft break.
            let content = line.dropLast()
            XCTAssertFalse(content.hasSuffix("=") || content.dropLast().hasSuffix("="), line)
        }
        XCTAssertEqual(lines.map { $0.hasSuffix("=") ? String($0.dropLast()) : $0 }.joined(),
                       String(repeating: "=C3=AB", count: 60) + String(repeating: "a", count: 90))
    }

    func testEncodedWordsStayShortAndKeepCharactersWhole() throws {
        let text = String(repeating: "één €uro 🙂 ", count: 12)
        let words = MailMessage.encodedWord(text, firstRoom: 60)
        XCTAssertGreaterThan(words.count, 3)
        XCTAssertLessThanOrEqual(words[0].utf8.count, 60)
        var decoded = ""
        for word in words {
            XCTAssertLessThanOrEqual(word.utf8.count, 75, word)
            XCTAssertTrue(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?="), word)
            let payload = String(word.dropFirst(10).dropLast(2))
            let bytes = try XCTUnwrap(Data(base64Encoded: payload))
            // Each word on its own is valid UTF-8: no sequence was split.
            decoded += try XCTUnwrap(String(bytes: bytes, encoding: .utf8))
        }
        XCTAssertEqual(decoded, text)
        XCTAssertEqual(MailMessage.encodedWord("é"), ["=?UTF-8?B?w6k=?="])
    }

    func testDisplayNamesAreQuotedOnlyWhenNeeded() {
        XCTAssertEqual(MailMessage.displayName("Jan de Vries", firstRoom: 70), ["Jan", "de", "Vries"])
        XCTAssertEqual(MailMessage.displayName("Vries, Jan de", firstRoom: 70), ["\"Vries, Jan de\""])
        XCTAssertEqual(MailMessage.displayName("WerkTalent B.V.", firstRoom: 70), ["\"WerkTalent B.V.\""])
        XCTAssertEqual(MailMessage.displayName("Jan \"JJ\" Back\\slash", firstRoom: 70),
                       ["\"Jan \\\"JJ\\\" Back\\\\slash\""])
        XCTAssertEqual(MailMessage.displayName("Noëlle", firstRoom: 70), ["=?UTF-8?B?Tm/Dq2xsZQ==?="])
        let raw = MailMessage(from: MailAddress(address: "a@b.nl"), to: [], subject: "x", body: "",
                              date: invoiceInstant, messageID: "id@b.nl").rfc5322()
        XCTAssertTrue(raw.contains("\r\nFrom: a@b.nl\r\nTo: undisclosed-recipients:;\r\n"), raw)
        XCTAssertTrue(raw.contains("\r\nMessage-ID: <id@b.nl>\r\n"), raw)
        XCTAssertTrue(raw.contains("\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                                   + "Content-Transfer-Encoding: quoted-printable\r\n\r\n"), raw)
    }

    func testMessageIDFromRandomBytes() throws {
        let id = try MailMessage.makeMessageID(random: [0x00, 0x01, 0x7f, 0x80, 0xab, 0xcd, 0xef, 0xff],
                                               domain: "werktalent.nl")
        XCTAssertEqual(id, "<00017f80abcdefff@werktalent.nl>")
        XCTAssertThrowsError(try MailMessage.makeMessageID(random: [1, 2, 3], domain: "werktalent.nl")) {
            XCTAssertEqual(($0 as? WTError)?.kind, .invalid)
        }
        XCTAssertThrowsError(try MailMessage.makeMessageID(random: Array(repeating: 7, count: 16),
                                                           domain: "bad domain>"))
    }

    func testValidatingAddress() throws {
        XCTAssertEqual(try MailAddress(validating: " jan@example.nl ", name: "Jan").address, "jan@example.nl")
        for bad in ["", "jan", "jan@", "@example.nl", "a@b@c", "jan @example.nl", "jan@exa..mple",
                    "jan@example.nl>", "jë@example.nl", "a@b.nl\r\nBcc: x@y"] {
            XCTAssertThrowsError(try MailAddress(validating: bad), bad) {
                XCTAssertEqual(($0 as? WTError)?.kind, .invalid)
            }
        }
    }
}
