import Foundation

/// What `wt mail ingest` reads from a reply besides its headers: the token it
/// answers and, for a rejection, the reason the sender wrote: the reply's own
/// text, without the quoted digest or the signature.
public enum MailIngestText {
    /// The distinct tokens in plus addresses of `local@domain` (the reply
    /// address) among these addresses, lower-cased, in order of appearance.
    public static func tokens(in addresses: [String], replyAddress: String) -> [String] {
        let parts = replyAddress.lowercased().split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [] }
        var out: [String] = []
        for a in addresses {
            let lower = a.lowercased()
            guard let at = lower.lastIndex(of: "@"), lower[lower.index(after: at)...] == parts[1] else { continue }
            let local = lower[..<at]
            guard local.hasPrefix(parts[0] + "+") else { continue }
            let token = String(local.dropFirst(parts[0].count + 1))
            if ApprovalTokens.isToken(token) && !out.contains(token) { out.append(token) }
        }
        return out
    }

    /// Tokens of `mailto:` links to the reply address in a text (a quoted
    /// digest). Quoting may have broken a long line: `>` and line breaks inside
    /// the address are skipped while reading it.
    public static func mailtoTokens(in text: String, replyAddress: String) -> [String] {
        let parts = replyAddress.lowercased().split(separator: "@", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return [] }
        let needle = Array(("mailto:" + parts[0] + "+").utf8)
        let bytes = Array(text.lowercased().utf8)
        var out: [String] = []
        var i = 0
        while i + needle.count <= bytes.count, out.count < 100 {
            guard bytes[i..<(i + needle.count)].elementsEqual(needle) else { i += 1; continue }
            var j = i + needle.count
            var token: [UInt8] = []
            while j < bytes.count, token.count <= ApprovalTokens.tokenLength {
                let b = bytes[j]
                if (0x61...0x7A).contains(b) || (0x32...0x37).contains(b) { token.append(b) } else if b != 0x0A && b != 0x0D && b != UInt8(ascii: ">") && b != 0x20 { break }
                j += 1
            }
            let t = String(decoding: token, as: UTF8.self)
            if ApprovalTokens.isToken(t) && !out.contains(t) { out.append(t) }
            i = max(j, i + 1)
        }
        return out
    }

    /// The reply's own words: everything above the first quote header
    /// (Outlook's "-----Original Message-----" or "Van:/From:" block, Gmail's and
    /// Apple Mail's "Op ... schreef ...:" / "On ... wrote:"), without `>` lines,
    /// the signature (from a "-- " line, or a "Sent from my ..." line at the end),
    /// and the prompt line the reject link puts in the body. Trimmed; empty when
    /// the sender wrote nothing of their own.
    public static func reason(_ body: String) -> String {
        let lines = body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var own: [String] = []
        var i = 0
        scan: while i < lines.count {
            let line = lines[i]
            let t = line.trimmingCharacters(in: .whitespaces)
            if isSeparator(t) || isAttribution(lines, i) || isHeaderBlock(lines, i) { break scan }
            if line == "-- " || t == "--" || t == "—" { break scan }
            if t.hasPrefix(">") { i += 1; continue }
            own.append(line)
            i += 1
        }
        // A mobile signature at the very end ("Verzonden vanaf mijn iPhone").
        while let last = own.last?.trimmingCharacters(in: .whitespaces), last.isEmpty || isDeviceSignature(last) { own.removeLast() }
        own.removeAll { $0.trimmingCharacters(in: .whitespaces) == reasonPromptTrimmed }
        let trimmed = own.map { String($0.reversed().drop { $0 == " " || $0 == "\t" }.reversed()) }
        return trimmed.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static let reasonPromptTrimmed = ApprovalLinks.reasonPrompt.trimmingCharacters(in: .whitespaces)

    /// Lines that begin a quoted or forwarded message in Outlook, Thunderbird and Gmail.
    static func isSeparator(_ t: String) -> Bool {
        let l = t.lowercased()
        guard l.hasPrefix("---") || l.hasPrefix("___") || l.hasPrefix("-----") else { return false }
        let words = ["original message", "oorspronkelijk bericht", "origineel bericht", "forwarded message", "doorgestuurd bericht", "message d'origine", "ursprüngliche nachricht"]
        return words.contains { l.contains($0) } || (l.allSatisfy { $0 == "_" } && l.count >= 20)
    }

    /// "On Mon, 30 Nov 2026 at 10:15, WerkTalent <x@y> wrote:", "Op ma 30 nov 2026
    /// om 10:15 schreef WerkTalent <x@y>:", Apple's "Op 30 nov. 2026, om 10:15 heeft
    /// X het volgende geschreven:", also when the client wrapped it over two or three lines.
    static func isAttribution(_ lines: [String], _ i: Int) -> Bool {
        let first = lines[i].trimmingCharacters(in: .whitespaces)
        let l = first.lowercased()
        guard l.hasPrefix("on ") || l.hasPrefix("op ") || l.hasPrefix("am ") || l.hasPrefix("le ") else { return false }
        var joined = l
        for k in 0..<3 {
            if k > 0 {
                guard i + k < lines.count else { break }
                let next = lines[i + k].trimmingCharacters(in: .whitespaces).lowercased()
                if next.isEmpty { break }
                joined += " " + next
            }
            guard joined.hasSuffix(":") else { continue }
            let ends = ["wrote:", "schreef:", "geschreven:", "schrieb:", "a écrit :", "a écrit:"]
            if ends.contains(where: { joined.hasSuffix($0) }) || (joined.contains(" schreef ") || joined.contains(" wrote ")) { return true }
        }
        return false
    }

    /// Outlook's quoted header block: a `From:`/`Van:` line followed within a few
    /// lines by `Sent:`/`Verzonden:`/`Date:`/`Datum:`, `To:`/`Aan:` or `Subject:`/`Onderwerp:`.
    static func isHeaderBlock(_ lines: [String], _ i: Int) -> Bool {
        func starts(_ s: String, _ names: [String]) -> Bool {
            let t = s.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "*", with: "")
            return names.contains { t.hasPrefix($0) }
        }
        guard starts(lines[i], ["from:", "van:", "de:", "von:"]) else { return false }
        let next = lines[(i + 1)..<min(lines.count, i + 5)]
        return next.contains { starts($0, ["sent:", "verzonden:", "date:", "datum:", "to:", "aan:", "subject:", "onderwerp:", "envoyé :", "gesendet:"]) }
    }

    static func isDeviceSignature(_ t: String) -> Bool {
        let l = t.lowercased()
        return ["sent from my ", "verzonden vanaf mijn ", "verzonden met ", "verstuurd vanaf mijn ", "verzonden vanuit ", "get outlook for ", "download outlook voor "]
            .contains { l.hasPrefix($0) }
    }
}
