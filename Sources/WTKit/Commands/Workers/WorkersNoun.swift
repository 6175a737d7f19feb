enum WorkersCommands {
    static let inviteSchema = Schema(
        Worker.schema.fields + [Field("activationLink", table: false), Field("activationMessage", table: false)])

    static func row(_ w: Worker, _ env: CommandEnv) -> JSON { w.publicJSON(now: env.ctx.nowStamp) }

    /// The worker, their link (unless --quiet or a dry run) and the mail that carries it.
    static func printInvitation(_ env: CommandEnv, _ i: Accounts.Invitation, verb: String) throws {
        guard case .worker(let w) = i.account else { return }
        var o = row(w, env).objectValue ?? [:]
        let showLink = !env.quiet && !env.dryRun
        o["activationLink"] = showLink ? .string(i.link) : .null
        o["activationMessage"] = .string(i.message.id)
        var message = "\(verb) \(w.id) \(w.name) <\(i.account.email)>; activation mail \(i.message.id), link valid until \(Timestamp.local(i.expiresAt))"
        if showLink { message += "\n" + i.link }
        try env.done(message, records: [.object(o)], schema: inviteSchema)
    }

    static let noun = NounSpec(
        "workers", summary: "flex workers (medewerkers) and their accounts",
        details: """
            A worker is placed at clients through contracts and reports hours in weekly declarations. A rejected declaration is mailed to the worker's address. A worker may have a portal account of their own, made like a client user's (see `wt help users`): `invite` mails a one-time activation link to the worker's e-mail address, the worker chooses a password with `wt account activate` and then acts with `--as` that address: they see only their own contracts and declarations, and enter, import, submit and comment on their own declarations (report or rejected); everything else is refused (5). One e-mail address is one account, of a user or of a worker. Account: none (Geen account), invited (Uitgenodigd), active (Actief), locked (Geblokkeerd) or disabled (Uitgeschakeld). Only the back office adds, edits and invites workers; output never holds a password hash or token.
            """,
        commands: [
            AddWorker.command, EditWorker.command, ListWorkers.command, ShowWorker.command, InviteWorker.command,
            ReinviteWorker.command, DisableWorker.command, EnableWorker.command, UnlockWorker.command,
        ])
}
