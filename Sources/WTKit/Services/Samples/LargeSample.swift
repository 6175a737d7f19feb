/// A three-year mid-size agency for benchmarks (SPEC §9), deterministic from a
/// fixed seed: 200 clients with 3 departments each, 2,000 workers, 5,000
/// contracts with their documents, about 300,000 weekly declarations (every
/// week before last closed and invoiced, last week's in every status, this
/// week's being reported), a weekly invoice per client, a weekly payroll run
/// (`LargePayroll`), and 3,000 portal users.
///
/// Going through the commands' services would take hours (every
/// `contracts add` reads all workers and rewrites the contract index, every
/// invoice rewrites its year's index). So the sample builds the same records
/// with the same code — `Contract`, `Documents.drafts`, `Declaration` and its
/// state machine, `Invoices.invoice` (`InvoiceCalculator`), `User` — and writes
/// them through the store's own writers — `Partitioned.save`, `DeclarationSet`,
/// `Invoices.storeRecords`, `Stats` — one transaction per client, so memory
/// stays bounded, committed as a bulk load (`Store.bulkLoading`: no journal,
/// one file system sync at the end instead of an fsync per file). The store-wide indexes (declaration ids, invoice numbers),
/// which every client would otherwise rewrite, are collected and written once
/// in a last transaction. `wt store verify` checks the result like any store
/// (a test runs it on a reduced sample: `WT_SAMPLE_SCALE=0.02`).
///
/// The audit trail gets one entry per client (what was loaded) rather than the
/// hundreds of thousands of changes a real agency would have logged.
enum LargeSample {
    /// The sample's size as a fraction of the full agency (`WT_SAMPLE_SCALE`,
    /// default 1): clients and workers scale, each client keeps its 25
    /// contracts, 15 users and three years of history.
    static func factor(_ env: [String: String]) throws -> Double {
        guard let raw = env["WT_SAMPLE_SCALE"], !raw.isEmpty else { return 1 }
        guard let f = Double(raw), f > 0, f <= 1 else {
            throw WTError.usage("WT_SAMPLE_SCALE=\(raw) is not a fraction in (0, 1]")
        }
        return f
    }

    static let weeks = 156
    static let contractsPerClient = 25
    static let usersPerClient = 15

    struct Plan {
        var index: Int
        var client: Int
        var department: Int
        var worker: Int
        var phase: Phase
        /// Weeks relative to this week.
        var start: Int
        var end: Int?
        var payCents: Int64
        var billCents: Int64
    }

