/// Payroll (verloning): closed declarations become the worker's gross pay,
/// once, and a declaration corrected after a credit note is paid the
/// difference. Invoicing and payroll are independent: either may come first.
/// The files are described in `PayrollFiles`.
public enum Payroll {
    /// Who may use payroll. One place, so `slips` can open to a worker
    /// (`--as`, SPEC §11) by changing only this: today back office only.
    public enum Use { case run, read, slips }

    public static func requireAccess(_ actor: Actor, _ use: Use) throws {
        let what = switch use {
        case .run: "run payroll"
        case .read: "see payroll runs"
        case .slips: "see payroll slips"
        }
        // A worker sees their own slips (SPEC §11); nothing else of payroll is theirs to see.
        if use == .slips, actor.workerActor != nil { return }
        try AccessControl.requireBackoffice(actor, toDo: what)
    }

    /// The year a run number belongs to: `L2026-00042` → 2026. Nil for
    /// anything but letters, digits and dashes (a number names a file).
    static func year(of number: String) -> Int? {
        guard number.count <= 40, number.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }), let dash = number.lastIndex(of: "-"), number.distance(from: number.startIndex, to: dash) >= 4,
            number[number.index(after: dash)...].allSatisfy(\.isASCII), Int(number[number.index(after: dash)...]) != nil
        else { return nil }
        return Int(number[number.index(dash, offsetBy: -4)..<dash])
    }

    public static func find(_ number: String, _ r: StoreReader, actor: Actor) throws -> PayrollRun {
        try requireAccess(actor, .read)
        return try load(number, r)
    }

    /// A run by number, or 3.
    static func load(_ number: String, _ r: StoreReader) throws -> PayrollRun {
        guard let run = try PayrollFiles.loadRun(number, r) else {
            throw WTError.notFound(
                "no payroll run \(RecordKind.printable(number))", hint: "run numbers look like L2026-00042; `wt payroll list` shows them")
        }
        return run
    }

    public static func list(from: CalendarDate?, to: CalendarDate?, _ r: StoreReader, actor: Actor) throws -> [PayrollRun.Summary] {
        try requireAccess(actor, .read)
        var out: [PayrollRun.Summary] = []
        for y in PayrollFiles.years(r) {
            if let from, y < from.year { continue }
            if let to, y > to.year { continue }
            out += try PayrollFiles.summaries(y, r).filter { s in (from.map { s.date >= $0 } ?? true) && (to.map { s.date <= $0 } ?? true) }
        }
        return out
    }

    /// The settings a run computes with: pay percentages and the km allowance.
    struct Rates {
        var percents: [String: Int]
        var kmRate: Money?

        init(_ config: Config) throws {
            percents = Dictionary(config[.hoursTypes].map { ($0.name, $0.percent) }, uniquingKeysWith: { a, _ in a })
            if let raw = config.stored(.payrollTypes) {
                // Set through `wt config set`, which checks it; a hand edit that breaks it is refused, naming it.
                guard let s = raw.stringValue else { throw WTError.invalid("payroll.types in config.json is not text", hint: "wt config set payroll.types normal=100,...") }
                for (name, p) in try HourTypes.parse(s, key: "payroll.types", requireNormal: false) { percents[name] = p }
            }
            if let raw = config.stored(.payrollKmRate) {
                // The key's own check, so a hand edit is refused (6) with the key's name.
                let checked = try Setting.payrollKmRate.entry.parse(raw.stringValue ?? "\(raw)")
                kmRate = try Money.parse(checked.stringValue ?? "")
            }
        }

        func km(_ week: ISOWeek) -> Money { kmRate ?? KmAllowance.rate(on: week.monday) }
    }

    public struct Outcome {
        /// Nil when there was nothing to pay.
        public var run: PayrollRun?
        /// Queued declarations settled without a line (nothing, or nothing more, to pay).
        public var settled: [String]
    }

    /// Pays every queued (closed, not yet paid) declaration up to `until`: one
    /// run. A run again finds nothing to pay.
    public static func run(until: ISOWeek?, date today: CalendarDate, in set: DeclarationSet, actor: Actor, dryRun: Bool) throws -> Outcome {
        try requireAccess(actor, .run)
        let tx = set.tx
        let config = try Config.load(tx)
        var queue = try PayrollFiles.queue(tx)
        var due: [Declaration] = []
        for id in queue.keys.sorted(by: idOrder) {
            guard let d = try set.get(id) else {
                throw RecordFile.damaged(tx, PayrollFiles.queueFile, "\(id) waits for payroll but does not exist")
            }
            guard d.status == .closed else {
                throw RecordFile.damaged(tx, PayrollFiles.queueFile, "\(id) waits for payroll but is not closed (\(d.status.rawValue))")
            }
            if let until, d.week > until { continue }
            due.append(d)
        }
        guard !due.isEmpty else { return Outcome(run: nil, settled: []) }
        let rates = try Rates(config)
        let paidBy = try PayrollFiles.paidBy(due.map(\.id), tx)
        var runs: [String: PayrollRun] = [:]
        var contracts: [String: [String: Contract]] = [:]
        var lines: [PayrollLine] = []
        var settled: [String] = []
        for d in due {
            if contracts[d.client] == nil {
                contracts[d.client] = Dictionary(try Contracts.store.load(client: d.client, tx).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            }
            guard let c = contracts[d.client]?[d.contract] else {
                throw RecordFile.damaged(tx, DeclarationSet.openFile(d.client), "\(d.id) names contract \(d.contract), which does not exist")
            }
            let target = try PayrollCalculator.lines(input(d, payRate: c.payRate), percents: rates.percents, kmRate: rates.km(d.week))
            var paid: [PayrollLine] = []
            for number in paidBy[d.id] ?? [] {
                if runs[number] == nil {
                    guard let r = try PayrollFiles.loadRun(number, tx) else {
                        throw RecordFile.damaged(tx, PayrollFiles.paidFile(PayrollFiles.bucket(d.id) ?? 0), "\(d.id) was paid by \(number), which does not exist")
                    }
                    runs[number] = r
                }
                paid += runs[number]!.lines.filter { $0.declaration == d.id }
            }
            let owed = PayrollCalculator.due(target: target, paid: paid)
            if owed.isEmpty { settled.append(d.id) }
            lines += owed
        }
        for d in due { queue[d.id] = nil }
        PayrollFiles.saveQueue(queue, in: tx)
        guard !lines.isEmpty else {
            tx.record("payroll.settle", "\(settled.count) declarations", ["declarations": JSON(settled)])
            return Outcome(run: nil, settled: settled)
        }
        let workerIds = Set(lines.map(\.worker))
        var payees: [String: PayrollRun.Payee] = [:]
        // Only the paid workers are built: a run costs its workers, not the agency's.
        for w in try RecordFile.load(Organisation.workersFile, from: tx, where: "id", in: workerIds) as [Worker] {
            payees[w.id] = PayrollRun.Payee(name: w.name, iban: w.iban)
        }
        // A dry run takes no number (and its transaction is never committed).
        let number = dryRun ? "CONCEPT" : try nextNumber(config, year: today.year, in: tx)
        let run = PayrollRun(number: number, date: today, createdAt: tx.at, lines: lines, workers: payees)
        if dryRun { return Outcome(run: run, settled: settled) }
        try PayrollFiles.store(run, in: tx)
        try PayrollFiles.addPaid(run.declarations, run: number, in: tx)
        tx.record("payroll.run", number, [
            "total": .string(run.total.description), "declarations": JSON(run.declarations), "settled": JSON(settled),
        ])
        return Outcome(run: run, settled: settled)
    }

    /// `d-9` before `d-10`.
    static func idOrder(_ a: String, _ b: String) -> Bool {
        let na = Int(a.dropFirst(2)) ?? 0, nb = Int(b.dropFirst(2)) ?? 0
        return na != nb ? na < nb : a < b
    }

    static func input(_ d: Declaration, payRate: Money) -> PayrollInput {
        var minutes: [String: Int] = [:]
        for l in d.lines { minutes[l.type, default: 0] += l.minutes }
        return PayrollInput(
            declaration: d.id, worker: d.worker, contract: d.contract, week: d.week, minutesByType: minutes, km: d.km,
            expenses: d.expenses.map { ($0.label, $0.amount) }, payRate: payRate)
    }

    static func nextNumber(_ config: Config, year: Int, in tx: Transaction) throws -> String {
        let seq = try IdAllocator.nextNumber("payroll:\(year)", in: tx)
        guard seq <= 99_999 else { throw WTError.invalid("payroll run numbers of \(year) are used up (99999)") }
        return format(prefix: config[.payrollPrefix], year: year, seq: seq)
    }

    static func format(prefix: String, year: Int, seq: Int) -> String {
        let digits = String(seq)
        return "\(prefix)\(year)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
    }

    /// Every line per worker: of one run, or of every run.
    public static func slips(worker: String?, run number: String?, _ r: StoreReader, actor: Actor) throws -> [JSON] {
        try requireAccess(actor, .slips)
        // A worker's own lines only: another worker's id is refused (5).
        let worker = try AccessControl.workerScope(actor, requested: worker) ?? worker
        if let worker { _ = try Organisation.worker(worker, r) }
        var runs: [PayrollRun] = []
        if let number {
            runs = [try load(number, r)]
        } else {
            for y in PayrollFiles.years(r) {
                for s in try PayrollFiles.summaries(y, r) {
                    guard let run = try PayrollFiles.loadRun(s.number, r) else {
                        throw RecordFile.damaged(r, PayrollFiles.indexFile(y), "\(s.number) is listed but its file is missing")
                    }
                    runs.append(run)
                }
            }
        }
        var rows: [(String, String, Int, JSON)] = []
        for run in runs {
            for (n, l) in run.lines.enumerated() where worker.map({ $0 == l.worker }) ?? true {
                rows.append((l.worker, run.number, n, run.row(l)))
            }
        }
        return rows.sorted { a, b in
            if a.0 != b.0 { return idOrder(a.0, b.0) }
            return (a.1, a.2) < (b.1, b.2)
        }.map(\.3)
    }
}

