import Foundation
import XCTest
@testable import WTKit

/// The received-mail side of SPEC §15 in process: the MIME parser, the
/// decoders, addresses, Authentication-Results, tokens and the reason of a reply.
final class MIMETests: XCTestCase {
    func parse(_ s: String) throws -> MIMEMessage { try MIMEMessage.parse(Array(s.utf8)) }

    func testHeadersUnfoldAndEncodedWordsDecode() throws {
        let m = try parse("From: =?iso-8859-1?q?Ren=E9?= <r@x.example>\r\nSubject: =?UTF-8?B?w6nDqW4=?=\r\n  =?UTF-8?Q?_keer?= klaar\r\nX-A: one\r\n\ttwo\r\n\r\nbody")
        XCTAssertEqual(m.subject, "één keer klaar", "whitespace between adjacent encoded-words goes, folding is undone")
        XCTAssertEqual(m.first("x-a")?.raw, "one\ttwo")
        XCTAssertEqual(m.from, MailAddress(name: "René", address: "r@x.example"))
        XCTAssertEqual(m.bodyText, "body")
        XCTAssertEqual(MIMECodecs.decodeHeader("a =?utf-8?q?b?= c =?bogus"), "a b c =?bogus")
        XCTAssertEqual(MIMECodecs.decodeHeader("=?windows-1252?Q?=80_5?="), "€ 5")
    }

    func testRefusesWhatIsNoMail() {
        for bad in ["", "just text\n", "\r\n\r\nbody", " folded first\r\nFrom: a@b\r\n\r\n", "Subject: no sender\r\n\r\nx"] {
            XCTAssertThrowsError(try parse(bad), bad.debugDescription) { XCTAssertTrue($0 is MIMEMessage.Invalid) }
        }
        XCTAssertNoThrow(try parse("From nobody Mon Nov 30 10:00:00 2026\nFrom: a@b.example\n\nmbox line first"))
    }

    func testMultipartAlternativePrefersPlainAndDecodesEachPart() throws {
        let m = try parse("""
            From: a@b.example\r
            Content-Type: multipart/mixed; boundary="m"\r
            \r
            preamble\r
            --m\r
            Content-Type: multipart/alternative; boundary=alt\r
            \r
            --alt\r
            Content-Type: text/html; charset=utf-8\r
            \r
            <p>html</p>\r
            --alt\r
            Content-Type: text/plain; charset=iso-8859-1\r
            Content-Transfer-Encoding: quoted-printable\r
            \r
            Caf=E9 =\r
            open\r
            --alt--\r
            --m\r
            Content-Type: text/plain\r
            Content-Disposition: attachment; filename=x.txt\r
            \r
            attached\r
            --m--\r
            epilogue
            """)
        XCTAssertEqual(m.parts.count, 3)
        XCTAssertEqual(m.bodyText, "Café open")
        let html = try parse("From: a@b\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n" + Data("<div>Nee<br>te veel</div><blockquote>quote</blockquote>".utf8).base64EncodedString())
        XCTAssertEqual(html.bodyText, "Nee\nte veel")
    }

    func testCharsets() {
        XCTAssertEqual(MIMECodecs.text([0x80, 0x93, 0x61, 0x94], charset: "windows-1252"), "€“a”")
        XCTAssertEqual(MIMECodecs.text([0xE9], charset: "ISO-8859-1"), "é")
        XCTAssertEqual(MIMECodecs.text([0xA4], charset: "iso-8859-15"), "€")
        XCTAssertEqual(MIMECodecs.text(Array("é".utf8), charset: "\"UTF-8\""), "é")
        XCTAssertEqual(MIMECodecs.text([0xE9], charset: "x-unknown"), "é", "invalid UTF-8 under an unknown label reads as Windows-1252")
        XCTAssertEqual(MIMECodecs.base64(Array("w6k=\r\nZQ==".utf8)), Array("é".utf8))
        XCTAssertEqual(MIMECodecs.quotedPrintable(Array("a=3Db=\r\nc =  \nd=zz".utf8)), Array("a=bc d=zz".utf8))
    }

