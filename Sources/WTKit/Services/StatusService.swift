/// The numbers `wt status` shows, read from the counters in `stats.json`
/// (one small file), never from a scan of the records.
public struct StatusCounts: Equatable {
    public var departments = 0, contracts = 0, documents = 0, declarations = 0, invoices = 0, users = 0
    public var toApprove = 0, toSign = 0, toClose = 0, toInvoice = 0, toPay = 0
    /// Fixed-term contracts ending within `contracts.noticeDays` (SPEC §13).
    public var contractsEnding = 0
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
        // One entry of stats.json: the client's, or the totals (summed here
        // for a store written before the totals entry existed).
        let groups: [String: Stats.Counts]
        if let client {
            groups = try Stats.entry(client, store) ?? [:]
        } else if let totals = try Stats.entry(Stats.totalKey, store) {
            groups = totals
        } else {
            groups = Stats.totals(try Stats.load(store))
        }
        s.contracts = groups["contracts"]?["total"] ?? 0
        s.documents = groups["documents"]?["clientLevel"] ?? 0
        s.toSign = groups["documents"]?["unsigned"] ?? 0
        s.users = groups["users"]?["total"] ?? 0
        s.invoices = groups["invoices"]?["total"] ?? 0
        let d = groups["declarations"] ?? [:]
        s.declarations = Stats.declarationTotal(d)
        s.toApprove = d["submitted"] ?? 0
        s.toClose = d["approved"] ?? 0
        s.toInvoice = d["closed"] ?? 0
        s.toPay = try PayrollFiles.toPay(client: client, store)
        return s
    }
}

/// A worker's own menu (SPEC §11): their contracts and declarations, and what
/// waits for them: weeks to report that have begun, rejected weeks to correct.
public struct WorkerStatusCounts: Equatable {
    public var contracts = 0, declarations = 0, toReport = 0, toCorrect = 0
}

extension StatusService {
    /// Read from the worker's own records (a few contracts, a declaration a
    /// week), scoped by `AccessControl` as the lists are. A worker has no
    /// client to choose: `client` given is denied.
    public static func workerCounts(_ store: Store, actor: Actor, client: String? = nil, today: CalendarDate) throws -> WorkerStatusCounts {
        if client != nil {
            throw WTError.denied("\(actor.name) is a worker: --client does not apply", hint: AccessControl.workerRule)
        }
        guard let me = try AccessControl.workerScope(actor) else { return WorkerStatusCounts() }
        var s = WorkerStatusCounts()
        s.contracts = try Contracts.all(store).filter { $0.worker == me }.count
        let ds = try Declarations.list(Declarations.Filter(), store: store, actor: actor)
        s.declarations = ds.count
        s.toReport = ds.filter { $0.status == .report && $0.week.monday <= today }.count
        s.toCorrect = ds.filter { $0.status == .rejected }.count
        return s
    }

    /// The fixed-term contracts that need notice now and that the actor sees:
    /// from the months of the window in `contracts/ending/`.
    public static func contractsEnding(_ store: Store, client: String?, actor: Actor, today: CalendarDate) throws -> [ContractGuards.Ending] {
        let days = try Config.load(store)[.contractsNoticeDays]
        return try ContractGuards.ending(within: days, today: today, store).filter {
            (client == nil || $0.client == client) && AccessControl.canSee(actor, client: $0.client, department: $0.department)
        }
    }
}
