/// Issued invoices and credit notes. They never change once issued, so they
/// live by client and year, `invoices/<client>/<year>.json`, with an index
/// from number to client per year, `invoices/index/<year>.json` (which also
/// maps `credit:<number>` to the credit note of an invoice). Numbers are
/// `<invoice.prefix><year>-<5 digits>`, from one counter per year in
/// `counters.json`, taken in the same commit as the invoice: the store lock
/// makes concurrent runs queue, the journal makes a crash take all or nothing,
/// so the sequence has no gaps.
public enum Invoices {
    public static let dir = "invoices"

    static func file(_ client: String, _ year: Int) -> String { "\(dir)/\(client)/\(year).json" }
    static func indexFile(_ year: Int) -> String { "\(dir)/index/\(year).json" }

    /// The year a number belongs to: `WT2026-00042` → 2026.
    static func year(of number: String) -> Int? {
        guard let dash = number.lastIndex(of: "-"), number.distance(from: number.startIndex, to: dash) >= 4 else { return nil }
        return Int(number[number.index(dash, offsetBy: -4)..<dash])
    }

    static func index(_ year: Int, _ r: StoreReader) throws -> [String: String] {
        try RecordFile.loadStringMap(indexFile(year), from: r)
    }

    public static func find(_ number: String, _ r: StoreReader, actor: Actor) throws -> Invoice {
        guard number.count <= 40, let year = year(of: number), let client = try index(year, r)[number] else {
            throw WTError.notFound(
                "no invoice \(RecordKind.printable(number))", hint: "invoice numbers look like WT2026-00042; `wt invoices list` shows them")
        }
        try AccessControl.requireVisible(actor, client: client, id: number)
        guard let inv = try (RecordFile.load(file(client, year), from: r) as [Invoice]).first(where: { $0.number == number }) else {
            throw RecordFile.damaged(r, indexFile(year), "\(number) should be in \(file(client, year)) but is not")
        }
        return inv
    }

    public static func years(client: String, _ r: StoreReader) -> [Int] {
        r.list("\(dir)/\(client)").compactMap { $0.hasSuffix(".json") ? Int($0.dropLast(5)) : nil }.sorted()
    }

    public static func list(client: String?, from: CalendarDate?, to: CalendarDate?, _ r: StoreReader, actor: Actor) throws -> [Invoice] {
        var clients = r.list(dir).filter { RecordKind.of($0) == .client }
        if let c = client { clients = clients.filter { $0 == c } }
        clients = clients.filter { AccessControl.canSee(actor, client: $0) }
        var out: [Invoice] = []
        for c in clients {
            for y in years(client: c, r) {
                if let from, y < from.year { continue }
                if let to, y > to.year { continue }
                let all: [Invoice] = try RecordFile.load(file(c, y), from: r)
                out += all.filter { inv in (from.map { inv.date >= $0 } ?? true) && (to.map { inv.date <= $0 } ?? true) }
            }
        }
        return out.sorted { $0.number < $1.number }
    }

    /// Refuses (exit 6) when a setting an invoice must state is missing.
    static func agencyParty(_ config: Config, needsGAccount: Bool) throws -> InvoiceParty {
        // agency.name is not checked: it has a default, so it always reads as set.
        var required: [Setting<String?>] = [.agencyStreet, .agencyPostcode, .agencyCity, .agencyKvK, .agencyVatId, .agencyIBAN]
        if needsGAccount { required.append(.agencyGAccountIBAN) }
        let missing = required.filter { config[$0] == nil }.map(\.entry.key)
        if !missing.isEmpty {
            throw WTError.invalid(
                "an invoice must state the agency's \(missing.joined(separator: ", ")), which \(missing.count == 1 ? "is" : "are") not set",
                hint: missing.map { "wt config set \($0) VALUE" }.joined(separator: "; "))
        }
        return InvoiceParty(
            name: config[.agencyName], street: config[.agencyStreet], postcode: config[.agencyPostcode],
            city: config[.agencyCity], country: config[.agencyCountry], kvk: config[.agencyKvK],
            vatId: config[.agencyVatId], email: config[.agencyEmail], iban: config[.agencyIBAN],
            gAccountIban: config[.agencyGAccountIBAN])
    }