    func testAddresses() {
        let list = MIMEAddress.parseList(#""Houten, Jan (Inkoop)" <j@x.example>, team: a@b.example, c@d.example (Cee);, <@relay:e@f.example>, broken"#)
        XCTAssertEqual(list.map(\.address), ["j@x.example", "a@b.example", "c@d.example", "e@f.example"])
        XCTAssertEqual(list.first?.name, "Houten, Jan (Inkoop)")
        XCTAssertEqual(MIMEAddress.parseList("\"a b\"@c.example").map(\.address), [], "an address with a space is no address wt can match")
    }

    func testAuthenticationResultsAsRFC8601AppendixB() throws {
        let r = try XCTUnwrap(AuthenticationResults.parse(
            "example.com 1; dkim=pass (good signature) header.d=example.net header.b=\"ab;cd\"; spf=pass smtp.mailfrom=sender@example.net; auth=pass (cram-md5) smtp.auth=sender"))
        XCTAssertEqual(r.authservID, "example.com")
        XCTAssertEqual(r.results.map(\.method), ["dkim", "spf", "auth"])
        XCTAssertTrue(r.passes(for: "EXAMPLE.net"))
        XCTAssertFalse(r.passes(for: "example.com"))
        XCTAssertEqual(AuthenticationResults.parse("mx.example.org; none")?.results, [])
        XCTAssertFalse(try XCTUnwrap(AuthenticationResults.parse("a; dkim=fail header.d=x.example; spf=softfail smtp.mailfrom=x.example")).passes(for: "x.example"))
        XCTAssertNil(AuthenticationResults.parse(""))
    }

    func testTokensAreLowerCaseBase32Of256Bits() {
        let t = ApprovalTokens.newToken(SeededRandomSource(seed: 7))
        XCTAssertEqual(t.count, 52)
        XCTAssertTrue(ApprovalTokens.isToken(t))
        XCTAssertFalse(t.hasPrefix("-"))
        XCTAssertEqual(ApprovalTokens.base32(Array("foobar".utf8)), "mzxw6ytboi", "RFC 4648 §10, lower case, unpadded")
        let address = "Uren+" + t.uppercased() + "@WerkTalent.example"
        XCTAssertEqual(MailIngestText.tokens(in: [address, "uren@werktalent.example", "uren+\(t)@other.example"], replyAddress: "uren@werktalent.example"), [t],
            "a mail system may fold the case of the local part; another domain is not ours")
        let quoted = "> Goedkeuren d-1: mailto:uren+\(t.prefix(30))\n> \(t.dropFirst(30))@werktalent.example?subject=x"
        XCTAssertEqual(MailIngestText.mailtoTokens(in: quoted, replyAddress: "uren@werktalent.example"), [t], "a link broken by quoting")
    }

    func testReasonIsTheRepliesOwnText() {
        let prompt = ApprovalLinks.reasonPrompt
        let cases: [(String, String)] = [
            ("\(prompt)\n\nDinsdag 6 uur.\n\n-- \nJan\nInkoop", "Dinsdag 6 uur."),
            ("Te veel.\n\n-----Original Message-----\nFrom: X\nSent: Y\n\nGoedkeuren d-1: ...", "Te veel."),
            ("Te veel.\r\n\r\nVan: WerkTalent BV <a@b>\r\nVerzonden: woensdag 2 december 2026 10:15\r\nAan: Jan\r\n", "Te veel."),
            ("Nee.\n\nOp wo 2 dec 2026 om 10:15 schreef WerkTalent BV <\nadministratie@werktalent.com>:\n\n> quote", "Nee."),
            ("Nee.\n\nOn Wed, Dec 2, 2026 at 10:15 AM WerkTalent <a@b> wrote:\n> quote", "Nee."),
            ("Nee.\n\nVerzonden vanaf mijn iPhone\n\n> Op 2 dec. 2026 om 10:15 heeft X het volgende geschreven:", "Nee."),
            ("> only a quote\n> more", ""),
            ("-- \nJan", ""),
            ("Regel een\n  ingesprongen  \n\nregel drie", "Regel een\n  ingesprongen\n\nregel drie"),
            ("Van de week klopt dinsdag niet.", "Van de week klopt dinsdag niet."),
            ("Op dinsdag 6 uur, niet 8.", "Op dinsdag 6 uur, niet 8."),
        ]
        for (body, reason) in cases { XCTAssertEqual(MailIngestText.reason(body), reason, body.debugDescription) }
    }

    func testMaildirInfo() {
        XCTAssertEqual(MailIngestMaildir.curName("1.M2P3.host"), "1.M2P3.host:2,S")
        XCTAssertEqual(MailIngestMaildir.curName("1.M2P3.host:2,F"), "1.M2P3.host:2,FS")
        XCTAssertEqual(MailIngestMaildir.curName("1.M2P3.host:2,S"), "1.M2P3.host:2,S")
    }

    func testMailtoLinksEncodeSubjectAndBody() {
        XCTAssertEqual(ApprovalLinks.percentEncoded("Afwijzen d-1 (week 48)\r\n"), "Afwijzen%20d-1%20%28week%2048%29%0D%0A")
        XCTAssertEqual(ApprovalLinks.address("uren@werktalent.example", token: "abc"), "uren+abc@werktalent.example")
    }
}
