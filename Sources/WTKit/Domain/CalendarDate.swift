/// A day of the proleptic Gregorian calendar, without time or time zone, from 0001-01-01 to
/// 9999-12-31 (the dates `YYYY-MM-DD` can write). Pure arithmetic on day numbers, after
/// Howard Hinnant's days_from_civil / civil_from_days; no Foundation Calendar.
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// The supported years.
    public static let years = 1...9999

    /// nil unless the date exists: month 1-12, day within the month (29 February only in
    /// leap years), year 1-9999.
    public init?(year: Int, month: Int, day: Int) {
        guard Self.years.contains(year), (1...12).contains(month),
              (1...Self.daysInMonth(year: year, month: month)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `days` after 1970-01-01 (negative: before). Traps outside 0001-01-01 … 9999-12-31,
    /// like an array index out of range.
    public init(daysSinceEpoch days: Int) {
        precondition((Self.firstDay...Self.lastDay).contains(days),
                     "CalendarDate: day \(days) is outside 0001-01-01 … 9999-12-31")
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        self.month = month
        day = doy - (153 * mp + 2) / 5 + 1
    }

    /// Days since 1970-01-01, which is 0.
    public var daysSinceEpoch: Int { Self.daysFromCivil(year, month, day) }

    /// Day number of any proleptic Gregorian date (no range check; |year| well below 10^15).
    static func daysFromCivil(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static let firstDay = daysFromCivil(1, 1, 1)
    static let lastDay = daysFromCivil(9999, 12, 31)

    public static func isLeapYear(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// 28 to 31; 0 for a month outside 1-12.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeapYear(year) ? 29 : 28
        default: 0
        }
    }

    /// The date `days` later (earlier when negative).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// ISO 8601 weekday: Monday 1 … Sunday 7. 1970-01-01 was a Thursday.
    public var weekday: Int {
        let d = daysSinceEpoch + 3
        return (d % 7 + 7) % 7 + 1
    }

    /// 1 for 1 January … 365 or 366 for 31 December.
    public var dayOfYear: Int { daysSinceEpoch - Self.daysFromCivil(year, 1, 1) + 1 }

    /// The number of days from `rhs` to `lhs`: 2026-12-31 − 2026-12-24 = 7.
    public static func - (lhs: CalendarDate, rhs: CalendarDate) -> Int {
        lhs.daysSinceEpoch - rhs.daysSinceEpoch
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    // MARK: Text

    /// Strictly `YYYY-MM-DD`: four digits, a hyphen, two, a hyphen, two; nothing around it.
    public static func parse(_ text: String) throws -> CalendarDate {
        var shown: String { DomainText.quote(text) }  // only on failure: this runs for every stored date
        let b = Array(text.utf8)
        let digitPositions = [0, 1, 2, 3, 5, 6, 8, 9]
        guard b.count == 10, b[4] == UInt8(ascii: "-"), b[7] == UInt8(ascii: "-"),
              digitPositions.allSatisfy({ DomainText.isASCIIDigit(b[$0]) })
        else {
            throw WTError.usage("date \(shown): expected YYYY-MM-DD, e.g. 2026-11-30")
        }
        func number(_ range: Range<Int>) -> Int { b[range].reduce(0) { $0 * 10 + Int($1 - 0x30) } }
        let year = number(0..<4), month = number(5..<7), day = number(8..<10)
        if year == 0 {
            throw WTError.invalid("date \(shown) does not exist: years run from 0001 to 9999")
        }
        guard (1...12).contains(month) else {
            throw WTError.invalid("date \(shown) does not exist: months run from 01 to 12")
        }
        guard let date = CalendarDate(year: year, month: month, day: day) else {
            let name = Self.monthNames[month - 1]
            throw WTError.invalid("date \(shown) does not exist: \(name) \(year) has \(Self.daysInMonth(year: year, month: month)) days")
        }
        return date
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July",
                             "August", "September", "October", "November", "December"]

    /// `2026-11-30`.
    public var description: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try CalendarDate.parse(text)
        } catch let error as WTError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
