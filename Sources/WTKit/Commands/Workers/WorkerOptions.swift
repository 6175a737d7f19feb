/// What several `workers` verbs share, declared once: the worker argument,
/// and the details `add` and `edit` set, each checked as a stored worker's
/// would be (a bad value is invalid, 6, naming the option).
enum WorkerOptions {
    static let id = Argument(0, "ID", "the worker's id", completion: .records("workers"))

    static func checked(_ normalize: @escaping @Sendable (String) throws -> String) -> @Sendable (String) throws -> String {
        { raw in
            do { return try normalize(raw) } catch let e as WTError { throw WTError.invalid(e.message, hint: e.hint) }
        }
    }

    static let name = ValueOption("name", "NAME", help: "the worker's full name") { try TextRules.line($0, what: "--name") }
    static let email = ValueOption(
        "email", "EMAIL", help: "where rejections and reminders go, and the login of the worker's account", parse: checked { try Email.normalize($0) })
    static let phone = ValueOption("phone", "PHONE", help: "mobile number", parse: checked { try Phone.normalize($0) })
    static let iban = ValueOption("iban", "IBAN", help: "bank account for wages (checked with mod 97)", parse: checked { try IBAN.normalize($0) })

    /// The details both verbs take (`edit` adds --name before them).
    static let details: [any OptionDeclaration] = [email, phone, iban]

    /// The details given on the line, in the order they were always checked.
    static func fields(from line: ParsedLine) throws -> Organisation.WorkerFields {
        var f = Organisation.WorkerFields()
        f.email = try email.value(in: line)
        f.phone = try phone.value(in: line)
        f.iban = try iban.value(in: line)
        return f
    }
}

/// disable, enable and unlock a worker's account: back office only, "nothing to do" is success.
protocol WorkerAccountChange: RecordIDVerb {
    static var change: Accounts.Change { get }
    static var done: String { get }
    static var already: String { get }
}

extension WorkerAccountChange {
    static var id: Argument { WorkerOptions.id }

    static func changeSpec(summary: String, example: Example) -> VerbSpec {
        VerbSpec("workers", change.rawValue, summary: summary, args: [id], examples: [example], fields: Worker.schema.names, access: .write)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let actor = try env.actor()
        let (a, changed) = try env.write { uow in try Organisation.changeWorkerAccount(change, o.id, in: uow.tx, actor: actor) }
        guard case .worker(let w) = a else { return }
        try env.done(
            changed ? "\(done) \(w.id) \(a.email)" : "\(w.id) \(a.email) \(already): nothing to do",
            records: [WorkersCommands.row(w, env)], schema: Worker.schema)
    }
}
