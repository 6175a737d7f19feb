/// `store verify` for contracts, documents and declarations: references,
/// files and hashes, the declaration index, and the counters in `stats.json`.
enum WorkVerifier {
    static func verify(_ store: Store, _ report: inout StoreVerifier.Report) throws {
        let root = store.root
        let clients = Set(((try? Organisation.clients(store)) ?? []).map(\.id))
        let departments = Dictionary(((try? Organisation.departments(store)) ?? []).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let workers = Set(((try? Organisation.workers(store)) ?? []).map(\.id))
        var stats: [String: [String: Stats.Counts]] = [:]
        StoreVerifier.attempt(&report) { stats = try Stats.load(store) }

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

        for client in DeclarationSet.clients(store: store) {
            if !clients.contains(client) { report.problems.append("\(root)/\(DeclarationSet.dir)/\(client): no such client") }
            var counts: Stats.Counts = [:]
            var all: [Declaration] = []
            StoreVerifier.attempt(&report) {
                for d in try DeclarationSet.open(client: client, store) {
                    counts[d.status.rawValue, default: 0] += 1
                    all.append(d)
                }
                var invoiced = 0
                for year in DeclarationSet.archiveYears(client: client, store: store) {
                    let ds = try DeclarationSet.archived(client: client, year: year, store)
                    invoiced += ds.count
                    all += ds
                }
                counts["invoiced"] = invoiced
            }
            report.records += all.count
            var keys: [String: String] = [:]
            StoreVerifier.attempt(&report) { keys = try RecordFile.loadStringMap(DeclarationSet.keysFile(client), from: store) }
            for d in all where keys["\(d.contract)|\(d.week)"] != d.id {
                report.problems.append("\(root)/\(DeclarationSet.keysFile(client)): declaration \(d.id) (\(d.contract), \(d.week)) is missing")
            }
            for d in all {
                if !contractIds.contains(d.contract) {
                    report.problems.append("\(root)/\(DeclarationSet.dir)/\(client): declaration \(d.id) names contract \(d.contract), which does not exist")
                }
                var indexed = false
                StoreVerifier.attempt(&report) { indexed = try DeclarationSet.find(d.id, store)?.id == d.id }
                if !indexed { report.problems.append("\(root)/\(DeclarationSet.dir)/index: declaration \(d.id) is missing from the index") }
            }
            let kept = stats[client]?["declarations"] ?? [:]
            for (k, v) in counts where (kept[k] ?? 0) != v {
                report.problems.append("\(root)/\(Stats.file): \(client) counts \(kept[k] ?? 0) \(k) declarations, the store holds \(v)")
            }
        }
        checkInvoices(store, clients: clients, &report)
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

    /// Every invoice file reads, and every invoice is in its year's index under its client.
    static func checkInvoices(_ store: Store, clients: Set<String>, _ report: inout StoreVerifier.Report) {
        let root = store.root
        var indexes: [Int: [String: String]] = [:]
        for name in store.list("\(Invoices.dir)/index") where name.hasSuffix(".json") {
            guard let year = Int(name.dropLast(5)) else { continue }
            StoreVerifier.attempt(&report) { indexes[year] = try Invoices.index(year, store) }
        }
        for client in store.list(Invoices.dir) where client != "index" {
            if !clients.contains(client) { report.problems.append("\(root)/\(Invoices.dir)/\(client): no such client") }
            for year in Invoices.years(client: client, store) {
                var invoices: [Invoice] = []
                StoreVerifier.attempt(&report) { invoices = try RecordFile.load(Invoices.file(client, year), from: store) }
                report.records += invoices.count
                for inv in invoices {
                    let numberYear = Invoices.year(of: inv.number) ?? year
                    if let index = indexes[numberYear], index[inv.number] == client { continue }
                    if indexes[numberYear] == nil && store.exists(Invoices.indexFile(numberYear)) { continue }
                    report.problems.append("\(root)/\(Invoices.indexFile(numberYear)): invoice \(inv.number) of \(client) is missing from the index")
                }
            }
        }
    }
}
