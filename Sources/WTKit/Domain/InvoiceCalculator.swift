/// Computes invoices from closed declarations, and credit notes from invoices. Pure: no store,
/// no clock; the caller gives the number, dates and parties.
///
/// Rounding (every step exact on whole cents, `Money`, never floating point):
///
/// 1. **Lines.** One line per worker, ISO week and hour type (and bill rate, should a worker
///    have two placements at different rates in one week). Its amount is
///    minutes × bill rate × percentage / 6000, computed exactly and rounded **once per line**,
///    half away from zero, to the cent: 7:30 at € 23,45 and 150% is 450 × 23,45 × 150 / 6000
///    = 263,8125, so € 263,81. Expenses are lines of their own with the declared amount.
/// 2. **Subtotal** is the sum of the rounded line amounts; nothing is rounded again.
/// 3. **VAT** per rate is the rate applied to the sum of that rate's line amounts, rounded
///    half away from zero to the cent (21% of € 1.256,25 is 263,8125, so € 263,81): rounded
///    once per rate, not per line, as EN 16931 (BR-CO-17) requires.
/// 4. **Total** is subtotal plus VAT.
/// 5. **G-account share** is the client's percentage of the total including VAT, rounded half
///    away from zero to the cent (25% of € 1.520,06 is 380,015, so € 380,02); the rest of the
///    total is paid to the agency's ordinary account, so the two always add up to the total.
///
/// A credit note is the exact negation of the invoice it reverses: every line, VAT amount
/// and total negated as stored, never computed again.
public enum InvoiceCalculator {
    /// Hours of one type in a declaration.
    public struct Hours: Sendable, Equatable {
        public var type: String
        public var minutes: Int
        public var billRate: Money
        /// Percentage of the bill rate: 100 normal, 150 for `overtime150`, ...
        public var percent: Int

        public init(type: String, minutes: Int, billRate: Money, percent: Int) {
            self.type = type
            self.minutes = minutes
            self.billRate = billRate
            self.percent = percent
        }
    }

    /// An expense on a declaration (travel costs, ...).
    public struct Expense: Sendable, Equatable {
        public var label: String
        public var amount: Money
        /// Subject to VAT at the invoice's rate; otherwise a pass-through cost at 0%.
        public var vatable: Bool

        public init(label: String, amount: Money, vatable: Bool = true) {
            self.label = label
            self.amount = amount
            self.vatable = vatable
        }
    }

    /// What one closed declaration contributes to an invoice.
    public struct Declaration: Sendable, Equatable {
        public var id: String
        public var worker: String
        public var workerName: String
        public var week: ISOWeek
        public var hours: [Hours]
        public var expenses: [Expense]

        public init(id: String, worker: String, workerName: String, week: ISOWeek, hours: [Hours], expenses: [Expense] = []) {
            self.id = id
            self.worker = worker
            self.workerName = workerName
            self.week = week
            self.hours = hours
            self.expenses = expenses
        }
    }

    /// The computed content of an invoice, before it has a number: what `--dry-run` shows.
    public struct Amounts: Sendable, Equatable {
        public var period: Invoice.Period
        public var lines: [Invoice.Line]
        public var subtotal: Money
        public var vatBreakdown: [Invoice.VATAmount]
        public var vat: Money
        public var total: Money
        public var gAccountPercent: Int
        public var gAccountAmount: Money
        public var declarations: [String]
    }

