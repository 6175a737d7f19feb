/// `wt mail ingest [FILE | --maildir DIR]`: one answer to a digest link, or
/// every new message of a Maildir.
struct IngestMail: Verb {
    enum Options: Equatable {
        /// A file, or `-` for stdin.
        case message(String)
        case maildir(String)
    }

    static let file = Argument(0, "FILE", "the message (- or nothing: stdin)", optional: true, completion: .file)
    static let maildir = ValueOption("maildir", "DIR", help: "process every message in DIR/new, moving each to DIR/cur", completion: .directory)

    static let spec = VerbSpec(
        "mail", "ingest", summary: "process an answer to a digest link (a file, stdin, or a Maildir's new messages)",
        details: "One message (FILE, or - or nothing for stdin, as an MTA pipe gives it) exits 0 when it was processed (or was already processed: the same message delivered again does nothing), 3 when its link is unknown, 4 when the link was used, expired or the declaration no longer waits for approval, 5 when the sender is not the approver or may not act, 6 when it does not parse, names several links, or rejects without a reason. Nothing changes on a refusal. With --maildir every message in DIR/new is processed and moved to DIR/cur with the info :2,S; that run exits 0 unless a message could not be read or moved, and reports each message's outcome. The run holds the store lock, so overlapping runs take turns and no message is processed twice.",
        args: [file], options: [maildir],
        examples: [
            Example("wt mail ingest - < antwoord.eml", "one answer, as postfix's pipe or procmail hands it over"),
            Example("wt mail ingest --maildir /var/mail/uren/Maildir --quiet", "the cron job for a mailbox that fetchmail fills"),
        ],
        fields: MailIngest.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        if let dir = try maildir.value(in: line) {
            guard file.value(in: line) == nil else { throw WTError.usage("give FILE or --maildir DIR, not both") }
            return .maildir(dir)
        }
        return .message(file.value(in: line) ?? "-")
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        // Each accepted message is its own unit of work, as its approver.
        let write: MailIngest.Write = { approver, body in try env.write(as: approver, body) }
        let actor = try env.actor()
        let store = try env.store()
        switch o {
        case .maildir(let dir):
            let run = try MailIngestMaildir.run(
                FileSystem.absolute(dir, cwd: env.ctx.cwd), store: store, actor: actor, env: env.ctx.services, dryRun: env.dryRun, write: write)
            try MailCommands.report(env, run.results, many: true)
            try env.deliver(run.results.flatMap(\.messages))
            if !run.failures.isEmpty {
                throw WTError.failure(run.failures.joined(separator: "\n"), hint: "the messages named stay in new/ and are taken again by the next run")
            }
        case .message(let arg):
            let result = try MailIngest.process(
                reading: { try MailCommands.read(env, arg) }, store: store, actor: actor, env: env.ctx.services, dryRun: env.dryRun, write: write)
            try MailCommands.report(env, [result], many: false)
            try env.deliver(result.messages)
            if let e = result.error { throw e }
        }
    }
}
