/// Who runs a command: back-office staff, a client's portal user (`--as`), or
/// a worker with an account of their own (`--as` the worker's e-mail, SPEC §11).
public enum Actor: Sendable, Equatable {
    case backoffice(String)
    case portal(PortalUser)
    case worker(WorkerActor)

    /// What the audit trail records: `backoffice:$USER` or the account's e-mail.
    public var name: String {
        switch self {
        case .backoffice(let n): n
        case .portal(let u): u.email
        case .worker(let w): w.email
        }
    }

    public var portalUser: PortalUser? {
        if case .portal(let u) = self { return u }
        return nil
    }

    public var workerActor: WorkerActor? {
        if case .worker(let w) = self { return w }
        return nil
    }

    public var isBackoffice: Bool {
        if case .backoffice = self { return true }
        return false
    }
}

/// A worker acting for themselves: they see and report only their own hours.
public struct WorkerActor: Sendable, Equatable {
    public var id: String
    public var email: String
    public var name: String
}

/// What a portal user may see and do: their client, optionally only some of
/// its departments, and their roles.
public struct PortalUser: Sendable, Equatable {
    public var id: String
    public var email: String
    public var client: String
    public var roles: [Role]
    public var departments: [String]
}

/// The one place that decides what the acting user may see and do. Every
/// command that reads or changes client records asks here.
public enum AccessControl {
    /// May the actor see records of this client (and department, if given)? A
    /// worker sees only records of their own (`worker`, for contracts and
    /// declarations): never a client-level record, which has no worker.
    public static func canSee(_ actor: Actor, client: String, department: String? = nil, worker: String? = nil) -> Bool {
        switch actor {
        case .backoffice: return true
        case .worker(let w): return worker == w.id
        case .portal(let u):
            guard u.client == client else { return false }
            if let department, !u.departments.isEmpty { return u.departments.contains(department) }
            return true
        }
    }

    /// Refuses (exit 5) unless the actor may see the record. The message does not
    /// confirm that a record of another client (or worker) exists.
    public static func requireVisible(_ actor: Actor, client: String, department: String? = nil, worker: String? = nil, id: String) throws {
        guard canSee(actor, client: client, department: department, worker: worker) else {
            throw WTError.denied("\(actor.name) has no access to \(id)",
                hint: actor.workerActor != nil ? workerRule : "a portal user only sees the records of their own client")
        }
    }

    /// Refuses (exit 5) unless the actor is back office or a portal user with the role.
    public static func require(_ role: Role, _ actor: Actor, toDo what: String) throws {
        switch actor {
        case .backoffice: return
        case .worker(let w):
            throw WTError.denied("\(w.email) may not \(what): that needs a client's user with the \(role.rawValue) role", hint: workerRule)
        case .portal(let u):
            guard u.roles.contains(role) else {
                throw WTError.denied(
                    "\(u.email) may not \(what): that needs the \(role.rawValue) role",
                    hint: "ask the back office to add the role (wt users invite ... --role \(role.rawValue))")
            }
        }
    }

    /// Refuses (exit 5) what only back-office staff may do.
    public static func requireBackoffice(_ actor: Actor, toDo what: String) throws {
        switch actor {
        case .backoffice: return
        case .portal(let u): throw WTError.denied("\(u.email) may not \(what): only back-office staff can")
        case .worker(let w): throw WTError.denied("\(w.email) may not \(what): only back-office staff can", hint: workerRule)
        }
    }

    // MARK: Workers (SPEC §11)

    /// The rule every refusal of a worker names.
    public static let workerRule =
        "a worker sees only their own contracts and declarations, and may enter, import, submit and comment on their own declarations"

    /// The commands a worker may run at all; each still only reaches the
    /// worker's own records (`canSee` with `worker:`, `workerScope`). Any
    /// other command is refused before it runs (`requireMayRun`), so a new
    /// verb is closed to workers until it is added here.
    public static let workerCommands: Set<String> = [
        "status", "contracts list", "contracts show", "declarations list", "declarations show",
        "declarations enter", "declarations import", "declarations submit", "declarations comment",
        "payroll slips",
    ]

    /// Refuses (exit 5) a command a worker may not run; others pass.
    public static func requireMayRun(_ actor: Actor, _ command: String) throws {
        guard let w = actor.workerActor, !workerCommands.contains(command) else { return }
        throw WTError.denied("\(w.email) is a worker and may not run `wt \(command)`", hint: workerRule)
    }

    /// The worker a query must be limited to: the acting worker's id, or nil
    /// for anyone else. A worker asking for another worker's records (5).
    /// Lists of a worker's records (declarations, contracts, payroll lines)
    /// filter on this.
    public static func workerScope(_ actor: Actor, requested: String? = nil) throws -> String? {
        guard let w = actor.workerActor else { return requested }
        if let requested, requested != w.id {
            throw WTError.denied("\(w.email) has no access to the records of worker \(RecordKind.printable(requested))", hint: workerRule)
        }
        return w.id
    }

    /// Hours are reported by the worker themselves (their own declarations,
    /// checked by visibility) or by the back office on their behalf; a client's
    /// user approves them but does not enter them.
    public static func requireReporter(_ actor: Actor, toDo what: String) throws {
        if let u = actor.portalUser {
            throw WTError.denied("\(u.email) may not \(what): hours are reported by the worker or the back office")
        }
    }

    /// Comments come from the back office, a client's approver, or the worker
    /// on their own declaration.
    public static func requireCommenter(_ actor: Actor) throws {
        if actor.workerActor != nil { return }
        try require(.approver, actor, toDo: "comment on declarations")
    }
}
