/// `wt clients add NAME [--kvk ...]`
struct AddClient: Verb {
    struct Options: Equatable {
        var fields: Organisation.ClientFields
    }

    static let name = Argument(0, "NAME", "the company's name")

    static let spec = VerbSpec(
        "clients", "add", summary: "add a client company",
        args: [name], options: ClientFieldOptions.all,
        examples: [Example("wt clients add 'Bakkerij Jansen BV' --kvk 12345678 --vat-id NL123456782B01 --city Utrecht", "add a client with its KvK number and VAT id")],
        fields: Client.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        var f = try ClientFieldOptions.fields(from: line)
        f.name = try TextRules.line(try name.required(in: line), what: "the client's name")
        return Options(fields: f)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let c = try env.write { uow in try Organisation.addClient(o.fields, in: uow.tx, actor: actor) }
        try env.done("added client \(c.id) \(c.name)", records: [c.stored], schema: Client.schema)
    }
}
