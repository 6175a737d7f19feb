import Foundation

/// One mailbox: an optional display name and an addr-spec (`local@domain`).
public struct MailAddress: Sendable, Equatable {
    public var name: String?
    public var address: String

    /// Takes the values as given. Rendering drops characters that cannot appear in an
    /// addr-spec, so a bad address can never inject a header; use `init(validating:name:)`
    /// to reject such input up front instead.
    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// Accepts only a plain ASCII `local@domain` without spaces or specials.
    public init(validating address: String, name: String? = nil) throws {
        let trimmed = address.trimmingSpaces()
        let parts = trimmed.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = Set("()<>[]\\,;:\"")
        let charsOK = trimmed.unicodeScalars.allSatisfy { (0x21...0x7E).contains($0.value) }
            && !trimmed.contains(where: { forbidden.contains($0) })
        guard charsOK, parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
              !parts[1].hasPrefix("."), !parts[1].hasSuffix("."), !parts[1].contains("..")
        else {
            throw WTError.invalid("not a usable e-mail address: \(address)",
                                  hint: "write it as name@domain, ASCII only, without spaces")
        }
        self.init(name: name, address: trimmed)
    }
}

/// A plain-text e-mail, rendered as an RFC 5322 message with a quoted-printable UTF-8 body.
public struct MailMessage: Sendable, Equatable {
    public var from: MailAddress
    public var to: [MailAddress]
    public var replyTo: MailAddress?
    public var subject: String
    public var body: String
    public var date: Date
    /// With or without the angle brackets; rendering adds them when missing.
    public var messageID: String
    /// The Message-ID of the mail this one answers: set, the message gets
    /// `In-Reply-To`, `References` and `Auto-Submitted: auto-replied` (RFC 3834),
    /// so the answer threads with the question and auto-responders leave it alone.
    public var inReplyTo: String?

    public init(from: MailAddress, to: [MailAddress], replyTo: MailAddress? = nil,
                subject: String, body: String, date: Date, messageID: String, inReplyTo: String? = nil) {
        self.inReplyTo = inReplyTo
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.body = body
        self.date = date
        self.messageID = messageID
    }

    /// Longest header line we produce where folding allows it (RFC 5322 §2.1.1 "SHOULD").
    static let lineLimit = 78
    /// Longest encoded-word (RFC 2047 §2).
    static let encodedWordLimit = 75

    /// The whole message: CRLF line endings, ASCII only, ending in CRLF.
    public func rfc5322() -> String {
        var headers: [String] = []
        headers.append("Date: " + Self.rfc5322Date(date))
        headers.append(Self.fold("From", Self.mailboxSegments([from], prefix: "From")))
        headers.append(Self.fold("To", to.isEmpty
                                 ? ["undisclosed-recipients:;"]
                                 : Self.mailboxSegments(to, prefix: "To")))
        if let replyTo {
            headers.append(Self.fold("Reply-To", Self.mailboxSegments([replyTo], prefix: "Reply-To")))
        }
        headers.append(Self.fold("Subject", Self.unstructuredSegments(subject, prefix: "Subject")))
        headers.append("Message-ID: " + Self.bracketedID(messageID))
        if let inReplyTo {
            let id = Self.bracketedID(String(inReplyTo.prefix(250)))
            headers.append("In-Reply-To: " + id)
            headers.append("References: " + id)
            headers.append("Auto-Submitted: auto-replied")
        }
        headers.append("MIME-Version: 1.0")
        headers.append("Content-Type: text/plain; charset=UTF-8")
        headers.append("Content-Transfer-Encoding: quoted-printable")
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + Self.quotedPrintable(body)
    }

    /// `<hex@domain>` from caller-supplied random bytes (at least 8), so the caller
    /// decides where randomness comes from and tests stay deterministic.
    public static func makeMessageID(random: [UInt8], domain: String) throws -> String {
        guard random.count >= 8 else {
            throw WTError.invalid("a Message-ID needs at least 8 random bytes, got \(random.count)")
        }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-")
        guard !domain.isEmpty, domain.allSatisfy({ allowed.contains($0) }),
              !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.contains("..")
        else {
            throw WTError.invalid("not a usable Message-ID domain: \(domain)",
                                  hint: "use a host name such as werktalent.nl")
        }
        let hex = random.map { byte -> String in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
        }.joined()
        return "<\(hex)@\(domain)>"
    }

