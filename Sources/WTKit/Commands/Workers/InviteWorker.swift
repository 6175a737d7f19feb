/// `wt workers invite ID`: the worker's own account, its link mailed to them.
struct InviteWorker: RecordIDVerb {
    static let id = WorkerOptions.id

    static let spec = VerbSpec(
        "workers", "invite", summary: "create the worker's own account and mail its activation link",
        args: [id],
        examples: [
            Example("wt workers invite w-3", "mails the link to the worker's address; prints it too"),
            Example("wt workers invite w-3 --quiet", "the link goes only by mail"),
        ],
        fields: WorkersCommands.inviteSchema.names, access: .write)

    static func run(_ o: Options, _ env: CommandEnv) throws {
        // The link is printed before the mail goes: a failed transport keeps it in the outbox.
        try env.write({ uow in
            let i = try Accounts.inviteWorker(o.id, in: uow.tx, env: uow.env, actor: try env.actor())
            uow.send(i.message)
            return i
        }, report: { try WorkersCommands.printInvitation(env, $0, verb: "invited") })
    }
}
