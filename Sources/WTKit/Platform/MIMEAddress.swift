import Foundation

/// Address lists of received mail (RFC 5322 §3.4): `Name <a@b>`, bare
/// `a@b`, `"Last, First" <a@b>`, `a@b (comment)`, groups `team: a@b, c@d;`.
/// Only the addr-spec matters to `wt`; display names are decoded for replies.
public enum MIMEAddress {
    /// Every mailbox in a header value. Unparseable pieces are skipped.
    public static func parseList(_ raw: String) -> [MailAddress] {
        var out: [MailAddress] = []
        for piece in split(raw, on: ",") {
            var p = piece.trimmingCharacters(in: .whitespaces)
            // A group's name ends in an unquoted ':' before the first mailbox; its end in ';'.
            if let colon = unquotedIndex(of: ":", in: p), !p[..<colon].contains("<") { p = String(p[p.index(after: colon)...]) }
            p = p.trimmingCharacters(in: CharacterSet(charactersIn: " \t;"))
            if let box = mailbox(p) { out.append(box) }
            if out.count >= 100 { break }
        }
        return out
    }

    static func mailbox(_ s: String) -> MailAddress? {
        if let lt = unquotedIndex(of: "<", in: s), let gt = s[lt...].firstIndex(of: ">") {
            var addr = String(s[s.index(after: lt)..<gt]).trimmingCharacters(in: .whitespaces)
            // An obsolete route (`<@relay:a@b>`) goes.
            if addr.hasPrefix("@"), let c = addr.firstIndex(of: ":") { addr = String(addr[addr.index(after: c)...]) }
            var name = stripComments(String(s[..<lt])).trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = unquote(String(name.dropFirst().dropLast())) }
            return addrSpec(addr).map { MailAddress(name: name.isEmpty ? nil : MIMECodecs.decodeHeader(name), address: $0) }
        }
        let bare = stripComments(s).trimmingCharacters(in: .whitespaces)
        return addrSpec(bare).map { MailAddress(name: nil, address: $0) }
    }

    /// `local@domain` without spaces or brackets; a quoted local part is unquoted.
    static func addrSpec(_ s: String) -> String? {
        guard let at = s.lastIndex(of: "@") else { return nil }
        var local = String(s[..<at])
        let domain = String(s[s.index(after: at)...])
        if local.hasPrefix("\""), local.hasSuffix("\""), local.count >= 2 { local = unquote(String(local.dropFirst().dropLast())) }
        guard !local.isEmpty, !domain.isEmpty, local.count <= 256, domain.count <= 255,
            !(local + domain).contains(where: { $0 == " " || $0 == "<" || $0 == ">" || $0 == "\t" || $0 == "," }),
            !domain.contains("@"), !local.contains("@") // `a@b@c` (found by fuzzing) is no addr-spec
        else { return nil }
        return local + "@" + domain
    }

    /// Splits on `separator` outside quoted strings, comments and angle brackets.
    static func split(_ s: String, on separator: Character) -> [String] {
        var out: [String] = []
        var current = ""
        var quoted = false, escaped = false
        var comment = 0, angle = 0
        for ch in s {
            if escaped { current.append(ch); escaped = false; continue }
            switch ch {
            case "\\" where quoted || comment > 0: escaped = true
            case "\"" where comment == 0: quoted.toggle()
            case "(" where !quoted: comment += 1
            case ")" where !quoted && comment > 0: comment -= 1
            case "<" where !quoted && comment == 0: angle += 1
            case ">" where !quoted && comment == 0 && angle > 0: angle -= 1
            case separator where !quoted && comment == 0 && angle == 0:
                out.append(current)
                current = ""
                continue
            default: break
            }
            current.append(ch)
        }
        out.append(current)
        return out
    }

    static func unquotedIndex(of target: Character, in s: String) -> String.Index? {
        var quoted = false, escaped = false
        var comment = 0
        for i in s.indices {
            let ch = s[i]
            if escaped { escaped = false; continue }
            if ch == "\\" && (quoted || comment > 0) { escaped = true; continue }
            if ch == "\"" && comment == 0 { quoted.toggle(); continue }
            if !quoted && ch == "(" { comment += 1; continue }
            if !quoted && ch == ")" && comment > 0 { comment -= 1; continue }
            if !quoted && comment == 0 && ch == target { return i }
        }
        return nil
    }

    /// The text without RFC 5322 comments (nested parentheses), quoted strings kept.
    public static func stripComments(_ s: String) -> String {
        var out = ""
        var quoted = false, escaped = false
        var depth = 0
        for ch in s {
            if escaped {
                if depth == 0 { out.append(ch) }
                escaped = false
                continue
            }
            if ch == "\\" && (quoted || depth > 0) {
                escaped = true
                if depth == 0 { out.append(ch) }
                continue
            }
            if ch == "\"" && depth == 0 { quoted.toggle(); out.append(ch); continue }
            if !quoted && ch == "(" { depth += 1; continue }
            if !quoted && ch == ")" && depth > 0 { depth -= 1; if depth == 0 { out.append(" ") }; continue }
            if depth == 0 { out.append(ch) }
        }
        return out
    }

    static func unquote(_ s: String) -> String {
        var out = ""
        var escaped = false
        for ch in s {
            if escaped { out.append(ch); escaped = false } else if ch == "\\" { escaped = true } else { out.append(ch) }
        }
        return out
    }
}

/// HTML made plain enough to read a reply's own words from it: quoted blocks
/// (`<blockquote>`, Gmail's `gmail_quote`) dropped, tags removed, line
/// breaks kept, the common entities decoded.
public enum MIMEHTML {
    public static func plainText(_ html: String) -> String {
        var s = html
        for cut in ["<blockquote", "<div class=\"gmail_quote", "<div id=\"appendonsend", "<div id=\"divRplyFwdMsg"] {
            if let r = s.range(of: cut, options: .caseInsensitive) { s = String(s[..<r.lowerBound]) }
        }
        var out = ""
        var inTag = false
        var tag = ""
        var skipping: String?
        for ch in s {
            if inTag {
                if ch == ">" {
                    inTag = false
                    let name = tag.lowercased().split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "\t" || $0 == "\n" }).first.map(String.init) ?? ""
                    let closing = tag.hasPrefix("/")
                    let bare = closing ? String(tag.dropFirst()).lowercased().trimmingCharacters(in: .whitespaces) : name
                    if let sk = skipping { if closing && bare == sk { skipping = nil } } else if !closing && (name == "style" || name == "script" || name == "head") {
                        skipping = name
                    } else if ["br", "p", "div", "tr", "li", "h1", "h2", "h3"].contains(closing ? bare : name) {
                        out.append("\n")
                    }
                    tag = ""
                } else {
                    tag.append(ch)
                }
                continue
            }
            if ch == "<" { inTag = true; continue }
            if skipping == nil { out.append(ch) }
        }
        let entities = ["&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&apos;": "'", "&euml;": "ë", "&eacute;": "é", "&amp;": "&"]
        for (e, v) in entities { out = out.replacingOccurrences(of: e, with: v) }
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var collapsed: [String] = []
        for l in lines where !(l.isEmpty && (collapsed.last?.isEmpty ?? true)) { collapsed.append(l) }
        return collapsed.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
