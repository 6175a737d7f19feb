/// `wt workers add NAME [--email] [--phone] [--iban]`
struct AddWorker: Verb {
    struct Options: Equatable {
        var name: String
        var email: String?
        var phone: String?
        var iban: String?
    }

    static let name = Argument(0, "NAME", "the worker's full name")

    static let spec = VerbSpec(
        "workers", "add", summary: "add a flex worker",
        args: [name], options: WorkerOptions.details,
        examples: [Example("wt workers add 'Sanne de Vries' --email sanne@example.nl --iban NL91ABNA0417164300", "add a worker")],
        fields: Worker.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        let n = try TextRules.line(try name.required(in: line), what: "the worker's name")
        let f = try WorkerOptions.fields(from: line)
        return Options(name: n, email: f.email, phone: f.phone, iban: f.iban)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let w = try env.write { uow in
            try Organisation.addWorker(name: o.name, email: o.email, phone: o.phone, iban: o.iban, in: uow.tx, actor: actor)
        }
        try env.done("added worker \(w.id) \(w.name)", records: [WorkersCommands.row(w, env)], schema: Worker.schema)
    }
}
