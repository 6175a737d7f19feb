/// What several `users` verbs share, declared once.
enum UserOptions {
    /// The user addressed by reinvite, show, disable, enable and unlock.
    static let email = Argument(0, "EMAIL", "the user's e-mail address (or id, u-12)", completion: .records("users"))

    static let client = ValueOption("client", "ID", help: "the client the user belongs to (required)", completion: .records("clients"))
    static let name = ValueOption("name", "NAME", help: "the user's full name, as the mail greets them (required)") {
        try TextRules.line($0, what: "--name")
    }
    /// A bad number is invalid (6), as a stored one would be.
    static let phone = ValueOption("phone", "PHONE", help: "mobile number, for SMS signing codes") { raw -> String in
        do { return try Phone.normalize(raw) } catch let e as WTError { throw WTError.invalid(e.message, hint: e.hint) }
    }
    static let role = ListOption(
        "role", "ROLE", help: "approver, signer and/or viewer (default viewer: reads only)",
        completion: .choices(Role.allCases.map(\.rawValue))
    ) { try Role.parseList([$0])[0] }
    static let department = ListOption(
        "department", "ID", help: "limit the user to these departments of the client (default: all)", completion: .records("departments"))
}

/// disable, enable and unlock: back office only, "nothing to do" is success.
protocol UserAccountChange: Verb where Options == UserAccountChangeOptions {
    static var change: Accounts.Change { get }
    /// What the line says when it changed the account (`disabled`).
    static var done: String { get }
    /// What it says when there was nothing to do (`is already disabled`).
    static var already: String { get }
}

struct UserAccountChangeOptions: Equatable {
    var email: String
}

extension UserAccountChange {
    static func changeSpec(summary: String, example: Example) -> VerbSpec {
        VerbSpec("users", change.rawValue, summary: summary, args: [UserOptions.email], examples: [example], fields: User.schema.names, access: .write)
    }

    static func options(from line: ParsedLine) throws -> Options { Options(email: try UserOptions.email.required(in: line)) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let (u, changed) = try env.write { uow in try UserDirectory.change(change, o.email, in: uow.tx, actor: try env.actor()) }
        try env.done(
            changed ? "\(done) \(u.id) \(u.email)" : "\(u.id) \(u.email) \(already): nothing to do",
            records: [u.publicJSON(now: env.ctx.nowStamp)], schema: User.schema)
    }
}
