import Foundation

/// The decoders a received mail needs (RFC 2045-2047): quoted-printable,
/// base64, the common charsets, and encoded-words in headers. Every decoder is
/// total: bad input decodes to something (bad bytes kept or replaced), never a
/// trap, because a mail is hostile input and the fuzz target feeds these.
public enum MIMECodecs {
    /// RFC 2045 §6.7 quoted-printable: `=XX` is a byte, `=` at line end a soft
    /// break; a malformed `=` is kept as it is (the "robust" reading of §6.7 note 1).
    public static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            guard b == UInt8(ascii: "=") else {
                out.append(b)
                i += 1
                continue
            }
            // A soft line break: `=`, optional transport padding, then CRLF or LF.
            var j = i + 1
            while j < n && (bytes[j] == 0x20 || bytes[j] == 0x09) { j += 1 }
            if j < n && bytes[j] == 0x0D && j + 1 < n && bytes[j + 1] == 0x0A { i = j + 2; continue }
            if j < n && bytes[j] == 0x0A { i = j + 1; continue }
            if j == n { i = n; continue }
            if i + 2 < n, let h = hexValue(bytes[i + 1]), let l = hexValue(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(b)
                i += 1
            }
        }
        return out
    }

    static func hexValue(_ c: UInt8) -> UInt8? {
        switch c {
        case 0x30...0x39: c - 0x30
        case 0x41...0x46: c - 0x41 + 10
        case 0x61...0x66: c - 0x61 + 10
        default: nil
        }
    }

    /// RFC 2045 §6.8 base64, ignoring characters outside the alphabet (line
    /// breaks, stray spaces) and stopping at padding; a dangling sextet is dropped.
    public static func base64(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 3 / 4)
        var acc: UInt32 = 0
        var bits = 0
        for c in bytes {
            let v: UInt32
            switch c {
            case 0x41...0x5A: v = UInt32(c - 0x41)
            case 0x61...0x7A: v = UInt32(c - 0x61 + 26)
            case 0x30...0x39: v = UInt32(c - 0x30 + 52)
            case UInt8(ascii: "+"), UInt8(ascii: "-"): v = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): v = 63
            case UInt8(ascii: "="): return out
            default: continue
            }
            acc = (acc << 6 | v) & 0xFFFFFF
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: acc >> UInt32(bits)))
            }
        }
        return out
    }

    /// Bytes in a charset as text. UTF-8 (and US-ASCII, which it contains),
    /// ISO-8859-1 and -15, and Windows-1252 are decoded exactly; any other or
    /// unknown label is read as UTF-8 when the bytes are valid UTF-8, else as
    /// Windows-1252, which is what mislabelled Dutch mail nearly always is.
    public static func text(_ bytes: [UInt8], charset: String?) -> String {
        let label = (charset ?? "utf-8").lowercased().trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        switch label {
        case "utf-8", "utf8", "us-ascii", "ascii", "":
            return String(decoding: bytes, as: UTF8.self)
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "iso_8859-1":
            return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
        case "iso-8859-15", "iso8859-15", "latin-9", "latin9":
            return String(String.UnicodeScalarView(bytes.map { latin9($0) }))
        case "windows-1252", "cp1252", "x-cp1252":
            return windows1252(bytes)
        default:
            if let s = String(validating: bytes, as: UTF8.self) { return s }
            return windows1252(bytes)
        }
    }

    /// 0x80-0x9F of Windows-1252 (the five unassigned ones pass through as C1 controls).
    static let cp1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { b in
            (0x80...0x9F).contains(b) ? Unicode.Scalar(cp1252High[Int(b) - 0x80])! : Unicode.Scalar(b)
        }))
    }

    static func latin9(_ b: UInt8) -> Unicode.Scalar {
        let changed: [UInt8: UInt32] = [0xA4: 0x20AC, 0xA6: 0x0160, 0xA8: 0x0161, 0xB4: 0x017D, 0xB8: 0x017E, 0xBC: 0x0152, 0xBD: 0x0153, 0xBE: 0x0178]
        return changed[b].flatMap(Unicode.Scalar.init) ?? Unicode.Scalar(b)
    }

    /// A header value with its RFC 2047 encoded-words decoded. Whitespace
    /// between two adjacent encoded-words is dropped (§6.2); a malformed word
    /// stays as written.
    public static func decodeHeader(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var out = ""
        var pendingSpace = ""
        var lastWasEncoded = false
        var rest = Substring(value)
        while !rest.isEmpty {
            // Whitespace runs are held until we know whether two encoded-words meet.
            if let ws = rest.first, ws == " " || ws == "\t" {
                let run = rest.prefix { $0 == " " || $0 == "\t" }
                pendingSpace += run
                rest = rest.dropFirst(run.count)
                continue
            }
            if rest.hasPrefix("=?"), let (decoded, used) = encodedWord(rest) {
                if !lastWasEncoded { out += pendingSpace }
                pendingSpace = ""
                out += decoded
                rest = rest.dropFirst(used)
                lastWasEncoded = true
                continue
            }
            out += pendingSpace
            pendingSpace = ""
            let word = rest.prefix { $0 != " " && $0 != "\t" }
            // An encoded-word may also start inside a run of text (`"=?...?="` in a display name).
            if let at = word.range(of: "=?"), at.lowerBound != word.startIndex {
                out += rest[rest.startIndex..<at.lowerBound]
                rest = rest[at.lowerBound...]
                lastWasEncoded = false
                continue
            }
            out += word.isEmpty ? String(rest.prefix(1)) : String(word)
            rest = rest.dropFirst(max(word.count, 1))
            lastWasEncoded = false
        }
        return out + pendingSpace
    }

    /// `=?charset?B|Q?text?=` at the start of `s`: the text and how many characters it took.
    static func encodedWord(_ s: Substring) -> (String, Int)? {
        let parts = s.dropFirst(2).split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, parts[1].count == 1 else { return nil }
        guard let end = parts[2].range(of: "?=") else { return nil }
        let payload = parts[2][parts[2].startIndex..<end.lowerBound]
        guard !payload.contains(" "), payload.count <= 4096 else { return nil }
        // RFC 2231 §5: a language after `*` in the charset is ignored.
        let charset = String(parts[0].split(separator: "*").first ?? "")
        let bytes: [UInt8]
        switch parts[1].uppercased() {
        case "B": bytes = base64(Array(payload.utf8))
        case "Q": bytes = quotedPrintable(Array(payload.utf8).map { $0 == UInt8(ascii: "_") ? 0x20 : $0 })
        default: return nil
        }
        let used = 2 + parts[0].count + 1 + 1 + 1 + payload.count + 2
        return (text(bytes, charset: charset), used)
    }
}
