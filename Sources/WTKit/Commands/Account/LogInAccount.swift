/// `wt account login EMAIL [--password-stdin]`: 0 right; 5 wrong, locked, disabled or expired.
struct LogInAccount: Verb {
    typealias Options = PasswordOptions.Account

    static let spec = VerbSpec(
        "account", "login", summary: "check a password (0 right; 5 wrong, locked, disabled or expired)",
        args: [PasswordOptions.email], options: [PasswordOptions.passwordStdin],
        examples: [
            Example("wt account login p.devries@bakkerij.nl", "asks for the password"),
            Example("wt account login p.devries@bakkerij.nl --password-stdin < pw.txt", "the password from a file"),
        ],
        fields: User.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options { try PasswordOptions.account(from: line) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let input = try PasswordInput(env, fromStdin: o.passwordStdin)
        let user = try input.accountThatMayLogIn(o.email)
        let password = try input.current(prompt: "Password for \(user.email): ")
        // A failed attempt is committed too: it counts towards the lock.
        let outcome = try env.write(as: user.email) { uow in try Accounts.login(user.email, password: password, in: uow.tx, env: uow.env) }
        if let denial = outcome.denial { throw denial }
        try env.done("logged in as \(outcome.account.email) (\(outcome.account.id))",
            records: [outcome.account.publicJSON(now: env.ctx.nowStamp)], schema: User.schema)
    }
}
