/// `wt documents list [--client ID] [--contract ID] [--kind KIND] [--status STATUS]`
struct ListDocuments: Verb {
    struct Options: Equatable {
        var client: String?
        var contract: String?
        var kinds: [Document.Kind]
        var statuses: [Document.Status]
    }

    static let client = ValueOption("client", "ID", help: "only this client's documents", completion: .records("clients"))
    static let contract = ValueOption("contract", "ID", help: "only this contract's documents", completion: .records("contracts"))
    static let kind = ListOption(
        "kind", "KIND", help: "only these kinds", completion: .choices(DocumentsCommands.kinds), parse: Document.Kind.parse)
    static let status = ListOption(
        "status", "STATUS", help: "only these statuses: pending, awaiting-code, approved", completion: .choices(DocumentsCommands.statusNames)
    ) { s -> Document.Status in
        guard let st = Document.Status(rawValue: s) else {
            throw WTError.usage(
                "unknown document status \"\(RecordKind.printable(s))\"", hint: "statuses: \(DocumentsCommands.statusNames.joined(separator: ", "))")
        }
        return st
    }

    static let spec = VerbSpec(
        "documents", "list", summary: "list documents, client-level and contract-level",
        options: [client, contract, kind, status],
        examples: [Example("wt documents list --status pending", "what waits for a signature")],
        fields: Document.schema.names, access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(
            client: try client.value(in: line), contract: try contract.value(in: line),
            kinds: try kind.values(in: line), statuses: try status.values(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let store = try env.store()
        let actor = try env.actor()
        let client = try env.scopedClient(o.client)
        if let c = o.contract { _ = try Contracts.find(c, store, actor: actor) }
        let rows = try Documents.all(store, client: client, visibleTo: actor).filter { d in
            (o.contract.map { $0 == d.contract } ?? true)
                && (o.kinds.isEmpty || o.kinds.contains(d.kind)) && (o.statuses.isEmpty || o.statuses.contains(d.status))
        }
        try env.printList(rows.map(\.publicJSON), Document.schema)
    }
}
