/// A party on an invoice as it was on the day the invoice was issued: the agency (seller)
/// or the client (buyer). An issued invoice keeps this snapshot, so later edits of the
/// client or of the agency's settings never change a past invoice.
public struct InvoiceParty: Sendable, Equatable {
    public var name: String
    public var street: String?
    public var postcode: String?
    public var city: String?
    /// ISO 3166-1 alpha-2, `NL` unless told otherwise.
    public var country: String
    /// Chamber of Commerce number, 8 digits.
    public var kvk: String?
    /// VAT identification number, `NL123456789B01`.
    public var vatId: String?
    public var email: String?
    /// The account invoices are paid to (agency only).
    public var iban: String?
    /// The G-account that receives the G-account share (agency only).
    public var gAccountIban: String?

    public init(
        name: String, street: String? = nil, postcode: String? = nil, city: String? = nil, country: String = "NL",
        kvk: String? = nil, vatId: String? = nil, email: String? = nil, iban: String? = nil, gAccountIban: String? = nil
    ) {
        self.name = name
        self.street = street
        self.postcode = postcode
        self.city = city
        self.country = country
        self.kvk = kvk
        self.vatId = vatId
        self.email = email
        self.iban = iban
        self.gAccountIban = gAccountIban
    }

    /// The buyer's snapshot of a client record.
    public init(client: Client) {
        self.init(
            name: client.name, street: client.street, postcode: client.postcode, city: client.city,
            country: client.country, kvk: client.kvk, vatId: client.vatId, email: client.email)
    }

}

/// An issued invoice or credit note (creditfactuur). Immutable once issued: corrections are
/// made with a credit note (`InvoiceCalculator.creditNote`), never by editing.
///
/// Stored and shown as the same JSON: money as strings with two decimals (`"1234.50"`), hours
/// as whole minutes (`"minutes": 450`), dates `YYYY-MM-DD`, weeks `2026-W48`. A credit note
/// holds the exact negation of the invoice it reverses: negative minutes, quantities and
/// amounts, the same unit prices.
public struct Invoice: Equatable, Sendable {
    public enum Kind: String, Sendable, Equatable {
        case invoice
        case credit
    }

    /// One invoice line: a worker's hours of one type in one ISO week, or one expense.
    public struct Line: Sendable, Equatable {
        public enum Kind: String, Sendable, Equatable {
            case hours
            case expense
        }

        public var kind: Kind
        /// What the line is for, as printed: `Jan de Vries, 2026-W48, overtime150 (150%)`.
        public var description: String
        /// The worker's id (`w-12`) and name at issue time.
        public var worker: String?
        public var workerName: String?
        public var week: ISOWeek?
        /// The hour type (`normal`, `overtime150`, ...); nil for an expense.
        public var hourType: String?
        /// Hours of an hours line in whole minutes; nil for an expense.
        public var minutes: Int?
        /// The quantity with two decimals: hours (`"7.50"`) or units of an expense (`"1.00"`).
        /// Shown for people; computations use `minutes`.
        public var quantity: String
        /// The bill rate per hour, or an expense's amount.
        public var unitPrice: Money
        /// The percentage of the bill rate an hour type is billed at (100 for an expense).
        public var percent: Int
        public var amount: Money
        /// VAT rate in whole percent; 0 for an expense that is not subject to VAT.
        public var vatRate: Int
        /// The declarations this line was computed from.
        public var declarations: [String]

        public init(
            kind: Kind, description: String, worker: String? = nil, workerName: String? = nil, week: ISOWeek? = nil,
            hourType: String? = nil, minutes: Int? = nil, quantity: String, unitPrice: Money, percent: Int,
            amount: Money, vatRate: Int, declarations: [String] = []
        ) {
            self.kind = kind
            self.description = description
            self.worker = worker
            self.workerName = workerName
            self.week = week
            self.hourType = hourType
            self.minutes = minutes
            self.quantity = quantity
            self.unitPrice = unitPrice
            self.percent = percent
            self.amount = amount
            self.vatRate = vatRate
            self.declarations = declarations
        }

