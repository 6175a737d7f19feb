/// `wt workers edit ID [--name] [--email] [--phone] [--iban]`: at least one.
struct EditWorker: Verb {
    struct Options: Equatable {
        var id: String
        var fields: Organisation.WorkerFields
    }

    static let spec = VerbSpec(
        "workers", "edit", summary: "change a worker's details (checked as add checks them)",
        args: [WorkerOptions.id], options: [WorkerOptions.name] + WorkerOptions.details,
        examples: [
            Example("wt workers edit w-3 --email daan.bakker@mail.example", "a new address: also the login of the worker's account"),
            Example("wt workers edit w-3 --iban NL91ABNA0417164300 --phone 0612345678", "bank account and phone"),
        ],
        fields: Worker.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        let name = try WorkerOptions.name.value(in: line)
        var f = try WorkerOptions.fields(from: line)
        f.name = name
        guard f.name != nil || f.email != nil || f.phone != nil || f.iban != nil else {
            throw WTError.usage("`wt workers edit` needs something to change", hint: line.command.map { "usage: \($0.synopsis)" })
        }
        return Options(id: try WorkerOptions.id.required(in: line), fields: f)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let w = try env.write { uow in
            try Organisation.editWorker(o.id, o.fields, in: uow.tx, declarations: uow.declarations, actor: actor)
        }
        try env.done("changed worker \(w.id) \(w.name)", records: [WorkersCommands.row(w, env)], schema: Worker.schema)
    }
}
