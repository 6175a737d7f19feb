/// `wt users reinvite EMAIL`: a new link; every earlier one stops working.
struct ReinviteUser: Verb {
    struct Options: Equatable {
        var email: String
    }

    static let spec = VerbSpec(
        "users", "reinvite", summary: "mail a new activation link; every earlier link stops working",
        args: [UserOptions.email],
        examples: [Example("wt users reinvite p.devries@bakkerij.nl", "the first link expired: send a new one")],
        fields: UsersCommands.inviteSchema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options { Options(email: try UserOptions.email.required(in: line)) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        // The link is printed before the mail goes: a failed transport keeps it in the outbox.
        try env.write({ uow in
            let i = try UserDirectory.reinvite(o.email, in: uow.tx, env: uow.env, actor: try env.actor())
            uow.send(i.message)
            return i
        }, report: { try UsersCommands.printInvitation(env, $0, verb: "reinvited") })
    }
}