    /// The lines and totals for these declarations.
    ///
    /// - Parameters:
    ///   - vatRate: the VAT rate in whole percent (`vat.rate`, 21).
    ///   - hourTypes: the configured hour types in their configured order; lines of one worker
    ///     and week follow this order, unknown types come after it by name.
    ///   - gAccountPercent: the client's G-account share in whole percent, 0 for none.
    /// - Throws: `invalid` for a rate or percentage outside 0…100, negative minutes, or when
    ///   the declarations hold no hours and no expenses (an invoice needs a line).
    public static func compute(
        declarations: [Declaration], vatRate: Int, hourTypes: [String], gAccountPercent: Int
    ) throws -> Amounts {
        guard (0...100).contains(vatRate) else {
            throw WTError.invalid("VAT rate \(vatRate)%: expected a whole percentage from 0 to 100")
        }
        guard (0...100).contains(gAccountPercent) else {
            throw WTError.invalid("G-account share \(gAccountPercent)%: expected a whole percentage from 0 to 100")
        }
        guard let firstWeek = declarations.map(\.week).min(), let lastWeek = declarations.map(\.week).max() else {
            throw WTError.invalid("nothing to invoice: no declarations given")
        }

        struct Key: Hashable {
            var worker: String
            var week: ISOWeek
            var type: String
            var rate: Money
            var percent: Int
        }
        struct Group {
            var workerName: String
            var minutes = 0
            var declarations: [String] = []
        }
        struct ExpenseItem {
            var worker: String
            var workerName: String
            var week: ISOWeek
            var expense: Expense
            var declaration: String
        }

        var groups: [Key: Group] = [:]
        var expenses: [ExpenseItem] = []
        for d in declarations {
            for h in d.hours {
                guard h.minutes >= 0 else {
                    throw WTError.invalid("declaration \(d.id): \(h.type) has negative minutes (\(h.minutes))")
                }
                guard h.minutes > 0 else { continue }
                let key = Key(worker: d.worker, week: d.week, type: h.type, rate: h.billRate, percent: h.percent)
                var g = groups[key] ?? Group(workerName: d.workerName)
                g.minutes += h.minutes
                if !g.declarations.contains(d.id) { g.declarations.append(d.id) }
                groups[key] = g
            }
            for e in d.expenses where e.amount != .zero {
                expenses.append(ExpenseItem(worker: d.worker, workerName: d.workerName, week: d.week, expense: e, declaration: d.id))
            }
        }
        if groups.isEmpty && expenses.isEmpty {
            throw WTError.invalid(
                "nothing to invoice: declarations \(declarations.map(\.id).joined(separator: ", ")) hold no hours and no expenses")
        }

        func typeRank(_ type: String) -> Int { hourTypes.firstIndex(of: type) ?? hourTypes.count }
        // Lines sort by worker name (then id, for namesakes), week, then hours before expenses:
        // hours in configured type order, expenses by label.
        typealias SortKey = (name: String, worker: String, week: ISOWeek, section: Int, rank: Int, text: String, cents: Int64, percent: Int)
        func precedes(_ a: SortKey, _ b: SortKey) -> Bool {
            if a.name != b.name { return a.name < b.name }
            if a.worker != b.worker { return a.worker < b.worker }
            if a.week != b.week { return a.week < b.week }
            if a.section != b.section { return a.section < b.section }
            if a.rank != b.rank { return a.rank < b.rank }
            if a.text != b.text { return a.text < b.text }
            if a.cents != b.cents { return a.cents < b.cents }
            return a.percent < b.percent
        }

        var keyed: [(SortKey, Invoice.Line)] = []
        for (key, group) in groups {
            let line = Invoice.Line(
                kind: .hours,
                description: "\(group.workerName), \(key.week), \(key.type) (\(key.percent)%)",
                worker: key.worker, workerName: group.workerName, week: key.week, hourType: key.type,
                minutes: group.minutes, quantity: Minutes(group.minutes).decimalHours, unitPrice: key.rate,
                percent: key.percent, amount: Money.amount(minutes: group.minutes, rate: key.rate, percent: key.percent),
                vatRate: vatRate, declarations: group.declarations.sorted())
            keyed.append(((group.workerName, key.worker, key.week, 0, typeRank(key.type), key.type, key.rate.cents, key.percent), line))
        }
        for item in expenses {
            let e = item.expense
            let line = Invoice.Line(
                kind: .expense, description: "\(item.workerName), \(item.week), \(e.label)",
                worker: item.worker, workerName: item.workerName, week: item.week, quantity: "1.00",
                unitPrice: e.amount, percent: 100, amount: e.amount, vatRate: e.vatable ? vatRate : 0,
                declarations: [item.declaration])
            keyed.append(((item.workerName, item.worker, item.week, 1, 0, e.label + "\u{0}" + item.declaration, e.amount.cents, e.vatable ? 1 : 0), line))
        }
        let lines = keyed.sorted { precedes($0.0, $1.0) }.map(\.1)
        let totals = totals(of: lines, gAccountPercent: gAccountPercent)
        return Amounts(
            period: Invoice.Period(firstWeek: firstWeek, lastWeek: lastWeek), lines: lines, subtotal: totals.subtotal,
            vatBreakdown: totals.vatBreakdown, vat: totals.vat, total: totals.total, gAccountPercent: gAccountPercent,
            gAccountAmount: totals.gAccountAmount, declarations: Array(Set(declarations.map(\.id))).sorted())
    }

