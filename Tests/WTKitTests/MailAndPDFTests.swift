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

    /// Runs a tool found on PATH with no stdin.
    private func run(_ arguments: [String]) throws -> Run {
        let r = try Subprocess.run("/usr/bin/env", arguments)
        return Run(status: r.status, stdout: r.stdout, stderr: r.err)
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

    // MARK: - PDF

    /// The two-page invoice the poppler test reads back; amounts right-aligned at x = 500.
    private func invoice() -> PDFDocument {
        var pdf = PDFDocument(title: "Factuur 2026-0042 — WerkTalent")
        pdf.text("Geëmailde factuur", x: 56, y: 780, size: 18, bold: true)
        pdf.text("WerkTalent B.V. (Utrecht) \\ uitzendbureau", x: 56, y: 760, size: 9)
        pdf.text("Factuur", x: 297.64, y: 740, size: 11, align: .center)
        pdf.rect(x: 50, y: 690, width: 495.28, height: 20, lineWidth: nil, fillGray: 0.9)
        let rows = [("Uren week 48", "€ 1.234,50"), ("Reiskosten", "€ 99,00"), ("Toeslag", "€ 12.345,60")]
        for (i, row) in rows.enumerated() {
            let y = 670 - Double(i) * 16
            pdf.text(row.0, x: 56, y: y, size: 10)
            pdf.text(row.1, x: 500, y: y, size: 10, align: .right)
        }
        pdf.line(x1: 350, y1: 618, x2: 500, y2: 618, width: 0.75)
        pdf.text("Totaal", x: 56, y: 604, size: 10, bold: true)
        pdf.text("€ 13.679,10", x: 500, y: 604, size: 10, bold: true, align: .right)
        pdf.newPage()
        pdf.text("Bijlage – urenoverzicht’s", x: 56, y: 780, size: 12)
        pdf.rect(x: 50, y: 700, width: 200, height: 50)
        return pdf
    }

    func testWinAnsiEncodingAndEscapes() {
        XCTAssertEqual(PDFDocument.winAnsi("€ëéï–’"), [0x80, 0xEB, 0xE9, 0xEF, 0x96, 0x92])
        XCTAssertEqual(PDFDocument.winAnsi("e\u{301}"), [0xE9], "combining accent composes first")
        XCTAssertEqual(PDFDocument.winAnsi("漢🙂\u{7F}\u{85}Œ"), [0x3F, 0x3F, 0x3F, 0x3F, 0x8C])
        XCTAssertEqual(PDFDocument.winAnsi("a\tb\nc"), Array("a b c".utf8))
        XCTAssertEqual(PDFDocument.literal(Array("a(b)c\\d".utf8)), "(a\\(b\\)c\\\\d)")
        XCTAssertEqual(PDFDocument.literal([0x80, 0xEB, 0x41]), "(\\200\\353A)")
        XCTAssertEqual(PDFDocument.num(595.28), "595.28")
        XCTAssertEqual(PDFDocument.num(-0.0004), "0")
        XCTAssertEqual(PDFDocument.num(-12.5), "-12.5")
        XCTAssertEqual(PDFDocument.num(.nan), "0")
        XCTAssertEqual(PDFDocument.textString("Factuur"), "(Factuur)")
        XCTAssertEqual(PDFDocument.textString("€"), "<FEFF20AC>")
    }

    func testWidthsFollowHelveticaMetrics() {
        let pdf = PDFDocument()
        // € 556, space 278, digits 556, period and comma 278 in both weights.
        XCTAssertEqual(pdf.width(of: "€ 1.234,50", size: 10), 47.26, accuracy: 1e-9)
        XCTAssertEqual(pdf.width(of: "€ 1.234,50", size: 10, bold: true), 47.26, accuracy: 1e-9)
        XCTAssertEqual(pdf.width(of: "Wil", size: 1000), 944 + 222 + 222, accuracy: 1e-9)
        XCTAssertEqual(pdf.width(of: "Wil", size: 1000, bold: true), 944 + 278 + 278, accuracy: 1e-9)
        XCTAssertEqual(pdf.width(of: "@'ë", size: 1000), 1015 + 191 + 556, accuracy: 1e-9)
        XCTAssertEqual(pdf.width(of: "@'ë", size: 1000, bold: true), 975 + 238 + 556, accuracy: 1e-9)
        XCTAssertEqual(pdf.width(of: "Geëmailde", size: 12, bold: true),
                       Double(778 + 556 + 556 + 889 + 556 + 278 + 278 + 611 + 556) * 12 / 1000, accuracy: 1e-9)
        XCTAssertEqual(PDFDocument.Metrics.helvetica.count, 224)
        XCTAssertEqual(PDFDocument.Metrics.helveticaBold.count, 224)
    }

    func testXrefOffsetsPointAtObjectsAndOutputIsDeterministic() throws {
        let bytes = invoice().render()
        XCTAssertEqual(bytes, invoice().render(), "same drawing, same bytes")
        XCTAssertEqual(Array(bytes.prefix(9)), Array("%PDF-1.4\n".utf8))
        XCTAssertEqual(bytes[9], UInt8(ascii: "%"))
        XCTAssertTrue(bytes[10...13].allSatisfy { $0 >= 0x80 }, "binary marker comment")
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("%%EOF\n"))
        XCTAssertTrue(bytes[14...].allSatisfy { $0 < 0x80 }, "all but the marker comment is ASCII")

        // startxref → xref table → every in-use entry names the object found at its offset.
        let tail = String(decoding: bytes.suffix(40), as: UTF8.self)
        let startLine = try XCTUnwrap(tail.components(separatedBy: "startxref\n").last?
            .split(separator: "\n").first)
        let xrefOffset = try XCTUnwrap(Int(startLine))
        let xrefText = String(decoding: bytes[xrefOffset...], as: UTF8.self)
        XCTAssertTrue(xrefText.hasPrefix("xref\n0 "), xrefText)
        let lines = xrefText.split(separator: "\n", omittingEmptySubsequences: false)
        let header = lines[1].split(separator: " ")
        XCTAssertEqual(header.first, "0")
        let count = try XCTUnwrap(Int(header[1]))
        XCTAssertEqual(count, 5 + 2 * 2 + 1, "catalog, pages, 2 fonts, info, 2 × (page, content) + free entry")
        XCTAssertEqual(lines[2], "0000000000 65535 f ")
        for number in 1..<count {
            let entry = lines[2 + number]
            XCTAssertEqual(entry.utf8.count + 1, 20, "entries are 20 bytes")
            XCTAssertTrue(entry.hasSuffix(" 00000 n "), String(entry))
            let offset = try XCTUnwrap(Int(entry.prefix(10)))
            let at = String(decoding: bytes[offset..<min(offset + 20, bytes.count)], as: UTF8.self)
            XCTAssertTrue(at.hasPrefix("\(number) 0 obj\n"), "object \(number) at \(offset): \(at)")
        }
        let trailer = lines[(2 + count)...].joined(separator: "\n")
        XCTAssertTrue(trailer.hasPrefix("trailer\n<< /Size \(count) /Root 1 0 R /Info 5 0 R >>"), trailer)

        // Stream lengths are right: the bytes after `stream\n` plus Length reach `\nendstream`.
        func find(_ needle: String, from start: Int) -> Int? {
            let n = Array(needle.utf8)
            guard bytes.count >= n.count, start <= bytes.count - n.count else { return nil }
            return (start...(bytes.count - n.count)).first { bytes[$0..<($0 + n.count)].elementsEqual(n) }
        }
        var searchFrom = 0
        var streams = 0
        while let lengthAt = find("/Length ", from: searchFrom) {
            let digits = bytes[(lengthAt + 8)...].prefix { (0x30...0x39).contains($0) }
            let length = try XCTUnwrap(Int(String(decoding: digits, as: UTF8.self)))
            let streamAt = try XCTUnwrap(find(">>\nstream\n", from: lengthAt))
            let dataStart = streamAt + 10
            let end = String(decoding: bytes[(dataStart + length)...].prefix(10), as: UTF8.self)
            XCTAssertEqual(end, "\nendstream")
            streams += 1
            searchFrom = dataStart
        }
        XCTAssertEqual(streams, 2)

        XCTAssertTrue(text.contains("/BaseFont /Helvetica /Encoding /WinAnsiEncoding"))
        XCTAssertTrue(text.contains("/BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding"))
        XCTAssertTrue(text.contains("/MediaBox [0 0 595.28 841.89]"))
        XCTAssertTrue(text.contains("(Ge\\353mailde factuur) Tj"), "ë as WinAnsi 0xEB")
        XCTAssertTrue(text.contains("(WerkTalent B.V. \\(Utrecht\\) \\\\ uitzendbureau) Tj"))
        XCTAssertFalse(text.contains("CreationDate"), "no timestamp unless one is passed")
        var dated = invoice()
        dated.creationDate = Date(timeIntervalSince1970: 1_796_030_100)
        XCTAssertTrue(String(decoding: dated.render(), as: UTF8.self)
            .contains("/CreationDate (D:20261130091500Z)"))
    }

    func testPopplerReadsTwoPageInvoice() throws {
        guard onPath("pdftotext"), onPath("pdfinfo") else {
            throw XCTSkip("poppler-utils (pdftotext, pdfinfo) is not installed")
        }
        let file = tempFile("pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(invoice().render()).write(to: file)

        let info = try run(["pdfinfo", file.path])
        XCTAssertEqual(info.status, 0, info.stderr)
        XCTAssertEqual(info.stderr, "", "poppler reported problems")
        let infoLines = info.text.split(separator: "\n").map {
            $0.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        func field(_ name: String) -> String? { infoLines.first { $0.first == name }?.last }
        XCTAssertEqual(field("Pages"), "2")
        XCTAssertEqual(field("Page size"), "595.28 x 841.89 pts (A4)")
        XCTAssertEqual(field("Producer"), "wt")
        XCTAssertEqual(field("Title"), "Factuur 2026-0042 — WerkTalent")
        XCTAssertEqual(field("PDF version"), "1.4")

        let layout = try run(["pdftotext", "-layout", "-enc", "UTF-8", file.path, "-"])
        XCTAssertEqual(layout.status, 0, layout.stderr)
        XCTAssertEqual(layout.stderr, "")
        let pages = layout.text.components(separatedBy: "\u{0C}")
        XCTAssertGreaterThanOrEqual(pages.count, 2)
        for expected in ["Geëmailde factuur", "€ 1.234,50", "€ 99,00", "€ 12.345,60", "€ 13.679,10",
                         "WerkTalent B.V. (Utrecht) \\ uitzendbureau", "Uren week 48"] {
            XCTAssertTrue(pages[0].contains(expected), "page 1 lacks \(expected):\n\(pages[0])")
        }
        XCTAssertTrue(pages[1].contains("Bijlage – urenoverzicht’s"), pages[1])
        // In the layout text the right-aligned amounts end in the same column.
        let amountLines = pages[0].split(separator: "\n").filter { $0.contains("€") }
        XCTAssertEqual(amountLines.count, 4)
        XCTAssertEqual(Set(amountLines.map { $0.trimmingCharacters(in: .whitespaces).count
                                               + $0.prefix { $0 == " " }.count }).count, 1,
                       amountLines.joined(separator: "\n"))

        // Poppler's own Helvetica metrics put the right edge of every amount at x = 500.
        let bbox = try run(["pdftotext", "-bbox", "-f", "1", "-l", "1", file.path, "-"])
        XCTAssertEqual(bbox.status, 0, bbox.stderr)
        var rightEdges: [String: Double] = [:]
        var centers: [String: Double] = [:]
        for line in bbox.text.split(separator: "\n") where line.contains("<word ") {
            func attribute(_ name: String) -> Double? {
                guard let r = line.range(of: name + "=\"") else { return nil }
                return Double(line[r.upperBound...].prefix { $0 != "\"" })
            }
            guard let word = line.split(separator: ">").dropFirst().first?.split(separator: "<").first,
                  let xMin = attribute("xMin"), let xMax = attribute("xMax") else { continue }
            rightEdges[String(word)] = xMax
            centers[String(word)] = (xMin + xMax) / 2
        }
        for amount in ["1.234,50", "99,00", "12.345,60", "13.679,10"] {
            XCTAssertEqual(try XCTUnwrap(rightEdges[amount], amount), 500, accuracy: 0.01, amount)
        }
        XCTAssertEqual(try XCTUnwrap(centers["Factuur"]), 297.64, accuracy: 0.01)
    }
}
