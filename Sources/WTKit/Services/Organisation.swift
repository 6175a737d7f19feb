/// Clients, their departments, and workers: few enough to live in one file
/// each (a large agency has hundreds, not hundreds of thousands).
public enum Organisation {
    public static let clientsFile = "clients.json"
    public static let departmentsFile = "departments.json"
    public static let workersFile = "workers.json"

    public static func clients(_ r: StoreReader) throws -> [Client] { try RecordFile.load(clientsFile, from: r) }
    public static func departments(_ r: StoreReader) throws -> [Department] { try RecordFile.load(departmentsFile, from: r) }
    public static func workers(_ r: StoreReader) throws -> [Worker] { try RecordFile.load(workersFile, from: r) }

    /// The names of these workers, reading only their records.
    public static func workerNames(_ ids: Set<String>, _ r: StoreReader) throws -> [String: String] {
        let found: [Worker] = try RecordFile.load(workersFile, from: r, where: "id", in: ids)
        return Dictionary(found.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public static func allWorkerNames(_ r: StoreReader) throws -> [String: String] {
        let all: [Worker] = try RecordFile.load(workersFile, from: r)
        return Dictionary(all.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
    }

    public static func client(_ id: String, _ r: StoreReader, actor: Actor) throws -> Client {
        try RecordKind.client.check(id)
        guard let c = try (RecordFile.load(clientsFile, from: r, where: "id", in: [id]) as [Client]).first else {
            throw WTError.notFound("no client \(id)", hint: "`wt clients list` shows the clients")
        }
        try AccessControl.requireVisible(actor, client: c.id, id: id)
        return c
    }

    public static func department(_ id: String, _ r: StoreReader, actor: Actor) throws -> Department {
        try RecordKind.department.check(id)
        guard let d = try (RecordFile.load(departmentsFile, from: r, where: "id", in: [id]) as [Department]).first else {
            throw WTError.notFound("no department \(id)", hint: "`wt departments list` shows the departments")
        }
        try AccessControl.requireVisible(actor, client: d.client, department: d.id, id: id)
        return d
    }

    public static func worker(_ id: String, _ r: StoreReader) throws -> Worker {
        try RecordKind.worker.check(id)
        guard let w = try (RecordFile.load(workersFile, from: r, where: "id", in: [id]) as [Worker]).first else {
            throw WTError.notFound("no worker \(id)", hint: "`wt workers list` shows the workers")
        }
        return w
    }

    // MARK: Changes

    public struct ClientFields: Equatable {
        public var name: String?
        public var kvk: String??
        public var vatId: String??
        public var email: String??
        public var street: String??
        public var postcode: String??
        public var city: String??
        public var country: String?
        public var gAccountPercent: Int?
        public var paymentDays: Int??
        public init() {}
    }

    static func apply(_ f: ClientFields, to c: inout Client) {
        if let v = f.name { c.name = v }
        if let v = f.kvk { c.kvk = v }
        if let v = f.vatId { c.vatId = v }
        if let v = f.email { c.email = v }
        if let v = f.street { c.street = v }
        if let v = f.postcode { c.postcode = v }
        if let v = f.city { c.city = v }
        if let v = f.country { c.country = v }
        if let v = f.gAccountPercent { c.gAccountPercent = v }
        if let v = f.paymentDays { c.paymentDays = v }
    }

    static func checkUnique(_ c: Client, among all: [Client]) throws {
        if let kvk = c.kvk, let other = all.first(where: { $0.id != c.id && $0.kvk == kvk }) {
            throw WTError.conflict("KvK \(kvk) is already client \(other.id) (\(other.name))")
        }
    }

    /// Back office only (5), refused before anything is read.
    public static func addClient(_ f: ClientFields, in tx: Transaction, actor: Actor) throws -> Client {
        try AccessControl.requireBackoffice(actor, toDo: "add clients")
        var all = try clients(tx)
        var c = Client(id: try IdAllocator.next(RecordKind.client.rawValue, in: tx), name: f.name ?? "", createdAt: tx.at)
        apply(f, to: &c)
        try checkUnique(c, among: all)
        all.append(c)
        RecordFile.save(all, to: clientsFile, in: tx)
        tx.record("client.add", c.id, ["name": .string(c.name)])
        return c
    }

    /// Back office only (5), refused before the client is looked up.
    public static func editClient(_ id: String, _ f: ClientFields, in tx: Transaction, actor: Actor) throws -> Client {
        try AccessControl.requireBackoffice(actor, toDo: "edit clients")
        var all = try clients(tx)
        _ = try client(id, tx, actor: actor)
        let i = all.firstIndex { $0.id == id }!
        let before = all[i]
        apply(f, to: &all[i])
        try checkUnique(all[i], among: all)
        RecordFile.save(all, to: clientsFile, in: tx)
        var changed: [String: JSON] = [:]
        let old = before.stored.objectValue!, new = all[i].stored.objectValue!
        for (k, v) in new where old[k] != v { changed[k] = v }
        tx.record("client.edit", id, .object(changed))
        return all[i]
    }

    public static func addDepartment(client: String, name: String, costCenter: String?, in tx: Transaction, actor: Actor) throws -> Department {
        try AccessControl.requireBackoffice(actor, toDo: "add departments")
        _ = try self.client(client, tx, actor: actor)
        var all = try departments(tx)
        if let other = all.first(where: { $0.client == client && $0.name.lowercased() == name.lowercased() }) {
            throw WTError.conflict("client \(client) already has a department \"\(other.name)\" (\(other.id))")
        }
        let d = Department(id: try IdAllocator.next(RecordKind.department.rawValue, in: tx), client: client, name: name,
            costCenter: costCenter, createdAt: tx.at)
        all.append(d)
        RecordFile.save(all, to: departmentsFile, in: tx)
        tx.record("department.add", d.id, ["client": .string(client), "name": .string(name)])
        return d
    }

    public static func addWorker(name: String, email: String?, phone: String?, iban: String?, in tx: Transaction) throws -> Worker {
        var all = try workers(tx)
        if let email, let other = all.first(where: { $0.email == email }) {
            throw WTError.conflict("e-mail \(email) is already worker \(other.id) (\(other.name))")
        }
        let w = Worker(id: try IdAllocator.next(RecordKind.worker.rawValue, in: tx), name: name, email: email, phone: phone,
            iban: iban, createdAt: tx.at)
        all.append(w)
        RecordFile.save(all, to: workersFile, in: tx)
        tx.record("worker.add", w.id, ["name": .string(name)])
        return w
    }

    /// Replaces a worker's record (an account change, an edit).
    static func saveWorker(_ w: Worker, in tx: Transaction) throws {
        var all = try workers(tx)
        guard let i = all.firstIndex(where: { $0.id == w.id }) else { throw WTError.notFound("no worker \(w.id)") }
        all[i] = w
        RecordFile.save(all, to: workersFile, in: tx)
    }

    /// Declarations keep their worker's name so that lists need not read
    /// workers.json; the open ones (not invoiced) take a new name, invoiced
    /// ones keep the name they were invoiced under.
    /// The unit of work's `set` is flushed with everything else it changed.
    static func renameInOpenDeclarations(_ w: Worker, in tx: Transaction, _ set: DeclarationSet) throws {
        for client in Set(try Contracts.all(tx).filter { $0.worker == w.id }.map(\.client)).sorted() {
            for d in try set.openDeclarations(client: client) where d.worker == w.id && d.workerName != w.name {
                guard var current = try set.get(d.id) else { continue }
                current.workerName = w.name
                try set.put(current)
            }
        }
    }

    public struct WorkerFields: Equatable {
        public var name: String?
        public var email: String?
        public var phone: String?
        public var iban: String?
        public init() {}
    }

    /// Changes a worker's details. A worker with an account logs in with the
    /// new address from now on, so it must not be another account's. A new
    /// name goes into the open declarations of `declarations` (the unit of
    /// work's). Back office only.
    public static func editWorker(
        _ id: String, _ f: WorkerFields, in tx: Transaction, declarations: DeclarationSet, actor: Actor
    ) throws -> Worker {
        try AccessControl.requireBackoffice(actor, toDo: "edit workers")
        var w = try worker(id, tx)
        let before = w.stored.objectValue!
        if let v = f.name { w.name = v }
        if let v = f.phone { w.phone = v }
        if let v = f.iban { w.iban = v }
        if let v = f.email {
            if let other = try workers(tx).first(where: { $0.id != w.id && $0.email?.lowercased() == v.lowercased() }) {
                throw WTError.conflict("e-mail \(v) is already worker \(other.id) (\(other.name))")
            }
            if w.account != nil { try AccountDirectory.requireFree(v.lowercased(), except: w.id, tx) }
            w.email = v
        }
        try saveWorker(w, in: tx)
        if w.name != before["name"]?.stringValue { try renameInOpenDeclarations(w, in: tx, declarations) }
        var changed: [String: JSON] = [:]
        for (k, v) in w.stored.objectValue! where k != "account" && before[k] != v { changed[k] = v }
        tx.record("worker.edit", w.id, .object(changed))
        return w
    }
}