    /// Subtotal, VAT per rate (highest rate first), total and G-account share of these lines.
    public static func totals(of lines: [Invoice.Line], gAccountPercent: Int)
        -> (subtotal: Money, vatBreakdown: [Invoice.VATAmount], vat: Money, total: Money, gAccountAmount: Money)
    {
        var bases: [Int: Money] = [:]
        var subtotal = Money.zero
        for line in lines {
            subtotal += line.amount
            bases[line.vatRate, default: .zero] += line.amount
        }
        let breakdown = bases.keys.sorted(by: >).map { rate in
            Invoice.VATAmount(rate: rate, base: bases[rate]!, amount: bases[rate]!.percent(basisPoints: rate * 100))
        }
        let vat = breakdown.reduce(Money.zero) { $0 + $1.amount }
        let total = subtotal + vat
        return (subtotal, breakdown, vat, total, total.percent(basisPoints: gAccountPercent * 100))
    }

    /// A numbered invoice from computed amounts.
    public static func invoice(
        number: String, date: CalendarDate, dueDate: CalendarDate, client: String, clientParty: InvoiceParty,
        agencyParty: InvoiceParty, buyerReference: String? = nil, amounts: Amounts, createdAt: String
    ) -> Invoice {
        Invoice(
            number: number, kind: .invoice, client: client, clientParty: clientParty, agencyParty: agencyParty,
            buyerReference: buyerReference, date: date, dueDate: dueDate, period: amounts.period, lines: amounts.lines,
            subtotal: amounts.subtotal, vatBreakdown: amounts.vatBreakdown, vat: amounts.vat, total: amounts.total,
            gAccountPercent: amounts.gAccountPercent, gAccountAmount: amounts.gAccountAmount,
            declarations: amounts.declarations, createdAt: createdAt)
    }

    /// The credit note that reverses `original`: the same parties, period, lines and
    /// declarations, with every quantity, line amount, VAT amount and total negated exactly.
    /// The parties are the original's snapshot, so the credit note states what the invoice
    /// stated.
    /// - Throws: `conflict` when `original` is itself a credit note.
    public static func creditNote(
        for original: Invoice, number: String, date: CalendarDate, reason: String, createdAt: String
    ) throws -> Invoice {
        guard original.kind == .invoice else {
            throw WTError.conflict("\(original.number) is a credit note; only an invoice can be credited")
        }
        var credit = original
        credit.number = number
        credit.kind = .credit
        credit.creditOf = original.number
        credit.creditOfDate = original.date
        credit.reason = reason
        credit.date = date
        credit.dueDate = date
        credit.lines = original.lines.map(\.negated)
        credit.subtotal = -original.subtotal
        credit.vatBreakdown = original.vatBreakdown.map { Invoice.VATAmount(rate: $0.rate, base: -$0.base, amount: -$0.amount) }
        credit.vat = -original.vat
        credit.total = -original.total
        credit.gAccountAmount = -original.gAccountAmount
        credit.createdAt = createdAt
        return credit
    }
}
