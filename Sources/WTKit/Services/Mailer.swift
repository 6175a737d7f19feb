import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A message in the outbox, as `wt outbox list` shows it. The message itself is
/// `file`: an RFC 5322 `.eml` for mail, a small JSON file for SMS.
public struct OutboxEntry: StoredRecord, Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable { case mail, sms }

    public var id: String
    public var kind: Kind
    /// The e-mail address or phone number (E.164) it went to.
    public var to: String
    /// Mail only.
    public var subject: String?
    /// What the message is about (`activation`, `digest`, ...), for people and filters.
    public var topic: String?
    public var createdAt: String
    /// How it left: `outbox` (stays here), `sendmail` (mail) or `command` (SMS).
    public var transport: String

    public var file: String { Outbox.file(id: id, kind: kind) }

    init(id: String, kind: Kind, to: String, subject: String?, topic: String?, createdAt: String, transport: String) {
        self.id = id
        self.kind = kind
        self.to = to
        self.subject = subject
        self.topic = topic
        self.createdAt = createdAt
        self.transport = transport
    }

    public init(stored r: JSONReader) throws {
        id = try r.string("id")
        guard let k = Kind(rawValue: try r.string("kind")) else {
            throw JSONParseError(offset: 0, reason: "\(r.what): message \(id) has an unknown kind")
        }
        kind = k
        to = try r.string("to")
        subject = try r.optString("subject")
        topic = try r.optString("topic")
        createdAt = try r.string("createdAt")
        transport = try r.string("transport")
    }

    public var stored: JSON {
        [
            "id": .string(id), "kind": .string(kind.rawValue), "to": .string(to), "subject": JSON(subject),
            "topic": JSON(topic), "createdAt": .string(createdAt), "transport": .string(transport),
        ]
    }

}

/// A message staged in a transaction. With the `outbox` transport the commit
/// delivers it; with `sendmail` or `command` it is also kept in the outbox and
/// must be handed over after the commit with `Mailer.deliver` (or
/// `CommandEnv.write`).
public struct OutgoingMessage: Sendable {
    public let entry: OutboxEntry
    /// The program and arguments that send it after the commit; nil for `outbox`.
    let program: String?
    let arguments: [String]
    /// What the program reads on stdin (sendmail: the message with LF line ends).
    let input: [UInt8]

    public var id: String { entry.id }
    public var needsDelivery: Bool { program != nil }
}

/// The outbox in the store: `outbox/msg-N.eml` (mail), `outbox/msg-N.json`
/// (SMS) and a small index per thousand messages (`outbox/index/0.json` holds
/// msg-1 to msg-999, `1.json` msg-1000 to msg-1999, ...), so a send rewrites
/// one small index and `show` reads one.
public enum Outbox {
    public static let dir = "outbox"
    public static let indexDir = "outbox/index"

    public static func file(id: String, kind: OutboxEntry.Kind) -> String {
        "\(dir)/\(id).\(kind == .mail ? "eml" : "json")"
    }

    static func indexFile(_ id: String) -> String { "\(indexDir)/\(number(id) / 1000).json" }

    /// Every message, oldest first.
    public static func all(_ r: StoreReader) throws -> [OutboxEntry] {
        guard let store = (r as? Store) ?? (r as? Transaction)?.store else { return [] }
        let buckets = store.list(indexDir).filter { $0.hasSuffix(".json") }
        let entries: [OutboxEntry] = try buckets.flatMap { try RecordFile.load("\(indexDir)/\($0)", from: r) }
        return entries.sorted { number($0.id) < number($1.id) }
    }

    static func number(_ id: String) -> Int { Int(id.split(separator: "-").last ?? "") ?? 0 }

    /// One message by id (`msg-12`), or exit 3.
    public static func find(_ id: String, _ r: StoreReader) throws -> (OutboxEntry, [UInt8]) {
        try RecordKind.message.check(id)
        for kind in OutboxEntry.Kind.allCases {
            guard let bytes = try readBytes(file(id: id, kind: kind), r) else { continue }
            let entries: [OutboxEntry] = try RecordFile.load(indexFile(id), from: r)
            guard let entry = entries.first(where: { $0.id == id }) else {
                throw RecordFile.damaged(r, file(id: id, kind: kind), "message \(id) is missing from the outbox index")
            }
            return (entry, bytes)
        }
        throw WTError.notFound("no message \(id) in the outbox", hint: "`wt outbox list` shows the messages")
    }

