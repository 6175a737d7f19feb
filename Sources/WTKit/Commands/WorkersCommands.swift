enum WorkersCommands {
    static let inviteSchema = Schema(
        Worker.schema.fields + [Field("activationLink", table: false), Field("activationMessage", table: false)])
    static let idArg = ArgSpec("ID", "the worker's id", completion: .records("workers"))

    /// `--email`, `--phone`, `--iban` checked as `add` checks them (6 naming the option).
    static func checked(_ inv: CommandEnv, _ opt: String, _ f: (String) throws -> String) throws -> String? {
        guard let v = inv.value(opt) else { return nil }
        do { return try f(v) } catch let e as WTError { throw WTError.invalid("--\(opt): \(e.message)", hint: e.hint) }
    }

    static let detailOptions = [
        OptionSpec("email", value: "EMAIL", help: "where rejections and reminders go, and the login of the worker's account"),
        OptionSpec("phone", value: "PHONE", help: "mobile number"),
        OptionSpec("iban", value: "IBAN", help: "bank account for wages (checked with mod 97)"),
    ]

    static func row(_ w: Worker, _ inv: CommandEnv) -> JSON { w.publicJSON(now: inv.ctx.nowStamp) }

    /// The worker, their link (unless --quiet or a dry run) and the mail that carries it.
    static func printInvitation(_ inv: CommandEnv, _ i: Accounts.Invitation, verb: String) throws {
        guard case .worker(let w) = i.account else { return }
        var o = row(w, inv).objectValue ?? [:]
        let showLink = !inv.quiet && !inv.dryRun
        o["activationLink"] = showLink ? .string(i.link) : .null
        o["activationMessage"] = .string(i.message.id)
        var message = "\(verb) \(w.id) \(w.name) <\(i.account.email)>; activation mail \(i.message.id), link valid until \(Timestamp.local(i.expiresAt))"
        if showLink { message += "\n" + i.link }
        try inv.done(message, records: [.object(o)], schema: inviteSchema)
    }

    /// The worker with an account, for the account verbs (4 without one).
    static func account(_ id: String, _ tx: Transaction) throws -> AccountHolder {
        let w = try Organisation.worker(id, tx)
        guard w.account != nil else {
            throw WTError.conflict("worker \(w.id) (\(w.name)) has no account", hint: "create one with `wt workers invite \(w.id)`")
        }
        return .worker(w)
    }

    /// disable, enable and unlock: back office only, "nothing to do" is success.
    static func change(_ change: Accounts.Change, summary: String, done verb: String, already: String, example: Example) -> CommandSpec {
        CommandSpec("workers", change.rawValue, summary: summary, args: [idArg], examples: [example], fields: Worker.schema.names, access: .write) { inv in
            let actor = try inv.actor()
            try AccessControl.requireBackoffice(actor, toDo: "\(change.rawValue) workers")
            let tx = try inv.begin()
            let (a, changed) = try Accounts.change(change, try account(inv.arg(0)!, tx), in: tx, actor: actor)
            try inv.commit(tx)
            guard case .worker(let w) = a else { return }
            try inv.done(changed ? "\(verb) \(w.id) \(a.email)" : "\(w.id) \(a.email) \(already): nothing to do", records: [row(w, inv)], schema: Worker.schema)
        }
    }

    static let noun = NounSpec(
        "workers", summary: "flex workers (medewerkers) and their accounts",
        details: """
            A worker is placed at clients through contracts and reports hours in weekly declarations. A rejected declaration is mailed to the worker's address. A worker may have a portal account of their own, made like a client user's (see `wt help users`): `invite` mails a one-time activation link to the worker's e-mail address, the worker chooses a password with `wt account activate` and then acts with `--as` that address: they see only their own contracts and declarations, and enter, import, submit and comment on their own declarations (report or rejected); everything else is refused (5). One e-mail address is one account, of a user or of a worker. Account: none (Geen account), invited (Uitgenodigd), active (Actief), locked (Geblokkeerd) or disabled (Uitgeschakeld). Only the back office adds, edits and invites workers; output never holds a password hash or token.
            """,
        commands: [
            CommandSpec(
                "workers", "add", summary: "add a flex worker",
                args: [ArgSpec("NAME", "the worker's full name")],
                options: detailOptions,
                examples: [Example("wt workers add 'Sanne de Vries' --email sanne@example.nl --iban NL91ABNA0417164300", "add a worker")],
                fields: Worker.schema.names, access: .write
            ) { inv in
                let actor = try inv.actor()
                try AccessControl.requireBackoffice(actor, toDo: "add workers")
                let name = try TextRules.line(inv.arg(0)!, what: "the worker's name")
                let email = try checked(inv, "email") { try Email.normalize($0) }
                let phone = try checked(inv, "phone") { try Phone.normalize($0) }
                let iban = try checked(inv, "iban") { try IBAN.normalize($0) }
                let tx = try inv.begin()
                let w = try Organisation.addWorker(name: name, email: email, phone: phone, iban: iban, in: tx)
                try inv.commit(tx)
                try inv.done("added worker \(w.id) \(w.name)", records: [row(w, inv)], schema: Worker.schema)
            },
            CommandSpec(
                "workers", "edit", summary: "change a worker's details (checked as add checks them)",
                args: [idArg],
                options: [OptionSpec("name", value: "NAME", help: "the worker's full name")] + detailOptions,
                examples: [
                    Example("wt workers edit w-3 --email daan.bakker@mail.example", "a new address: also the login of the worker's account"),
                    Example("wt workers edit w-3 --iban NL91ABNA0417164300 --phone 0612345678", "bank account and phone"),
                ],
                fields: Worker.schema.names, access: .write
            ) { inv in
                let actor = try inv.actor()
                try AccessControl.requireBackoffice(actor, toDo: "edit workers")
                var f = Organisation.WorkerFields()
                f.name = try inv.value("name").map { try TextRules.line($0, what: "--name") }
                f.email = try checked(inv, "email") { try Email.normalize($0) }
                f.phone = try checked(inv, "phone") { try Phone.normalize($0) }
                f.iban = try checked(inv, "iban") { try IBAN.normalize($0) }
                guard f.name != nil || f.email != nil || f.phone != nil || f.iban != nil else {
                    throw WTError.usage("`wt workers edit` needs something to change", hint: "usage: \(inv.command.synopsis)")
                }
                let tx = try inv.begin()
                let w = try Organisation.editWorker(inv.arg(0)!, f, in: tx)
                try inv.commit(tx)
                try inv.done("changed worker \(w.id) \(w.name)", records: [row(w, inv)], schema: Worker.schema)
            },
            CommandSpec(
                "workers", "list", summary: "list workers",
                examples: [Example("wt workers list --fields id,name,account --format tsv --no-header", "ids, names and accounts for a script")],
                fields: Worker.schema.names, access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "list all workers")
                try inv.printList(try Organisation.workers(try inv.store()).map { row($0, inv) }, Worker.schema)
            },
            CommandSpec(
                "workers", "show", summary: "show one worker",
                args: [idArg],
                examples: [Example("wt workers show w-1", "one worker, with their phase count (weeks worked, weeks left in phase A or 1-2)")],
                fields: Worker.schema.names + ["phase"], access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "show workers")
                let store = try inv.store()
                let w = try Organisation.worker(inv.arg(0)!, store)
                // SPEC §13: the phase count as of this week, from the worker's summary file.
                let phase = try ContractGuards.phase(worker: w.id, asOf: ISOWeek(containing: inv.ctx.today), store)
                guard case .object(var o) = row(w, inv) else { return }
                o["phase"] = inv.globals.format == .table
                    ? .string("\(phase.weeksWorked) weeks worked, \(phase.weeksLeftA) left in phase A or 1-2") : phase.json
                try inv.printRecord(.object(o), Schema(Worker.schema.fields + [Field("phase")]))
            },
            CommandSpec(
                "workers", "invite", summary: "create the worker's own account and mail its activation link",
                args: [idArg],
                examples: [
                    Example("wt workers invite w-3", "mails the link to the worker's address; prints it too"),
                    Example("wt workers invite w-3 --quiet", "the link goes only by mail"),
                ],
                fields: inviteSchema.names, access: .write
            ) { inv in
                let tx = try inv.begin()
                let invitation = try Accounts.inviteWorker(inv.arg(0)!, in: tx, env: inv.ctx.services, actor: try inv.actor())
                try inv.commit(tx)
                try printInvitation(inv, invitation, verb: "invited")
                try inv.deliver([invitation.message])
            },
            CommandSpec(
                "workers", "reinvite", summary: "mail a new activation link; every earlier link stops working",
                args: [idArg],
                examples: [Example("wt workers reinvite w-3", "the first link expired: send a new one")],
                fields: inviteSchema.names, access: .write
            ) { inv in
                let actor = try inv.actor()
                try AccessControl.requireBackoffice(actor, toDo: "reinvite workers")
                let tx = try inv.begin()
                let invitation = try Accounts.reinvite(try account(inv.arg(0)!, tx), in: tx, env: inv.ctx.services, actor: actor)
                try inv.commit(tx)
                try printInvitation(inv, invitation, verb: "reinvited")
                try inv.deliver([invitation.message])
            },
            change(.disable, summary: "disable a worker's account: they can no longer log in or act", done: "disabled",
                already: "is already disabled", example: Example("wt workers disable w-3", "Daan left the agency")),
            change(.enable, summary: "enable a disabled worker's account again", done: "enabled",
                already: "is not disabled", example: Example("wt workers enable w-3", "Daan is back")),
            change(.unlock, summary: "lift a lock after failed logins, and reset the failure count", done: "unlocked",
                already: "is not locked", example: Example("wt workers unlock w-3", "Daan may try again now")),
        ])
}
