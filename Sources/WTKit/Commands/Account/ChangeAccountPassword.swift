/// `wt account passwd EMAIL [--password-stdin]`: the old password, then the new one.
struct ChangeAccountPassword: Verb {
    typealias Options = PasswordOptions.Account

    static let spec = VerbSpec(
        "account", "passwd", summary: "change a password: the old one, then the new one",
        args: [PasswordOptions.email], options: [PasswordOptions.passwordStdin],
        examples: [
            Example("wt account passwd p.devries@bakkerij.nl", "asks for the old password, then twice for the new one"),
            Example("printf '%s\\n%s\\n' \"$OLD\" \"$NEW\" | wt account passwd p.devries@bakkerij.nl --password-stdin", "from a script"),
        ],
        fields: User.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options { try PasswordOptions.account(from: line) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let input = try PasswordInput(env, fromStdin: o.passwordStdin)
        let user = try input.accountThatMayLogIn(o.email)
        let old = try input.current(prompt: "Current password of \(user.email): ")
        let new = try input.new(what: "the new password (second line)")
        // A wrong old password is committed too: it counts towards the lock.
        let outcome = try env.write(as: user.email) { uow in
            try Accounts.changePassword(user.email, old: old, new: new, in: uow.tx, env: uow.env)
        }
        if let denial = outcome.denial { throw denial }
        try env.done("changed the password of \(outcome.account.email) (\(outcome.account.id))",
            records: [outcome.account.publicJSON(now: env.ctx.nowStamp)], schema: User.schema)
    }
}