    static func readBytes(_ rel: String, _ r: StoreReader) throws -> [UInt8]? {
        guard let store = (r as? Store) ?? (r as? Transaction)?.store else { return nil }
        return try store.readBytes(rel)
    }

    static func stage(_ entry: OutboxEntry, bytes: [UInt8], in tx: Transaction) throws {
        let index = indexFile(entry.id)
        var entries: [OutboxEntry] = try RecordFile.load(index, from: tx)
        entries.append(entry)
        RecordFile.save(entries, to: index, in: tx)
        tx.writeBytes(entry.file, bytes)
        var details: [String: JSON] = ["kind": .string(entry.kind.rawValue), "to": .string(entry.to), "transport": .string(entry.transport)]
        if let s = entry.subject { details["subject"] = .string(s) }
        if let t = entry.topic { details["topic"] = .string(t) }
        tx.record("message.send", entry.id, .object(details))
    }

    /// Index entries have their file and sit in the right bucket, files have
    /// their index entry, ids are unique.
    static func verify(_ store: Store, _ report: inout StoreVerifier.Report) throws {
        var seen = Set<String>()
        for bucket in store.list(indexDir) where bucket.hasSuffix(".json") {
            let rel = "\(indexDir)/\(bucket)"
            var entries: [OutboxEntry] = []
            StoreVerifier.attempt(&report) { entries = try RecordFile.load(rel, from: store) }
            report.records += entries.count
            for e in entries {
                if indexFile(e.id) != rel {
                    report.problems.append("\(store.root)/\(rel): message \(e.id) belongs in \(indexFile(e.id))")
                }
                if !seen.insert(e.id).inserted {
                    report.problems.append("\(store.root)/\(rel): message \(e.id) is listed twice")
                }
                if !store.exists(e.file) {
                    report.problems.append("\(store.root)/\(e.file): missing, but message \(e.id) is in the outbox index")
                }
            }
        }
        for name in store.list(dir) where name.hasPrefix("msg-") && (name.hasSuffix(".eml") || name.hasSuffix(".json")) {
            let id = String(name.prefix { $0 != "." })
            if !seen.contains(id) {
                report.problems.append("\(store.root)/\(dir)/\(name): not in the outbox index")
            }
        }
    }
}

/// Builds and sends the agency's mails and text messages (SPEC §8).
///
/// Everything is staged in the command's transaction, so a message exists
/// exactly when the change that caused it was committed:
///
///     try env.write { uow in
///         uow.send(try Mailer.send(to: address, subject: "...", body: "...", topic: "digest", in: uow.tx, env: uow.env))
///     }   // committed, then delivered: sendmail / SMS command transports; nothing to do for the outbox
///
/// With `mail.transport outbox` (the default) the commit is the delivery. With
/// `sendmail` the message is kept in the outbox too and piped to
/// `mail.sendmailPath -t -i` after the commit; if that fails the command exits
/// 1 naming the message, which stays in the outbox, so nothing is lost.
public enum Mailer {
    /// A mail from `agency.name <agency.email>`, dated `env.now`, with a
    /// Message-ID of 16 random bytes at the agency address's domain.
    @discardableResult
    public static func send(
        to: MailAddress, subject: String, body: String, topic: String? = nil, inReplyTo: String? = nil, in tx: Transaction, env: ServiceEnv
    ) throws -> OutgoingMessage {
        let config = try Config.load(tx)
        let recipient = try MailAddress(validating: to.address, name: to.name)
        let message = try compose(to: recipient, subject: subject, body: body, inReplyTo: inReplyTo, config: config, env: env)
        let text = message.rfc5322()
        let transport = config[.mailTransport]
        let entry = OutboxEntry(
            id: try IdAllocator.next(RecordKind.message.rawValue, in: tx), kind: .mail, to: recipient.address.lowercased(),
            subject: subject, topic: topic, createdAt: tx.at, transport: transport.rawValue)
        try Outbox.stage(entry, bytes: Array(text.utf8), in: tx)
        guard transport == .sendmail else { return OutgoingMessage(entry: entry, program: nil, arguments: [], input: []) }
        let lf = text.replacingOccurrences(of: "\r\n", with: "\n")
        return OutgoingMessage(
            entry: entry, program: config[.mailSendmailPath], arguments: ["-t", "-i"],
            input: Array(lf.utf8))
    }

