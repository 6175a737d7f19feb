/// The life of a weekly declaration: open, enter hours, submit, approve or
/// reject, comment, close. The state machine itself is `DeclarationStatus`.
public enum Declarations {
    public static func find(_ id: String, _ r: StoreReader, actor: Actor) throws -> Declaration {
        try RecordKind.declaration.check(id)
        guard let d = try DeclarationSet.find(id, r) else {
            throw WTError.notFound("no declaration \(id)", hint: "`wt declarations list` shows the declarations")
        }
        try AccessControl.requireVisible(actor, client: d.client, department: d.department, worker: d.worker, id: id)
        return d
    }

    static func load(_ id: String, _ set: DeclarationSet, actor: Actor) throws -> Declaration {
        try RecordKind.declaration.check(id)
        guard let d = try set.get(id) else {
            throw WTError.notFound("no declaration \(id)", hint: "`wt declarations list` shows the declarations")
        }
        try AccessControl.requireVisible(actor, client: d.client, department: d.department, worker: d.worker, id: id)
        return d
    }

    // MARK: open

    /// Opens a `report` declaration for every contract active in the weeks that
    /// has none yet. Returns the new ones; running it again opens nothing.
    public static func open(weeks: [ISOWeek], in set: DeclarationSet, actor: Actor) throws -> [Declaration] {
        try AccessControl.requireBackoffice(actor, toDo: "open declarations")
        var made: [Declaration] = []
        let contracts = try Contracts.all(set.tx)
        let names = try Organisation.workerNames(Set(contracts.map(\.worker)), set.tx)
        for week in weeks {
            for c in contracts where c.isActive(in: week) {
                if try set.existing(contract: c, week: week) != nil { continue }
                let d = Declaration(
                    id: try IdAllocator.next(RecordKind.declaration.rawValue, in: set.tx), contract: c, workerName: names[c.worker], week: week,
                    at: set.tx.at, by: actor.name)
                try set.add(d)
                made.append(d)
            }
        }
        if !made.isEmpty {
            set.tx.record("declarations.open", weeks.count == 1 ? weeks[0].description : "\(weeks.first!)..\(weeks.last!)",
                ["count": .int(made.count), "ids": JSON(made.map(\.id))])
        }
        return made
    }

    /// The declaration for a contract and week, created when missing (import).
    static func forContract(
        _ c: Contract, week: ISOWeek, in set: DeclarationSet, actor: Actor, workerName: (String) throws -> String?
    ) throws -> (Declaration, created: Bool) {
        if let id = try set.existing(contract: c, week: week), let d = try set.get(id) { return (d, false) }
        guard c.isActive(in: week) else {
            throw WTError.invalid("contract \(c.id) does not run in \(week) (it runs \(c.start) to \(c.end?.description ?? "open-ended"))")
        }
        let d = Declaration(
            id: try IdAllocator.next(RecordKind.declaration.rawValue, in: set.tx), contract: c, workerName: try workerName(c.worker), week: week,
            at: set.tx.at, by: actor.name)
        try set.add(d)
        return (d, true)
    }

    // MARK: hours

    static let dayNames: [String: Int] = [
        "mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7,
        "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
        "ma": 1, "di": 2, "wo": 3, "do": 4, "vr": 5, "za": 6, "zo": 7,
    ]

    /// `mon`..`sun` (or Dutch `ma`..`zo`) or a date, which must lie in the week.
    public static func day(_ s: String, in week: ISOWeek) throws -> CalendarDate {
        if let n = dayNames[s.lowercased()] { return week.monday.adding(days: n - 1) }
        let d: CalendarDate
        do { d = try CalendarDate.parse(s) } catch {
            throw WTError.usage("\"\(RecordKind.printable(s))\" is not a day: use mon..sun or a date YYYY-MM-DD")
        }
        guard week.contains(d) else {
            throw WTError.invalid("\(d) is not in \(week) (\(week.monday) to \(week.sunday))")
        }
        return d
    }

    public static func hourType(_ name: String, _ config: Config) throws -> String {
        let types = config[.hoursTypes].map(\.name)
        guard types.contains(name) else {
            throw WTError.invalid(
                "unknown hour type \"\(RecordKind.printable(name))\"",
                hint: (suggestion(for: name, among: types).map { "did you mean \($0)? " } ?? "") + "hour types: \(types.joined(separator: ", ")) (config hours.types)")
        }
        return name
    }

