/// `store verify` for contracts, documents and declarations: references,
/// files and hashes, the declaration index, and the counters in `stats.json`.
enum WorkVerifier {
    static func verify(_ store: Store, _ report: inout StoreVerifier.Report) throws {
        let root = store.root
        let clients = Set(((try? Organisation.clients(store)) ?? []).map(\.id))
        let departments = Dictionary(((try? Organisation.departments(store)) ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let workerNames = Dictionary(((try? Organisation.workers(store)) ?? []).map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let workers = Set(workerNames.keys)
        var stats: [String: [String: Stats.Counts]] = [:]
        StoreVerifier.attempt(&report) { stats = try Stats.load(store) }
        var totals: [String: Stats.Counts]?
        StoreVerifier.attempt(&report) { totals = try Stats.entry(Stats.totalKey, store) }
        func nonZero(_ g: [String: Stats.Counts]) -> [String: Stats.Counts] {
            g.mapValues { $0.filter { $0.value != 0 } }.filter { !$0.value.isEmpty }
        }
        if let totals, nonZero(totals) != nonZero(Stats.totals(stats)) {
            report.problems.append("\(root)/\(Stats.file): the totals (\"\(Stats.totalKey)\") are not the sum of the clients' counters")
        }

        var contracts: [Contract] = []
        StoreVerifier.attempt(&report) { contracts = try Contracts.all(store) }
        report.records += contracts.count
        var contractIds = Set<String>()
        for c in contracts {
            let file = "\(root)/\(Contracts.store.file(c.client))"
            if !contractIds.insert(c.id).inserted { report.problems.append("\(file): contract \(c.id) appears twice") }
            if !workers.contains(c.worker) { report.problems.append("\(file): contract \(c.id) names worker \(c.worker), which does not exist") }
            if departments[c.department]?.client != c.client {
                report.problems.append("\(file): contract \(c.id) names department \(c.department), not one of client \(c.client)")
            }
        }

        checkIndex(Contracts.store, contracts, store, &report)

        var documents: [Document] = []
        StoreVerifier.attempt(&report) { documents = try Documents.all(store) }
        report.records += documents.count
        checkIndex(Documents.store, documents, store, &report)
        for d in documents {
            let file = "\(root)/\(Documents.store.file(d.client))"
            if let c = d.contract, !contractIds.contains(c) { report.problems.append("\(file): document \(d.id) names contract \(c), which does not exist") }
            guard let bytes = try? store.readBytes(Documents.blobPath(d.sha256)) else {
                report.problems.append("\(root)/\(Documents.blobPath(d.sha256)): the file of document \(d.id) is missing")
                continue
            }
            if SHA256.hex(bytes) != d.sha256 {
                report.problems.append("\(root)/\(Documents.blobPath(d.sha256)): the file of document \(d.id) does not match its SHA-256")
            }
        }

        // Declarations: per client on every core (DeclarationVerifier), then
        // what crosses clients: an id in two partitions, the index buckets.
        let dir = DeclarationSet.dir
        var located: [String: String] = [:]  // id → location
        var invoicedBy: [String: String] = [:]  // declaration → invoice number
        let payroll = PayrollVerifier(store, &report)
        var summaries: [String: WorkloadSummary] = [:]  // the workers' summaries as the declarations give them
        let context = DeclarationVerifier.Known(
            clients: clients, contractIds: contractIds, workerNames: workerNames, stats: stats, paidOrQueued: payroll.named)
        let results = Parallel.map(DeclarationSet.clients(store: store)) { DeclarationVerifier.verify($0, store, context) }
        for r in results {
            report.problems += r.problems
            report.records += r.records
            for (id, loc) in r.located where located.updateValue(loc, forKey: id) != nil {
                report.problems.append("\(root)/\(dir)/\(loc).json: declaration \(id) appears twice")
            }
            for (id, number) in r.invoicedBy { invoicedBy[id] = number }
            for p in r.payroll { payroll.see(p) }
            for w in r.workload { summaries[w.worker, default: WorkloadSummary(worker: w.worker)].set(w.week, w.id, w.entry) }
        }
        WorkloadVerifier.verify(expected: summaries, store, &report)
        var indexed = 0
        for name in store.list("\(dir)/index") where name.hasSuffix(".json") {
            guard let b = Int(name.dropLast(5)) else {
                report.problems.append("\(root)/\(dir)/index/\(name): not an index bucket")
                continue
            }
            var entries: [String: String] = [:]
            StoreVerifier.attempt(&report) { entries = try DeclarationSet.loadIndex(b, store) }
            indexed += entries.count
            for (id, loc) in entries {
                if DeclarationSet.bucket(id) != b { report.problems.append("\(root)/\(DeclarationSet.indexFile(b)): \(id) belongs in another bucket") }
                if located[id] != loc {
                    report.problems.append("\(root)/\(DeclarationSet.indexFile(b)): \(id) is indexed in \(loc) but \(located[id].map { "is in \($0)" } ?? "does not exist")")
                }
            }
        }
        if indexed != located.count {
            report.problems.append("\(root)/\(dir)/index: \(indexed) entries for \(located.count) declarations: some are missing from the index")
        }
        store.forgetAll()
        verifyInvoices(store, clients: clients, stats: stats, invoicedBy: invoicedBy, &report)
        payroll.finish(&report)

        for (client, groups) in stats {
            let expected: [String: Stats.Counts] = [
                "contracts": ["total": contracts.filter { $0.client == client }.count],
                "documents": Document.counts(documents.filter { $0.client == client }),
            ]
            for (group, counts) in expected where (groups[group] ?? [:]).filter({ $0.value != 0 }) != counts.filter({ $0.value != 0 }) {
                report.problems.append("\(root)/\(Stats.file): the \(group) counters of \(client) do not match the records")
            }
        }
    }

    /// Every record is in its kind's index, under its client.
    static func checkIndex<R: ClientOwned>(_ kind: Partitioned<R>, _ records: [R], _ store: Store, _ report: inout StoreVerifier.Report) {
        var index: [String: String]?
        StoreVerifier.attempt(&report) { index = try kind.index(store) }
        guard let index else { return }
        for r in records where index[r.id] != r.client {
            report.problems.append("\(store.root)/\(kind.indexFile): \(r.id) of \(r.client) is missing from the index")
        }
    }

    /// Invoices: the number index and the files agree, every invoice's
    /// declarations exist and name it (unless a credit note freed them), every
    /// invoiced declaration's invoice exists, and the counters agree.
    static func verifyInvoices(
        _ store: Store, clients: Set<String>, stats: [String: [String: Stats.Counts]], invoicedBy: [String: String],
        _ report: inout StoreVerifier.Report
    ) {
        let root = store.root
        var numbers: [String: String] = [:]  // number → client
        var credited = Set<String>()
        var counts: [String: Stats.Counts] = [:]
        var billed: [String: [String]] = [:]  // number → its declarations
        // Each year file parsed on its own core; only what the checks need is kept.
        typealias Seen = (number: String, client: String, rel: String, fits: Bool, creditOf: String?, kind: Invoice.Kind, declarations: [String])
        var files: [(client: String, rel: String, year: Int)] = []
        for client in store.list(Invoices.dir) where RecordKind.of(client) == .client {
            if !clients.contains(client) { report.problems.append("\(root)/\(Invoices.dir)/\(client): no such client") }
            for year in Invoices.years(client: client, store) { files.append((client, Invoices.file(client, year), year)) }
        }
        let loaded = Parallel.map(files) { f -> Result<[Seen], WTError> in
            do {
                let all: [Invoice] = try RecordFile.load(f.rel, from: store)
                store.forget(f.rel)
                return .success(all.map { inv in
                    (inv.number, f.client, f.rel, inv.client == f.client && inv.date.year == f.year, inv.creditOf, inv.kind, inv.declarations)
                })
            } catch let e as WTError {
                return .failure(e)
            } catch {
                return .failure(WTError.failure("\(error)"))
            }
        }
        for result in loaded {
            let all: [Seen]
            switch result {
            case .success(let s): all = s
            case .failure(let e):
                report.problems.append(e.message)
                continue
            }
            report.records += all.count
            for inv in all {
                let client = inv.client, rel = inv.rel
                if !inv.fits { report.problems.append("\(root)/\(rel): \(inv.number) does not belong here") }
                if numbers.updateValue(client, forKey: inv.number) != nil { report.problems.append("\(root)/\(rel): \(inv.number) appears twice") }
                if let of = inv.creditOf { credited.insert(of) }
                counts[client, default: [:]]["total", default: 0] += 1
                counts[client, default: [:]][inv.kind.rawValue, default: 0] += 1
                if inv.kind == .invoice { billed[inv.number] = inv.declarations }
            }
        }
        var indexed = 0
        for name in store.list("\(Invoices.dir)/index") where name.hasSuffix(".json") {
            guard let year = Int(name.dropLast(5)) else { continue }
            var idx: [String: String] = [:]
            StoreVerifier.attempt(&report) { idx = try Invoices.index(year, store) }
            for (key, value) in idx {
                if key.hasPrefix("credit:") {
                    if numbers[value] == nil { report.problems.append("\(root)/\(Invoices.indexFile(year)): credit note \(value) does not exist") }
                    continue
                }
                indexed += 1
                if numbers[key] != value {
                    report.problems.append("\(root)/\(Invoices.indexFile(year)): \(key) is indexed under \(value) but is \(numbers[key].map { "an invoice of \($0)" } ?? "not stored")")
                }
            }
        }
        if indexed != numbers.count {
            report.problems.append("\(root)/\(Invoices.dir)/index: \(indexed) entries for \(numbers.count) invoices: some are missing from the index")
        }
        for (number, ids) in billed where !credited.contains(number) {
            for id in ids where invoicedBy[id] != number {
                report.problems.append("\(root)/\(Invoices.dir)/\(numbers[number] ?? "?"): \(number) bills declaration \(id), which does not name it")
            }
        }
        for (id, number) in invoicedBy where billed[number] == nil {
            report.problems.append("\(root)/\(DeclarationSet.dir): declaration \(id) names invoice \(number), which does not exist")
        }
        for client in Set(counts.keys).union(stats.keys) {
            let kept = (stats[client]?["invoices"] ?? [:]).filter { $0.value != 0 }
            if kept != (counts[client] ?? [:]) {
                report.problems.append("\(root)/\(Stats.file): the invoices counters of \(client) do not match the records")
            }
        }
    }
}
