/// `store verify` for the files the guards keep: each worker's summary
/// (`workload/<worker>.json`) must be exactly what the declarations give,
/// and `contracts/ending.json` must list every fixed-term contract whose end
/// has not passed, as the contracts have it.
enum WorkloadVerifier {
    static func verify(expected: [String: WorkloadSummary], _ store: Store, _ report: inout StoreVerifier.Report) {
        let root = store.root
        var stored = Set<String>()
        for name in store.list(WorkloadSummary.dir) {
            let rel = "\(WorkloadSummary.dir)/\(name)"
            guard name.hasSuffix(".json"), RecordKind.of(String(name.dropLast(5))) == .worker else {
                report.problems.append("\(root)/\(rel): not a worker's summary")
                continue
            }
            stored.insert(String(name.dropLast(5)))
        }
        for worker in stored.union(expected.keys).sorted() {
            let rel = WorkloadSummary.file(worker)
            var have = WorkloadSummary(worker: worker)
            do { have = try WorkloadSummary.load(worker, store) } catch let e as WTError {
                report.problems.append(e.message)
                continue
            } catch {
                report.problems.append("\(root)/\(rel): \(error)")
                continue
            }
            store.forget(rel)
            let want = expected[worker] ?? WorkloadSummary(worker: worker)
            guard have != want else { continue }
            if !stored.contains(worker) {
                report.problems.append("\(root)/\(rel): missing; the declarations of \(worker) have hours")
                continue
            }
            let weeks = Set(have.weeks.keys).union(want.weeks.keys).filter { have.weeks[$0] != want.weeks[$0] }.sorted()
            report.problems.append(
                "\(root)/\(rel): does not match the declarations of \(worker) in \(weeks.prefix(5).map(\.description).joined(separator: ", "))"
                    + (weeks.count > 5 ? " and \(weeks.count - 5) more weeks" : ""))
        }
    }

    static func verifyEndings(_ store: Store, _ report: inout StoreVerifier.Report) throws {
        let root = store.root
        let file = "\(root)/\(ContractGuards.endingFile)"
        var endings: [ContractGuards.Ending] = []
        var asOf: CalendarDate?
        var contracts: [Contract] = []
        do {
            (asOf, endings) = try ContractGuards.endingFile(store)
            contracts = try Contracts.all(store)
        } catch let e as WTError {
            report.problems.append(e.message)
            return
        }
        let listed = Dictionary(endings.map { ($0.contract, $0) }, uniquingKeysWith: { a, _ in a })
        let byId = Dictionary(contracts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Entries are dropped when a write finds their end passed: every end
        // from the last write's day on must be there.
        guard let asOf else {
            if let c = contracts.first(where: { $0.fixedTerm && $0.end != nil }) {
                report.problems.append("\(file): missing, but fixed-term contract \(c.id) has an end")
            }
            return
        }
        for e in endings {
            guard let c = byId[e.contract] else {
                report.problems.append("\(file): \(e.contract) is not a contract")
                continue
            }
            if !c.fixedTerm || c.end != e.end || c.client != e.client || c.department != e.department {
                report.problems.append("\(file): \(e.contract) does not match the contract (fixed-term \(c.fixedTerm), end \(c.end?.description ?? "none"))")
            }
        }
        for c in contracts where c.fixedTerm {
            if let end = c.end, end >= asOf, listed[c.id] == nil {
                report.problems.append("\(file): fixed-term contract \(c.id), ending \(end), is missing")
            }
        }
    }
}