    static func fill(_ store: Store, env: ServiceEnv, actor: String) throws {
        let f = try factor(env.environment)
        let nClients = max(2, Int((200 * f).rounded()))
        let nWorkers = max(20, Int((2000 * f).rounded()))
        let random = SeededRandomSource(seed: 2026)
        let thisWeek = ISOWeek(containing: env.today)
        let now = env.nowStamp
        func stamp(_ d: CalendarDate, _ hour: Int) -> String { min("\(d)T\(Timestamp.pad(hour)):00:00Z", now) }

        // 1. The organisation and the agency's settings.
        let org = store.begin(actor: actor, at: now)
        for (k, v) in [
            ("agency.name", "WerkTalent BV"), ("agency.street", "Stationsplein 12"), ("agency.postcode", "3511 ED"),
            ("agency.city", "Utrecht"), ("agency.kvk", "12345678"), ("agency.vatId", "NL123456782B01"),
            ("agency.iban", "NL91ABNA0417164300"), ("agency.gAccountIban", "NL21INGB0990123456"),
        ] { try Config.set(k, .string(v), in: org) }
        let cities = ["Amsterdam", "Rotterdam", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda", "Nijmegen", "Zwolle"]
        let trades = ["Bouw", "Logistiek", "Techniek", "Zorg", "Horeca", "Productie", "Schoonmaak", "Transport"]
        var clients: [Client] = [], departments: [Department] = [], workers: [Worker] = []
        let founded = stamp(thisWeek.adding(weeks: -weeks - 4).monday, 9)
        for n in 1...nClients {
            let id = "cl-\(n)"
            let city = cities[n % cities.count]
            clients.append(Client(
                id: id, name: "\(trades[n % trades.count]) \(city) \(n) BV", kvk: String(10_000_000 + n),
                email: "crediteuren@klant\(n).example", street: "Industrieweg \(n)", postcode: "\(1000 + n * 7 % 8999) AB",
                city: city, gAccountPercent: random.int(in: 0...3) == 0 ? 25 : 0, createdAt: founded))
            for (k, name) in ["Productie", "Magazijn", "Kantoor"].enumerated() {
                departments.append(Department(
                    id: "dep-\(departments.count + 1)", client: id, name: name, costCenter: "\(4100 + k * 100)", createdAt: founded))
            }
        }
        let first = ["Sanne", "Daan", "Emma", "Noah", "Lotte", "Sem", "Julia", "Lucas", "Fatima", "Mohammed", "Anna", "Bram"]
        let last = ["de Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "Yilmaz", "El Amrani"]
        for n in 1...nWorkers {
            workers.append(Worker(
                id: "w-\(n)", name: "\(first[n % first.count]) \(last[(n / first.count) % last.count])",
                email: "worker\(n)@mail.example", createdAt: founded))
        }
        RecordFile.save(clients, to: Organisation.clientsFile, in: org)
        RecordFile.save(departments, to: Organisation.departmentsFile, in: org)
        RecordFile.save(workers, to: Organisation.workersFile, in: org)
        var counters = try org.read(IdAllocator.file)?.objectValue ?? [:]
        var next = counters["next"]?.objectValue ?? [:]
        next["cl"] = .int(nClients + 1)
        next["dep"] = .int(departments.count + 1)
        next["w"] = .int(nWorkers + 1)
        counters["next"] = .object(next)
        org.write(IdAllocator.file, .object(counters))
        org.record("sample.large", "organisation", [
            "clients": .int(nClients), "departments": .int(departments.count), "workers": .int(nWorkers),
        ])
        try org.commit()
        let config = try Config.load(store)
        var payroll = try LargePayroll(config: config, thisWeek: thisWeek)
        store.bulkLoading = true

        // 2. The plan: who works where when, in the order the agency made the contracts.
        let phases: [(Phase, Int)] = [(.A, 40), (.B, 15), (.C, 5), (.p12, 20), (.p3, 10), (.p4, 10)]
        var plans: [Plan] = []
        for i in 0..<(nClients * contractsPerClient) {
            let client = i % nClients
            var roll = random.int(in: 0...99)
            let phase = phases.first { roll -= $0.1; return roll < 0 }!.0
            let start = random.int(in: -weeks...2)
            let length: Int? =
                phase.isFixedTerm ? random.int(in: 13...52) : (random.int(in: 0...1) == 0 ? nil : random.int(in: 26...156))
            let pay = Int64(random.int(in: 1400...1900))
            plans.append(Plan(
                index: i, client: client, department: client * 3 + random.int(in: 0...2), worker: random.int(in: 0...(nWorkers - 1)),
                phase: phase, start: start, end: length.map { start + $0 - 1 }, payCents: pay,
                billCents: (pay * Int64(random.int(in: 150...190)) + 50) / 100))
        }
        plans.sort { ($0.start, $0.index) < ($1.start, $1.index) }
        // Ids as the commands would have handed them out: contracts and their
        // documents in creation order, declarations week by week.
        var docFirst: [Int] = []
        var nextDoc = 1
        var clientHasDocs = Set<Int>()
        for p in plans {
            docFirst.append(nextDoc)
            nextDoc += 1 + (clientHasDocs.insert(p.client).inserted ? 2 : 0) + (p.phase.isFixedTerm ? 1 : 0)
        }
        // Declarations as `declarations open` hands out ids: week by week, the
        // contracts of each week in the order they were made.
        var declId: [Int: [Int]] = [:]  // plan position → id per week from its first
        var nextDecl = 1
        for rel in -weeks...0 {
            for (k, p) in plans.enumerated() where p.start <= rel && (p.end.map { rel <= $0 } ?? true) {
                declId[k, default: []].append(nextDecl)
                nextDecl += 1
            }
        }
        // Invoice numbers: one run each Monday, invoicing the week before last,
        // clients in the order `invoices generate` takes them.
        let byClientOrder = (0..<nClients).sorted { "cl-\($0 + 1)" < "cl-\($1 + 1)" }
        var clientWeeks = [Set<Int>](repeating: [], count: nClients)
        for p in plans where p.start <= -2 {
            for rel in p.start...min(p.end ?? -2, -2) { clientWeeks[p.client].insert(rel) }
        }
        var invoiceNumber: [Int: [Int: String]] = [:]
        var invoiceSeq: [Int: Int] = [:]
        let prefix = config[.invoicePrefix]
        for rel in -weeks...(-2) {
            let year = thisWeek.adding(weeks: rel + 2).monday.year
            for c in byClientOrder where clientWeeks[c].contains(rel) {
                let seq = invoiceSeq[year, default: 0] + 1
                invoiceSeq[year] = seq
                let digits = String(seq)
                invoiceNumber[c, default: [:]][rel] = "\(prefix)\(year)-\(String(repeating: "0", count: max(0, 5 - digits.count)))\(digits)"
            }
        }

        // 3. Per client, one transaction: users, contracts, documents, declarations, invoices.
        let password = try env.passwordHasher.hash(DemoUsers.password)
        let run = Invoices.RunContext(config: config, workerNames: Dictionary(uniqueKeysWithValues: workers.map { ($0.id, $0.name) }))
        var declarationIndex: [String: String] = [:]
        var invoiceIndex: [Invoices.IndexEntry] = []
        var totals = (users: 0, contracts: 0, documents: 0, declarations: 0, invoices: 0)
        let planned = Dictionary(grouping: plans.indices, by: { plans[$0].client })
        // The workers' summaries, built across every client's transaction and written once at the end.
        let workload = WorkloadBook(fresh: true)
        let progress = env.progress("building the large sample")
        for c in 0..<nClients {
            progress?.update(c, of: nClients, "client \(c + 1)")
            let client = clients[c]
            let tx = store.begin(actor: actor, at: now)
            let users = try makeUsers(client: client, index: c, departments: Array(departments[c * 3..<c * 3 + 3]), password: password,
                random: random, in: tx, env: env)
            let approver = users[0].email
            var contracts: [Contract] = []
            var documents: [Document] = []
            let set = DeclarationSet(tx, deferringIndex: true)
            set.workload = workload
            var byWeek: [Int: [Declaration]] = [:]
            for k in planned[c] ?? [] {
                let p = plans[k]
                let startDate = thisWeek.adding(weeks: p.start).monday
                let created = stamp(startDate.adding(days: -10), 10)
                var contract = Contract(
                    id: "ct-\(k + 1)", worker: workers[p.worker].id, department: departments[p.department].id, client: client.id,
                    function: ["Productiemedewerker", "Orderpicker", "Heftruckchauffeur", "Schoonmaker", "Monteur", "Inpakker"][k % 6],
                    phase: p.phase, start: startDate, end: p.end.map { thisWeek.adding(weeks: $0).sunday },
                    payRate: Money(cents: p.payCents), billRate: Money(cents: p.billCents), minutesPerWeek: 38 * 60, createdAt: created)
                let drafts = Documents.drafts(
                    for: contract, worker: workers[p.worker], department: departments[p.department], client: client, config: config,
                    today: startDate.adding(days: -10), existing: documents)
                for (n, draft) in drafts.enumerated() {
                    var d = Document(
                        id: "doc-\(docFirst[k] + n)", kind: draft.kind, title: draft.title, client: client.id, contract: draft.contract,
                        sha256: Documents.storeBlob(draft.body, in: tx), size: draft.body.count, mediaType: Documents.Draft.mediaType,
                        fileName: draft.fileName, requiresSMS: draft.requiresSMS, createdAt: created)
                    if p.start < -1 {
                        d.status = .approved
                        d.signedBy = approver
                        d.signedAt = stamp(startDate.adding(days: -7), 14)
                        d.method = d.requiresSMS ? "sms" : "read"
                    }
                    documents.append(d)
                }
                contract.documents = documents.filter { $0.contract == contract.id }.map(\.id)
                contracts.append(contract)
                for (n, id) in (declId[k] ?? []).enumerated() {
                    let rel = p.start + n
                    byWeek[rel, default: []].append(
                        try declaration(id: id, contract: contract, workerName: workers[p.worker].name, rel: rel, thisWeek: thisWeek, today: env.today, approver: approver,
                            actor: actor, random: random, stamp: stamp))
                }
            }
            try Contracts.store.save(contracts, client: client.id, in: tx)
            try ContractGuards.note(contracts.filter(\.fixedTerm).map { (nil, $0) }, in: tx)
            try Documents.store.save(documents, client: client.id, in: tx)
            let contractById = Dictionary(uniqueKeysWithValues: contracts.map { ($0.id, $0) })
            var invoices: [Invoice] = []
            for rel in byWeek.keys.sorted() {
                var ds = byWeek[rel]!
                try payroll.add(ds, rel: rel, contracts: contractById)
                if rel <= -2, let number = invoiceNumber[c]?[rel] {
                    let date = thisWeek.adding(weeks: rel + 2).monday
                    guard let inv = try Invoices.invoice(
                        for: client, due: ds, contracts: contractById, run: run, date: date, at: stamp(date, 3), reader: tx,
                        number: { number })
                    else { throw WTError.failure("sample: week \(rel) of \(client.id) bills nothing") }
                    for i in ds.indices { ds[i].invoice = inv.number }
                    invoices.append(inv)
                    invoiceIndex.append(Invoices.indexEntry(inv))
                }
                for d in ds { try set.add(d) }
                totals.declarations += ds.count
            }
            try set.flush()
            try Invoices.storeRecords(invoices, in: tx)
            declarationIndex.merge(set.deferredIndex ?? [:]) { $1 }
            tx.record("sample.large", client.id, [
                "users": .int(users.count), "contracts": .int(contracts.count), "documents": .int(documents.count),
                "declarations": .int(byWeek.values.reduce(0) { $0 + $1.count }), "invoices": .int(invoices.count),
            ])
            try tx.commit()
            totals.users += users.count
            totals.contracts += contracts.count
            totals.documents += documents.count
            totals.invoices += invoices.count
        }
        progress?.finish()

        // 4. Three years of weekly payroll runs, with their indexes and the queue.
        let ptx = store.begin(actor: actor, at: now)
        let payrollSeq = try payroll.write(workers: workers, createdAt: stamp, in: ptx)
        ptx.record("sample.large", "payroll", ["runs": .int(payrollSeq.values.reduce(0, +)), "toPay": .int(payroll.queue.count)])
        try ptx.commit()
        payroll.lines = [:]

        // 5. The store-wide indexes and the id counters, once, committed
        // through the journal after everything before is on disk.
        try store.endBulkLoad()
        let tx = store.begin(actor: actor, at: now)
        try DeclarationSet.writeIndex(declarationIndex, in: tx)
        workload.flush(tx)
        try Invoices.addToIndex(invoiceIndex, in: tx)
        counters = try tx.read(IdAllocator.file)?.objectValue ?? [:]
        next = counters["next"]?.objectValue ?? [:]
        next[RecordKind.user.rawValue] = .int(totals.users + 1)
        next[RecordKind.contract.rawValue] = .int(plans.count + 1)
        next[RecordKind.document.rawValue] = .int(nextDoc)
        next[RecordKind.declaration.rawValue] = .int(nextDecl)
        for (year, seq) in invoiceSeq { next["invoice:\(year)"] = .int(seq + 1) }
        for (year, seq) in payrollSeq { next["payroll:\(year)"] = .int(seq + 1) }
        counters["next"] = .object(next)
        tx.write(IdAllocator.file, .object(counters))
        tx.record("sample.large", "store", [
            "clients": .int(nClients), "workers": .int(nWorkers), "users": .int(totals.users), "contracts": .int(totals.contracts),
            "documents": .int(totals.documents), "declarations": .int(totals.declarations), "invoices": .int(totals.invoices),
        ])
        try tx.commit()
    }

    /// One week of one contract, in the status its age gives it, with the
    /// history the commands would have recorded.
    static func declaration(
        id: Int, contract: Contract, workerName: String, rel: Int, thisWeek: ISOWeek, today: CalendarDate, approver: String, actor: String,
        random: SeededRandomSource, stamp: (CalendarDate, Int) -> String
    ) throws -> Declaration {
        let week = thisWeek.adding(weeks: rel)
        var d = Declaration(id: "d-\(id)", contract: contract, workerName: workerName, week: week, at: stamp(week.monday, 5), by: actor)
        let target: DeclarationStatus
        let roll = random.int(in: 0...19)
        switch rel {
        case ...(-2): target = .closed
        case -1: target = roll < 10 ? .closed : roll < 14 ? .approved : roll < 18 ? .submitted : roll < 19 ? .rejected : .report
        default: target = roll < 14 ? .report : .submitted
        }
        let skip = random.int(in: 0...7) == 0 ? 3 : 0  // now and then a four-day week
        for day in week.days.prefix(5) where day.weekday != skip && contract.covers(day) && (target != .report || day <= today) {
            d.set(day, type: "normal", minutes: day.weekday == 5 ? 450 : 480)
        }
        if random.int(in: 0...5) == 0, contract.covers(week.days[5]), target != .report || week.days[5] <= today {
            d.set(week.days[5], type: "overtime150", minutes: 240)
        }
        if random.int(in: 0...3) == 0 { d.km = random.int(in: 10...90) }
        if random.int(in: 0...19) == 0 { d.expenses.append(Declaration.Expense(label: "parkeren", amount: Money(cents: 750))) }
        if d.lines.isEmpty && target != .report { d.set(week.monday, type: "normal", minutes: 480) }
        guard target != .report else { return d }
        let friday = week.days[4], nextMonday = week.monday.adding(days: 7)
        try d.apply(.submit, at: stamp(friday, 15), by: actor)
        switch target {
        case .rejected:
            try d.apply(.reject, at: stamp(nextMonday, 9), by: approver, reason: "Graag de pauzes aftrekken")
        case .approved, .closed:
            try d.apply(.approve, at: stamp(nextMonday, 9), by: approver)
            if random.int(in: 0...9) == 0 {
                d.comments.append(Declaration.Comment(at: stamp(nextMonday, 9), by: approver, text: "Akkoord, volgende week graag eerder indienen"))
            }
            if target == .closed { try d.apply(.close, at: stamp(nextMonday.adding(days: 1), 2), by: actor) }
        default: break
        }
        return d
    }

    /// A client's portal users: an approver and signer, an approver for one
    /// department, a signer, and viewers; most active, some invited (their
    /// activation mail is in the outbox), some disabled.
    ///
    /// Every active user gets the same yescrypt hash of the documented sample
    /// password, hashed once: a hash costs 50-100 ms by design, and 3,000 of
    /// them would be minutes of the generation for nothing a benchmark needs.
    /// (The shared salt is acceptable only because this is sample data.)
    static func makeUsers(
        client: Client, index c: Int, departments: [Department], password: String, random: SeededRandomSource, in tx: Transaction,
        env: ServiceEnv
    ) throws -> [User] {
        let first = ["Jan", "Marieke", "Pieter", "Sophie", "Kees", "Femke", "Ahmed", "Eva", "Tom", "Iris", "Rik", "Naima", "Joost", "Lisa", "Wouter"]
        let config = try Config.load(tx)
        var users: [User] = []
        for n in 0..<usersPerClient {
            let roles: [Role] = n == 0 ? [.approver, .signer] : n == 1 ? [.approver] : n == 2 ? [.signer] : [.viewer]
            let name = "\(first[n % first.count]) \(["Bos", "de Wit", "Kok", "Peters", "Hendriks"][(c + n) % 5])"
            var u = User(
                id: "u-\(c * usersPerClient + n + 1)",
                email: "\(name.lowercased().replacingOccurrences(of: " ", with: "."))\(n)@klant\(c + 1).example", name: name,
                client: client.id, phone: n == 0 ? "+3161\(String(1_000_000 + c * 100 + n))" : nil, roles: roles,
                departments: n == 1 ? [departments[0].id] : [], createdAt: client.createdAt)
            let token = Secrets.token(random)
            let hash = Secrets.tokenHash(token)
            if n >= 3 && n % 7 == 5 {
                u.account.activation = User.Activation(
                    tokenHash: hash, sentAt: tx.at,
                    expiresAt: Timestamp.adding(seconds: config[.activationValidDays] * 86400, to: tx.at))
                try Accounts.setToken(hash, Accounts.TokenEntry(user: u.id, state: .open, at: tx.at), in: tx)
                _ = try Accounts.sendActivationMail(.user(u), token: token, in: tx, env: env)
            } else {
                let activated = Timestamp.adding(seconds: 86400 + n * 3600, to: client.createdAt)
                u.account.status = n >= 3 && n % 11 == 10 ? .disabled : .active
                u.account.passwordHash = password
                u.account.passwordChangedAt = activated
                u.account.activatedAt = activated
                u.account.lastLoginAt = u.account.status == .active ? Timestamp.adding(seconds: -3600 * (1 + random.int(in: 0...500)), to: tx.at) : nil
                try Accounts.setToken(hash, Accounts.TokenEntry(user: u.id, state: .used, at: activated), in: tx)
            }
            users.append(u)
        }
        try UserDirectory.users.save(users, client: client.id, in: tx)
        return users
    }
}
