import Foundation

/// `wt mail ingest` (SPEC §15): an approver's answer to a digest link, as the
/// mail server hands it over, approves or rejects the declaration as that
/// approver.
///
/// Every check is made before anything is written: a refusal changes nothing
/// in the store. Its answer to the sender ("niet verwerkt: ...") therefore is
/// not kept in the outbox; it leaves only through `mail.transport sendmail`
/// (with the default `outbox` transport there is no way out that is not the
/// store, so a refusal is answered on stderr and in the output only). An
/// accepted message is one commit: the transition, its audit entry, the
/// `mail.ingest` audit entry with the Message-ID, the used token, the worker's
/// rejection mail and the "verwerkt" answer.
public enum MailIngest {
    public enum Outcome: String, Sendable {
        /// Approved or rejected now.
        case processed
        /// This very message was processed before (delivered again): nothing to do.
        case duplicate
        case unknownToken = "unknown-token"
        case conflict, denied, invalid

        var kind: WTError.Kind? {
            switch self {
            case .processed, .duplicate: nil
            case .unknownToken: .notFound
            case .conflict: .conflict
            case .denied: .denied
            case .invalid: .invalid
            }
        }
    }

    public struct Result {
        public var messageID: String?
        public var outcome: Outcome
        public var declaration: String?
        public var action: ApprovalTokens.Action?
        public var from: String?
        /// Why not (a refusal), or the rejection reason taken from the mail.
        public var detail: String?
        public var hint: String?
        /// Whether the sender was answered, and how.
        public var answered: String = "no"
        public var file: String?
        var messages: [OutgoingMessage] = []

        public var error: WTError? { outcome.kind.map { WTError($0, detail ?? outcome.rawValue, hint: hint) } }

        public var json: JSON {
            [
                "messageId": JSON(messageID), "outcome": .string(outcome.rawValue), "declaration": JSON(declaration),
                "action": JSON(action?.rawValue), "from": JSON(from), "detail": JSON(detail), "answered": .string(answered),
                "file": JSON(file),
            ]
        }
    }

    /// Messages larger than this are refused unread (6): a reply is a few KiB.
    public static let maxBytes = 10 * 1024 * 1024

    struct Refusal: Error {
        var outcome: Outcome
        var detail: String
        var hint: String?
    }

    /// The unit of work of one accepted message, as the approver who
    /// answered (`CommandEnv.write(as:)`): begun, flushed and, unless dry,
    /// committed by the caller. Its messages are returned in the result, not
    /// staged, so a Maildir run delivers them all after its last message.
    public typealias Write = (_ actor: String, _ body: (UnitOfWork) throws -> (OutgoingMessage, [OutgoingMessage])) throws
        -> (OutgoingMessage, [OutgoingMessage])

    /// Processes the message `read` gives, as `actor`: only the back office
    /// (the mail server runs wt as the agency) ingests mail, checked before the
    /// message is read.
    public static func process(
        reading read: () throws -> [UInt8], store: Store, actor: Actor, env: ServiceEnv, dryRun: Bool = false, write: Write
    ) throws -> Result {
        try AccessControl.requireBackoffice(actor, toDo: "ingest mail")
        return try process(try read(), store: store, env: env, dryRun: dryRun, write: write)
    }

    /// Processes one message on a store opened for writing, in its own unit of work.
    public static func process(_ bytes: [UInt8], store: Store, env: ServiceEnv, dryRun: Bool = false, write: Write) throws -> Result {
        let config = try Config.load(store)
        guard let reply = config[.mailReplyAddress] else {
            throw WTError.invalid("mail.replyAddress is not set, so no digest carries links to answer",
                hint: "set it to the address the mail server pipes into wt: wt config set mail.replyAddress uren@werktalent.example")
        }
        if config[.mailRequireAuthentication] && config[.mailAuthservId] == nil {
            throw WTError.invalid("mail.requireAuthentication is on, but mail.authservId is not set",
                hint: "set it to the authserv-id your mail server writes: wt config set mail.authservId mx.werktalent.example")
        }
        var result = Result(outcome: .invalid)
        let message: MIMEMessage
        do {
            guard bytes.count <= maxBytes else { throw MIMEMessage.Invalid(reason: "the message is larger than \(maxBytes / 1024 / 1024) MiB") }
            message = try MIMEMessage.parse(bytes)
        } catch let e as MIMEMessage.Invalid {
            result.detail = "not a mail message: \(e.reason)"
            result.hint = "wt mail ingest reads one RFC 5322 message (a file, or stdin as the mail server pipes it)"
            return result
        }
        result.messageID = message.messageID
        result.from = message.from?.address.lowercased()
        do {
            try accept(message, bytes: bytes, replyAddress: reply, config: config, store: store, env: env, write: write, into: &result)
        } catch let r as Refusal {
            result.outcome = r.outcome
            result.detail = r.detail
            result.hint = r.hint
            if !dryRun { result.answered = answerRefusal(message, result, config: config, env: env) }
        }
        return result
    }

