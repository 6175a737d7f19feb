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

        var documents: [Document] = []
        StoreVerifier.attempt(&report) { documents = try Documents.all(store) }
        report.records += documents.count
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
}