    // MARK: - Date

    /// RFC 5322 date in Europe/Amsterdam, e.g. `Mon, 30 Nov 2026 10:15:00 +0100`.
    /// Computed by hand from the EU summer-time rule (in force since 1996: +0200 from the
    /// last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC), so the
    /// result never depends on the host's tz database or locale.
    static func rfc5322Date(_ date: Date) -> String {
        let utc = Int(floor(date.timeIntervalSince1970))
        let offset = amsterdamOffset(utc)
        let local = utc + offset
        let days = floorDiv(local, 86_400)
        let secondOfDay = local - days * 86_400
        let (y, m, d) = civil(fromDays: days)
        let weekday = ((days % 7) + 7 + 4) % 7 // 1970-01-01 was a Thursday (index 4, Sunday = 0)
        let dayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun",
                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let sign = offset >= 0 ? "+" : "-"
        let offMinutes = abs(offset) / 60
        return "\(dayNames[weekday]), \(pad(d, 2)) \(monthNames[m - 1]) \(pad(y, 4)) "
            + "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay % 3600 / 60, 2)):\(pad(secondOfDay % 60, 2)) "
            + "\(sign)\(pad(offMinutes / 60, 2))\(pad(offMinutes % 60, 2))"
    }

    /// Seconds east of UTC in Europe/Amsterdam at the given Unix time.
    static func amsterdamOffset(_ utc: Int) -> Int {
        let (year, _, _) = civil(fromDays: floorDiv(utc, 86_400))
        let start = lastSunday(year: year, month: 3) * 86_400 + 3600
        let end = lastSunday(year: year, month: 10) * 86_400 + 3600
        return (utc >= start && utc < end) ? 7200 : 3600
    }