    static func nextNumber(_ config: Config, year: Int, in tx: Transaction, dryRun: Bool, drafts: inout Int) throws -> String {
        if dryRun {
            drafts += 1
            return "CONCEPT-\(drafts)"
        }
        let seq = try IdAllocator.nextNumber("invoice:\(year)", in: tx)
        guard seq <= 99_999 else { throw WTError.invalid("invoice numbers of \(year) are used up (99999)") }
        let digits = String(seq)
        return "\(config[.invoicePrefix])\(year)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
    }

    static func store(_ inv: Invoice, in tx: Transaction) throws {
        try storeRecords([inv], in: tx)
        try addToIndex([indexEntry(inv)], in: tx)
    }

    typealias IndexEntry = (number: String, client: String, year: Int)

    /// Where an invoice is indexed: under the year of its number.
    static func indexEntry(_ inv: Invoice) -> IndexEntry { (inv.number, inv.client, year(of: inv.number) ?? inv.date.year) }

    /// Appends invoices to their client's year files and counts them in `stats.json`.
    static func storeRecords(_ invoices: [Invoice], in tx: Transaction) throws {
        for (file, batch) in Dictionary(grouping: invoices, by: { self.file($0.client, $0.date.year) }).sorted(by: { $0.key < $1.key }) {
            var all: [Invoice] = try RecordFile.load(file, from: tx)
            all += batch
            RecordFile.save(all, to: file, in: tx)
        }
        for (client, batch) in Dictionary(grouping: invoices, by: \.client).sorted(by: { $0.key < $1.key }) {
            var stats = try Stats.load(tx)[client]?["invoices"] ?? [:]
            for inv in batch {
                stats["total", default: 0] += 1
                stats[inv.kind.rawValue, default: 0] += 1
            }
            try Stats.set(client, "invoices", stats, in: tx)
        }
    }

    /// Adds number → client entries to the index of each number's year.
    static func addToIndex(_ entries: [IndexEntry], in tx: Transaction) throws {
        for (year, batch) in Dictionary(grouping: entries, by: \.year).sorted(by: { $0.key < $1.key }) {
            var idx = try index(year, tx)
            for e in batch { idx[e.number] = e.client }
            tx.write(indexFile(year), .object(idx.mapValues { .string($0) }))
        }
    }

    /// What an invoice is computed from: the settings and names that are the
    /// same for every client of one run.
    struct RunContext {
        var config: Config
        var workerNames: [String: String]
        var percents: [String: Int]

