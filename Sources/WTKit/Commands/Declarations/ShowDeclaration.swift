/// `wt declarations show ID`
struct ShowDeclaration: RecordIDVerb {
    static let id = Argument(0, "ID", "the declaration", completion: .records("declarations"))

    static let spec = VerbSpec(
        "declarations", "show", summary: "show a declaration with its lines, totals, comments and history",
        args: [id],
        examples: [Example("wt declarations show d-1042", "everything about one week of one contract")],
        fields: Declaration.schema.names, access: .read)

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let store = try env.store()
        let d = try Declarations.find(o.id, store, actor: try env.actor())
        try env.printRecord(try DeclarationOutput.rows([d], store)[0], Declaration.schema)
    }
}
