/// A weekly hour declaration (urendeclaratie): one per contract per ISO week.
public struct Declaration: Equatable, Sendable {
    public struct Line: Equatable, Sendable {
        public var date: CalendarDate
        public var type: String
        public var minutes: Int
    }

    public struct Expense: Equatable, Sendable {
        public var label: String
        public var amount: Money
    }

    public struct Comment: Equatable, Sendable {
        public var at: String
        public var by: String
        public var text: String
    }

    public struct Transition: Equatable, Sendable {
        public var at: String
        public var by: String
        public var from: DeclarationStatus?
        public var to: DeclarationStatus
        public var reason: String?
    }

    public var id: String
    public var contract: String
    public var worker: String
    public var client: String
    public var department: String
    public var week: ISOWeek
    public var status: DeclarationStatus
    public var lines: [Line]
    public var expenses: [Expense]
    public var km: Int
    public var comments: [Comment]
    public var history: [Transition]
    /// The invoice that billed it; nil until invoiced (and again after a credit note).
    public var invoice: String?
    /// The worker's name, kept with the declaration when it is opened (a
    /// worker's name is never changed): a list then shows names without
    /// reading the whole worker file. Nil in declarations written before it
    /// was kept; those look the name up.
    public var workerName: String?
    /// Working-time warnings (Arbeidstijdenwet) over all of the worker's
    /// contracts, kept up to date from the worker's summary (`WorkloadSummary`)
    /// whenever hours of any of the worker's open declarations change.
    public var warnings: [WorkTimeWarning] = []

    public init(id: String, contract: Contract, workerName: String?, week: ISOWeek, at: String, by: String) {
        self.id = id
        self.contract = contract.id
        worker = contract.worker
        self.workerName = workerName
        client = contract.client
        department = contract.department
        self.week = week
        status = .report
        lines = []
        expenses = []
        km = 0
        comments = []
        history = [Transition(at: at, by: by, from: nil, to: .report, reason: nil)]
    }

    public var minutes: Int { lines.reduce(0) { $0 + $1.minutes } }

    /// Moves through the state machine, recording who, when and why.
    public mutating func apply(_ action: DeclarationAction, at: String, by: String, reason: String? = nil) throws {
        let next: DeclarationStatus
        do { next = try status.apply(action) } catch let e as WTError {
            throw WTError(e.kind, "declaration \(id) \(e.message)", hint: e.hint)
        }
        if next != status {
            history.append(Transition(at: at, by: by, from: status, to: next, reason: reason))
            status = next
        }
    }

    /// Minutes on a date, over every hour type.
    public func minutes(on date: CalendarDate) -> Int {
        lines.filter { $0.date == date }.reduce(0) { $0 + $1.minutes }
    }

    /// Sets the minutes of one date and hour type; 0 removes the line.
    public mutating func set(_ date: CalendarDate, type: String, minutes: Int) {
        lines.removeAll { $0.date == date && $0.type == type }
        if minutes > 0 { lines.append(Line(date: date, type: type, minutes: minutes)) }
        lines.sort { ($0.date, $0.type) < ($1.date, $1.type) }
    }
}