    private static func lastSunday(year: Int, month: Int) -> Int {
        let lastDay = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        let days = days(fromCivil: year, month, lastDay)
        let weekday = ((days % 7) + 7 + 4) % 7
        return days - weekday
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    private static func days(fromCivil y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = floorDiv(y, 400)
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private static func civil(fromDays z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = floorDiv(z, 146_097)
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    private static func pad(_ n: Int, _ width: Int) -> String {
        let s = String(n)
        return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }

    // MARK: - Headers

    /// Joins segments with single spaces, breaking the line before a segment that would
    /// push it past `lineLimit`. Each break is CRLF + space, so unfolding restores the text.
    static func fold(_ name: String, _ segments: [String]) -> String {
        var lines: [String] = []
        var current = name + ":"
        var placed = false
        for segment in segments {
            if placed && current.utf8.count + 1 + segment.utf8.count > lineLimit {
                lines.append(current)
                current = " " + segment
            } else {
                current += " " + segment
            }
            placed = true
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }

    /// Room for the first word after `Name: `.
    private static func firstRoom(_ prefix: String) -> Int {
        min(encodedWordLimit, lineLimit - prefix.utf8.count - 2)
    }

    /// Control characters become spaces and runs of whitespace collapse, so no header
    /// value can carry a line break.
    private static func singleLine(_ s: String) -> String {
        let spaced = String(String.UnicodeScalarView(s.unicodeScalars.map {
            ($0.value < 0x20 || $0.value == 0x7F || $0.properties.isWhitespace) ? " " : $0
        }))
        return spaced.split(separator: " ").joined(separator: " ")
    }

    /// Subject words as they are when the text is plain, foldable ASCII; otherwise
    /// RFC 2047 encoded-words.
    static func unstructuredSegments(_ text: String, prefix: String) -> [String] {
        let clean = singleLine(text)
        let words = clean.split(separator: " ").map(String.init)
        let plain = clean.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
            && !clean.contains("=?")
            && words.allSatisfy { $0.utf8.count <= 60 }
        if plain { return words.isEmpty ? [""] : words }
        return encodedWord(clean, firstRoom: firstRoom(prefix))
    }

    /// Mailboxes separated by commas; the comma sticks to the end of the previous mailbox.
    static func mailboxSegments(_ boxes: [MailAddress], prefix: String) -> [String] {
        var segments: [String] = []
        for (index, box) in boxes.enumerated() {
            var part: [String] = []
            let addr = String(String.UnicodeScalarView(box.address.unicodeScalars.filter {
                (0x21...0x7E).contains($0.value) && $0 != "<" && $0 != ">"
            }))
            let name = singleLine(box.name ?? "")
            if name.isEmpty {
                part = [addr]
            } else {
                part = displayName(name, firstRoom: index == 0 ? firstRoom(prefix) : encodedWordLimit)
                part.append("<\(addr)>")
            }
            if index < boxes.count - 1 { part[part.count - 1] += "," }
            segments += part
        }
        return segments
    }

    /// A display-name phrase: atoms as they are, a quoted-string when the name holds
    /// specials, encoded-words for non-ASCII or names too long to fold safely.
    static func displayName(_ name: String, firstRoom: Int) -> [String] {
        let ascii = name.unicodeScalars.allSatisfy { (0x20...0x7E).contains($0.value) }
        if ascii && !name.contains("=?") {
            let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~")
            let words = name.split(separator: " ").map(String.init)
            if words.allSatisfy({ $0.allSatisfy { atext.contains($0) } && $0.utf8.count <= 60 }) {
                return words
            }
            var quoted = "\""
            for ch in name {
                if ch == "\"" || ch == "\\" { quoted.append("\\") }
                quoted.append(ch)
            }
            quoted.append("\"")
            if quoted.utf8.count <= 60 { return [quoted] }
        }
        return encodedWord(name, firstRoom: firstRoom)
    }

    /// RFC 2047 B-encoded words (`=?UTF-8?B?...?=`), each at most 75 characters (the first
    /// at most `firstRoom`), split between characters so no UTF-8 sequence is cut.
    /// Adjacent encoded-words decode as one text: the spaces between them are dropped.
    static func encodedWord(_ text: String, firstRoom: Int = encodedWordLimit) -> [String] {
        let overhead = "=?UTF-8?B?".utf8.count + "?=".utf8.count
        func capacity(_ room: Int) -> Int { max(4, (room - overhead) / 4 * 3) }
        var pieces: [[UInt8]] = []
        for ch in text {
            let bytes = Array(String(ch).utf8)
            if bytes.count <= 12 { // fits even the smallest word capacity used below
                pieces.append(bytes)
            } else {
                // A long grapheme cluster may be split between its scalars, never inside one.
                for scalar in ch.unicodeScalars { pieces.append(Array(String(scalar).utf8)) }
            }
        }
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = capacity(firstRoom < overhead + 16 ? encodedWordLimit : firstRoom)
        for piece in pieces {
            if !chunk.isEmpty && chunk.count + piece.count > limit {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
                limit = capacity(encodedWordLimit)
            }
            chunk += piece
        }
        if !chunk.isEmpty || words.isEmpty {
            words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
        }
        return words
    }

    private static func bracketedID(_ id: String) -> String {
        let clean = String(String.UnicodeScalarView(id.unicodeScalars.filter {
            (0x21...0x7E).contains($0.value)
        }))
        return clean.hasPrefix("<") ? clean : "<\(clean)>"
    }

    // MARK: - Body

    /// RFC 2045 quoted-printable of the UTF-8 text with CRLF hard line breaks. Encoded
    /// lines stay within 76 characters using soft breaks (`=` at line end); `=`, non-ASCII
    /// bytes and whitespace at the end of a line become `=XX`. A leading `From ` is written
    /// `=46rom ` and a leading `.` as `=2E` so mbox and naive SMTP relays leave it alone.
    /// The result always ends in CRLF: a text without a final newline ends in a soft break.
    static func quotedPrintable(_ text: String) -> String {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        let hex = Array("0123456789ABCDEF")
        var out: [String] = []
        for line in lines {
            let bytes = Array(line.utf8)
            let fromLine = line.hasPrefix("From ")
            var current = ""
            for (i, byte) in bytes.enumerated() {
                let isLast = i == bytes.count - 1
                let literal: Bool
                switch byte {
                case 0x20, 0x09: literal = !isLast
                case 0x3D: literal = false
                case 0x21...0x7E: literal = !(i == 0 && (fromLine || byte == 0x2E))
                default: literal = false
                }
                let token = literal
                    ? String(UnicodeScalar(byte))
                    : "=" + String([hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]])
                if current.utf8.count + token.utf8.count > 75 {
                    out.append(current + "=")
                    current = ""
                }
                current += token
            }
            out.append(current)
        }
        let encoded = out.joined(separator: "\r\n")
        return normalized.hasSuffix("\n") ? encoded : encoded + "=\r\n"
    }
}
