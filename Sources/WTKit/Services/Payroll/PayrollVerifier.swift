/// `store verify` for payroll: every run file parses and is listed in its
/// year's index as it is, numbers run 1..n per year without gaps (n from
/// `counters.json`), each line's amount is its minutes × rate × percentage
/// (km × rate, an expense at cost), the paid index and the runs agree both
/// ways, the queue holds closed declarations only and matches the
/// `payroll.toPay` counters, and every closed declaration not waiting in
/// the queue has been paid exactly its lines (hours per type, km, expenses),
/// corrections included. `WorkVerifier` shows it each declaration once, in
/// its one pass over the partitions.
final class PayrollVerifier {
    let store: Store
    var queue: [String: String] = [:]
    var toPay: [String: Int] = [:]
    /// Declaration → what it should have been paid, for the closed ones and any
    /// the paid index names.
    var current: [String: (status: DeclarationStatus, client: String, sums: String)] = [:]
    var paidIndex: [String: [String]] = [:]
    var problems: [String] = []

    init(_ store: Store, _ report: inout StoreVerifier.Report) {
        self.store = store
        StoreVerifier.attempt(&report) { (queue, toPay) = try PayrollFiles.queueFileContents(store) }
        for name in store.list("\(PayrollFiles.dir)/paid") where name.hasSuffix(".json") {
            guard let b = Int(name.dropLast(5)) else {
                report.problems.append("\(store.root)/\(PayrollFiles.dir)/paid/\(name): not an index bucket")
                continue
            }
            var entries: [String: String] = [:]
            StoreVerifier.attempt(&report) { entries = try RecordFile.loadStringMap(PayrollFiles.paidFile(b), from: store) }
            for (id, runs) in entries {
                if PayrollFiles.bucket(id) != b { report.problems.append("\(store.root)/\(PayrollFiles.paidFile(b)): \(id) belongs in another bucket") }
                paidIndex[id] = runs.split(separator: " ").map(String.init)
            }
        }
    }

    /// A canonical text of what a set of lines pays: hour minutes per type, km, expenses.
    static func sums(_ lines: [PayrollLine]) -> String {
        PayrollCalculator.sums(lines).sorted { $0.key < $1.key }.compactMap { key, s -> String? in
            switch key.component {
            case .hours: s.minutes == 0 ? nil : "h:\(key.type)=\(s.minutes)"
            case .km: s.km == 0 ? nil : "km=\(s.km)"
            default: s.amount == .zero ? nil : "e:\(key.type)=\(s.amount)"
            }
        }.joined(separator: ";")
    }

    /// The declarations whose pay is checked: closed ones, and any the paid index or the queue names.
    var named: Set<String> { Set(paidIndex.keys).union(queue.keys) }

    /// What a declaration should have been paid, if it is one to check; pure,
    /// so clients can be read on every core (`DeclarationVerifier`).
    static func expected(_ d: Declaration, named: Set<String>) -> (id: String, status: DeclarationStatus, client: String, sums: String)? {
        guard d.status == .closed || named.contains(d.id) else { return nil }
        // Rates do not matter here: only minutes, km and expense amounts are compared.
        let input = Payroll.input(d, payRate: .zero)
        let all = Dictionary(input.minutesByType.keys.map { ($0, 100) }, uniquingKeysWith: { a, _ in a })
        let lines = (try? PayrollCalculator.lines(input, percents: all, kmRate: .zero)) ?? []
        return (d.id, d.status, d.client, sums(lines))
    }

    func see(_ e: (id: String, status: DeclarationStatus, client: String, sums: String)) {
        current[e.id] = (e.status, e.client, e.sums)
    }

