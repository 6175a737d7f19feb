/// One line of a payroll run: a declaration's hours of one type, its km
/// allowance, one expense, or a correction of one of those after the
/// declaration was credited, corrected and closed again.
public struct PayrollLine: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case hours, km, expense, correction
    }

    public var worker: String
    public var declaration: String
    public var contract: String
    public var week: ISOWeek
    public var kind: Kind
    /// What the line pays for: `hours`, `km` or `expense`; for a correction,
    /// what it corrects (so the lines of one component can be summed).
    public var component: Kind
    /// The hour type, `km`, or the expense's label.
    public var type: String
    public var minutes: Int
    public var km: Int
    /// Pay rate per hour, allowance per km, or the expense's amount.
    public var rate: Money
    public var percentage: Int
    public var amount: Money

    public init(
        worker: String, declaration: String, contract: String, week: ISOWeek, kind: Kind, component: Kind, type: String,
        minutes: Int = 0, km: Int = 0, rate: Money, percentage: Int, amount: Money
    ) {
        self.worker = worker
        self.declaration = declaration
        self.contract = contract
        self.week = week
        self.kind = kind
        self.component = component
        self.type = type
        self.minutes = minutes
        self.km = km
        self.rate = rate
        self.percentage = percentage
        self.amount = amount
    }

    /// What the lines of one declaration are summed by.
    public struct Key: Hashable, Comparable, Sendable {
        public var component: Kind
        public var type: String
        public static func < (a: Key, b: Key) -> Bool {
            let order: [Kind] = [.hours, .km, .expense]
            return (order.firstIndex(of: a.component)!, a.type) < (order.firstIndex(of: b.component)!, b.type)
        }
    }

    public var key: Key { Key(component: component, type: type) }
}

/// What a declaration pays, as the calculator needs it (no store types).
public struct PayrollInput: Sendable {
    public var declaration: String
    public var worker: String
    public var contract: String
    public var week: ISOWeek
    public var minutesByType: [String: Int]
    public var km: Int
    public var expenses: [(label: String, amount: Money)]
    public var payRate: Money

    public init(
        declaration: String, worker: String, contract: String, week: ISOWeek, minutesByType: [String: Int], km: Int,
        expenses: [(label: String, amount: Money)], payRate: Money
    ) {
        self.declaration = declaration
        self.worker = worker
        self.contract = contract
        self.week = week
        self.minutesByType = minutesByType
        self.km = km
        self.expenses = expenses
        self.payRate = payRate
    }
}

/// Gross pay from closed hours: minutes / 60 × pay rate × the hour type's pay
/// percentage, rounded half away from zero to the cent per line (the exact
/// `Money.amount`); km × the km allowance; expenses at cost.
public enum PayrollCalculator {
    /// The lines a declaration pays in full. `percents` maps hour type → pay
    /// percentage; a type without one is refused (6), naming it.
    public static func lines(_ d: PayrollInput, percents: [String: Int], kmRate: Money) throws -> [PayrollLine] {
        var out: [PayrollLine] = []
        for (type, minutes) in d.minutesByType.sorted(by: { $0.key < $1.key }) where minutes != 0 {
            guard let p = percents[type] else {
                throw WTError.invalid(
                    "declaration \(d.declaration) has hours of type \(type), which has no pay percentage",
                    hint: "add it to hours.types or payroll.types: wt config set payroll.types ...")
            }
            out.append(PayrollLine(
                worker: d.worker, declaration: d.declaration, contract: d.contract, week: d.week, kind: .hours, component: .hours,
                type: type, minutes: minutes, rate: d.payRate, percentage: p, amount: Money.amount(minutes: minutes, rate: d.payRate, percent: p)))
        }
        if d.km != 0 {
            out.append(PayrollLine(
                worker: d.worker, declaration: d.declaration, contract: d.contract, week: d.week, kind: .km, component: .km,
                type: "km", km: d.km, rate: kmRate, percentage: 100, amount: kmRate.times(d.km)))
        }
        for e in d.expenses.sorted(by: { $0.label < $1.label }) where e.amount != .zero {
            out.append(PayrollLine(
                worker: d.worker, declaration: d.declaration, contract: d.contract, week: d.week, kind: .expense, component: .expense,
                type: e.label, rate: e.amount, percentage: 100, amount: e.amount))
        }
        return out
    }

    /// Sums lines per component and type: minutes, km and amount.
    public static func sums(_ lines: [PayrollLine]) -> [PayrollLine.Key: (minutes: Int, km: Int, amount: Money)] {
        var out: [PayrollLine.Key: (minutes: Int, km: Int, amount: Money)] = [:]
        for l in lines {
            var s = out[l.key] ?? (0, 0, .zero)
            s.minutes += l.minutes
            s.km += l.km
            s.amount += l.amount
            out[l.key] = s
        }
        return out
    }

    /// What is still to pay for a declaration whose current full lines are
    /// `target` and that earlier runs paid `paid`: nothing paid yet gives the
    /// target itself; otherwise one `correction` line per component and type
    /// whose minutes, km or amount differ (negative where they went down), so
    /// that paid + the result sums to the target exactly.
    public static func due(target: [PayrollLine], paid: [PayrollLine]) -> [PayrollLine] {
        guard let first = paid.first else { return target }
        let want = sums(target), have = sums(paid)
        var out: [PayrollLine] = []
        for key in Set(want.keys).union(have.keys).sorted() {
            let w = want[key] ?? (0, 0, .zero), h = have[key] ?? (0, 0, .zero)
            let dm = w.minutes - h.minutes, dk = w.km - h.km, da = w.amount - h.amount
            guard dm != 0 || dk != 0 || da != .zero else { continue }
            // The rate and percentage shown are those of the line it corrects towards
            // (or, where the component went away, the one paid before).
            let like = target.last { $0.key == key } ?? paid.last { $0.key == key }!
            out.append(PayrollLine(
                worker: first.worker, declaration: first.declaration, contract: first.contract, week: first.week,
                kind: .correction, component: key.component, type: key.type, minutes: dm, km: dk, rate: like.rate,
                percentage: like.percentage, amount: da))
        }
        return out
    }
}

/// The km allowance: the most a Dutch employer may pay untaxed per business
/// km (Wet op de loonbelasting 1964, art. 31a lid 2 onderdeel b; the
/// Belastingdienst's "reiskostenvergoeding"). A dated setting: the amount in
/// force on the declaration's week, unless `payroll.kmRate` is set.
public enum KmAllowance {
    /// (from, cents per km, source)
    public static let table: [(from: CalendarDate, cents: Int64, source: String)] = [
        (CalendarDate(year: 2006, month: 1, day: 1)!, 19, "Wet LB 1964 art. 31a lid 2 onderdeel b, 2006 to 2022"),
        (CalendarDate(year: 2023, month: 1, day: 1)!, 21, "Belastingdienst, reiskostenvergoeding 2023"),
        (CalendarDate(year: 2024, month: 1, day: 1)!, 23, "Belastingdienst, reiskostenvergoeding 2024; unchanged in 2025 and 2026"),
    ]

    public static func rate(on date: CalendarDate) -> Money {
        Money(cents: (table.last { $0.from <= date } ?? table[0]).cents)
    }

    public static var summary: String {
        table.map { "from \($0.from): \(Money(cents: $0.cents).description) (\($0.source))" }.joined(separator: "; ")
    }
}
