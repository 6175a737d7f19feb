/// `wt users list [--client ID] [--status STATUS]`: the users the actor may see.
struct ListUsers: Verb {
    struct Options: Equatable {
        var client: String?
        var statuses: [String]
    }

    static let statusNames = ["invited", "active", "locked", "disabled"]

    static let client = ValueOption("client", "ID", help: "only this client's users", completion: .records("clients"))
    static let status = ListOption(
        "status", "STATUS", help: "only these statuses: invited, active, locked, disabled", completion: .choices(statusNames)
    ) { s -> String in
        guard statusNames.contains(s) else {
            throw WTError.usage("unknown status \"\(RecordKind.printable(s))\"",
                hint: (suggestion(for: s, among: statusNames).map { "did you mean \($0)? " } ?? "") + "statuses: " + statusNames.joined(separator: ", "))
        }
        return s
    }

    static let spec = VerbSpec(
        "users", "list", summary: "list portal users",
        options: [client, status],
        examples: [
            Example("wt users list --client cl-1", "one client's users"),
            Example("wt users list --status locked,invited --fields email,status --format tsv", "who cannot log in now"),
        ],
        fields: User.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(client: try client.value(in: line), statuses: try status.values(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let store = try env.store()
        let client = try env.scopedClient(o.client)
        let now = env.ctx.nowStamp
        let users = try UserDirectory.all(store, client: client, actor: actor).filter {
            o.statuses.isEmpty || o.statuses.contains($0.account.effectiveStatus(now: now))
        }
        try env.printList(users.map { $0.publicJSON(now: now) }, User.schema)
    }
}
