/// The numbers `wt status` shows.
public struct StatusCounts: Equatable {
    public var departments = 0, contracts = 0, documents = 0, declarations = 0, invoices = 0, users = 0
    public var toApprove = 0, toSign = 0, toClose = 0, toInvoice = 0
}

public enum StatusService {
    public static func counts(_ store: Store, client: String?, actor: Actor) throws -> StatusCounts {
        var s = StatusCounts()
        s.departments = try Organisation.departments(store).filter {
            (client == nil || $0.client == client) && AccessControl.canSee(actor, client: $0.client, department: $0.id)
        }.count
        s.users = try UserDirectory.all(store, client: client).filter { AccessControl.canSee(actor, client: $0.client) }.count
        return s
    }
}
