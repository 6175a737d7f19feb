/// Where portal users live: one file per client (`users/cl-3.json`) and an
/// index from id and e-mail address to client (`users/index.json`).
public enum UserDirectory {
    public static let users = Partitioned<User>("users")

    public static func find(_ key: String, _ r: StoreReader) throws -> User? {
        let k = key.contains("@") ? key.lowercased() : key
        return try users.find(k, r)
    }

    /// A user by e-mail address (or id), or exit 3.
    public static func require(_ key: String, _ r: StoreReader) throws -> User {
        guard let u = try find(key, r) else {
            throw WTError.notFound("no portal user \(RecordKind.printable(key))", hint: "`wt users list` shows the users")
        }
        return u
    }

    public static func all(_ r: StoreReader, client: String? = nil) throws -> [User] {
        try users.all(r, clients: client.map { [$0] })
    }

    public static func save(_ u: User, in tx: Transaction) throws { try users.update(u, in: tx) }

    // MARK: What the actor may see and do (`wt users`)

    /// The users `actor` may see, of `client` if given, in creation order.
    public static func all(_ r: StoreReader, client: String?, actor: Actor) throws -> [User] {
        try all(r, client: client).filter { AccessControl.canSee(actor, client: $0.client) }
            .sorted { (IdAllocator.number($0.id), $0.id) < (IdAllocator.number($1.id), $1.id) }
    }

    /// A user `actor` may see: 3 unknown, 5 another client's.
    public static func require(_ key: String, _ r: StoreReader, actor: Actor) throws -> User {
        let u = try require(key, r)
        try AccessControl.requireVisible(actor, client: u.client, id: u.email)
        return u
    }

    /// A new activation link for a user: back office only, checked before
    /// the user is looked up (a portal user learns nothing of who exists).
    public static func reinvite(_ key: String, in tx: Transaction, env: ServiceEnv, actor: Actor) throws -> Accounts.Invitation {
        try AccessControl.requireBackoffice(actor, toDo: "reinvite users")
        return try Accounts.reinvite(.user(try require(key, tx)), in: tx, env: env, actor: actor)
    }

    /// disable, enable or unlock a user: back office only, checked first;
    /// returns the user and whether anything changed.
    public static func change(_ change: Accounts.Change, _ key: String, in tx: Transaction, actor: Actor) throws -> (AccountHolder, Bool) {
        try AccessControl.requireBackoffice(actor, toDo: "\(change.rawValue) users")
        return try Accounts.change(change, .user(try require(key, tx)), in: tx, actor: actor)
    }

    static func verify(_ store: Store, _ report: inout StoreVerifier.Report) throws {
        var all: [User] = []
        StoreVerifier.attempt(&report) { all = try self.all(store) }
        var index: [String: String] = [:]
        StoreVerifier.attempt(&report) { index = try users.index(store) }
        let clients = Set(((try? Organisation.clients(store)) ?? []).map(\.id))
        let departments = ((try? Organisation.departments(store)) ?? [])
        report.records += all.count
        for u in all {
            if !clients.contains(u.client) {
                report.problems.append("\(store.root)/\(users.file(u.client)): user \(u.id) names client \(u.client), which does not exist")
            }
            for d in u.departments where !departments.contains(where: { $0.id == d && $0.client == u.client }) {
                report.problems.append("\(store.root)/\(users.file(u.client)): user \(u.id) names department \(d), not one of client \(u.client)")
            }
            if index[u.id] != u.client || index[u.email] != u.client {
                report.problems.append("\(store.root)/\(users.indexFile): user \(u.id) (\(u.email)) is missing from the index")
            }
        }
    }
}

extension IdAllocator {
    /// The number of an id (`u-12` → 12), for sorting in creation order.
    static func number(_ id: String) -> Int { Int(id.split(separator: "-").last ?? "") ?? 0 }
}
