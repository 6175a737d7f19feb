/// The large sample's payroll history: a run every Tuesday, the day after
/// the invoices, paying the week before last's closed declarations, as
/// `payroll run --until` would have (same calculator, same files). Last
/// week's closed declarations wait in the queue. Lines are gathered per run
/// while the sample builds one client at a time, and written once at the end
/// (`write`), with the paid index and the queue.
struct LargePayroll {
    let thisWeek: ISOWeek
    let rates: Payroll.Rates
    let prefix: String
    /// Lines per week offset (the run paying that week).
    var lines: [Int: [PayrollLine]] = [:]
    var queue: [String: String] = [:]

    init(config: Config, thisWeek: ISOWeek) throws {
        self.thisWeek = thisWeek
        rates = try Payroll.Rates(config)
        prefix = config[.payrollPrefix]
    }

    /// The day a week's run is made: Tuesday of the week after next.
    func runDate(_ rel: Int) -> CalendarDate { thisWeek.adding(weeks: rel + 2).monday.adding(days: 1) }

    /// One client's closed declarations of one week: paid by that week's run,
    /// or queued when the week is last week.
    mutating func add(_ ds: [Declaration], rel: Int, contracts: [String: Contract]) throws {
        for d in ds where d.status == .closed {
            guard rel <= -2 else {
                queue[d.id] = d.client
                continue
            }
            guard let c = contracts[d.contract] else { throw WTError.failure("sample: \(d.id) has no contract") }
            lines[rel, default: []] += try PayrollCalculator.lines(
                Payroll.input(d, payRate: c.payRate), percents: rates.percents, kmRate: rates.km(d.week))
        }
    }

    /// The runs (numbered per year of their date, in date order), their year
    /// indexes, the paid index and the queue; returns the next seq per year.
    func write(workers: [Worker], createdAt stamp: (CalendarDate, Int) -> String, in tx: Transaction) throws -> [Int: Int] {
        let payees = Dictionary(uniqueKeysWithValues: workers.map { ($0.id, PayrollRun.Payee(name: $0.name, iban: $0.iban)) })
        var seq: [Int: Int] = [:]
        var summaries: [Int: [String: JSON]] = [:]
        var paid: [Int: [String: JSON]] = [:]
        for rel in lines.keys.sorted() {
            let ls = lines[rel]!.sorted { Payroll.idOrder($0.declaration, $1.declaration) }
            let paidWorkers = Set(ls.map(\.worker))
            let date = runDate(rel)
            let n = seq[date.year, default: 0] + 1
            seq[date.year] = n
            let run = PayrollRun(
                number: Payroll.format(prefix: prefix, year: date.year, seq: n), date: date, createdAt: stamp(date, 3), lines: ls,
                workers: payees.filter { paidWorkers.contains($0.key) })
            tx.write(PayrollFiles.runFile(run.number)!, run.stored)
            summaries[date.year, default: [:]][run.number] = run.summary.json
            for id in run.declarations { paid[PayrollFiles.bucket(id)!, default: [:]][id] = .string(run.number) }
        }
        for (year, s) in summaries { tx.write(PayrollFiles.indexFile(year), .object(s)) }
        for (b, entries) in paid { tx.write(PayrollFiles.paidFile(b), .object(entries)) }
        PayrollFiles.saveQueue(queue, in: tx)
        return seq
    }
}
