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

        init(number: String, stored r: JSONReader) throws {
            self.number = number
            date = try r.parsed("date", CalendarDate.parse)
            total = try r.parsed("total", Money.parse)
            lines = try r.int("lines")
            declarations = try r.int("declarations")
            workers = try r.int("workers")
        }

        init(number: String, date: CalendarDate, total: Money, lines: Int, declarations: Int, workers: Int) {
            self.number = number
            self.date = date
            self.total = total
            self.lines = lines
            self.declarations = declarations
            self.workers = workers
        }

        /// As stored in the index (the number is the key).
        var json: JSON {
            ["date": .string(date.description), "total": .string(total.description), "lines": .int(lines),
             "declarations": .int(declarations), "workers": .int(workers)]
        }

        public var output: JSON {
            ["number": .string(number), "date": .string(date.description), "total": .string(total.description),
             "lines": .int(lines), "declarations": .int(declarations), "workers": .int(workers)]
        }

    }

    public var summary: Summary {
        Summary(number: number, date: date, total: total, lines: lines.count, declarations: declarations.count, workers: Set(lines.map(\.worker)).count)
    }

    /// A line as output shows it: with the run, the worker's name and IBAN.
    public func row(_ l: PayrollLine) -> JSON {
        guard case .object(var o) = l.json else { return l.json }
        o["run"] = .string(number)
        o["workerName"] = JSON(workers[l.worker]?.name)
        o["iban"] = JSON(workers[l.worker]?.iban)
        return .object(o)
    }

    public var output: JSON {
        guard case .object(var o) = stored else { return stored }
        o["lines"] = .array(lines.map(row))
        return .object(o)
    }

}
