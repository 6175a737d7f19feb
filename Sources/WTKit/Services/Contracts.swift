/// Contracts (placements), kept per client in `contracts/<client>.json`.
public enum Contracts {
    public static let store = Partitioned<Contract>("contracts")

    public static func find(_ id: String, _ r: StoreReader, actor: Actor) throws -> Contract {
        try RecordKind.contract.check(id)
        guard let c = try store.find(id, r) else {
            throw WTError.notFound("no contract \(id)", hint: "`wt contracts list` shows the contracts")
        }
        try AccessControl.requireVisible(actor, client: c.client, department: c.department, worker: c.worker, id: id)
        return c
    }

    public static func all(_ r: StoreReader, client: String? = nil) throws -> [Contract] {
        try store.all(r, clients: client.map { [$0] })
    }

    public struct NewContract {
        public var worker: String
        public var department: String
        public var function: String
        public var start: CalendarDate
        public var end: CalendarDate?
        public var phase: Phase
        public var payRate: Money
        public var billRate: Money
        public var minutesPerWeek: Int?
        public init(worker: String, department: String, function: String, start: CalendarDate, end: CalendarDate?, phase: Phase,
            payRate: Money, billRate: Money, minutesPerWeek: Int?)
        {
            self.worker = worker
            self.department = department
            self.function = function
            self.start = start
            self.end = end
            self.phase = phase
            self.payRate = payRate
            self.billRate = billRate
            self.minutesPerWeek = minutesPerWeek
        }
    }

    /// Adds a contract and the documents the client must approve for it.
    public static func add(_ n: NewContract, in tx: Transaction, actor: Actor, env: ServiceEnv) throws -> (Contract, [Document]) {
        try AccessControl.requireBackoffice(actor, toDo: "add contracts")
        let worker = try Organisation.worker(n.worker, tx)
        let department = try Organisation.department(n.department, tx, actor: actor)
        let client = try Organisation.client(department.client, tx, actor: actor)
        if n.phase.isFixedTerm && n.end == nil {
            throw WTError.usage("phase \(n.phase.rawValue) is a fixed-term phase and needs --end DATE")
        }
        if let end = n.end, end < n.start {
            throw WTError.invalid("the contract ends (\(end)) before it starts (\(n.start))")
        }
        guard n.payRate > .zero, n.billRate > .zero else {
            throw WTError.invalid("pay rate and bill rate must be more than € 0,00")
        }
        try ContractGuards.checkPhase(worker: worker.id, phase: n.phase, start: n.start, tx)
        var contract = Contract(
            id: try IdAllocator.next(RecordKind.contract.rawValue, in: tx), worker: worker.id, department: department.id,
            client: client.id, function: n.function, phase: n.phase, start: n.start, end: n.end, payRate: n.payRate,
            billRate: n.billRate, minutesPerWeek: n.minutesPerWeek, createdAt: tx.at)
        let documents = try Documents.createForContract(contract, worker: worker, department: department, client: client, in: tx, env: env)
        contract.documents = documents.filter { $0.contract == contract.id }.map(\.id)
        var records = try store.load(client: client.id, tx)
        records.append(contract)
        try store.save(records, client: client.id, in: tx)
        if contract.fixedTerm { try ContractGuards.note([(nil, contract)], in: tx) }
        tx.record("contract.add", contract.id, [
            "worker": .string(worker.id), "department": .string(department.id), "phase": .string(n.phase.rawValue),
            "start": .string(n.start.description), "end": JSON(n.end?.description),
            "documents": JSON(documents.map(\.id)),
        ])
        return (contract, documents)
    }

    /// Ends a contract on a date (the last day it covers).
    public static func end(_ id: String, on date: CalendarDate, in tx: Transaction, actor: Actor) throws -> Contract {
        try AccessControl.requireBackoffice(actor, toDo: "end contracts")
        var c = try find(id, tx, actor: actor)
        let before = c
        if date < c.start {
            throw WTError.invalid("contract \(id) starts on \(c.start); it cannot end before that (\(date))")
        }
        if let old = c.endedAt, let end = c.end {
            throw WTError.conflict("contract \(id) was already ended on \(end) (at \(Timestamp.local(old)))")
        }
        if let end = c.end, date > end {
            throw WTError.invalid("contract \(id) already ends on \(end); `end` can only bring that forward")
        }
        c.end = date
        c.endedAt = tx.at
        try store.update(c, in: tx)
        if c.fixedTerm { try ContractGuards.note([(before, c)], in: tx) }
        tx.record("contract.end", id, ["end": .string(date.description)])
        return c
    }
}
