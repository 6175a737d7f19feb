enum DepartmentsCommands {
    static let noun = NounSpec(
        "departments", summary: "a client's departments (opdrachtgevers)",
        details: "A department is the part of a client that hires: the portal's Opdrachtgevers tab. Contracts belong to a department, and a portal user may be limited to some departments.",
        commands: [
            CommandSpec(
                "departments", "add", summary: "add a department to a client",
                args: [ArgSpec("CLIENT", "the client's id", completion: .records("clients")), ArgSpec("NAME", "the department's name")],
                options: [OptionSpec("cost-center", value: "CODE", help: "the client's cost center, printed on invoices")],
                examples: [Example("wt departments add cl-1 'Productie Utrecht' --cost-center 4100", "add a department")],
                fields: Department.schema.names, access: .write
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "add departments")
                let name = try TextRules.line(inv.arg(1)!, what: "the department's name")
                let cc = try inv.value("cost-center").map { try TextRules.line($0, what: "--cost-center", max: 40) }
                let tx = try inv.begin()
                let d = try Organisation.addDepartment(client: inv.arg(0)!, name: name, costCenter: cc, in: tx, actor: try inv.actor())
                try inv.commit(tx)
                try inv.done("added department \(d.id) \(d.name) to \(d.client)", records: [d.stored], schema: Department.schema)
            },
            CommandSpec(
                "departments", "list", summary: "list departments",
                options: [OptionSpec("client", value: "ID", help: "only this client's departments", completion: .records("clients"))],
                examples: [Example("wt departments list --client cl-1", "the departments of one client")],
                fields: Department.schema.names, access: .read
            ) { inv in
                let actor = try inv.actor()
                let store = try inv.store()
                if let c = inv.value("client") { _ = try Organisation.client(c, store, actor: actor) }
                let rows = try Organisation.departments(store).filter {
                    AccessControl.canSee(actor, client: $0.client, department: $0.id)
                        && (inv.value("client") == nil || $0.client == inv.value("client"))
                }
                try inv.printList(rows.map(\.stored), Department.schema)
            },
            CommandSpec(
                "departments", "show", summary: "show one department",
                args: [ArgSpec("ID", "the department's id", completion: .records("departments"))],
                examples: [Example("wt departments show dep-1", "one department")],
                fields: Department.schema.names, access: .read
            ) { inv in
                let d = try Organisation.department(inv.arg(0)!, try inv.store(), actor: try inv.actor())
                try inv.printRecord(d.stored, Department.schema)
            },
        ])
}