    func finish(_ report: inout StoreVerifier.Report) {
        let root = store.root
        var counters: [String: JSON] = [:]
        StoreVerifier.attempt(&report) { counters = try IdAllocator.load(store)["next"]?.objectValue ?? [:] }
        var paidLines: [String: [PayrollLine]] = [:]
        var runDeclarations: [String: Set<String>] = [:]
        var years = Set(PayrollFiles.years(store))
        for name in store.list(PayrollFiles.dir) where Int(name) != nil { years.insert(Int(name)!) }
        for year in years.sorted() {
            var summaries: [PayrollRun.Summary] = []
            StoreVerifier.attempt(&report) { summaries = try PayrollFiles.summaries(year, store) }
            let listed = Set(summaries.map(\.number))
            for name in store.list("\(PayrollFiles.dir)/\(year)") where !listed.contains(String(name.dropLast(5))) {
                report.problems.append("\(root)/\(PayrollFiles.dir)/\(year)/\(name): not in \(PayrollFiles.indexFile(year))")
            }
            var seqs: [Int] = []
            for s in summaries {
                guard Payroll.year(of: s.number) == year, let rel = PayrollFiles.runFile(s.number) else {
                    report.problems.append("\(root)/\(PayrollFiles.indexFile(year)): \(s.number) is not a run number of \(year)")
                    continue
                }
                seqs.append(Int(s.number.split(separator: "-").last!)!)
                var run: PayrollRun?
                StoreVerifier.attempt(&report) { run = try PayrollFiles.loadRun(s.number, store) }
                guard let run else {
                    if store.exists(rel) { continue }
                    report.problems.append("\(root)/\(rel): run \(s.number) is listed in \(PayrollFiles.indexFile(year)) but missing")
                    continue
                }
                report.records += 1
                if run.summary != s { report.problems.append("\(root)/\(PayrollFiles.indexFile(year)): the entry of \(s.number) does not match its run") }
                for l in run.lines {
                    paidLines[l.declaration, default: []].append(l)
                    let expected: Money? = switch l.kind {
                    case .hours: Money.amount(minutes: l.minutes, rate: l.rate, percent: l.percentage)
                    case .km: l.rate.times(l.km)
                    case .expense: l.rate
                    case .correction: nil
                    }
                    if let expected, expected != l.amount {
                        report.problems.append("\(root)/\(rel): the \(l.kind.rawValue) line of \(l.declaration) pays \(l.amount), its minutes and rate make \(expected)")
                    }
                }
                runDeclarations[s.number] = Set(run.declarations)
                store.forget(rel)
            }
            let next = counters["payroll:\(year)"]?.intValue ?? 1
            if seqs.sorted() != Array(1..<max(1, next)) {
                report.problems.append("\(root)/\(PayrollFiles.indexFile(year)): run numbers of \(year) are not 1 to \(next - 1) without gaps (counters.json)")
            }
        }
        // The paid index and the runs, both ways.
        for (number, ids) in runDeclarations {
            for id in ids where !(paidIndex[id] ?? []).contains(number) {
                report.problems.append("\(root)/\(PayrollFiles.paidFile(PayrollFiles.bucket(id) ?? 0)): \(id) was paid by \(number) but is not indexed so")
            }
        }
        for (id, runs) in paidIndex {
            let file = "\(root)/\(PayrollFiles.paidFile(PayrollFiles.bucket(id) ?? 0))"
            for number in runs where !(runDeclarations[number]?.contains(id) ?? false) {
                report.problems.append("\(file): \(id) is indexed as paid by \(number), which \(runDeclarations[number] == nil ? "does not exist" : "does not pay it")")
            }
            if runs != runs.sorted() || Set(runs).count != runs.count { report.problems.append("\(file): the runs of \(id) are not in order") }
            if current[id] == nil { report.problems.append("\(file): \(id) does not exist") }
        }
        // The queue: closed declarations, counted per client and in all.
        for (id, client) in queue {
            guard let d = current[id] else {
                report.problems.append("\(root)/\(PayrollFiles.queueFile): \(id) waits for payroll but does not exist")
                continue
            }
            if d.status != .closed { report.problems.append("\(root)/\(PayrollFiles.queueFile): \(id) waits for payroll but is \(d.status.rawValue)") }
            if d.client != client { report.problems.append("\(root)/\(PayrollFiles.queueFile): \(id) belongs to \(d.client), not \(client)") }
        }
        let counted = PayrollFiles.counts(queue)
        for key in Set(toPay.keys).union(counted.keys) where (toPay[key] ?? 0) != (counted[key] ?? 0) {
            report.problems.append("\(root)/\(PayrollFiles.queueFile): toPay counts \(toPay[key] ?? 0) for \(key), the queue holds \(counted[key] ?? 0)")
        }
        // Every closed declaration not waiting is paid exactly its lines; none is paid twice.
        for (id, d) in current where d.status == .closed && queue[id] == nil {
            let paid = Self.sums(paidLines[id] ?? [])
            if paid != d.sums {
                report.problems.append("\(root)/\(PayrollFiles.dir): closed declaration \(id) was paid [\(paid)] but holds [\(d.sums)], and does not wait in \(PayrollFiles.queueFile)")
            }
        }
    }
}
