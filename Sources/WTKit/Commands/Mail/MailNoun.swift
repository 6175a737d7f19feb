/// `wt mail`: approvals by reply (SPEC §15).
enum MailCommands {
    static let security = """
        The approve and reject links are bearer tokens: whoever holds the mail can use its links, and nothing else proves who answers. \
        So a link works only when three things hold. Possession: the token is 256 random bits in the plus-part of the address (uren+TOKEN@...), \
        stored only as its SHA-256 in approvals/, so neither guessing nor a stolen store yields a working link. \
        Matching sender: the From address must be the e-mail of the approver the digest went to, and that approver must still be active, \
        hold the approver role and see the declaration's client and department. \
        A From header alone is easy to forge, so on a server that checks DKIM or SPF set mail.requireAuthentication true and mail.authservId to that server's authserv-id: \
        then only the topmost Authentication-Results header of that server counts, it must show dkim=pass (header.d the From domain) or spf=pass (smtp.mailfrom in the From domain), \
        and such headers written by anyone else are ignored; the server must strip incoming headers that claim its authserv-id (RFC 8601 section 5), as opendkim and opendmarc do. \
        Single use and expiry: a link works once, for mail.approvalValidDays days (7), and only while the declaration is still in the submission the digest showed; \
        a declaration rejected and submitted again gets new links in the next digest. \
        A newer digest does not supersede the links of an older one: they are bound to the same approver, declaration and action, so an approver may answer yesterday's mail. \
        Forwarding a digest hands its links to the recipient, but an answer from another address is refused (5) and changes nothing; \
        with mail.requireAuthentication off, a recipient who can forge the approver's From address could use them, which is what the authentication setting closes. \
        A refusal changes nothing in the store, so its answer to the sender is not kept in the outbox: it leaves only through mail.transport sendmail. \
        No answer goes to automatic mail (Auto-Submitted, Precedence bulk, mailing lists) or to the agency's own addresses, so two robots cannot loop.
        """

    static let noun = NounSpec(
        "mail", summary: "approvals by reply: the mail server pipes answers to digest links into wt",
        details: "With mail.replyAddress set (e.g. uren@werktalent.example), every digest of `wt notify` carries for each declaration a Goedkeuren and an Afwijzen mailto: link to uren+TOKEN@werktalent.example. The approver clicks one and sends the mail that opens, for a rejection with the reason written in it. The mail server hands that answer to `wt mail ingest`, which approves or rejects as that approver, in one commit with the audit entry (actor the approver, details with the Message-ID), the worker's rejection mail and a \"verwerkt\" answer to the approver. The reason of a rejection is the reply's own text: quotes (> lines, Outlook's -----Original Message----- and Van:/From: blocks, Gmail's and Apple Mail's Op ... schreef ...: lines) and the signature (from a -- line) are left out.",
        sections: [("SECURITY CONSIDERATIONS", security)],
        commands: [IngestMail.command])

    /// The message of FILE, or stdin for `-`.
    static func read(_ inv: CommandEnv, _ arg: String) throws -> [UInt8] {
        if arg == "-" { return inv.ctx.stdin.readAll() }
        let path = FileSystem.absolute(arg, cwd: inv.ctx.cwd)
        guard let data = (try? FileSystem.read(path)) ?? nil else {
            throw WTError.notFound("cannot read \(path)", hint: "give the message file, or - to read it from stdin")
        }
        return data
    }

    /// A line per message in table format (refusals go to stderr as the error
    /// itself for a single message), the records otherwise.
    static func report(_ inv: CommandEnv, _ results: [MailIngest.Result], many: Bool) throws {
        if inv.globals.format == .table {
            guard !inv.quiet else { return }
            // Message-IDs, addresses and file names come from the mail: no control characters to the terminal.
            for r in results {
                let id = WT.printable(r.messageID ?? "(no Message-ID)")
                let file = r.file.map { "\(WT.printable($0)): " } ?? ""
                switch r.outcome {
                case .processed:
                    inv.out("\(file)\(r.declaration ?? "") \(r.action == .reject ? "rejected" : "approved") by \(WT.printable(r.from ?? "")) (message \(id))\n")
                case .duplicate:
                    inv.out("\(file)\(r.declaration ?? ""): message \(id) was already processed\n")
                default:
                    if many { inv.out("\(file)refused (\(r.outcome.rawValue)): \(WT.printable(r.detail ?? ""))\n") }
                }
            }
            if inv.dryRun { inv.err("dry run: nothing was changed\n") }
            return
        }
        if many { try inv.printList(results.map(\.json), MailIngest.schema) } else { try inv.printRecord(results[0].json, MailIngest.schema) }
        if inv.dryRun { inv.err("dry run: nothing was changed\n") }
    }
}
