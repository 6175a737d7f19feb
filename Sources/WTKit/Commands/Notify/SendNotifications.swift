/// `wt notify`: the digests, notices and reminders that are due, staged in
/// one change and delivered after its commit.
struct SendNotifications: Verb {
    struct Options: Equatable {}

    static let spec = VerbSpec(
        "notify", nil, summary: "send the digest mails and reminders that are due",
        examples: [
            Example("wt notify", "the hourly or daily cron job"),
            Example("wt notify --dry-run", "who would get a mail now"),
        ],
        fields: NotifyCommand.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options { Options() }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let planned = try env.write { uow in
            let (planned, messages) = try Notifications.run(in: uow.tx, actor: actor, env: env.ctx.services, send: !env.dryRun)
            uow.send(messages)
            return planned
        }
        if env.globals.format == .table {
            if !env.quiet {
                env.out((env.dryRun ? "would send" : "sent") + " \(planned.count) mail\(planned.count == 1 ? "" : "s")\n")
                for p in planned {
                    let n = p.kind == "notice" ? p.contracts.count : p.declarations.count
                    let what = p.kind == "notice" ? "contract" : "declaration"
                    env.out("  \(p.kind) to \(p.to): \(n) \(what)\(n == 1 ? "" : "s")\n")
                }
            }
        } else {
            try env.printList(planned.map(\.json), NotifyCommand.schema)
        }
        if env.dryRun { env.err("dry run: nothing was sent\n") }
    }
}
