enum UsersCommands {
    static let inviteSchema = Schema(
        User.schema.fields + [Field("activationLink", table: false), Field("activationMessage", table: false)])

    /// The user, their link (unless --quiet or a dry run) and the mail that carries it.
    static func printInvitation(_ env: CommandEnv, _ i: Accounts.Invitation, verb: String) throws {
        guard case .user(let u) = i.account else { return }
        var row = u.publicJSON(now: env.ctx.nowStamp).objectValue ?? [:]
        let showLink = !env.quiet && !env.dryRun
        row["activationLink"] = showLink ? .string(i.link) : .null
        row["activationMessage"] = .string(i.message.id)
        let roles = u.roles.map(\.rawValue).joined(separator: ",")
        let scope = u.departments.isEmpty ? "" : ", departments \(u.departments.joined(separator: ","))"
        var message = "\(verb) \(u.id) \(u.name) <\(u.email)> of \(u.client) as \(roles)\(scope); "
            + "activation mail \(i.message.id), link valid until \(Timestamp.local(u.account.activation!.expiresAt))"
        if showLink { message += "\n" + i.link }
        try env.done(message, records: [.object(row)], schema: inviteSchema)
    }

    static let noun = NounSpec(
        "users", summary: "the clients' portal users (gebruikers)",
        details: """
            A portal user is a client's contact with an account on the portal, addressed by e-mail address. `invite` creates the account and mails a one-time activation link (<portal.url>/deeplink/index/<token>, valid activation.validDays days); the user chooses a password with `wt account activate`. Roles: approver (approves and rejects declarations), signer (signs documents), viewer (reads only; the default). Every user reads their own client's records, limited to the --department ones when given. Statuses: invited (Uitgenodigd), active (Actief), locked (Geblokkeerd: login.maxFailures failed logins in a row, for login.lockMinutes) and disabled (Uitgeschakeld). Only the back office invites and changes users; a portal user (--as) may list and show the users of their own client. Output never holds a password hash or token: the activation link is printed by invite and reinvite only.
            """,
        commands: [
            InviteUser.command, ReinviteUser.command, ListUsers.command, ShowUser.command,
            DisableUser.command, EnableUser.command, UnlockUser.command,
        ])
}
