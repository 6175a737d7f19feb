import Foundation
import XCTest
@testable import WTKit

/// The seeds of fuzz/targets/mime.swift (fuzz/corpus/mime) and the inputs its
/// invariants single out, replayed in process.
extension FuzzRegressionTests {
    func assertMIMEInvariants(_ bytes: [UInt8], _ what: String, file: StaticString = #filePath, line: UInt = #line) {
        if let m = try? MIMEMessage.parse(bytes) {
            for a in m.addresses(["From", "To", "Delivered-To", "X-Original-To"]) {
                XCTAssertEqual(a.address.filter { $0 == "@" }.count, 1, "\(what): \(a.address)", file: file, line: line)
            }
            let r = MailIngestText.reason(m.bodyText)
            XCTAssertEqual(r, r.trimmingCharacters(in: .whitespacesAndNewlines), what, file: file, line: line)
            XCTAssertFalse(r.split(separator: "\n").contains { $0.trimmingCharacters(in: .whitespaces).hasPrefix(">") }, what, file: file, line: line)
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        XCTAssertEqual(MIMECodecs.quotedPrintable(Array(MailMessage.quotedPrintable(text).utf8)), Array(normalized.replacingOccurrences(of: "\n", with: "\r\n").utf8),
            "\(what): quoted-printable round trip", file: file, line: line)
        XCTAssertEqual(MIMECodecs.decodeHeader(MailMessage.encodedWord(text).joined(separator: " ")), text, "\(what): RFC 2047 round trip", file: file, line: line)
        XCTAssertEqual(MIMECodecs.base64(Array(Data(bytes).base64EncodedString(options: .lineLength76Characters).utf8)), bytes, "\(what): base64", file: file, line: line)
    }

    func testMIMESeedsKeepTheFuzzInvariants() throws {
        let dir = Self.root.appendingPathComponent("fuzz/corpus/mime").path
        let seeds = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        XCTAssertGreaterThanOrEqual(seeds.count, 8)
        for s in seeds {
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: dir + "/" + s))
            assertMIMEInvariants(Array(bytes), s)
        }
        let replies = seeds.filter { $0.hasSuffix(".eml") }
        for s in replies {
            XCTAssertNoThrow(try MIMEMessage.parse(Array(FileManager.default.contents(atPath: dir + "/" + s)!)), s)
        }
    }

    /// Found by the mime target (seed fuzz/corpus/mime/two-at-signs): an address with
    /// two `@` was taken, its local part holding the first one.
    func testMIMERefusesAnAddressWithTwoAtSigns() {
        XCTAssertEqual(MIMEAddress.parseList("uren+x@werktalenx@werktalent.example, <a@b@c>, ok@d.example").map(\.address), ["ok@d.example"])
    }

    /// Inputs the invariants make worth keeping: unterminated encoded-words and
    /// multiparts, a boundary that never closes, nesting past the limit, a bare CR.
    func testMIMEEdgeInputs() {
        let deep = (0..<20).map { "Content-Type: multipart/mixed; boundary=b\($0)\r\n\r\n--b\($0)\r\n" }.joined()
        let inputs = [
            "From: a@b\r\nSubject: =?utf-8?q?=C3?=\r\n\r\n", "From: a@b\r\nSubject: =?utf-8?b?====?= =?x?q?_?=\r\n\r\n",
            "From: a@b\r\nContent-Type: multipart/alternative; boundary=\"x\"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nopen ended",
            "From: a@b\r\n" + deep, "From: a@b\rTo: c@d\r\r\rbody\r", "From: <>\r\nTo: ,,,;:<@>\r\n\r\n", "=\r\n", "=?", "\u{301}>",
            "From: a@b\r\nContent-Type: text/plain; charset=windows-1252\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!gA==",
        ]
        for i in inputs { assertMIMEInvariants(Array(i.utf8), i.debugDescription) }
        XCTAssertThrowsError(try MIMEMessage.parse(Array(("From: a@b\r\n" + deep).utf8))) { XCTAssertTrue("\($0)".contains("nest")) }
    }
}