    static func accept(
        _ message: MIMEMessage, bytes: [UInt8], replyAddress: String, config: Config, store: Store, env: ServiceEnv, write: Write,
        into result: inout Result
    ) throws {
        let token = try findToken(message, replyAddress: replyAddress)
        guard let (hash, entry) = try ApprovalTokens.find(token, store) else {
            throw Refusal(outcome: .unknownToken, detail: "the link in this message is unknown",
                hint: "answer through a Goedkeuren or Afwijzen link of a recent digest mail, unchanged")
        }
        result.declaration = entry.declaration
        result.action = entry.action
        let messageHash = SHA256.hex(bytes)
        if entry.state == .used {
            if entry.messageHash == messageHash || (entry.messageID != nil && entry.messageID == message.messageID) {
                result.outcome = .duplicate
                result.detail = "already processed on \(Timestamp.local(entry.usedAt ?? ""))"
                return
            }
            throw Refusal(outcome: .conflict, detail: "this \(entry.action.dutch) link of \(entry.declaration) was already used on \(Timestamp.local(entry.usedAt ?? ""))",
                hint: "each link works once; `wt declarations show \(entry.declaration)` shows what happened")
        }
        let now = env.nowStamp
        guard now < entry.expiresAt else {
            throw Refusal(outcome: .conflict, detail: "this \(entry.action.dutch) link of \(entry.declaration) expired on \(Timestamp.local(entry.expiresAt))",
                hint: "answer through the link of a newer digest mail")
        }
        try checkAuthentication(message, config: config)
        let user = try UserDirectory.find(entry.user, store)
        // One From header with one mailbox: `From: approver, someone-else` names no single sender.
        let senders = message.addresses(["From"])
        guard let user, let sender = result.from, sender == user.email, senders.count == 1, message.all("From").count == 1 else {
            throw Refusal(outcome: .denied, detail: "the message is from \(result.from ?? "nobody"), not from the approver the link was sent to",
                hint: "only the approver who got the digest can answer it, from their own address")
        }
        let actor: Actor
        do { actor = try AccessControl.portalActor(email: user.email, store: store, now: now) } catch let e as WTError {
            throw Refusal(outcome: .denied, detail: e.message, hint: e.hint)
        }
        guard user.roles.contains(.approver) else {
            throw Refusal(outcome: .denied, detail: "\(user.email) may no longer approve declarations: the approver role was taken away",
                hint: "ask the back office")
        }
        guard let d = try DeclarationSet.find(entry.declaration, store) else {
            throw Refusal(outcome: .conflict, detail: "declaration \(entry.declaration) no longer exists")
        }
        guard AccessControl.canSee(actor, client: d.client, department: d.department) else {
            throw Refusal(outcome: .denied, detail: "\(user.email) no longer has access to \(d.id)", hint: "ask the back office")
        }
        guard d.status == .submitted else {
            throw Refusal(outcome: .conflict, detail: "declaration \(d.id) is \(StatusLabels.label(d.status.rawValue)), not Ingediend: there is nothing to \(entry.action == .approve ? "approve" : "reject")",
                hint: "`wt declarations show \(d.id)` shows its history")
        }
        guard ApprovalTokens.submission(of: d) == entry.submission else {
            throw Refusal(outcome: .conflict, detail: "declaration \(d.id) was submitted again after this link was sent",
                hint: "answer through the link of the newest digest mail")
        }
        var reason: String?
        if entry.action == .reject {
            let text = MailIngestText.reason(message.bodyText)
            guard !text.isEmpty else {
                throw Refusal(outcome: .invalid, detail: "a rejection needs a reason, and this message has none of its own (only a quote or a signature)",
                    hint: "answer through the Afwijzen link again and write what must be corrected")
            }
            do { reason = try TextRules.text(text, what: "the reason") } catch let e as WTError {
                throw Refusal(outcome: .invalid, detail: e.message, hint: e.hint)
            }
        }
        result.detail = reason
        result.outcome = .processed
        let (answer, messages) = try write(user.email) { uow -> (OutgoingMessage, [OutgoingMessage]) in
            let tx = uow.tx
            var messages: [OutgoingMessage] = []
            let changed: Declaration
            if let reason {
                changed = try Declarations.reject(d.id, reason: reason, in: uow.declarations, actor: actor)
                if let m = try DeclarationMail.rejection(changed, reason: reason, in: tx, env: env, warn: { env.stderr.write("warning: \($0)\n") }) {
                    messages.append(m)
                }
            } else {
                changed = try Declarations.approve([d.id], comment: nil, in: uow.declarations, actor: actor)[0]
            }
            let answer = try Mailer.send(
                to: MailAddress(name: user.name, address: user.email), subject: "Verwerkt: \(ApprovalLinks.subject(entry.action, d))",
                body: MailIngestReplies.processed(user: user, d: changed, reason: reason, config: config), topic: d.id,
                inReplyTo: message.messageID, in: tx, env: env)
            messages.append(answer)
            try ApprovalTokens.markUsed(hash, entry, messageID: message.messageID, messageHash: messageHash, in: tx)
            var details: [String: JSON] = ["action": .string(entry.action.rawValue), "from": .string(sender), "answer": .string(answer.id)]
            if let id = message.messageID { details["messageId"] = .string(id) }
            tx.record("mail.ingest", d.id, .object(details))
            return (answer, messages)
        }
        result.answered = "outbox " + answer.id
        result.messages = messages
    }

