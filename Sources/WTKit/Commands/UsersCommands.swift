enum UsersCommands {
    static let statuses = ["invited", "active", "locked", "disabled"]
    static let inviteSchema = Schema(
        User.schema.fields + [Field("activationLink", table: false), Field("activationMessage", table: false)])
    static let emailArg = ArgSpec("EMAIL", "the user's e-mail address (or id, u-12)", completion: .records("users"))

    static func phone(_ inv: CommandEnv) throws -> String? {
        guard let v = inv.value("phone") else { return nil }
        do { return try Phone.normalize(v) } catch let e as WTError { throw WTError.invalid("--phone: \(e.message)", hint: e.hint) }
    }

    /// The user, their link (unless --quiet or a dry run) and the mail that carries it.
    static func printInvitation(_ inv: CommandEnv, _ i: Accounts.Invitation, verb: String) throws {
        guard case .user(let u) = i.account else { return }
        var row = u.publicJSON(now: inv.ctx.nowStamp).objectValue ?? [:]
        let showLink = !inv.quiet && !inv.dryRun
        row["activationLink"] = showLink ? .string(i.link) : .null
        row["activationMessage"] = .string(i.message.id)
        let roles = u.roles.map(\.rawValue).joined(separator: ",")
        let scope = u.departments.isEmpty ? "" : ", departments \(u.departments.joined(separator: ","))"
        var message = "\(verb) \(u.id) \(u.name) <\(u.email)> of \(u.client) as \(roles)\(scope); "
            + "activation mail \(i.message.id), link valid until \(Timestamp.local(u.activation!.expiresAt))"
        if showLink { message += "\n" + i.link }
        try inv.done(message, records: [.object(row)], schema: inviteSchema)
    }

    /// disable, enable and unlock: back office only, "nothing to do" is success.
    static func change(_ change: Accounts.Change, summary: String, done verb: String, already: String, example: Example) -> CommandSpec {
        CommandSpec(
            "users", change.rawValue, summary: summary, args: [emailArg], examples: [example],
            fields: User.schema.names, access: .write
        ) { inv in
            let tx = try inv.begin()
            let actor = try inv.actor()
            try AccessControl.requireBackoffice(actor, toDo: "\(change.rawValue) users")
            let (u, changed) = try Accounts.change(change, .user(try UserDirectory.require(inv.arg(0)!, tx)), in: tx, actor: actor)
            try inv.commit(tx)
            try inv.done(
                changed ? "\(verb) \(u.id) \(u.email)" : "\(u.id) \(u.email) \(already): nothing to do",
                records: [u.publicJSON(now: inv.ctx.nowStamp)], schema: User.schema)
        }
    }

    static let noun = NounSpec(
        "users", summary: "the clients' portal users (gebruikers)",
        details: """
            A portal user is a client's contact with an account on the portal, addressed by e-mail address. `invite` creates the account and mails a one-time activation link (<portal.url>/deeplink/index/<token>, valid activation.validDays days); the user chooses a password with `wt account activate`. Roles: approver (approves and rejects declarations), signer (signs documents), viewer (reads only; the default). Every user reads their own client's records, limited to the --department ones when given. Statuses: invited (Uitgenodigd), active (Actief), locked (Geblokkeerd: login.maxFailures failed logins in a row, for login.lockMinutes) and disabled (Uitgeschakeld). Only the back office invites and changes users; a portal user (--as) may list and show the users of their own client. Output never holds a password hash or token: the activation link is printed by invite and reinvite only.
            """,
        commands: [
            CommandSpec(
                "users", "invite", summary: "create a portal account and mail its activation link",
                args: [ArgSpec("EMAIL", "the user's e-mail address: the login, and where the activation mail goes")],
                options: [
                    OptionSpec("client", value: "ID", help: "the client the user belongs to (required)", completion: .records("clients")),
                    OptionSpec("name", value: "NAME", help: "the user's full name, as the mail greets them (required)"),
                    OptionSpec("phone", value: "PHONE", help: "mobile number, for SMS signing codes"),
                    OptionSpec(
                        "role", value: "ROLE", list: true, help: "approver, signer and/or viewer (default viewer: reads only)",
                        completion: .choices(Role.allCases.map(\.rawValue))),
                    OptionSpec(
                        "department", value: "ID", list: true, help: "limit the user to these departments of the client (default: all)",
                        completion: .records("departments")),
                ],
                examples: [
                    Example("wt users invite p.devries@bakkerij.nl --client cl-1 --name 'Petra de Vries' --role approver,signer --phone 0612345678",
                        "an approver who also signs documents; prints the activation link"),
                    Example("wt users invite k.smit@bakkerij.nl --client cl-1 --name 'Kees Smit' --department dep-2 --quiet",
                        "a viewer of one department; the link goes only by mail"),
                ],
                fields: inviteSchema.names, access: .write
            ) { inv in
                let actor = try inv.actor()
                try AccessControl.requireBackoffice(actor, toDo: "invite users")
                let client = try inv.required("client")
                let name = try TextRules.line(try inv.required("name"), what: "--name")
                let phone = try phone(inv)
                let roles = try Role.parseList(try inv.list("role"))
                let tx = try inv.begin()
                let invitation = try Accounts.invite(
                    email: inv.arg(0)!, name: name, client: client, phone: phone, roles: roles, departments: try inv.list("department"),
                    in: tx, env: inv.ctx.services, actor: actor)
                try inv.commit(tx)
                try printInvitation(inv, invitation, verb: "invited")
                try inv.deliver([invitation.message])
            },
            CommandSpec(
                "users", "reinvite", summary: "mail a new activation link; every earlier link stops working",
                args: [emailArg],
                examples: [Example("wt users reinvite p.devries@bakkerij.nl", "the first link expired: send a new one")],
                fields: inviteSchema.names, access: .write
            ) { inv in
                let tx = try inv.begin()
                let actor = try inv.actor()
                try AccessControl.requireBackoffice(actor, toDo: "reinvite users")
                let invitation = try Accounts.reinvite(.user(try UserDirectory.require(inv.arg(0)!, tx)), in: tx, env: inv.ctx.services, actor: actor)
                try inv.commit(tx)
                try printInvitation(inv, invitation, verb: "reinvited")
                try inv.deliver([invitation.message])
            },
            CommandSpec(
                "users", "list", summary: "list portal users",
                options: [
                    OptionSpec("client", value: "ID", help: "only this client's users", completion: .records("clients")),
                    OptionSpec("status", value: "STATUS", list: true, help: "only these statuses: invited, active, locked, disabled",
                        completion: .choices(statuses)),
                ],
                examples: [
                    Example("wt users list --client cl-1", "one client's users"),
                    Example("wt users list --status locked,invited --fields email,status --format tsv", "who cannot log in now"),
                ],
                fields: User.schema.names, access: .read
            ) { inv in
                let actor = try inv.actor()
                let store = try inv.store()
                let client = try inv.scopedClient()
                let wanted = try inv.list("status").map { s in
                    guard statuses.contains(s) else {
                        throw WTError.usage("unknown status \"\(RecordKind.printable(s))\"",
                            hint: (suggestion(for: s, among: statuses).map { "did you mean \($0)? " } ?? "") + "statuses: " + statuses.joined(separator: ", "))
                    }
                    return s
                }
                let now = inv.ctx.nowStamp
                let users = try UserDirectory.all(store, client: client).filter {
                    AccessControl.canSee(actor, client: $0.client) && (wanted.isEmpty || wanted.contains($0.effectiveStatus(now: now)))
                }.sorted { (IdAllocator.number($0.id), $0.id) < (IdAllocator.number($1.id), $1.id) }
                try inv.printList(users.map { $0.publicJSON(now: now) }, User.schema)
            },
            CommandSpec(
                "users", "show", summary: "show one portal user",
                args: [emailArg],
                examples: [Example("wt users show p.devries@bakkerij.nl --json", "one user as JSON (never a hash or token)")],
                fields: User.schema.names, access: .read
            ) { inv in
                let actor = try inv.actor()
                let u = try UserDirectory.require(inv.arg(0)!, try inv.store())
                try AccessControl.requireVisible(actor, client: u.client, id: u.email)
                try inv.printRecord(u.publicJSON(now: inv.ctx.nowStamp), User.schema)
            },
            change(.disable, summary: "disable an account: the user can no longer log in or act", done: "disabled",
                already: "is already disabled", example: Example("wt users disable k.smit@bakkerij.nl", "Kees left the company")),
            change(.enable, summary: "enable a disabled account again", done: "enabled",
                already: "is not disabled", example: Example("wt users enable k.smit@bakkerij.nl", "Kees is back")),
            change(.unlock, summary: "lift a lock after failed logins, and reset the failure count", done: "unlocked",
                already: "is not locked", example: Example("wt users unlock p.devries@bakkerij.nl", "Petra may try again now")),
        ])
}

extension IdAllocator {
    /// The number of an id (`u-12` → 12), for sorting in creation order.
    static func number(_ id: String) -> Int { Int(id.split(separator: "-").last ?? "") ?? 0 }
}
