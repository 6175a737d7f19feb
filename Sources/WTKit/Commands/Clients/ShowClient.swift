/// `wt clients show ID`
struct ShowClient: RecordIDVerb {
    static let id = Argument(0, "ID", "the client's id", completion: .records("clients"))

    static let spec = VerbSpec(
        "clients", "show", summary: "show one client",
        args: [id],
        examples: [Example("wt clients show cl-1 --json", "one client as JSON")],
        fields: Client.schema.names, access: .read)

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let c = try Organisation.client(o.id, try env.store(), actor: try env.actor())
        try env.printRecord(c.stored, Client.schema)
    }
}
