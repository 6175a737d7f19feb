/// `wt workers reinvite ID`: a new link; every earlier one stops working.
struct ReinviteWorker: RecordIDVerb {
    static let id = WorkerOptions.id

    static let spec = VerbSpec(
        "workers", "reinvite", summary: "mail a new activation link; every earlier link stops working",
        args: [id],
        examples: [Example("wt workers reinvite w-3", "the first link expired: send a new one")],
        fields: WorkersCommands.inviteSchema.names, access: .write)

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        // The link is printed before the mail goes: a failed transport keeps it in the outbox.
        try env.write({ uow in
            let i = try Organisation.reinviteWorker(o.id, in: uow.tx, env: uow.env, actor: actor)
            uow.send(i.message)
            return i
        }, report: { try WorkersCommands.printInvitation(env, $0, verb: "reinvited") })
    }
}
