/// Who runs a command: back-office staff, or a client's portal user (`--as`).
public enum Actor: Sendable, Equatable {
    case backoffice(String)
    case portal(PortalUser)

    public var name: String {
        switch self {
        case .backoffice(let n): n
        case .portal(let u): u.email
        }
    }

    public var portalUser: PortalUser? {
        if case .portal(let u) = self { return u }
        return nil
    }

    public var isBackoffice: Bool { portalUser == nil }
}

public enum Role: String, Sendable, CaseIterable, Equatable {
    case approver, signer, viewer

    public static func parseList(_ values: [String]) throws -> [Role] {
        var roles: [Role] = []
        for v in values {
            guard let r = Role(rawValue: v.lowercased()) else {
                throw WTError.usage(
                    "unknown role \"\(RecordKind.printable(v))\"",
                    hint: (suggestion(for: v, among: Role.allCases.map(\.rawValue)).map { "did you mean \($0)? " } ?? "")
                        + "roles: approver, signer, viewer")
            }
            if !roles.contains(r) { roles.append(r) }
        }
        return roles
    }
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
    /// May the actor see records of this client (and department, if given)?
    public static func canSee(_ actor: Actor, client: String, department: String? = nil) -> Bool {
        guard let u = actor.portalUser else { return true }
        guard u.client == client else { return false }
        if let department, !u.departments.isEmpty { return u.departments.contains(department) }
        return true
    }

    /// Refuses (exit 5) unless the actor may see the record. The message does not
    /// confirm that a record of another client exists.
    public static func requireVisible(_ actor: Actor, client: String, department: String? = nil, id: String) throws {
        guard canSee(actor, client: client, department: department) else {
            throw WTError.denied("\(actor.name) has no access to \(id)", hint: "a portal user only sees the records of their own client")
        }
    }

    /// Refuses (exit 5) unless the actor is back office or a portal user with the role.
    public static func require(_ role: Role, _ actor: Actor, toDo what: String) throws {
        guard let u = actor.portalUser else { return }
        guard u.roles.contains(role) else {
            throw WTError.denied(
                "\(u.email) may not \(what): that needs the \(role.rawValue) role",
                hint: "ask the back office to add the role (wt users invite ... --role \(role.rawValue))")
        }
    }

    /// Refuses (exit 5) what only back-office staff may do.
    public static func requireBackoffice(_ actor: Actor, toDo what: String) throws {
        if let u = actor.portalUser {
            throw WTError.denied("\(u.email) may not \(what): only back-office staff can")
        }
    }
}