        init(config: Config, workerNames: [String: String]) {
            self.config = config
            self.workerNames = workerNames
            percents = Dictionary(config[.hoursTypes].map { ($0.name, $0.percent) }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// The invoice for one client's due declarations, or nil when none of them
    /// bills anything. `number` is called only when there is an invoice.
    static func invoice(
        for c: Client, due: [Declaration], contracts: [String: Contract], run: RunContext, date today: CalendarDate,
        at: String, reader: StoreReader, number: () throws -> String
    ) throws -> Invoice? {
        let config = run.config
        let agency = try agencyParty(config, needsGAccount: c.gAccountPercent > 0)
        let inputs = try due.map { d -> InvoiceCalculator.Declaration in
            guard let contract = contracts[d.contract] else {
                throw RecordFile.damaged(reader, DeclarationSet.openFile(c.id), "\(d.id) names contract \(d.contract), which does not exist")
            }
            var minutesByType: [String: Int] = [:]
            for l in d.lines { minutesByType[l.type, default: 0] += l.minutes }
            let hours = try minutesByType.sorted { $0.key < $1.key }.map { type, minutes -> InvoiceCalculator.Hours in
                guard let p = run.percents[type] else {
                    throw WTError.invalid("declaration \(d.id) has hours of type \(type), which is not in hours.types any more",
                        hint: "add it back: wt config set hours.types ...")
                }
                return InvoiceCalculator.Hours(type: type, minutes: minutes, billRate: contract.billRate, percent: p)
            }
            return InvoiceCalculator.Declaration(
                id: d.id, worker: d.worker, workerName: run.workerNames[d.worker] ?? d.worker, week: d.week, hours: hours,
                expenses: d.expenses.map { InvoiceCalculator.Expense(label: $0.label, amount: $0.amount) })
        }
        // A week without hours or expenses bills nothing, but is settled by this invoice all the same.
        let billable = inputs.filter { !$0.hours.isEmpty || !$0.expenses.isEmpty }
        guard !billable.isEmpty else { return nil }
        let amounts = try InvoiceCalculator.compute(
            declarations: billable, vatRate: config[.vatRate], hourTypes: config[.hoursTypes].map(\.name),
            gAccountPercent: c.gAccountPercent)
        return InvoiceCalculator.invoice(
            number: try number(), date: today, dueDate: today.adding(days: c.paymentDays ?? config[.invoicePaymentDays]),
            client: c.id, clientParty: InvoiceParty(client: c), agencyParty: agency, buyerReference: c.id,
            amounts: amounts, createdAt: at)
    }

    /// One invoice per client for every closed, not yet invoiced declaration
    /// (up to `until`). Running it again finds nothing left to invoice.
    public static func generate(
        client: String?, until: ISOWeek?, date today: CalendarDate, in set: DeclarationSet, actor: Actor, dryRun: Bool
    ) throws -> [Invoice] {
        try AccessControl.requireBackoffice(actor, toDo: "generate invoices")
        let tx = set.tx
        // The counters tell which clients have closed declarations: a caller
        // that changed declarations in this unit of work flushes them first.
        let config = try Config.load(tx)
        let stats = try Stats.load(tx)
        var candidates = stats.filter { ($0.value["declarations"]?["closed"] ?? 0) > 0 }.map(\.key).sorted()
        if let client {
            _ = try Organisation.client(client, tx, actor: actor)
            candidates = candidates.filter { $0 == client }
        }
        let clients = Dictionary(try Organisation.clients(tx).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let workers = Dictionary(try Organisation.workers(tx).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let run = RunContext(config: config, workerNames: workers)
        var issued: [Invoice] = []
        var drafts = 0
        for clientId in candidates {
            guard let c = clients[clientId] else { continue }
            let due = try set.openDeclarations(client: clientId).filter { d in
                d.status == .closed && d.invoice == nil && (until.map { d.week <= $0 } ?? true)
            }
            guard !due.isEmpty else { continue }
            let contracts = Dictionary(try Contracts.store.load(client: clientId, tx).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
            guard let inv = try invoice(
                for: c, due: due, contracts: contracts, run: run, date: today, at: tx.at, reader: tx,
                number: { try nextNumber(config, year: today.year, in: tx, dryRun: dryRun, drafts: &drafts) })
            else { continue }
            let number = inv.number
            for var d in due {
                d.invoice = number
                try set.put(d)
            }
            try store(inv, in: tx)
            tx.record("invoice.issue", number, [
                "client": .string(clientId), "total": .string(inv.total.description), "declarations": JSON(inv.declarations),
            ])
            issued.append(inv)
        }
        return issued
    }

    /// A credit note that reverses an invoice (once) and frees its declarations
    /// for correction: they go back to `report` with the reason in their history.
    public static func credit(_ number: String, reason: String, in set: DeclarationSet, actor: Actor, env: ServiceEnv) throws -> Invoice {
        try AccessControl.requireBackoffice(actor, toDo: "credit invoices")
        let tx = set.tx
        let original = try find(number, tx, actor: actor)
        guard original.kind == .invoice else { throw WTError.conflict("\(number) is a credit note; only an invoice can be credited") }
        let year = Invoices.year(of: number) ?? original.date.year
        if let existing = try index(year, tx)["credit:\(number)"] {
            throw WTError.conflict("\(number) was already credited by \(existing)")
        }
        let config = try Config.load(tx)
        var drafts = 0
        let today = env.today
        let creditNumber = try nextNumber(config, year: today.year, in: tx, dryRun: false, drafts: &drafts)
        let note = try InvoiceCalculator.creditNote(for: original, number: creditNumber, date: today, reason: reason, createdAt: tx.at)
        var reopened: [Declaration] = []
        for id in original.declarations {
            guard var d = try set.get(id) else { throw RecordFile.damaged(tx, indexFile(year), "\(number) names declaration \(id), which does not exist") }
            guard d.invoice == number else { continue }
            try d.apply(.reopenAfterCredit, at: tx.at, by: actor.name, reason: "credit note \(creditNumber): \(reason)")
            d.invoice = nil
            try set.put(d)
            reopened.append(d)
        }
        // One not yet paid leaves the payroll queue; a paid one is paid the difference when closed again.
        try PayrollFiles.dequeue(reopened, in: tx)
        try store(note, in: tx)
        var idx = try index(year, tx)
        idx["credit:\(number)"] = creditNumber
        tx.write(indexFile(year), .object(idx.mapValues { .string($0) }))
        tx.record("invoice.credit", creditNumber, ["creditOf": .string(number), "reason": .string(reason), "declarations": JSON(note.declarations)])
        return note
    }
}
