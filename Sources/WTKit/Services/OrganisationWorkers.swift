/// The workers as `wt workers` reaches them: each function checks that the
/// actor is the back office before it looks anything up, so a portal user
/// learns nothing of who exists.
extension Organisation {
    public static func addWorker(
        name: String, email: String?, phone: String?, iban: String?, in tx: Transaction, actor: Actor
    ) throws -> Worker {
        try AccessControl.requireBackoffice(actor, toDo: "add workers")
        return try addWorker(name: name, email: email, phone: phone, iban: iban, in: tx)
    }

    public static func workers(_ r: StoreReader, actor: Actor) throws -> [Worker] {
        try AccessControl.requireBackoffice(actor, toDo: "list all workers")
        return try workers(r)
    }

    public static func worker(_ id: String, _ r: StoreReader, actor: Actor) throws -> Worker {
        try AccessControl.requireBackoffice(actor, toDo: "show workers")
        return try worker(id, r)
    }

    /// The worker with an account, for the account verbs (4 without one).
    static func workerAccount(_ id: String, _ r: StoreReader) throws -> AccountHolder {
        let w = try worker(id, r)
        guard w.account != nil else {
            throw WTError.conflict("worker \(w.id) (\(w.name)) has no account", hint: "create one with `wt workers invite \(w.id)`")
        }
        return .worker(w)
    }

    /// A new activation link for a worker's account.
    public static func reinviteWorker(_ id: String, in tx: Transaction, env: ServiceEnv, actor: Actor) throws -> Accounts.Invitation {
        try AccessControl.requireBackoffice(actor, toDo: "reinvite workers")
        return try Accounts.reinvite(try workerAccount(id, tx), in: tx, env: env, actor: actor)
    }

    /// disable, enable or unlock a worker's account; returns it and whether anything changed.
    public static func changeWorkerAccount(
        _ change: Accounts.Change, _ id: String, in tx: Transaction, actor: Actor
    ) throws -> (AccountHolder, Bool) {
        try AccessControl.requireBackoffice(actor, toDo: "\(change.rawValue) workers")
        return try Accounts.change(change, try workerAccount(id, tx), in: tx, actor: actor)
    }
}
