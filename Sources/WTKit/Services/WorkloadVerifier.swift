/// `store verify` for the files the guards keep: each worker's summary
/// (`workload/<worker>.json`) must be exactly what the declarations give,
/// and `contracts/ending/<YYYY-MM>.json` must list every fixed-term contract
/// under the month of its end, as the contracts have it.
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
        var contracts: [Contract] = []
        do { contracts = try Contracts.all(store) } catch let e as WTError {
            report.problems.append(e.message)
            return
        }
        let byId = Dictionary(contracts.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var listed = Set<String>()
        for name in store.list(ContractGuards.endingDir).sorted() {
            let rel = "\(ContractGuards.endingDir)/\(name)"
            let endings: [ContractGuards.Ending]
            do { endings = try ContractGuards.endings(rel, store) } catch let e as WTError {
                report.problems.append(e.message)
                continue
            }
            for e in endings {
                listed.insert(e.contract)
                guard let c = byId[e.contract] else {
                    report.problems.append("\(root)/\(rel): \(e.contract) is not a contract")
                    continue
                }
                if !c.fixedTerm || c.end != e.end || c.client != e.client || c.department != e.department {
                    report.problems.append("\(root)/\(rel): \(e.contract) does not match the contract (fixed-term \(c.fixedTerm), end \(c.end?.description ?? "none"))")
                }
            }
        }
        for c in contracts where c.fixedTerm && !listed.contains(c.id) {
            if let end = c.end {
                report.problems.append("\(root)/\(ContractGuards.endingFile(end.year, end.month)): fixed-term contract \(c.id), ending \(end), is missing")
            }
        }
    }
}
