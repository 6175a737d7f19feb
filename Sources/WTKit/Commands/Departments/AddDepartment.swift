/// `wt departments add CLIENT NAME [--cost-center CODE]`
struct AddDepartment: Verb {
    struct Options: Equatable {
        var client: String
        var name: String
        var costCenter: String?
    }

    static let client = Argument(0, "CLIENT", "the client's id", completion: .records("clients"))
    static let name = Argument(1, "NAME", "the department's name")
    static let costCenter = ValueOption("cost-center", "CODE", help: "the client's cost center, printed on invoices") {
        try TextRules.line($0, what: "--cost-center", max: 40)
    }

    static let spec = VerbSpec(
        "departments", "add", summary: "add a department to a client",
        args: [client, name], options: [costCenter],
        examples: [Example("wt departments add cl-1 'Productie Utrecht' --cost-center 4100", "add a department")],
        fields: Department.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        let n = try TextRules.line(try name.required(in: line), what: "the department's name")
        return Options(client: try client.required(in: line), name: n, costCenter: try costCenter.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let d = try env.write { uow in
            try Organisation.addDepartment(client: o.client, name: o.name, costCenter: o.costCenter, in: uow.tx, actor: actor)
        }
        try env.done("added department \(d.id) \(d.name) to \(d.client)", records: [d.stored], schema: Department.schema)
    }
}
