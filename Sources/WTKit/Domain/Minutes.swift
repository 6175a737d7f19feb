/// A duration of work in whole minutes: `wt` keeps hours as minutes so that sums are exact.
/// Codable as a plain integer (`"minutes": 450`); shown as `7:30`.
public struct Minutes: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let value: Int

    public init(_ value: Int) {
        self.value = value
    }

    public static let zero = Minutes(0)

    /// What one day can hold: 24:00.
    public static let day = Minutes(24 * 60)

    /// The most `parse` accepts: 999 hours.
    public static let parseLimit = Minutes(999 * 60)

    // MARK: Parsing

    /// Parses hours as people type them: `8`, `7.5`, `7,5`, `.5`, `7:30`, `0:45`, `0`.
    /// Decimal hours must come to whole minutes (`7.75` is 7:45, `7.77` is refused); after a
    /// colon come exactly two digits, 00 to 59. Negative values and more than 999 hours are
    /// refused; whether a day holds at most 24:00 is `checkDay()`'s rule.
    public static func parse(_ input: String) throws -> Minutes {
        var shown: String { DomainText.quote(input) }  // only on failure: this runs for every stored date
        let text = Substring(DomainText.trim(input))
        if text.isEmpty {
            throw WTError.usage("hours \(shown): empty; expected hours like 7:30, 7.5 or 7,5")
        }
        if text.first == "-" {
            // Tell a negative number apart from garbage that starts with a hyphen.
            if (try? parseUnsigned(text.dropFirst(), shown: shown)) != nil {
                throw WTError.invalid("hours \(shown): negative; hours are 0 or more")
            }
        }
        return try parseUnsigned(text, shown: shown)
    }

    /// `parse`, then `checkDay()`: hours for one day, at most 24:00.
    public static func parseDay(_ input: String) throws -> Minutes {
        try parse(input).checkDay()
    }

    /// Self when it fits in one day (0:00 to 24:00); otherwise an invalid error.
    @discardableResult
    public func checkDay() throws -> Minutes {
        guard value >= 0 else {
            throw WTError.invalid("hours \(self): negative; hours are 0 or more")
        }
        guard self <= Minutes.day else {
            throw WTError.invalid("hours \(self) in one day: a day holds at most 24:00")
        }
        return self
    }

    private static func parseUnsigned(_ text: Substring, shown: String) throws -> Minutes {
        let expected = "expected hours like 7:30, 7.5 or 7,5"
        guard text.allSatisfy({ $0.isASCII && ($0.isNumber || ".,:".contains($0)) }) else {
            throw WTError.usage("hours \(shown): not a number of hours; \(expected)")
        }
        let separators = text.filter { !$0.isNumber }
        guard separators.count <= 1 else {
            throw WTError.usage("hours \(shown): more than one separator; \(expected)")
        }
        let parts = text.split(separator: separators.first ?? ":", omittingEmptySubsequences: false)
        let hoursText = parts[0], tail = parts.count > 1 ? parts[1] : ""
        if separators == ":" {
            guard !hoursText.isEmpty, tail.count == 2 else {
                throw WTError.usage("hours \(shown): expected hours, a colon and two digits of minutes, like 7:30 or 0:45")
            }
            let hours = try wholeHours(hoursText, shown: shown)
            let minutes = Int(tail)!
            guard minutes < 60 else {
                throw WTError.invalid("hours \(shown): minutes after the colon run from 00 to 59")
            }
            return try limited(hours * 60 + minutes, shown: shown)
        }
        if separators.isEmpty {
            return try limited(wholeHours(hoursText, shown: shown) * 60, shown: shown)
        }
        // Decimal hours: the fraction, trailing zeros dropped, as digits / 10^k; 60 × that must be whole.
        guard !(hoursText.isEmpty && tail.isEmpty) else {
            throw WTError.usage("hours \(shown): no digits; \(expected)")
        }
        guard !tail.isEmpty else {
            throw WTError.usage("hours \(shown): expected digits after the decimal separator, like 7.5")
        }
        let hours = hoursText.isEmpty ? 0 : try wholeHours(hoursText, shown: shown)
        var fraction = tail
        while fraction.last == "0" { fraction.removeLast() }
        // With no trailing zero, 60 × f / 10^k is whole only for k ≤ 2 (10^k | 60 f needs 5^(k-1) | f
        // and 2^(k-2) | f, so 10 | f for k ≥ 3).
        if fraction.count <= 2 {
            let scale = fraction.count == 2 ? 100 : 10
            let f = Int(fraction) ?? 0
            if (f * 60) % scale == 0 {
                return try limited(hours * 60 + f * 60 / scale, shown: shown)
            }
        }
        // Suggest the nearest minute and the nearest 0.05 hour, from the first 9 decimals.
        let nine = Int(String((fraction + String(repeating: "0", count: 9)).prefix(9)))!
        let nearestMinute = Minutes(hours * 60 + (nine * 60 + 500_000_000) / 1_000_000_000)
        let nearestTwentieth = hours * 100 + (nine * 20 + 500_000_000) / 1_000_000_000 * 5
        let decimal = "\(nearestTwentieth / 100).\(nearestTwentieth % 100 < 10 ? "0" : "")\(nearestTwentieth % 100)"
        throw WTError.invalid("hours \(shown): not a whole number of minutes; use \(nearestMinute) or \(decimal)")
    }

    private static func wholeHours(_ digits: Substring, shown: String) throws -> Int {
        let significant = digits.drop { $0 == "0" }
        guard significant.count <= 3 else {
            throw WTError.invalid("hours \(shown): more than 999 hours")
        }
        return Int(significant) ?? 0
    }

    private static func limited(_ minutes: Int, shown: String) throws -> Minutes {
        guard minutes <= parseLimit.value else {
            throw WTError.invalid("hours \(shown): more than 999 hours")
        }
        return Minutes(minutes)
    }

    // MARK: Formatting

    /// `7:30`, `0:00`, `-1:05`: hours, a colon and two digits of minutes.
    public var description: String {
        let m = value.magnitude
        return (value < 0 ? "-" : "") + "\(m / 60):" + (m % 60 < 10 ? "0" : "") + "\(m % 60)"
    }

    /// `7.50`: hours with two decimals, rounded half away from zero (7:20 is `7.33`), for
    /// people and spreadsheets that want decimal hours. Not exact: compute with `value`.
    public var decimalHours: String {
        let hundredths = value.magnitude * 100
        var q = hundredths / 60
        if hundredths % 60 >= 30 { q += 1 }
        return (value < 0 ? "-" : "") + "\(q / 100)." + (q % 100 < 10 ? "0" : "") + "\(q % 100)"
    }

    // MARK: Codable: a plain integer

    public init(from decoder: any Decoder) throws {
        value = try decoder.singleValueContainer().decode(Int.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    // MARK: Arithmetic

    public static func < (lhs: Minutes, rhs: Minutes) -> Bool { lhs.value < rhs.value }
    public static func + (lhs: Minutes, rhs: Minutes) -> Minutes { Minutes(lhs.value + rhs.value) }
    public static func - (lhs: Minutes, rhs: Minutes) -> Minutes { Minutes(lhs.value - rhs.value) }
    public static func += (lhs: inout Minutes, rhs: Minutes) { lhs = lhs + rhs }
    public static func -= (lhs: inout Minutes, rhs: Minutes) { lhs = lhs - rhs }
}
