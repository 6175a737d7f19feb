/// How the `account` verbs read passwords, written once: `--password-stdin`
/// (one per line on stdin) or asked without echo on the terminal. Passwords
/// are never arguments.
enum PasswordOptions {
    static let passwordStdin = FlagOption(
        "password-stdin", help: "read the password(s) from stdin, one per line, instead of asking (required without a terminal)")

    /// The e-mail address login and passwd take.
    static let email = Argument(0, "EMAIL", "the e-mail address of the user or worker", completion: .records("users"))

    /// What login and passwd are given: an account and where its password(s) come from.
    struct Account: Equatable {
        var email: String
        var passwordStdin: Bool
    }

    static func account(from line: ParsedLine) throws -> Account {
        Account(email: try email.required(in: line), passwordStdin: passwordStdin.isSet(in: line))
    }
}

/// Reads passwords for one run, from stdin or the terminal.
struct PasswordInput {
    let env: CommandEnv
    let fromStdin: Bool

    /// Without a terminal to ask on, the password must come from stdin.
    init(_ env: CommandEnv, fromStdin: Bool) throws {
        guard fromStdin || env.ctx.stdinIsTerminal else {
            throw WTError.usage("`wt \(env.command.path)` asks for passwords on a terminal, and there is none",
                hint: "give them on stdin, one per line, with --password-stdin (never as arguments)")
        }
        self.env = env
        self.fromStdin = fromStdin
    }

    func stdinLine(_ what: String) throws -> String {
        guard var line = env.ctx.stdin.readLine() else {
            throw WTError.usage("expected \(what) on stdin", hint: "with --password-stdin, give one value per line")
        }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    func prompt(_ text: String) throws -> String {
        guard var line = env.ctx.stdin.readSecretLine(prompt: text, to: env.ctx.stderr) else {
            throw WTError.usage("no input: nothing was changed")
        }
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }

    func current(prompt text: String) throws -> String {
        fromStdin ? try stdinLine("the password") : try prompt(text)
    }

    /// A new password: one line on stdin, or asked twice on the terminal.
    func new(what: String) throws -> String {
        if fromStdin { return try stdinLine(what) }
        let first = try prompt("New password: ")
        let second = try prompt("Repeat the new password: ")
        guard first == second else { throw WTError.invalid("the two passwords differ: nothing was changed", hint: "type the same password twice") }
        return first
    }

    /// What login and passwd check first: a password source (done by init),
    /// the account named, that `--as` (if given) is that account, and that it
    /// may log in at all.
    func accountThatMayLogIn(_ key: String) throws -> AccountHolder {
        try Accounts.accountThatMayLogIn(key, try env.store(), now: env.ctx.nowStamp, actingAs: env.actingAs)
    }
}