    /// The one token the message answers: from its recipient headers, else from a
    /// quoted `mailto:` link; several different ones are ambiguous (6).
    static func findToken(_ message: MIMEMessage, replyAddress: String) throws -> String {
        let recipients = message.addresses(["To", "Delivered-To", "X-Original-To"]).map(\.address)
        var tokens = MailIngestText.tokens(in: recipients, replyAddress: replyAddress)
        if tokens.isEmpty { tokens = MailIngestText.mailtoTokens(in: message.bodyText, replyAddress: replyAddress) }
        if tokens.isEmpty {
            throw Refusal(outcome: .unknownToken, detail: "this message answers no approval link (no \(replyAddress.replacingOccurrences(of: "@", with: "+…@")) address)",
                hint: "answer through a Goedkeuren or Afwijzen link of a digest mail")
        }
        guard tokens.count == 1 else {
            throw Refusal(outcome: .invalid, detail: "this message names \(tokens.count) different approval links, so it is not clear which one it answers",
                hint: "answer through one Goedkeuren or Afwijzen link")
        }
        return tokens[0]
    }

    /// With `mail.requireAuthentication`: the topmost `Authentication-Results`
    /// header of our own server (`mail.authservId`) must show dkim=pass or
    /// spf=pass for the From domain. Headers of other servers are ignored, and
    /// only the topmost of ours counts: a server prepends its header, so one
    /// further down with our id was written by someone else before it reached us.
    static func checkAuthentication(_ message: MIMEMessage, config: Config) throws {
        guard config[.mailRequireAuthentication], let ours = config[.mailAuthservId] else { return }
        let domain = message.from.map { String($0.address.split(separator: "@").last ?? "") } ?? ""
        let results = message.all("Authentication-Results").compactMap { AuthenticationResults.parse($0.raw) }
        guard let top = results.first(where: { $0.authservID.caseInsensitiveCompare(ours) == .orderedSame }) else {
            throw Refusal(outcome: .denied, detail: "the message carries no Authentication-Results of \(ours), so its sender is not proven",
                hint: "mail.requireAuthentication is on: the mail server must check DKIM or SPF and add the header")
        }
        guard !domain.isEmpty, top.passes(for: domain) else {
            throw Refusal(outcome: .denied, detail: "\(ours) did not find dkim=pass or spf=pass for \(domain.isEmpty ? "the sender" : domain)",
                hint: "the sender's domain must sign its mail (DKIM) or list its servers (SPF)")
        }
    }

    /// Answers a refused message through the sendmail transport, never the store.
    static func answerRefusal(_ message: MIMEMessage, _ r: Result, config: Config, env: ServiceEnv) -> String {
        guard let to = message.from, MailIngestReplies.mayAnswer(message, config: config) else { return "no (automatic or own mail)" }
        guard config[.mailTransport] == .sendmail else { return "no (mail.transport outbox keeps no refusals)" }
        do {
            let recipient = try MailAddress(validating: to.address, name: to.name)
            let mail = try Mailer.compose(
                to: recipient, subject: "Niet verwerkt: \(message.subject.isEmpty ? "uw bericht" : String(message.subject.prefix(120)))",
                body: MailIngestReplies.refused(r, config: config), inReplyTo: message.messageID, config: config, env: env)
            if let problem = Mailer.sendUnstored(mail, config: config, env: env) { return "no (\(problem))" }
            return "sendmail"
        } catch {
            return "no (\(error))"
        }
    }
}