    /// Checks a date against the contract's period and a day's 24:00 limit.
    static func checkDay(_ d: Declaration, _ date: CalendarDate, contract: Contract) throws {
        guard contract.covers(date) else {
            throw WTError.invalid("\(date) is outside contract \(contract.id) (\(contract.start) to \(contract.end?.description ?? "open-ended"))")
        }
        let total = d.minutes(on: date)
        if total > 24 * 60 {
            throw WTError.invalid("\(date) would hold \(Minutes(total)) hours in \(d.id); a day holds at most 24:00")
        }
    }

    public struct Entry: Equatable {
        public var day: String
        public var hours: String
    }

    public static func enter(
        _ id: String, entries: [Entry], type: String, km: Int?, expenses: [(String, Money)], in set: DeclarationSet, actor: Actor
    ) throws -> Declaration {
        try AccessControl.requireReporter(actor, toDo: "enter hours")
        var d = try load(id, set, actor: actor)
        try d.apply(.enterHours, at: set.tx.at, by: actor.name)
        let config = try Config.load(set.tx)
        let type = try hourType(type, config)
        guard let contract = try Contracts.store.find(d.contract, set.tx) else {
            throw RecordFile.damaged(set.tx, DeclarationSet.openFile(d.client), "\(d.id) names contract \(d.contract), which does not exist")
        }
        var changes: [String: JSON] = [:]
        for e in entries {
            let date = try day(e.day, in: d.week)
            let m = try Minutes.parse(e.hours)
            d.set(date, type: type, minutes: m.value)
            try checkDay(d, date, contract: contract)
            changes[date.description] = .int(m.value)
        }
        if let km {
            guard (0...10_000).contains(km) else { throw WTError.invalid("--km \(km) is not between 0 and 10000") }
            d.km = km
            changes["km"] = .int(km)
        }
        for (label, amount) in expenses {
            d.expenses.removeAll { $0.label == label }
            if amount != .zero { d.expenses.append(Declaration.Expense(label: label, amount: amount)) }
            changes["expense:" + label] = .string(amount.description)
        }
        d = try set.put(d)
        set.tx.record("declaration.enter", d.id, ["type": .string(type), "changes": .object(changes)])
        return d
    }

    // MARK: transitions

    public struct Refusal: Error {
        public var problems: [(id: String, error: WTError)]
    }

    /// Applies a transition to several declarations, all or none: every id is
    /// checked first, and each one that does not qualify is named.
    static func transition(
        _ ids: [String], _ action: DeclarationAction, in set: DeclarationSet, actor: Actor, reason: String? = nil,
        check: (Declaration) throws -> Void = { _ in }
    ) throws -> [Declaration] {
        var done: [Declaration] = []
        var problems: [(String, WTError)] = []
        var seen = Set<String>()
        for id in ids where seen.insert(id).inserted {
            do {
                var d = try load(id, set, actor: actor)
                try check(d)
                try d.apply(action, at: set.tx.at, by: actor.name, reason: reason)
                done.append(d)
            } catch let e as WTError {
                problems.append((id, e))
            }
        }
        if problems.count == 1 && ids.count == 1 { throw problems[0].1 }
        if !problems.isEmpty {
            let lines = problems.map { "  \($0.0): \($0.1.message)" }.joined(separator: "\n")
            let kind = problems.map(\.1.kind).first { $0 == .denied } ?? problems[0].1.kind
            throw WTError(
                kind, "\(problems.count) of \(seen.count) declarations do not qualify, so none was changed:\n\(lines)",
                hint: "leave those out, or fix them first")
        }
        for d in done { try set.put(d) }
        return done
    }

    public static func submit(_ ids: [String], in set: DeclarationSet, actor: Actor) throws -> [Declaration] {
        try AccessControl.requireReporter(actor, toDo: "submit declarations")
        let done = try transition(ids, .submit, in: set, actor: actor)
        for d in done { set.tx.record("declaration.submit", d.id, ["minutes": .int(d.minutes)]) }
        return done
    }

    public static func approve(_ ids: [String], comment: String?, in set: DeclarationSet, actor: Actor) throws -> [Declaration] {
        try AccessControl.require(.approver, actor, toDo: "approve declarations")
        var done = try transition(ids, .approve, in: set, actor: actor)
        for i in done.indices {
            if let comment {
                done[i].comments.append(Declaration.Comment(at: set.tx.at, by: actor.name, text: comment))
                try set.put(done[i])
            }
            set.tx.record("declaration.approve", done[i].id, comment.map { ["comment": .string($0)] } ?? [:])
        }
        return done
    }