    /// The agency's mail as `send` builds it, without staging it anywhere.
    static func compose(to recipient: MailAddress, subject: String, body: String, inReplyTo: String?, config: Config, env: ServiceEnv) throws -> MailMessage {
        let agencyEmail = config[.agencyEmail]
        let domain = String(agencyEmail.split(separator: "@").last ?? "localhost").lowercased()
        return MailMessage(
            from: MailAddress(name: config[.agencyName], address: agencyEmail), to: [recipient],
            subject: subject, body: body, date: env.now,
            messageID: try MailMessage.makeMessageID(random: env.random.bytes(16), domain: domain), inReplyTo: inReplyTo)
    }

    /// Pipes a mail that is not kept in the store to `mail.sendmailPath -t -i`
    /// (the answer to a refused message, SPEC §15). Nil when sent, else why not.
    static func sendUnstored(_ message: MailMessage, config: Config, env: ServiceEnv) -> String? {
        let lf = message.rfc5322().replacingOccurrences(of: "\r\n", with: "\n")
        return run(config[.mailSendmailPath], ["-t", "-i"], input: Array(lf.utf8), environment: env.environment)
    }

    /// A text message to a phone number (normalized to E.164). The outbox keeps
    /// it as `outbox/msg-N.json`; with `sms.transport command` it is also given
    /// to `sms.command NUMBER TEXT` after the commit.
    @discardableResult
    public static func sendSMS(to phone: String, text: String, topic: String? = nil, in tx: Transaction, env: ServiceEnv) throws -> OutgoingMessage {
        let config = try Config.load(tx)
        let number: String
        do { number = try Phone.normalize(phone) } catch let e as WTError {
            throw WTError.invalid("cannot send a text message: \(e.message)", hint: e.hint)
        }
        let transport = config[.smsTransport]
        var program: String?
        if transport == .command {
            guard let command = config[.smsCommand] else {
                throw WTError.invalid(
                    "sms.transport is command, but sms.command is not set", hint: "set it: wt config set sms.command /path/to/program")
            }
            program = command
        }
        let entry = OutboxEntry(
            id: try IdAllocator.next(RecordKind.message.rawValue, in: tx), kind: .sms, to: number, subject: nil, topic: topic,
            createdAt: tx.at, transport: transport.rawValue)
        let json: JSON = [
            "id": .string(entry.id), "kind": "sms", "to": .string(number), "text": .string(text), "createdAt": .string(tx.at),
        ]
        try Outbox.stage(entry, bytes: Array((json.pretty() + "\n").utf8), in: tx)
        return OutgoingMessage(entry: entry, program: program, arguments: [number, text], input: [])
    }

    /// Hands the messages that need it to their program, after the commit.
    /// Every message is tried; failures are reported together (exit 1).
    public static func deliver(_ messages: [OutgoingMessage], env: ServiceEnv) throws {
        var failures: [String] = []
        for m in messages {
            guard let program = m.program else { continue }
            if let problem = run(program, m.arguments, input: m.input, environment: env.environment) {
                failures.append("\(m.id) to \(m.entry.to): \(problem)")
            }
        }
        guard !failures.isEmpty else { return }
        let kept = messages.filter(\.needsDelivery).map(\.entry.file).joined(separator: ", ")
        throw WTError.failure(
            "the change was saved, but \(failures.count == 1 ? "a message was" : "\(failures.count) messages were") not sent: "
                + failures.joined(separator: "; "),
            hint: "nothing is lost: the message\(failures.count == 1 ? " is" : "s are") kept in the outbox (\(kept)); "
                + "send by hand with `wt outbox show ID | sendmail -t -i`, or fix the transport (wt config get mail.transport)")
    }

    /// Runs a program with `input` on stdin; nil when it exits 0, else why not.
    static func run(_ program: String, _ arguments: [String], input: [UInt8], environment: [String: String]) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: program)
        p.arguments = arguments
        p.environment = environment
        // The program's chatter must not end up in our stdout, which may be JSON.
        p.standardOutput = FileHandle.standardError
        p.standardError = FileHandle.standardError
        let pipe = Pipe()
        p.standardInput = pipe
        do { try p.run() } catch { return "cannot run \(program): \(error.localizedDescription)" }
        // A program that exits without reading must not kill us with SIGPIPE.
        let previous = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, previous) }
        let fd = pipe.fileHandleForWriting.fileDescriptor
        var done = 0
        while done < input.count {
            let n = input.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 {
                if errno == EINTR { continue }
                break
            }
            done += n
        }
        try? pipe.fileHandleForWriting.close()
        p.waitUntilExit()
        if p.terminationReason == .uncaughtSignal { return "\(program) was killed by signal \(p.terminationStatus)" }
        return p.terminationStatus == 0 ? nil : "\(program) exited with status \(p.terminationStatus)"
    }
}
