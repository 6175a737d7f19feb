import Foundation

/// A received mail, parsed (RFC 5322 and MIME, RFC 2045-2047): its headers
/// unfolded and decoded, and its text parts decoded from their transfer
/// encoding and charset. Built for what `wt mail ingest` needs from a reply:
/// who sent it, to which address, its Message-ID, and the text the sender wrote.
///
/// The parser is bounded (nesting depth, number of parts, header size), so a
/// hostile message costs at most a linear pass over its bytes.
public struct MIMEMessage: Sendable {
    public struct Header: Sendable, Equatable {
        public var name: String
        /// Unfolded, not yet RFC 2047-decoded (addresses and ids are parsed from this).
        public var raw: String
        public var value: String { MIMECodecs.decodeHeader(raw) }
    }

    /// A leaf of the MIME tree: a text part (decoded to a String) or an attachment.
    public struct Part: Sendable {
        public var type: String
        public var text: String?
        public var isAttachment: Bool
    }

    public struct Invalid: Error, Equatable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    public var headers: [Header]
    public var parts: [Part]

    static let maxDepth = 8
    static let maxParts = 200
    static let maxHeaderBytes = 256 * 1024

    /// Headers (in order) with this name, case-insensitive.
    public func all(_ name: String) -> [Header] { headers.filter { $0.name.caseInsensitiveCompare(name) == .orderedSame } }
    public func first(_ name: String) -> Header? { headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame } }

    public var subject: String { first("Subject")?.value ?? "" }
    public var messageID: String? {
        guard let raw = first("Message-ID")?.raw else { return nil }
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty, t.count <= 998 else { return nil }
        return t
    }
    /// The first mailbox of `From`.
    public var from: MailAddress? { first("From").flatMap { MIMEAddress.parseList($0.raw).first } }

    /// Every mailbox of these headers, in order.
    public func addresses(_ names: [String]) -> [MailAddress] {
        names.flatMap { n in all(n).flatMap { MIMEAddress.parseList($0.raw) } }
    }

    /// The body as the sender wrote it: the first text/plain part that is not an
    /// attachment, else the first text/html one made plain.
    public var bodyText: String {
        let inline = parts.filter { !$0.isAttachment && $0.text != nil }
        if let plain = inline.first(where: { $0.type == "text/plain" }) { return plain.text! }
        if let html = inline.first(where: { $0.type == "text/html" }) { return MIMEHTML.plainText(html.text!) }
        return ""
    }

    // MARK: Parsing

    /// Parses a whole message. Refuses what is not a mail at all: no header
    /// section, a header line without a name, no `From`.
    public static func parse(_ bytes: [UInt8]) throws -> MIMEMessage {
        let (headers, body) = try splitEntity(bytes[...], top: true)
        guard headers.contains(where: { $0.name.caseInsensitiveCompare("From") == .orderedSame }) else {
            throw Invalid(reason: "the message has no From header")
        }
        var parts: [Part] = []
        try collect(headers: headers, body: body, depth: 0, into: &parts)
        return MIMEMessage(headers: headers, parts: parts)
    }

    /// Header lines up to the first empty line, and the body after it.
    static func splitEntity(_ bytes: ArraySlice<UInt8>, top: Bool) throws -> ([Header], ArraySlice<UInt8>) {
        var headers: [Header] = []
        var i = bytes.startIndex
        let end = bytes.endIndex
        // An mbox "From " line before the headers is not a header.
        if top, bytes.starts(with: Array("From ".utf8)) { i = lineEnd(bytes, i).next }
        var current: (name: String, value: [UInt8])?
        func finish() {
            if let c = current { headers.append(Header(name: c.name, raw: headerText(c.value))) }
            current = nil
        }
        while i < end {
            let (lineStop, next) = lineEnd(bytes, i)
            let line = bytes[i..<lineStop]
            if line.isEmpty { finish(); return (headers, bytes[next...]) }
            if i - bytes.startIndex > maxHeaderBytes { throw Invalid(reason: "the header section is larger than \(maxHeaderBytes / 1024) KiB") }
            if line.first == 0x20 || line.first == 0x09 {
                // Folding (RFC 5322 §2.2.3): the line break goes, the whitespace stays.
                guard current != nil else {
                    if top && headers.isEmpty { throw Invalid(reason: "the message starts with a continuation line, not a header") }
                    i = next
                    continue
                }
                current!.value += line
            } else if let colon = line.firstIndex(of: UInt8(ascii: ":")) {
                let name = line[line.startIndex..<colon]
                let printable = !name.isEmpty && name.allSatisfy { (0x21...0x7E).contains($0) }
                guard printable else {
                    if top && headers.isEmpty { throw Invalid(reason: "the first line is not a header (Name: value)") }
                    // Later junk lines in a header section are skipped, as MUAs do.
                    i = next
                    continue
                }
                finish()
                current = (String(decoding: name, as: UTF8.self), Array(line[line.index(after: colon)...]))
            } else {
                if top && headers.isEmpty { throw Invalid(reason: "the first line is not a header (Name: value)") }
                if !top { finish(); return (headers, bytes[i...]) }
            }
            i = next
        }
        finish()
        if top && headers.isEmpty { throw Invalid(reason: "the message is empty") }
        return (headers, bytes[end...])
    }

    /// Where the line starting at `i` ends (before CR LF or LF) and where the next begins.
    static func lineEnd(_ bytes: ArraySlice<UInt8>, _ i: Int) -> (stop: Int, next: Int) {
        var j = i
        while j < bytes.endIndex && bytes[j] != 0x0A { j += 1 }
        let next = j < bytes.endIndex ? j + 1 : j
        let stop = j > i && bytes[j - 1] == 0x0D ? j - 1 : j
        return (stop, next)
    }

    /// Header bytes as text: UTF-8 where valid (RFC 6532), else Windows-1252; trimmed.
    static func headerText(_ bytes: [UInt8]) -> String {
        let s = String(validating: bytes, as: UTF8.self) ?? MIMECodecs.windows1252(bytes)
        return s.trimmingCharacters(in: .whitespaces)
    }

    static func collect(headers: [Header], body: ArraySlice<UInt8>, depth: Int, into parts: inout [Part]) throws {
        guard depth <= maxDepth else { throw Invalid(reason: "MIME parts nest deeper than \(maxDepth) levels") }
        guard parts.count < maxParts else { throw Invalid(reason: "the message has more than \(maxParts) MIME parts") }
        let ct = ContentType(headers.first { $0.name.caseInsensitiveCompare("Content-Type") == .orderedSame }?.raw)
        let disposition = headers.first { $0.name.caseInsensitiveCompare("Content-Disposition") == .orderedSame }?.raw
            .split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        if ct.type.hasPrefix("multipart/"), let boundary = ct.parameters["boundary"], !boundary.isEmpty {
            for sub in multipartBodies(body, boundary: boundary) {
                let (h, b) = try splitEntity(sub, top: false)
                try collect(headers: h, body: b, depth: depth + 1, into: &parts)
                guard parts.count < maxParts else { throw Invalid(reason: "the message has more than \(maxParts) MIME parts") }
            }
            return
        }
        let attachment = disposition == "attachment" || ct.type == "message/rfc822"
        let cte = headers.first { $0.name.caseInsensitiveCompare("Content-Transfer-Encoding") == .orderedSame }?.raw
            .trimmingCharacters(in: .whitespaces).lowercased() ?? "7bit"
        guard ct.type.hasPrefix("text/") else {
            parts.append(Part(type: ct.type, text: nil, isAttachment: true))
            return
        }
        let decoded: [UInt8]
        switch cte {
        case "quoted-printable": decoded = MIMECodecs.quotedPrintable(Array(body))
        case "base64": decoded = MIMECodecs.base64(Array(body))
        default: decoded = Array(body)
        }
        let text = MIMECodecs.text(decoded, charset: ct.parameters["charset"])
        parts.append(Part(type: ct.type, text: text.replacingOccurrences(of: "\r\n", with: "\n"), isAttachment: attachment))
    }

    /// The bodies between `--boundary` lines, up to `--boundary--` (RFC 2046 §5.1.1).
    /// The line break before a delimiter belongs to the delimiter.
    static func multipartBodies(_ body: ArraySlice<UInt8>, boundary: String) -> [ArraySlice<UInt8>] {
        let delimiter = Array(("--" + boundary).utf8)
        var out: [ArraySlice<UInt8>] = []
        var start: Int?
        var i = body.startIndex
        while i < body.endIndex {
            let (stop, next) = lineEnd(body, i)
            let line = body[i..<stop]
            if line.starts(with: delimiter) {
                let rest = line.dropFirst(delimiter.count)
                let closing = rest.starts(with: [UInt8(ascii: "-"), UInt8(ascii: "-")])
                if closing || rest.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                    if let s = start {
                        // Drop the line break that precedes the delimiter.
                        var e = i
                        if e > s && body[e - 1] == 0x0A { e -= 1 }
                        if e > s && body[e - 1] == 0x0D { e -= 1 }
                        out.append(body[s..<e])
                    }
                    if closing { return out }
                    start = next
                    if out.count >= maxParts { return out }
                }
            }
            i = next
        }
        // A missing closing delimiter: the last part runs to the end.
        if let s = start, s < body.endIndex { out.append(body[s...]) }
        return out
    }
}

