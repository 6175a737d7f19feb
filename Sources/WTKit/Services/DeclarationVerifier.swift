/// `store verify` for one client's declarations: each partition holds what
/// belongs there, the keys point at every declaration, the counters agree and
/// the week index names the archive's bytes exactly. Clients are independent,
/// so they are checked on every core (`Parallel.map`); what crosses clients
/// (an id in two partitions, the index buckets, invoices) is checked after,
/// from what each returns. Each file is read through the store without being
/// kept, so verifying years of history holds a few clients' in memory.
enum DeclarationVerifier {
    struct Known {
        let clients: Set<String>
        let contractIds: Set<String>
        let workerNames: [String: String]
        let stats: [String: [String: Stats.Counts]]
        /// Declarations the payroll files name (`PayrollVerifier.named`).
        let paidOrQueued: Set<String>
    }

    struct ClientResult {
        var problems: [String] = []
        var located: [(id: String, loc: String)] = []
        var invoicedBy: [(id: String, number: String)] = []
        var records = 0
        /// What each payroll-relevant declaration should have been paid.
        var payroll: [(id: String, status: DeclarationStatus, client: String, sums: String)] = []
        /// The workers' summaries as these declarations give them.
        var workload: [(worker: String, week: ISOWeek, id: String, entry: WorkloadSummary.Entry)] = []
    }

    static func verify(_ client: String, _ store: Store, _ c: Known) -> ClientResult {
        let root = store.root
        let dir = DeclarationSet.dir
        var out = ClientResult()
        func attempt(_ f: () throws -> Void) {
            do { try f() } catch let e as WTError { out.problems.append(e.message) } catch { out.problems.append("\(error)") }
        }
        if !c.clients.contains(client) { out.problems.append("\(root)/\(dir)/\(client): no such client") }
        var counts: Stats.Counts = [:]
        var all: [(Declaration, String)] = []
        var computed: WeekIndex.Spans = [:]
        attempt {
            let openRel = DeclarationSet.openFile(client)
            for d in try DeclarationSet.open(client: client, store) {
                counts[d.status.rawValue, default: 0] += 1
                all.append((d, "\(client)/open"))
            }
            store.forget(openRel)
            var invoiced = 0
            for year in DeclarationSet.archiveYears(client: client, store: store) {
                let rel = DeclarationSet.archiveFile(client, year)
                let ds = try DeclarationSet.archived(client: client, year: year, store)
                store.forget(rel)
                invoiced += ds.count
                all += ds.map { ($0, "\(client)/\(year)") }
                if let bytes = try store.readBytes(rel) { computed.merge(try WeekIndex.spans(of: bytes, rel: rel, store)) { a, _ in a } }
            }
            counts["invoiced"] = invoiced
        }
        attempt {
            let rel = WeekIndex.file(client)
            let index = try WeekIndex.load(client, store)
            store.forget(rel)
            // No index at all is a store written before there was one: reads scan instead.
            if let index, index != computed {
                let wrong = Set(index.keys).symmetricDifference(computed.keys).union(index.keys.filter { computed[$0] != nil && computed[$0] != index[$0] })
                out.problems.append("\(root)/\(rel): the offsets of \(wrong.sorted().prefix(3).map(\.description).joined(separator: ", ")) do not match the archive")
            }
        }
        var keys: [String: String] = [:]
        attempt {
            keys = try RecordFile.loadStringMap(DeclarationSet.keysFile(client), from: store)
            store.forget(DeclarationSet.keysFile(client))
        }
        out.records = all.count
        for (d, loc) in all {
            let file = "\(root)/\(dir)/\(loc).json"
            out.located.append((d.id, loc))
            if d.client != client { out.problems.append("\(file): declaration \(d.id) belongs to \(d.client)") }
            if DeclarationSet.location(d) != loc {
                out.problems.append("\(file): declaration \(d.id) belongs in \(dir)/\(DeclarationSet.location(d)).json")
            }
            if !c.contractIds.contains(d.contract) {
                out.problems.append("\(file): declaration \(d.id) names contract \(d.contract), which does not exist")
            }
            // An invoiced declaration keeps the name it was invoiced under (`workers edit --name` renames the open ones only).
            if d.invoice == nil, let name = d.workerName, let actual = c.workerNames[d.worker], name != actual {
                out.problems.append("\(file): declaration \(d.id) names its worker \(name), but \(d.worker) is \(actual)")
            }
            if keys["\(d.contract)|\(d.week)"] != d.id {
                out.problems.append("\(root)/\(DeclarationSet.keysFile(client)): declaration \(d.id) (\(d.contract) \(d.week)) is missing")
            }
            if let n = d.invoice { out.invoicedBy.append((d.id, n)) }
            if let p = PayrollVerifier.expected(d, named: c.paidOrQueued) { out.payroll.append(p) }
            if let e = WorkloadSummary.Entry(d) { out.workload.append((d.worker, d.week, d.id, e)) }
        }
        if keys.count != all.count {
            out.problems.append("\(root)/\(DeclarationSet.keysFile(client)): \(keys.count) keys for \(all.count) declarations")
        }
        let kept = c.stats[client]?["declarations"] ?? [:]
        for (k, v) in counts.sorted(by: { $0.key < $1.key }) where (kept[k] ?? 0) != v {
            out.problems.append("\(root)/\(Stats.file): \(client) counts \(kept[k] ?? 0) \(k) declarations, the store holds \(v)")
        }
        return out
    }
}
