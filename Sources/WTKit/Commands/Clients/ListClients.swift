/// `wt clients list`: the clients the actor may see.
struct ListClients: Verb {
    struct Options: Equatable {}

    static let spec = VerbSpec(
        "clients", "list", summary: "list the clients",
        examples: [Example("wt clients list --format csv", "every client as CSV")],
        fields: Client.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options { Options() }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let rows = try Organisation.clients(try env.store(), visibleTo: actor)
        try env.printList(rows.map(\.stored), Client.schema)
    }
}
