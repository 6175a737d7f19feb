/// The numbers `wt status` shows, read from the counters in `stats.json`
/// (one small file), never from a scan of the records.
public struct StatusCounts: Equatable {
    public var departments = 0, contracts = 0, documents = 0, declarations = 0, invoices = 0, users = 0
    public var toApprove = 0, toSign = 0, toClose = 0, toInvoice = 0
}

public enum StatusService {
    public static func counts(_ store: Store, client: String?, actor: Actor) throws -> StatusCounts {
        var s = StatusCounts()
        if actor.portalUser == nil {
            // The back office sees them all: count them without building 600 records.
            s.departments = try store.countRecords(Organisation.departmentsFile, field: "client", in: client.map { [$0] })
        } else {
            s.departments = try Organisation.departments(store).filter {
                (client == nil || $0.client == client) && AccessControl.canSee(actor, client: $0.client, department: $0.id)
            }.count
        }
        let stats = try Stats.load(store)
        let clients: Set<String>? = client.map { [$0] }
        s.contracts = Stats.sum(stats, "contracts", "total", clients: clients)
        s.documents = Stats.sum(stats, "documents", "clientLevel", clients: clients)
        s.toSign = Stats.sum(stats, "documents", "unsigned", clients: clients)
        s.users = Stats.sum(stats, "users", "total", clients: clients)
        s.invoices = Stats.sum(stats, "invoices", "total", clients: clients)
        for (c, groups) in stats where clients?.contains(c) ?? true {
            let d = groups["declarations"] ?? [:]
            s.declarations += Stats.declarationTotal(d)
            s.toApprove += d["submitted"] ?? 0
            s.toClose += d["approved"] ?? 0
            s.toInvoice += d["closed"] ?? 0
        }
        return s
    }
}
