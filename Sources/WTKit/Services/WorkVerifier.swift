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

        // Declarations: each partition holds what belongs there, the index and
        // the keys point at every declaration (and at nothing else), the counters
        // agree. One pass over the partitions, each dropped from the cache after
        // use, so verifying years of history holds one client's in memory.
        let dir = DeclarationSet.dir
        var located: [String: String] = [:]  // id → location
        var invoicedBy: [String: String] = [:]  // declaration → invoice number
        let payroll = PayrollVerifier(store, &report)
        for client in DeclarationSet.clients(store: store) {
            if !clients.contains(client) { report.problems.append("\(root)/\(dir)/\(client): no such client") }
            var counts: Stats.Counts = [:]
            var all: [(Declaration, String)] = []
            StoreVerifier.attempt(&report) {
                for d in try DeclarationSet.open(client: client, store) {
                    counts[d.status.rawValue, default: 0] += 1
                    all.append((d, "\(client)/open"))
                }
                var invoiced = 0
                for year in DeclarationSet.archiveYears(client: client, store: store) {
                    let ds = try DeclarationSet.archived(client: client, year: year, store)
                    invoiced += ds.count
                    all += ds.map { ($0, "\(client)/\(year)") }
                }
                counts["invoiced"] = invoiced
            }
            var keys: [String: String] = [:]
            StoreVerifier.attempt(&report) { keys = try RecordFile.loadStringMap(DeclarationSet.keysFile(client), from: store) }
            report.records += all.count
            for (d, loc) in all {
                let file = "\(root)/\(dir)/\(loc).json"
                if located.updateValue(loc, forKey: d.id) != nil { report.problems.append("\(file): declaration \(d.id) appears twice") }
                if d.client != client { report.problems.append("\(file): declaration \(d.id) belongs to \(d.client)") }
                if DeclarationSet.location(d) != loc {
                    report.problems.append("\(file): declaration \(d.id) belongs in \(dir)/\(DeclarationSet.location(d)).json")
                }
                if !contractIds.contains(d.contract) {
                    report.problems.append("\(file): declaration \(d.id) names contract \(d.contract), which does not exist")
                }
                if let name = d.workerName, let actual = workerNames[d.worker], name != actual {
                    report.problems.append("\(file): declaration \(d.id) names its worker \(name), but \(d.worker) is \(actual)")
                }
                if keys["\(d.contract)|\(d.week)"] != d.id {
                    report.problems.append("\(root)/\(DeclarationSet.keysFile(client)): declaration \(d.id) (\(d.contract) \(d.week)) is missing")
                }
                if let n = d.invoice { invoicedBy[d.id] = n }
                payroll.see(d)
            }
            if keys.count != all.count {
                report.problems.append("\(root)/\(DeclarationSet.keysFile(client)): \(keys.count) keys for \(all.count) declarations")
            }
            let kept = stats[client]?["declarations"] ?? [:]
            for (k, v) in counts where (kept[k] ?? 0) != v {
                report.problems.append("\(root)/\(Stats.file): \(client) counts \(kept[k] ?? 0) \(k) declarations, the store holds \(v)")
            }
            store.forgetAll()
        }
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
        for client in store.list(Invoices.dir) where RecordKind.of(client) == .client {
            if !clients.contains(client) { report.problems.append("\(root)/\(Invoices.dir)/\(client): no such client") }
            for year in Invoices.years(client: client, store) {
                let rel = Invoices.file(client, year)
                var all: [Invoice] = []
                StoreVerifier.attempt(&report) { all = try RecordFile.load(rel, from: store) }
                report.records += all.count
                for inv in all {
                    if inv.client != client || inv.date.year != year { report.problems.append("\(root)/\(rel): \(inv.number) does not belong here") }
                    if numbers.updateValue(client, forKey: inv.number) != nil { report.problems.append("\(root)/\(rel): \(inv.number) appears twice") }
                    if let of = inv.creditOf { credited.insert(of) }
                    counts[client, default: [:]]["total", default: 0] += 1
                    counts[client, default: [:]][inv.kind.rawValue, default: 0] += 1
                    if inv.kind == .invoice { billed[inv.number] = inv.declarations }
                }
                store.forgetAll()
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
