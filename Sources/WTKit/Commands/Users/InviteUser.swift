/// `wt users invite EMAIL --client ID --name NAME [--phone] [--role] [--department]`
struct InviteUser: Verb {
    struct Options: Equatable {
        var email: String
        var client: String
        var name: String
        var phone: String?
        var roles: [Role]
        var departments: [String]
    }

    static let email = Argument(0, "EMAIL", "the user's e-mail address: the login, and where the activation mail goes")

    static let spec = VerbSpec(
        "users", "invite", summary: "create a portal account and mail its activation link",
        args: [email], options: [UserOptions.client, UserOptions.name, UserOptions.phone, UserOptions.role, UserOptions.department],
        examples: [
            Example("wt users invite p.devries@bakkerij.nl --client cl-1 --name 'Petra de Vries' --role approver,signer --phone 0612345678",
                "an approver who also signs documents; prints the activation link"),
            Example("wt users invite k.smit@bakkerij.nl --client cl-1 --name 'Kees Smit' --department dep-2 --quiet",
                "a viewer of one department; the link goes only by mail"),
        ],
        fields: UsersCommands.inviteSchema.names, access: .write)

    /// In the order they were always checked: client, name, phone, roles.
    static func options(from line: ParsedLine) throws -> Options {
        let client = try UserOptions.client.required(in: line)
        let name = try UserOptions.name.required(in: line)
        let phone = try UserOptions.phone.value(in: line)
        var roles: [Role] = []
        for r in try UserOptions.role.values(in: line) where !roles.contains(r) { roles.append(r) }
        return Options(
            email: try email.required(in: line), client: client, name: name, phone: phone, roles: roles,
            departments: try UserOptions.department.values(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        // The link is printed before the mail goes: a failed transport keeps it in the outbox.
        try env.write({ uow in
            let i = try Accounts.invite(
                email: o.email, name: o.name, client: o.client, phone: o.phone, roles: o.roles, departments: o.departments,
                in: uow.tx, env: uow.env, actor: actor)
            uow.send(i.message)
            return i
        }, report: { try UsersCommands.printInvitation(env, $0, verb: "invited") })
    }
}
