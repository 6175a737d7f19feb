/// `wt account activate TOKEN [--password-stdin]`: the first password.
struct ActivateAccount: Verb {
    struct Options: Equatable {
        /// The token (taken out of a whole link); nil: `-`, read at run time.
        var token: String?
        var passwordStdin: Bool
    }

    static let token = Argument(0, "TOKEN", "the activation link from the mail, the token at its end, or - to read it from stdin")

    static let spec = VerbSpec(
        "account", "activate", summary: "choose the first password with the activation link, and activate",
        args: [token], options: [PasswordOptions.passwordStdin],
        examples: [
            Example("wt account activate 'https://werktalent.helloflex.com/deeplink/index/<token>'", "asks for the new password twice"),
            Example("printf '%s\\n%s\\n' \"$LINK\" \"$PASSWORD\" | wt account activate - --password-stdin", "link and password from a script"),
        ],
        fields: User.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        let raw = try token.required(in: line)
        return Options(token: raw == "-" ? nil : try given(raw, line), passwordStdin: PasswordOptions.passwordStdin.isSet(in: line))
    }

    static func given(_ raw: String, _ line: ParsedLine) throws -> String {
        let t = Accounts.token(fromArgument: raw)
        guard !t.isEmpty else { throw WTError.usage("no activation token given", hint: line.command.map { "usage: \($0.synopsis)" }) }
        return t
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let input = try PasswordInput(env, fromStdin: o.passwordStdin)
        let token: String
        if let t = o.token {
            token = t
        } else {
            let raw = env.ctx.stdinIsTerminal && !o.passwordStdin
                ? try input.prompt("Activation link or token: ") : try input.stdinLine("the activation link or token")
            token = try given(raw, env.line)
        }
        // The link is checked before the password is asked for.
        let user = try Accounts.accountForToken(token, try env.store(), now: env.ctx.nowStamp, actingAs: env.actingAs)
        let password = try input.new(what: "the new password")
        let u = try env.write(as: user.email) { uow in try Accounts.activate(token: token, password: password, in: uow.tx, env: uow.env) }
        try env.done("activated \(u.id) \(u.email): log in with `wt account login \(u.email)`",
            records: [u.publicJSON(now: env.ctx.nowStamp)], schema: User.schema)
    }
}
