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

enum WorkersCommands {
    static let noun = NounSpec(
        "workers", summary: "flex workers (medewerkers)",
        details: "A worker is placed at clients through contracts and reports hours in weekly declarations. A rejected declaration is mailed to the worker's address.",
        commands: [
            CommandSpec(
                "workers", "add", summary: "add a flex worker",
                args: [ArgSpec("NAME", "the worker's full name")],
                options: [
                    OptionSpec("email", value: "EMAIL", help: "where rejections and reminders go"),
                    OptionSpec("phone", value: "PHONE", help: "mobile number"),
                    OptionSpec("iban", value: "IBAN", help: "bank account for wages (checked with mod 97)"),
                ],
                examples: [Example("wt workers add 'Sanne de Vries' --email sanne@example.nl --iban NL91ABNA0417164300", "add a worker")],
                fields: Worker.schema.names, access: .write
            ) { inv in
                let actor = try inv.actor()
                try AccessControl.requireBackoffice(actor, toDo: "add workers")
                let name = try TextRules.line(inv.arg(0)!, what: "the worker's name")
                func checked(_ opt: String, _ f: (String) throws -> String) throws -> String? {
                    guard let v = inv.value(opt) else { return nil }
                    do { return try f(v) } catch let e as WTError { throw WTError.invalid("--\(opt): \(e.message)", hint: e.hint) }
                }
                let email = try checked("email") { try Email.normalize($0) }
                let phone = try checked("phone") { try Phone.normalize($0) }
                let iban = try checked("iban") { try IBAN.normalize($0) }
                let tx = try inv.begin()
                let w = try Organisation.addWorker(name: name, email: email, phone: phone, iban: iban, in: tx)
                try inv.commit(tx)
                try inv.done("added worker \(w.id) \(w.name)", records: [w.stored], schema: Worker.schema)
            },
            CommandSpec(
                "workers", "list", summary: "list workers",
                examples: [Example("wt workers list --fields id,name --format tsv --no-header", "ids and names for a script")],
                fields: Worker.schema.names, access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "list all workers")
                try inv.printList(try Organisation.workers(try inv.store()).map(\.stored), Worker.schema)
            },
            CommandSpec(
                "workers", "show", summary: "show one worker",
                args: [ArgSpec("ID", "the worker's id", completion: .records("workers"))],
                examples: [Example("wt workers show w-1", "one worker, with their phase count (weeks worked, weeks left in phase A or 1-2)")],
                fields: Worker.schema.names + ["phase"], access: .read
            ) { inv in
                try AccessControl.requireBackoffice(try inv.actor(), toDo: "show workers")
                let store = try inv.store()
                let w = try Organisation.worker(inv.arg(0)!, store)
                // SPEC §13: the phase count as of this week, from the worker's summary file.
                let phase = try ContractGuards.phase(worker: w.id, asOf: ISOWeek(containing: inv.ctx.today), store)
                guard case .object(var o) = w.stored else { return }
                o["phase"] = inv.globals.format == .table
                    ? .string("\(phase.weeksWorked) weeks worked, \(phase.weeksLeftA) left in phase A or 1-2") : phase.json
                try inv.printRecord(.object(o), Schema(Worker.schema.fields + [Field("phase")]))
            },
        ])
}
