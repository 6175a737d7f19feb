/// `wt users show EMAIL`: never a hash or token.
struct ShowUser: Verb {
    struct Options: Equatable {
        var email: String
    }

    static let spec = VerbSpec(
        "users", "show", summary: "show one portal user",
        args: [UserOptions.email],
        examples: [Example("wt users show p.devries@bakkerij.nl --json", "one user as JSON (never a hash or token)")],
        fields: User.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options { Options(email: try UserOptions.email.required(in: line)) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let u = try UserDirectory.require(o.email, try env.store(), actor: actor)
        try env.printRecord(u.publicJSON(now: env.ctx.nowStamp), User.schema)
    }
}
