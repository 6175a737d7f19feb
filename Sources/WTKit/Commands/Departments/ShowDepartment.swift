/// `wt departments show ID`
struct ShowDepartment: RecordIDVerb {
    static let id = Argument(0, "ID", "the department's id", completion: .records("departments"))

    static let spec = VerbSpec(
        "departments", "show", summary: "show one department",
        args: [id],
        examples: [Example("wt departments show dep-1", "one department")],
        fields: Department.schema.names, access: .read)

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let d = try Organisation.department(o.id, try env.store(), actor: try env.actor())
        try env.printRecord(d.stored, Department.schema)
    }
}
