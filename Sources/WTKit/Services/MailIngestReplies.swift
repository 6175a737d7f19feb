/// The answers `wt mail ingest` sends to whoever wrote (SPEC §15), in Dutch
/// like the agency's other mails.
enum MailIngestReplies {
    static func processed(user: User, d: Declaration, reason: String?, config: Config) -> String {
        let what = reason == nil ? "goedgekeurd" : "afgewezen"
        var body = """
            Beste \(user.name),

            Uw bericht is verwerkt: declaratie \(d.id) (week \(d.week.week) \(d.week.year), \(d.workerName ?? d.worker), \(Minutes(d.minutes)) uur) is \(what).

            """
        if let reason {
            body += """

                De medewerker krijgt bericht met deze reden:

                \(reason.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n"))

                """
        }
        return body + "\n" + DeclarationMail.signature(config)
    }

    static func refused(_ r: MailIngest.Result, config: Config) -> String {
        """
        Beste afzender,

        Uw bericht is niet verwerkt: er is niets goedgekeurd of afgewezen.

        Reden: \(dutch(r))

        Gebruik de links Goedkeuren of Afwijzen in de meest recente mail met declaraties, vanaf het adres waarop u die mail ontving. Neem contact met ons op als dit niet lukt.

        \(DeclarationMail.signature(config))
        """
    }

    /// Why not, in the approver's language; the English detail is for the log.
    static func dutch(_ r: MailIngest.Result) -> String {
        let what = r.declaration.map { " van declaratie \($0)" } ?? ""
        switch r.outcome {
        case .unknownToken: return "de link in uw bericht is onbekend."
        case .conflict:
            if r.detail?.contains("already used") == true { return "deze link\(what) is al gebruikt; elke link werkt één keer." }
            if r.detail?.contains("expired") == true { return "deze link\(what) is verlopen." }
            return "de declaratie wacht niet meer op goedkeuring, of is sindsdien opnieuw ingediend."
        case .denied:
            if r.detail?.contains("Authentication-Results") == true || r.detail?.contains("dkim=pass") == true {
                return "de afzender van uw bericht kon niet worden vastgesteld (DKIM/SPF)."
            }
            return "uw bericht komt niet van de goedkeurder aan wie de link is gestuurd, of die mag niet (meer) goedkeuren."
        case .invalid:
            if r.detail?.contains("reason") == true { return "bij afwijzen is een reden nodig; uw bericht bevat geen eigen tekst." }
            return "uw bericht kon niet worden gelezen, of bevat meer dan één link."
        case .processed, .duplicate: return "geen."
        }
    }

    /// Whether an answer may go to this message's sender: never to automatic
    /// mail (RFC 3834 `Auto-Submitted`, `Precedence: bulk`, mailing lists,
    /// bounces) and never to our own addresses, so two robots cannot loop.
    static func mayAnswer(_ m: MIMEMessage, config: Config) -> Bool {
        if let auto = m.first("Auto-Submitted")?.raw.lowercased(), !auto.hasPrefix("no") { return false }
        if let p = m.first("Precedence")?.raw.lowercased(), ["bulk", "junk", "list"].contains(where: p.contains) { return false }
        if m.first("List-Id") != nil || m.first("X-Autoreply") != nil { return false }
        guard let from = m.from?.address.lowercased() else { return false }
        let local = String(from.split(separator: "@").first ?? "")
        if ["mailer-daemon", "postmaster", "noreply", "no-reply", "donotreply"].contains(local) { return false }
        let own = [config[.agencyEmail], config[.mailReplyAddress]].compactMap { $0?.lowercased() }
        if own.contains(from) { return false }
        if let reply = config[.mailReplyAddress]?.lowercased(), let base = reply.split(separator: "@").first,
            from.hasPrefix(base + "+") { return false }
        return true
    }
}
