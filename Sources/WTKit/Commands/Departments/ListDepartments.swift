/// `wt departments list [--client ID]`: the departments the actor may see.
struct ListDepartments: Verb {
    struct Options: Equatable {
        var client: String?
    }

    static let client = ValueOption("client", "ID", help: "only this client's departments", completion: .records("clients"))

    static let spec = VerbSpec(
        "departments", "list", summary: "list departments",
        options: [client],
        examples: [Example("wt departments list --client cl-1", "the departments of one client")],
        fields: Department.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options { Options(client: try client.value(in: line)) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let store = try env.store()
        if let c = o.client { _ = try Organisation.client(c, store, actor: actor) }
        let rows = try Organisation.departments(store, visibleTo: actor).filter { o.client == nil || $0.client == o.client }
        try env.printList(rows.map(\.stored), Department.schema)
    }
}
