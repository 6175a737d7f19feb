/// The approve and reject links of a digest mail (SPEC §15): per declaration
///
///     Goedkeuren d-51: mailto:uren+<token>@werktalent.example?subject=Goedkeuren%20d-51
///     Afwijzen d-51: mailto:uren+<token>@werktalent.example?subject=Afwijzen%20d-51&body=...
///
/// A click opens a new mail to the reply address with the token as plus-part;
/// sending it is the approval, `wt mail ingest` reads it.
public enum ApprovalLinks {
    /// What the body of a rejection mail starts with; the reason goes below it.
    /// The ingest removes this line before it reads the reason.
    public static let reasonPrompt = "Reden van afwijzing (schrijf hieronder wat er aangepast moet worden):"

    /// The plus address of a token: `uren+<token>@werktalent.example`.
    public static func address(_ replyAddress: String, token: String) -> String {
        let parts = replyAddress.split(separator: "@", maxSplits: 1)
        return "\(parts[0])+\(token)@\(parts.count > 1 ? parts[1] : "")"
    }

    public static func subject(_ action: ApprovalTokens.Action, _ d: Declaration) -> String {
        "\(action.dutch) \(d.id) (week \(d.week.week) \(d.week.year))"
    }

    /// RFC 6068 `mailto:` with the subject (and for a rejection the body) filled in.
    public static func mailto(_ replyAddress: String, token: String, action: ApprovalTokens.Action, _ d: Declaration) -> String {
        var link = "mailto:\(address(replyAddress, token: token))?subject=\(percentEncoded(subject(action, d)))"
        if action == .reject { link += "&body=\(percentEncoded(reasonPrompt + "\r\n\r\n"))" }
        return link
    }

    /// Everything but RFC 3986's unreserved characters as %XX of its UTF-8.
    static func percentEncoded(_ s: String) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(b)))
            default:
                out += "%" + String([hex[Int(b >> 4)], hex[Int(b & 15)]])
            }
        }
        return out
    }

    /// Issues the tokens and returns, per declaration, its two link lines; empty
    /// when `mail.replyAddress` is not set.
    static func issue(for user: User, _ waiting: [Declaration], config: Config, in tx: Transaction, random: any RandomSource) throws -> [String: String] {
        guard let reply = config[.mailReplyAddress] else { return [:] }
        let tokens = try ApprovalTokens.issue(for: user, waiting, in: tx, random: random)
        var out: [String: String] = [:]
        for d in waiting {
            guard let t = tokens[d.id] else { continue }
            out[d.id] = ApprovalTokens.Action.allCases.map { a in
                "\(a.dutch) \(d.id): \(mailto(reply, token: t[a]!, action: a, d))"
            }.joined(separator: "\n")
        }
        return out
    }

    public static func footer(_ config: Config) -> String {
        let days = config[.mailApprovalValidDays]
        return """
            U kunt ook vanuit deze mail goedkeuren of afwijzen: klik op een link hierboven en verstuur de mail die opent. \
            Bij afwijzen schrijft u de reden in die mail. Elke link werkt één keer en verloopt na \(days) \(days == 1 ? "dag" : "dagen"). \
            De links zijn persoonlijk: wie deze mail doorstuurt, geeft ze door, maar alleen een antwoord vanaf uw eigen adres wordt verwerkt.

            """
    }
}
