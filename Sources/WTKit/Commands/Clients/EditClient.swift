/// `wt clients edit ID [--name NAME] [--kvk ...]`
struct EditClient: Verb {
    struct Options: Equatable {
        var id: String
        var fields: Organisation.ClientFields
    }

    static let id = Argument(0, "ID", "the client's id", completion: .records("clients"))
    static let name = ValueOption("name", "NAME", help: "the company's name") { try TextRules.line($0, what: "--name") }

    static let spec = VerbSpec(
        "clients", "edit", summary: "change a client's details (issued invoices keep the old ones)",
        args: [id], options: [name] + ClientFieldOptions.all,
        examples: [Example("wt clients edit cl-1 --g-account-percent 25", "let the client pay a quarter of each invoice to the G-account")],
        fields: Client.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        var f = try ClientFieldOptions.fields(from: line)
        f.name = try name.value(in: line)
        return Options(id: try id.required(in: line), fields: f)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let c = try env.write { uow in try Organisation.editClient(o.id, o.fields, in: uow.tx, actor: actor) }
        try env.done("changed client \(c.id) \(c.name)", records: [c.stored], schema: Client.schema)
    }
}