/// `type/subtype; name=value; name="quoted value"` (RFC 2045 §5.1). A missing
/// or unreadable header is `text/plain; charset=us-ascii` (§5.2).
struct ContentType {
    var type: String
    var parameters: [String: String]

    init(_ raw: String?) {
        guard let raw, !raw.isEmpty else {
            type = "text/plain"
            parameters = ["charset": "us-ascii"]
            return
        }
        let pieces = MIMEAddress.split(MIMEAddress.stripComments(raw), on: ";")
        let t = (pieces.first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        type = t.contains("/") ? t : "text/plain"
        var params: [String: String] = [:]
        for p in pieces.dropFirst() {
            guard let eq = p.firstIndex(of: "=") else { continue }
            var name = p[p.startIndex..<eq].trimmingCharacters(in: .whitespaces).lowercased()
            var value = p[p.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = MIMEAddress.unquote(String(value.dropFirst().dropLast()))
            }
            // RFC 2231: `charset*=utf-8''...` – keep the charset part for charset, the value otherwise.
            if name.hasSuffix("*") {
                name = String(name.dropLast())
                if let q = value.range(of: "''") { value = name == "charset" ? String(value[..<q.lowerBound]) : String(value[q.upperBound...]) }
            }
            if params[name] == nil { params[name] = value }
        }
        parameters = params
    }
}
