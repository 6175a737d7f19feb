/// An amount in euros, exact to the cent. Never floating point: every computation is on
/// whole cents in `Int64`, products go through 128 bits, and each rounding is stated.
/// Arithmetic that would leave `Int64` traps, like Swift's own integer arithmetic.
public struct Money: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let cents: Int64

    public init(cents: Int64) {
        self.cents = cents
    }

    public static let zero = Money(cents: 0)

    // MARK: Parsing

    /// Parses what people type: `12`, `12.5`, `12.50`, `12,50`, `-3.10`, `+4`, with an optional
    /// `€` or `EUR` prefix (`€ 12,50`, `EUR 12.50`, `-€ 3,10`, `€ -3,10`). Either `.` or `,` is the
    /// decimal separator; thousands separators are refused, since `1.234` means 1234 to a Dutch
    /// reader and 1.234 to an English one. At most 2 decimals.
    public static func parse(_ input: String) throws -> Money {
        if let m = machineForm(input) { return m }
        var shown: String { DomainText.quote(input) }  // only on failure: this runs for every stored date
        var rest = Substring(DomainText.trim(input))
        if rest.isEmpty {
            throw WTError.usage("amount \(shown): empty; expected euros like 12,50 or 12.50")
        }
        var negative = false
        var signSeen = false
        func takeSign() {
            guard !signSeen, let c = rest.first, c == "-" || c == "+" else { return }
            negative = c == "-"
            signSeen = true
            rest.removeFirst()
        }
        takeSign()
        if rest.first == "€" {
            rest.removeFirst()
        } else if rest.prefix(3).uppercased() == "EUR" {
            rest.removeFirst(3)
        }
        while let c = rest.first, c.isWhitespace { rest.removeFirst() }
        takeSign()

        let digitsOrSeparators = rest.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }
        if !digitsOrSeparators {
            let grouping = rest.allSatisfy { $0.isWhitespace || ($0.isASCII && ($0.isNumber || ".,'_".contains($0))) }
            if grouping && rest.contains(where: \.isNumber) {
                let ungrouped = rest.filter { !$0.isWhitespace && $0 != "'" && $0 != "_" }
                throw WTError.usage("amount \(shown): thousands separators are not accepted; write \(withoutThousands(Substring(ungrouped)))")
            }
            throw WTError.usage("amount \(shown): not an amount; expected euros like 12,50 or 12.50")
        }
        let separators = rest.filter { $0 == "." || $0 == "," }
        if separators.count > 1 {
            throw WTError.usage("amount \(shown): thousands separators are not accepted; write \(withoutThousands(rest))")
        }
        let parts = rest.split(separator: separators.first ?? ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0]
        let fraction = parts.count > 1 ? parts[1] : ""
        if whole.isEmpty && fraction.isEmpty {
            throw WTError.usage("amount \(shown): no digits; expected euros like 12,50 or 12.50")
        }
        if parts.count > 1 && fraction.isEmpty {
            throw WTError.usage("amount \(shown): expected digits after the decimal separator, e.g. 12,50")
        }
        if fraction.count > 2 {
            var message = "amount \(shown): more than 2 decimals; amounts are in whole cents"
            if fraction.count == 3 && (1...3).contains(whole.count) {
                message += " (if \(separators.first!) separates thousands here, leave it out: \(whole)\(fraction))"
            }
            throw WTError.invalid(message)
        }
        var value: Int64 = 0
        for c in whole + fraction.padding(toTwo: "0") {
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (next, o2) = times10.addingReportingOverflow(Int64(c.asciiValue! - 0x30))
            if o1 || o2 {
                throw WTError.invalid("amount \(shown): too large; the largest amount is \(Money(cents: .max))")
            }
            value = next
        }
        return Money(cents: negative ? -value : value)
    }

    /// `1234.50`, `-0.05`, `12`: what the store writes (and `parse` reads the
    /// same way), read without the general path's Character work — a year of
    /// invoices holds a hundred thousand amounts. Nil for anything else.
    static func machineForm(_ input: String) -> Money? {
        input.utf8.withContiguousStorageIfAvailable { b -> Money? in
            var i = 0
            let negative = b.count > 0 && b[0] == UInt8(ascii: "-")
            if negative { i = 1 }
            var value: Int64 = 0
            var whole = 0
            while i < b.count, b[i] >= 0x30, b[i] <= 0x39, whole < 16 {
                value = value * 10 + Int64(b[i] - 0x30)
                i += 1
                whole += 1
            }
            guard whole > 0 else { return nil }
            var decimals = 0
            if i < b.count, b[i] == UInt8(ascii: ".") {
                i += 1
                while i < b.count, b[i] >= 0x30, b[i] <= 0x39, decimals < 3 {
                    value = value * 10 + Int64(b[i] - 0x30)
                    i += 1
                    decimals += 1
                }
                guard decimals == 1 || decimals == 2 else { return nil }
            }
            guard i == b.count else { return nil }
            for _ in decimals..<2 { value *= 10 }
            return Money(cents: negative ? -value : value)
        } ?? nil
    }

    /// The digits of `s` with only its decimal separator: the last separator, when it is the
    /// only one of its kind (`1.234,50` → `1234,50`; `1.234.567` → `1234567`).
    private static func withoutThousands(_ s: Substring) -> String {
        let separators = s.filter { $0 == "." || $0 == "," }
        guard let last = separators.last else { return String(s) }
        let decimalIndex = separators.filter { $0 == last }.count == 1 ? s.lastIndex(of: last) : nil
        return String(s.indices.compactMap { i in s[i].isNumber || i == decimalIndex ? s[i] : nil })
    }

    // MARK: Formatting

    /// `1234.50`, `-0.05`: the machine form, used in JSON and CSV.
    public var description: String { Self.format(cents, thousands: nil, decimal: ".") }

    /// `1.234,50`, `-0,05`: the Dutch form, for tables and texts.
    public var dutch: String { Self.format(cents, thousands: ".", decimal: ",") }

    /// `€ 1.234,50`, `€ -0,05`: the Dutch form with the euro sign, as on invoices.
    public var euro: String { "€ " + dutch }

    private static func format(_ cents: Int64, thousands: Character?, decimal: Character) -> String {
        let magnitude = cents.magnitude
        let whole = String(magnitude / 100)
        let fraction = magnitude % 100
        var grouped = ""
        for (i, c) in whole.enumerated() {
            if let thousands, i > 0, (whole.count - i) % 3 == 0 { grouped.append(thousands) }
            grouped.append(c)
        }
        return (cents < 0 ? "-" : "") + grouped + String(decimal) + (fraction < 10 ? "0" : "") + String(fraction)
    }

    // MARK: Codable: the JSON string "1234.50"

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try Money.parse(text)
        } catch let error as WTError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    // MARK: Arithmetic

    public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
    public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
    public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
    public static prefix func - (value: Money) -> Money { Money(cents: -value.cents) }
    public static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
    public static func -= (lhs: inout Money, rhs: Money) { lhs = lhs - rhs }

    /// The amount for `minutes` worked at `rate` per hour and `percent` of that rate
    /// (100 normal, 125 overtime, ...): minutes × rate × percent / 6000, computed exactly on
    /// integers and rounded once, half away from zero, to the cent (1 minute at € 0,30 is
    /// half a cent: € 0,01; at € -0,30 it is € -0,01). Traps when minutes × percent or the
    /// result does not fit in 64 bits.
    public static func amount(minutes: Int, rate: Money, percent: Int) -> Money {
        let (factor, overflow) = Int64(minutes).multipliedReportingOverflow(by: Int64(percent))
        precondition(!overflow, "Money.amount: minutes × percent does not fit in 64 bits")
        return Money(cents: roundedProduct(rate.cents, factor, dividedBy: 6000))
    }

    /// This amount × basisPoints / 10000 (2100 basis points = 21%), computed exactly and
    /// rounded half away from zero to the cent, like `amount`.
    public func percent(basisPoints: Int) -> Money {
        Money(cents: Self.roundedProduct(cents, Int64(basisPoints), dividedBy: 10000))
    }

    /// This amount `quantity` times; exact, traps on overflow.
    public func times(_ quantity: Int) -> Money {
        let (product, overflow) = cents.multipliedReportingOverflow(by: Int64(quantity))
        precondition(!overflow, "Money.times: \(self) × \(quantity) does not fit in 64 bits")
        return Money(cents: product)
    }

    /// a × b / d rounded half away from zero, with the product in 128 bits (d > 0).
    static func roundedProduct(_ a: Int64, _ b: Int64, dividedBy d: Int64) -> Int64 {
        precondition(d > 0)
        let negative = (a < 0) != (b < 0)
        let product = a.magnitude.multipliedFullWidth(by: b.magnitude)
        let divisor = d.magnitude
        precondition(product.high < divisor, "Money: amount does not fit in 64 bits")
        let (quotient, remainder) = divisor.dividingFullWidth(product)
        // remainder ≥ divisor − remainder  ⇔  the discarded part is at least one half.
        let roundUp: UInt64 = remainder >= divisor - remainder ? 1 : 0
        let (magnitude, overflow) = quotient.addingReportingOverflow(roundUp)
        precondition(!overflow && magnitude <= UInt64(Int64.max), "Money: amount does not fit in 64 bits")
        return negative ? -Int64(magnitude) : Int64(magnitude)
    }
}

private extension Substring {
    /// Right-padded with `pad` to two characters (the cents of a fraction of 0 to 2 digits).
    func padding(toTwo pad: Character) -> String {
        String(self) + String(repeating: pad, count: Swift.max(0, 2 - count))
    }
}
