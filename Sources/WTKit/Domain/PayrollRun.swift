/// A payroll run (verloning): the gross pay of closed declarations, numbered
/// `<payroll.prefix><year>-<5 digits>`. Immutable once made: it keeps the
/// names and IBANs its workers had that day, so its import file never changes.
public struct PayrollRun: Equatable, Sendable {
    public struct Payee: Equatable, Sendable {
        public var name: String
        public var iban: String?
    }

    public var number: String
    public var date: CalendarDate
    public var createdAt: String
    public var lines: [PayrollLine]
    public var workers: [String: Payee]

    public init(number: String, date: CalendarDate, createdAt: String, lines: [PayrollLine], workers: [String: Payee]) {
        self.number = number
        self.date = date
        self.createdAt = createdAt
        self.lines = lines
        self.workers = workers
    }

    public var total: Money { lines.reduce(Money.zero) { $0 + $1.amount } }

    /// The declarations it pays, in the order of their lines.
    public var declarations: [String] {
        var seen = Set<String>()
        return lines.compactMap { seen.insert($0.declaration).inserted ? $0.declaration : nil }
    }

    /// What `payroll list` shows, kept in the year's index.
    public struct Summary: Equatable, Sendable {
        public var number: String
        public var date: CalendarDate
        public var total: Money
        public var lines: Int
        public var declarations: Int
        public var workers: Int

        init(number: String, date: CalendarDate, total: Money, lines: Int, declarations: Int, workers: Int) {
            self.number = number
            self.date = date
            self.total = total
            self.lines = lines
            self.declarations = declarations
            self.workers = workers
        }

    }

    public var summary: Summary {
        Summary(number: number, date: date, total: total, lines: lines.count, declarations: declarations.count, workers: Set(lines.map(\.worker)).count)
    }

}
