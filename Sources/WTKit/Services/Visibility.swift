/// What the acting user may see and do, asked of the services the verbs call:
/// the lists and refusals here wrap `AccessControl`, so no command decides
/// access itself (issue 13). Each keeps the message and order of errors the
/// verb had when it checked for itself.

extension Organisation {
    /// The clients the actor may see, in stored order.
    public static func clients(_ r: StoreReader, visibleTo actor: Actor) throws -> [Client] {
        try clients(r).filter { AccessControl.canSee(actor, client: $0.id) }
    }

    /// The departments the actor may see, in stored order.
    public static func departments(_ r: StoreReader, visibleTo actor: Actor) throws -> [Department] {
        try departments(r).filter { AccessControl.canSee(actor, client: $0.client, department: $0.id) }
    }
}

extension Contracts {
    /// The contracts the actor may see, of `client` if given. A worker sees
    /// only their own, and asking for another worker's is refused (5) before
    /// anything is read.
    public static func all(_ r: StoreReader, client: String?, visibleTo actor: Actor, worker requested: String? = nil) throws -> [Contract] {
        let worker = try AccessControl.workerScope(actor, requested: requested)
        return try all(r, client: client).filter { c in
            AccessControl.canSee(actor, client: c.client, department: c.department, worker: c.worker)
                && (worker.map { $0 == c.worker } ?? true)
        }
    }
}

extension Documents {
    /// The documents the actor may see, of `client` if given. A portal user
    /// held to some departments sees a contract's documents only for those.
    public static func all(_ r: StoreReader, client: String?, visibleTo actor: Actor) throws -> [Document] {
        var departments: [String: String] = [:]
        if actor.portalUser?.departments.isEmpty == false {
            for c in try Contracts.all(r, client: client) { departments[c.id] = c.department }
        }
        return try all(r, client: client).filter { d in
            AccessControl.canSee(actor, client: d.client, department: d.contract.flatMap { departments[$0] })
        }
    }
}

extension UserDirectory {
    /// The users the actor may see, in stored order.
    public static func all(_ r: StoreReader, visibleTo actor: Actor) throws -> [User] {
        try all(r).filter { AccessControl.canSee(actor, client: $0.client) }
    }
}

extension DeclarationSet {
    /// The open declarations of `client` the actor may see.
    public static func open(client: String, _ r: StoreReader, visibleTo actor: Actor) throws -> [Declaration] {
        try open(client: client, r).filter {
            AccessControl.canSee(actor, client: $0.client, department: $0.department, worker: $0.worker)
        }
    }
}

extension Outbox {
    static let readWhat = "read the outbox"

    /// Every message, oldest first: back office only (5), refused before the
    /// outbox is read.
    public static func all(_ r: StoreReader, actor: Actor) throws -> [OutboxEntry] {
        try AccessControl.requireBackoffice(actor, toDo: readWhat)
        return try all(r)
    }

    /// One message: back office only (5), refused before the id is checked.
    public static func find(_ id: String, _ r: StoreReader, actor: Actor) throws -> (OutboxEntry, [UInt8]) {
        try AccessControl.requireBackoffice(actor, toDo: readWhat)
        return try find(id, r)
    }
}

extension Accounts {
    /// The account an activation link belongs to, refused (5) when `--as`
    /// names somebody else. The link is checked first.
    public static func accountForToken(_ token: String, _ r: StoreReader, now: String, actingAs: String?) throws -> AccountHolder {
        let account = try accountForToken(token, r, now: now)
        try AccessControl.requireSelf(actingAs: actingAs, account)
        return account
    }

    /// What login and passwd check: the account named (3), that `--as` (if
    /// given) is that account (5), and that it may log in at all (5).
    public static func accountThatMayLogIn(_ key: String, _ r: StoreReader, now: String, actingAs: String?) throws -> AccountHolder {
        let account = try AccountDirectory.require(key, r)
        try AccessControl.requireSelf(actingAs: actingAs, account)
        try requireCanLogIn(account, now: now)
        return account
    }
}