extension Payroll {
    /// Per client, over the declarations both invoiced (by an invoice no credit
    /// note reversed) and paid: invoiced excl. VAT, paid, margin and margin %.
    /// An invoice line counts when every declaration it bills is paid; a
    /// declaration's pay is the sum of every run's lines for it.
    public static func margin(from: ISOWeek?, to: ISOWeek?, client: String?, store: Store, actor: Actor) throws -> [JSON] {
        try requireAccess(actor, .read)
        var clients = store.list(Invoices.dir).filter { RecordKind.of($0) == .client }
        if let client { clients = clients.filter { $0 == client } }
        var out: [JSON] = []
        for c in clients.sorted(by: idOrder) {
            var invoices: [Invoice] = []
            for y in Invoices.years(client: c, store) {
                if let from, y < from.year - 1 { continue }
                invoices += try RecordFile.load(Invoices.file(c, y), from: store) as [Invoice]
            }
            let credited = Set(invoices.compactMap(\.creditOf))
            var lines: [Invoice.Line] = []
            for inv in invoices where inv.kind == .invoice && !credited.contains(inv.number) {
                for l in inv.lines where !l.declarations.isEmpty {
                    if let w = l.week, let from, w < from { continue }
                    if let w = l.week, let to, w > to { continue }
                    lines.append(l)
                }
            }
            let paidBy = try PayrollFiles.paidBy(Array(Set(lines.flatMap(\.declarations))), store)
            var invoiced = Money.zero
            var counted = Set<String>()
            for l in lines where l.declarations.allSatisfy({ paidBy[$0] != nil }) {
                invoiced += l.amount
                counted.formUnion(l.declarations)
            }
            guard !counted.isEmpty else { continue }
            var paid = Money.zero
            for number in Set(counted.flatMap { paidBy[$0]! }).sorted() {
                guard let run = try PayrollFiles.loadRun(number, store) else {
                    throw RecordFile.damaged(store, PayrollFiles.paidFile(0), "a declaration was paid by \(number), which does not exist")
                }
                for l in run.lines where counted.contains(l.declaration) { paid += l.amount }
            }
            let margin = invoiced - paid
            let basisPoints = invoiced.cents > 0 ? Money.roundedProduct(margin.cents, 10000, dividedBy: invoiced.cents) : nil
            out.append([
                "client": .string(c), "invoiced": .string(invoiced.description), "paid": .string(paid.description),
                "margin": .string(margin.description), "marginPercent": basisPoints.map { .string(Money(cents: $0).description) } ?? .null,
                "declarations": .int(counted.count),
            ])
        }
        return out
    }

}
