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

        public static let schema = Schema([
            Field("number"), Field("date"), Field("workers"), Field("declarations"), Field("lines"), Field("total"),
        ])
    }

    public var summary: Summary {
        Summary(number: number, date: date, total: total, lines: lines.count, declarations: declarations.count, workers: Set(lines.map(\.worker)).count)
    }

    public init(stored r: JSONReader) throws {
        number = try r.string("number")
        date = try r.parsed("date", CalendarDate.parse)
        createdAt = try r.string("createdAt")
        lines = try r.array("lines").map { try PayrollLine(stored: JSONReader($0, what: r.what)) }
        workers = try r.object("workers").mapValues {
            let w = try JSONReader($0, what: r.what)
            return Payee(name: try w.string("name"), iban: try w.optString("iban"))
        }
        let stated = try r.parsed("total", Money.parse)
        guard stated == total else { throw r.bad("total", "the sum of its lines (\(total))") }
    }

    /// Stored and shown alike; each line also names its worker and IBAN.
    public var stored: JSON {
        [
            "number": .string(number), "date": .string(date.description), "createdAt": .string(createdAt),
            "lines": .array(lines.map(\.json)), "total": .string(total.description), "declarations": JSON(declarations),
            "workers": .object(workers.mapValues { ["name": .string($0.name), "iban": JSON($0.iban)] }),
        ]
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

    public static let schema = Schema([
        Field("number"), Field("date"), Field("total"), Field("createdAt", .timestamp, table: false),
        Field("lines", .nested), Field("declarations", .list, table: false),
    ])

    /// The lines as a table shows them under a run.
    public static let tableLineSchema = Schema([
        Field("worker"), Field("workerName"), Field("week"), Field("contract"), Field("declaration"), Field("kind"), Field("type"),
        Field("minutes", .minutes), Field("km"), Field("rate"), Field("percentage"), Field("amount"),
    ])

    static let importFields = [
        Field("run"), Field("worker"), Field("workerName"), Field("iban"), Field("week"), Field("contract"),
        Field("kind"), Field("type"), Field("minutes", .minutes), Field("rate"), Field("percentage"), Field("amount"),
    ]

    /// One row per line: what `show --format csv|tsv` prints, the import file of
    /// a payroll system, with exactly the columns SPEC §12 fixes.
    public static let importSchema = Schema(importFields)

    /// A line with everything it says: `slips`, and `--fields` on `show`.
    public static let lineSchema = Schema(importFields + [
        Field("declaration", table: false), Field("component", table: false), Field("km", table: false),
    ])
}
