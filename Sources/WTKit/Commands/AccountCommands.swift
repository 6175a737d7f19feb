enum AccountCommands {
    static let passwordStdin = OptionSpec(
        "password-stdin", help: "read the password(s) from stdin, one per line, instead of asking (required without a terminal)")

    /// Without a terminal to ask on, the password must come from stdin.
    static func requirePasswordSource(_ inv: CommandEnv) throws {
        guard inv.flag("password-stdin") || inv.ctx.stdinIsTerminal else {
            throw WTError.usage("`wt \(inv.command.path)` asks for passwords on a terminal, and there is none",
                hint: "give them on stdin, one per line, with --password-stdin (never as arguments)")
        }
    }

    static func stdinLine(_ inv: CommandEnv, _ what: String) throws -> String {
        guard var line = inv.ctx.stdin.readLine() else {
            throw WTError.usage("expected \(what) on stdin", hint: "with --password-stdin, give one value per line")
        }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    static func prompt(_ inv: CommandEnv, _ text: String) throws -> String {
        guard var line = inv.ctx.stdin.readSecretLine(prompt: text, to: inv.ctx.stderr) else {
            throw WTError.usage("no input: nothing was changed")
        }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    static func currentPassword(_ inv: CommandEnv, prompt text: String) throws -> String {
        inv.flag("password-stdin") ? try stdinLine(inv, "the password") : try prompt(inv, text)
    }

    /// A new password: one line on stdin, or asked twice on the terminal.
    static func newPassword(_ inv: CommandEnv, what: String) throws -> String {
        if inv.flag("password-stdin") { return try stdinLine(inv, what) }
        let first = try prompt(inv, "New password: ")
        let second = try prompt(inv, "Repeat the new password: ")
        guard first == second else { throw WTError.invalid("the two passwords differ: nothing was changed", hint: "type the same password twice") }
        return first
    }

    /// `--as` (or WT_AS) may only name the account itself: nobody acts on another's account.
    /// What login and passwd check first: a password source, the account named,
    /// that `--as` (if given) is that account, and that it may log in at all.
    static func accountThatMayLogIn(_ inv: CommandEnv) throws -> (Store, AccountHolder) {
        try requirePasswordSource(inv)
        let store = try inv.store()
        let user = try AccountDirectory.require(inv.arg(0)!, store)
        try requireSelf(inv, user)
        try Accounts.requireCanLogIn(user, now: inv.ctx.nowStamp)
        return (store, user)
    }

    static func requireSelf(_ inv: CommandEnv, _ user: AccountHolder) throws {
        guard let raw = inv.globals.actAs ?? inv.ctx.environment["WT_AS"].flatMap({ $0.isEmpty ? nil : $0 }) else { return }
        let me = (try? Accounts.normalizeEmail(raw)) ?? raw
        guard me == user.email || me == user.id else {
            throw WTError.denied("\(RecordKind.printable(raw)) may not act on the account of \(user.email)")
        }
    }

    static let noun = NounSpec(
        "account", summary: "a portal user's or worker's own account: activate, log in, change the password",
        details: """
            What a portal user or a worker (SPEC §11: the same kind of account, by the worker's e-mail address) does with their account. Passwords are never arguments: on a terminal they are asked without echo (new ones twice, and the two must match); without a terminal --password-stdin is required and reads them from stdin, one per line (activate: the new password, after the token when TOKEN is -; login: the password; passwd: the old, then the new). The policy (password.minLength, password.require*) gives 6 naming every rule broken; password.history N: a new password may not be one of the last N (the current one included); password.maxAgeDays: an older password no longer logs in (5) until changed with passwd. login.maxFailures wrong passwords in a row (login or passwd) lock the account for login.lockMinutes; a right one resets the count. Exit status: 3 unknown user or activation link; 4 link used, replaced by a newer one or expired; 5 wrong password, locked, disabled, not activated or expired password; 6 policy.
            """,
        commands: [
            CommandSpec(
                "account", "activate", summary: "choose the first password with the activation link, and activate",
                args: [ArgSpec("TOKEN", "the activation link from the mail, the token at its end, or - to read it from stdin")],
                options: [passwordStdin],
                examples: [
                    Example("wt account activate 'https://werktalent.helloflex.com/deeplink/index/<token>'", "asks for the new password twice"),
                    Example("printf '%s\\n%s\\n' \"$LINK\" \"$PASSWORD\" | wt account activate - --password-stdin", "link and password from a script"),
                ],
                fields: User.schema.names, access: .write
            ) { inv in
                try requirePasswordSource(inv)
                var arg = inv.arg(0)!
                if arg == "-" {
                    arg = inv.ctx.stdinIsTerminal && !inv.flag("password-stdin")
                        ? try prompt(inv, "Activation link or token: ") : try stdinLine(inv, "the activation link or token")
                }
                let token = Accounts.token(fromArgument: arg)
                guard !token.isEmpty else { throw WTError.usage("no activation token given", hint: "usage: \(inv.command.synopsis)") }
                let store = try inv.store()
                // The link is checked before the password is asked for.
                let user = try Accounts.accountForToken(token, store, now: inv.ctx.nowStamp)
                try requireSelf(inv, user)
                let password = try newPassword(inv, what: "the new password")
                let tx = store.begin(actor: user.email, at: inv.ctx.nowStamp)
                let u = try Accounts.activate(token: token, password: password, in: tx, env: inv.ctx.services)
                try inv.commit(tx)
                try inv.done("activated \(u.id) \(u.email): log in with `wt account login \(u.email)`",
                    records: [u.publicJSON(now: inv.ctx.nowStamp)], schema: User.schema)
            },
            CommandSpec(
                "account", "login", summary: "check a password (0 right; 5 wrong, locked, disabled or expired)",
                args: [ArgSpec("EMAIL", "the e-mail address of the user or worker", completion: .records("users"))],
                options: [passwordStdin],
                examples: [
                    Example("wt account login p.devries@bakkerij.nl", "asks for the password"),
                    Example("wt account login p.devries@bakkerij.nl --password-stdin < pw.txt", "the password from a file"),
                ],
                fields: User.schema.names, access: .write
            ) { inv in
                let (store, user) = try accountThatMayLogIn(inv)
                let password = try currentPassword(inv, prompt: "Password for \(user.email): ")
                let tx = store.begin(actor: user.email, at: inv.ctx.nowStamp)
                let outcome = try Accounts.login(user.email, password: password, in: tx, env: inv.ctx.services)
                // A failed attempt is committed too: it counts towards the lock.
                try inv.commit(tx)
                if let denial = outcome.denial { throw denial }
                try inv.done("logged in as \(outcome.account.email) (\(outcome.account.id))",
                    records: [outcome.account.publicJSON(now: inv.ctx.nowStamp)], schema: User.schema)
            },
            CommandSpec(
                "account", "passwd", summary: "change a password: the old one, then the new one",
                args: [ArgSpec("EMAIL", "the e-mail address of the user or worker", completion: .records("users"))],
                options: [passwordStdin],
                examples: [
                    Example("wt account passwd p.devries@bakkerij.nl", "asks for the old password, then twice for the new one"),
                    Example("printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | wt account passwd p.devries@bakkerij.nl --password-stdin", "from a script"),
                ],
                fields: User.schema.names, access: .write
            ) { inv in
                let (store, user) = try accountThatMayLogIn(inv)
                let old = try currentPassword(inv, prompt: "Current password of \(user.email): ")
                let new = try newPassword(inv, what: "the new password (second line)")
                let tx = store.begin(actor: user.email, at: inv.ctx.nowStamp)
                let outcome = try Accounts.changePassword(user.email, old: old, new: new, in: tx, env: inv.ctx.services)
                try inv.commit(tx)
                if let denial = outcome.denial { throw denial }
                try inv.done("changed the password of \(outcome.account.email) (\(outcome.account.id))",
                    records: [outcome.account.publicJSON(now: inv.ctx.nowStamp)], schema: User.schema)
            },
        ])
}