        /// The same line with minutes, quantity and amount negated, for a credit note.
        public var negated: Line {
            var line = self
            line.minutes = minutes.map { -$0 }
            line.quantity = Self.negate(quantity)
            line.amount = -amount
            return line
        }

        static func negate(_ decimal: String) -> String {
            if decimal.hasPrefix("-") { return String(decimal.dropFirst()) }
            return decimal.allSatisfy({ $0 == "0" || $0 == "." }) ? decimal : "-" + decimal
        }
    }

    /// The VAT of one rate: the base it is computed over and the amount.
    public struct VATAmount: Sendable, Equatable {
        /// Whole percent.
        public var rate: Int
        public var base: Money
        public var amount: Money

        public init(rate: Int, base: Money, amount: Money) {
            self.rate = rate
            self.base = base
            self.amount = amount
        }

    }

    /// The weeks an invoice covers: from the Monday of the first to the Sunday of the last.
    public struct Period: Sendable, Equatable {
        public var firstWeek: ISOWeek
        public var lastWeek: ISOWeek
        public var start: CalendarDate { firstWeek.monday }
        public var end: CalendarDate { lastWeek.sunday }

        public init(firstWeek: ISOWeek, lastWeek: ISOWeek) {
            self.firstWeek = firstWeek
            self.lastWeek = lastWeek
        }

    }

    /// `WT2026-00042`.
    public var number: String
    public var kind: Kind
    /// For a credit note: the number and date of the invoice it reverses.
    public var creditOf: String?
    public var creditOfDate: CalendarDate?
    /// For a credit note: why it was issued.
    public var reason: String?
    /// The client's id (`cl-3`).
    public var client: String
    public var clientParty: InvoiceParty
    public var agencyParty: InvoiceParty
    /// The client's own reference for this invoice (a cost centre or purchase order); UBL
    /// falls back to the client's id, since Peppol requires a buyer reference.
    public var buyerReference: String?
    public var date: CalendarDate
    public var dueDate: CalendarDate
    public var period: Period
    public var lines: [Line]
    public var subtotal: Money
    public var vatBreakdown: [VATAmount]
    public var vat: Money
    public var total: Money
    /// The share of the total paid to the G-account, whole percent (0: none).
    public var gAccountPercent: Int
    public var gAccountAmount: Money
    public var declarations: [String]
    public var createdAt: String

    public var id: String { number }

    /// What is paid to the agency's ordinary account: the total minus the G-account share.
    public var regularAmount: Money { total - gAccountAmount }

    public init(
        number: String, kind: Kind, creditOf: String? = nil, creditOfDate: CalendarDate? = nil, reason: String? = nil,
        client: String, clientParty: InvoiceParty, agencyParty: InvoiceParty, buyerReference: String? = nil,
        date: CalendarDate, dueDate: CalendarDate, period: Period, lines: [Line], subtotal: Money,
        vatBreakdown: [VATAmount], vat: Money, total: Money, gAccountPercent: Int, gAccountAmount: Money,
        declarations: [String], createdAt: String
    ) {
        self.number = number
        self.kind = kind
        self.creditOf = creditOf
        self.creditOfDate = creditOfDate
        self.reason = reason
        self.client = client
        self.clientParty = clientParty
        self.agencyParty = agencyParty
        self.buyerReference = buyerReference
        self.date = date
        self.dueDate = dueDate
        self.period = period
        self.lines = lines
        self.subtotal = subtotal
        self.vatBreakdown = vatBreakdown
        self.vat = vat
        self.total = total
        self.gAccountPercent = gAccountPercent
        self.gAccountAmount = gAccountAmount
        self.declarations = declarations
        self.createdAt = createdAt
    }

}