    public static func reject(_ id: String, reason: String, in set: DeclarationSet, actor: Actor) throws -> Declaration {
        try AccessControl.require(.approver, actor, toDo: "reject declarations")
        let d = try transition([id], .reject, in: set, actor: actor, reason: reason)[0]
        set.tx.record("declaration.reject", d.id, ["reason": .string(reason)])
        return d
    }

    public static func comment(_ id: String, text: String, in set: DeclarationSet, actor: Actor) throws -> Declaration {
        try AccessControl.requireCommenter(actor)
        var d = try load(id, set, actor: actor)
        try d.apply(.comment, at: set.tx.at, by: actor.name)
        d.comments.append(Declaration.Comment(at: set.tx.at, by: actor.name, text: text))
        try set.put(d)
        set.tx.record("declaration.comment", d.id, ["text": .string(text)])
        return d
    }

    /// Closes approved declarations. Ones already closed are left alone, so the
    /// cron job can run again; any other status refuses the whole batch.
    public static func close(_ ids: [String], in set: DeclarationSet, actor: Actor) throws -> [Declaration] {
        try AccessControl.requireBackoffice(actor, toDo: "close declarations")
        var pending: [String] = []
        for id in ids {
            if let d = try? load(id, set, actor: actor), d.status == .closed { continue }
            pending.append(id)
        }
        let done = try transition(pending, .close, in: set, actor: actor)
        // Closed hours wait for the next payroll run, in this same commit.
        try PayrollFiles.enqueue(done, in: set.tx)
        if !done.isEmpty {
            set.tx.record("declarations.close", done.count == 1 ? done[0].id : "\(done.count) declarations", ["ids": JSON(done.map(\.id))])
        }
        return done
    }

    // MARK: listing

    public struct Filter {
        public var client: String?
        public var department: String?
        public var worker: String?
        public var contract: String?
        public var from: ISOWeek?
        public var to: ISOWeek?
        public var statuses: [DeclarationStatus] = []
        /// Only declarations with a working-time warning (`--warnings`).
        public var warningsOnly = false
        public init() {}

        func matches(_ d: Declaration) -> Bool {
            (department.map { $0 == d.department } ?? true) && (worker.map { $0 == d.worker } ?? true)
                && (contract.map { $0 == d.contract } ?? true) && (from.map { d.week >= $0 } ?? true)
                && (to.map { d.week <= $0 } ?? true) && (statuses.isEmpty || statuses.contains(d.status))
                && (!warningsOnly || !d.warnings.isEmpty)
        }

        /// Invoiced declarations sit in the archive; only look there when the
        /// filter can match closed ones, and only in the years it spans.
        var needsArchive: Bool { statuses.isEmpty || statuses.contains(.closed) }
    }

    public static func list(_ filter: Filter, store: Store, actor: Actor) throws -> [Declaration] {
        var f = filter
        var clients: [String]
        if let u = actor.portalUser {
            clients = [u.client]
        } else if actor.workerActor != nil, let w = try AccessControl.workerScope(actor, requested: f.worker) {
            // A worker's declarations lie with the clients of their contracts.
            f.worker = w
            clients = Array(Set(try Contracts.all(store).filter { $0.worker == w }.map(\.client))).sorted()
            if let c = f.client { clients = clients.filter { $0 == c } }
        } else if let c = f.client {
            clients = [c]
        } else {
            clients = DeclarationSet.clients(store: store)
        }
        if let c = f.client, c != clients.first { clients = [] }
        // Each client's files are read and parsed on their own core: the reads
        // are independent and only read the store.
        let perClient = try Parallel.map(clients) { client -> [Declaration] in
            var out: [Declaration] = []
            let open = f.statuses.isEmpty
                ? try DeclarationSet.open(client: client, store) : try DeclarationSet.open(client: client, statuses: Set(f.statuses), store)
            for d in open where f.matches(d) && AccessControl.canSee(actor, client: d.client, department: d.department, worker: d.worker) {
                out.append(d)
            }
            guard f.needsArchive else { return out }
            for year in DeclarationSet.archiveYears(client: client, store: store) {
                if let from = f.from, year < from.year { continue }
                if let to = f.to, year > to.year { continue }
                for d in try DeclarationSet.archived(client: client, year: year, store)
                where f.matches(d) && AccessControl.canSee(actor, client: d.client, department: d.department, worker: d.worker) {
                    out.append(d)
                }
            }
            return out
        }
        return perClient.joined().sorted { ($0.week, $0.client, $0.contract) < ($1.week, $1.client, $1.contract) }
    }
}
