/// Whose portal account: a client's user or a worker (SPEC §4, §11). Both are
/// made, activated, logged into and locked by the same code in `Accounts`;
/// this is all that differs between them: where the record lives and what the
/// hints and audit actions are called.
public enum AccountHolder: Sendable, Equatable {
    case user(User)
    case worker(Worker)

    public var id: String {
        switch self {
        case .user(let u): u.id
        case .worker(let w): w.id
        }
    }

    /// The login: a user's e-mail, or a worker's in lower case.
    public var email: String {
        switch self {
        case .user(let u): u.email
        case .worker(let w): w.accountEmail ?? ""
        }
    }

    public var name: String {
        switch self {
        case .user(let u): u.name
        case .worker(let w): w.name
        }
    }

    /// The audit action's first part: `user.activate`, `worker.activate`.
    var kind: String {
        switch self {
        case .user: "user"
        case .worker: "worker"
        }
    }

    public var credentials: Credentials {
        get {
            switch self {
            case .user(let u): u.account
            case .worker(let w): w.account ?? Credentials()
            }
        }
        set {
            switch self {
            case .user(var u):
                u.account = newValue
                self = .user(u)
            case .worker(var w):
                w.account = newValue
                self = .worker(w)
            }
        }
    }

    /// The back-office command that sends a new link, for hints.
    var reinviteCommand: String {
        switch self {
        case .user(let u): "wt users reinvite \(u.email)"
        case .worker(let w): "wt workers reinvite \(w.id)"
        }
    }

    var unlockCommand: String {
        switch self {
        case .user(let u): "wt users unlock \(u.email)"
        case .worker(let w): "wt workers unlock \(w.id)"
        }
    }

    func save(in tx: Transaction) throws {
        switch self {
        case .user(let u): try UserDirectory.save(u, in: tx)
        case .worker(let w): try Organisation.saveWorker(w, in: tx)
        }
    }

    /// What `wt account` prints: a user's record, or a worker's account in the
    /// same fields (no client, roles or departments), never a hash.
    public func publicJSON(now: String) -> JSON {
        switch self {
        case .user(let u):
            return u.publicJSON(now: now)
        case .worker(let w):
            let c = credentials
            return [
                "id": .string(w.id), "email": .string(email), "name": .string(w.name), "client": .null, "phone": JSON(w.phone),
                "roles": JSON([String]()), "departments": JSON([String]()), "createdAt": .string(w.createdAt),
                "activatedAt": JSON(c.activatedAt), "lastLoginAt": JSON(c.lastLoginAt), "status": .string(c.effectiveStatus(now: now)),
                "lockedUntil": c.isLocked(now: now) ? JSON(c.lockedUntil) : .null,
                "activationExpiresAt": c.status == .invited ? JSON(c.activation?.expiresAt) : .null,
            ]
        }
    }

    /// Who this is, for a message: "user u-2 of cl-1 (Jan Jansen)" or "worker w-3 (Daan Bakker)".
    var described: String {
        switch self {
        case .user(let u): "portal user \(u.id) of \(u.client) (\(u.name))"
        case .worker(let w): "worker \(w.id) (\(w.name))"
        }
    }
}

/// Finds accounts of both kinds. One e-mail address is one account: it
/// belongs to at most one user or one worker.
public enum AccountDirectory {
    /// The account an e-mail address, a user's id or a worker's id names.
    public static func find(_ key: String, _ r: StoreReader) throws -> AccountHolder? {
        if RecordKind.of(key) == .worker {
            guard let w = try Organisation.workers(r).first(where: { $0.id == key }), w.account != nil else { return nil }
            return .worker(w)
        }
        if let u = try UserDirectory.find(key, r) { return .user(u) }
        guard key.contains("@") else { return nil }
        return try worker(withAccount: key.lowercased(), r).map { .worker($0) }
    }

    /// An account, or exit 3.
    public static func require(_ key: String, _ r: StoreReader) throws -> AccountHolder {
        guard let a = try find(key, r) else {
            throw WTError.notFound("no portal user \(RecordKind.printable(key))",
                hint: "`wt users list` shows the clients' users, `wt workers list` the workers and their accounts")
        }
        return a
    }

    /// The worker whose account logs in with this (lower-case) address.
    static func worker(withAccount email: String, _ r: StoreReader) throws -> Worker? {
        try Organisation.workers(r).first { $0.account != nil && $0.accountEmail == email }
    }

    /// Refuses (4) an address that already belongs to an account other than `except`'s.
    static func requireFree(_ email: String, except id: String?, _ r: StoreReader) throws {
        var owner: AccountHolder?
        if let u = try UserDirectory.find(email, r), u.id != id { owner = .user(u) }
        if owner == nil, let w = try worker(withAccount: email, r), w.id != id { owner = .worker(w) }
        guard let owner else { return }
        throw WTError.conflict("\(email) is already the account of \(owner.described)",
            hint: "one e-mail address is one account: give a different address")
    }
}

extension AccessControl {
    /// `--as` (or WT_AS), when given, may only name the account itself:
    /// nobody acts on another's account (`wt account`).
    public static func requireSelf(actingAs raw: String?, _ account: AccountHolder) throws {
        guard let raw else { return }
        let me = (try? Accounts.normalizeEmail(raw)) ?? raw
        guard me == account.email || me == account.id else {
            throw WTError.denied("\(RecordKind.printable(raw)) may not act on the account of \(account.email)")
        }
    }

    /// The account `--as` names, if it may act now: a client's user, or a
    /// worker with an activated account. Not activated, disabled or locked → 5.
    public static func portalActor(email: String, store: Store, now: String) throws -> Actor {
        guard let a = try AccountDirectory.find(email, store) else {
            throw WTError.notFound("no portal user \(RecordKind.printable(email))",
                hint: "--as takes the e-mail address of a client's user or of a worker with an account")
        }
        let c = a.credentials
        switch c.status {
        case .invited:
            throw WTError.denied("\(a.email) cannot act: the account is not activated yet", hint: "activate it with `wt account activate`")
        case .disabled:
            throw WTError.denied("\(a.email) cannot act: the account is disabled")
        case .active:
            if c.isLocked(now: now) {
                throw WTError.denied("\(a.email) cannot act: the account is locked until \(Timestamp.local(c.lockedUntil!))",
                    hint: "wait, or ask the back office to `\(a.unlockCommand)`")
            }
        }
        switch a {
        case .user(let u):
            return .portal(PortalUser(id: u.id, email: u.email, client: u.client, roles: u.roles, departments: u.departments))
        case .worker(let w):
            return .worker(WorkerActor(id: w.id, email: a.email, name: w.name))
        }
    }
}
