// Fuzz target: the MIME parser of received mail and the reading of a reply
// (`wt mail ingest`, SPEC §15), all on the same input.
//
// Invariants: no trap and bounded work on any bytes; a refusal is a
// MIMEMessage.Invalid with a reason; a parsed message has printable header names,
// addresses with one '@' and no spaces, tokens of the token alphabet; the reason
// taken from its body is trimmed, holds no quoted ('>') line, no quote separator,
// and is no longer than the body; the decoders invert our own encoders
// (quoted-printable, base64, RFC 2047 words) for the input read as text.

@testable import WTKit
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMIME(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    checkMIME(inputBytes(data, size))
    return 0
}

func checkMIME(_ bytes: [UInt8]) {
    let reply = "uren@werktalent.example"
    do {
        let m = try MIMEMessage.parse(bytes)
        for h in m.headers {
            require(!h.name.isEmpty && h.name.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) && $0 != ":" }, "header name \(h.name.debugDescription)")
            _ = h.value
        }
        for a in m.addresses(["From", "To", "Delivered-To", "X-Original-To"]) {
            require(a.address.filter { $0 == "@" }.count == 1 && !a.address.contains(" "), "address \(a.address.debugDescription)")
        }
        let body = m.bodyText
        for t in MailIngestText.tokens(in: m.addresses(["To"]).map(\.address), replyAddress: reply) + MailIngestText.mailtoTokens(in: body, replyAddress: reply) {
            require(ApprovalTokens.isToken(t), "token \(t.debugDescription)")
        }
        checkReason(body)
        for r in m.all("Authentication-Results") { _ = AuthenticationResults.parse(r.raw)?.passes(for: "vanhouten.example") }
    } catch let e as MIMEMessage.Invalid {
        require(!e.reason.isEmpty, "an empty refusal")
    } catch {
        require(false, "threw \(type(of: error)) \(error)")
    }
    let text = inputText(bytes)
    checkReason(text)
    checkCodecs(text, bytes)
}

func checkReason(_ body: String) {
    let r = MailIngestText.reason(body)
    require(r == r.trimmingCharacters(in: .whitespacesAndNewlines), "untrimmed reason \(r.debugDescription)")
    require(r.unicodeScalars.count <= body.unicodeScalars.count + 1, "the reason is longer than the body")
    for line in r.split(separator: "\n") {
        let t = line.trimmingCharacters(in: .whitespaces)
        require(!t.hasPrefix(">"), "a quoted line in the reason: \(r.debugDescription)")
        require(!MailIngestText.isSeparator(t), "a quote separator in the reason: \(r.debugDescription)")
        require(line != "-- ", "a signature delimiter in the reason: \(r.debugDescription)")
    }
}

func checkCodecs(_ text: String, _ bytes: [UInt8]) {
    let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    let qp = MIMECodecs.quotedPrintable(Array(MailMessage.quotedPrintable(text).utf8))
    require(qp == Array(normalized.replacingOccurrences(of: "\n", with: "\r\n").utf8), "quoted-printable round trip of \(text.debugDescription)")
    let b64 = MIMECodecs.base64(Array(Data(bytes).base64EncodedString(options: .lineLength76Characters).utf8))
    require(b64 == bytes, "base64 round trip")
    let words = MailMessage.encodedWord(text).joined(separator: " ")
    require(MIMECodecs.decodeHeader(words) == text, "RFC 2047 round trip of \(text.debugDescription): \(MIMECodecs.decodeHeader(words).debugDescription)")
}
