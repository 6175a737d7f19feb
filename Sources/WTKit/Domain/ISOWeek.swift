/// An ISO 8601 week: Monday to Sunday, numbered within the year that holds its Thursday
/// (so week 1 holds the year's first Thursday, and 4 January). Some years have 53 weeks:
/// 2026-W53 runs from 2026-12-28 to 2027-01-03. Supported are the weeks whose seven days
/// `CalendarDate` can hold: 0001-W01 … 9999-W51.
public struct ISOWeek: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let week: Int

    /// nil unless the week exists (1 … weeksInYear(year)) and lies in the supported range.
    public init?(year: Int, week: Int) {
        guard CalendarDate.years.contains(year), week >= 1, week <= Self.weeksInYear(year),
              (year, week) <= (Self.latest.year, Self.latest.week)
        else { return nil }
        self.year = year
        self.week = week
    }

    /// The week that holds `date`. Traps for 9999-12-27 … 9999-12-31, whose week ends in year 10000.
    public init(containing date: CalendarDate) {
        let thursday = date.adding(days: 4 - date.weekday)
        year = thursday.year
        week = (thursday.dayOfYear - 1) / 7 + 1
        precondition((year, week) <= (Self.latest.year, Self.latest.week),
                     "ISOWeek: the week of \(date) ends after 9999-12-31")
    }

    private init(unchecked year: Int, _ week: Int) {
        self.year = year
        self.week = week
    }

    /// The last supported week: its Sunday, 9999-12-26, is the last Sunday `CalendarDate` holds.
    public static let latest = ISOWeek(unchecked: 9999, 51)

    /// 52 or 53. A year has 53 ISO weeks when it starts or ends on a Thursday. Defined for
    /// every Int: the Gregorian calendar repeats every 400 years (146097 days, whole weeks).
    public static func weeksInYear(_ year: Int) -> Int {
        let y = (year % 400 + 400) % 400 + 2000
        func weekday(_ month: Int, _ day: Int) -> Int {
            ((CalendarDate.daysFromCivil(y, month, day) + 3) % 7 + 7) % 7 + 1
        }
        return weekday(1, 1) == 4 || weekday(12, 31) == 4 ? 53 : 52
    }

    // MARK: Days

    /// The Monday of week 1 is the Monday on or before 4 January; the rest follow in steps of 7.
    public var monday: CalendarDate {
        let january4 = CalendarDate(year: year, month: 1, day: 4)!
        return january4.adding(days: 1 - january4.weekday + 7 * (week - 1))
    }

    public var sunday: CalendarDate { monday.adding(days: 6) }

    /// Monday … Sunday.
    public var days: [CalendarDate] {
        let first = monday
        return (0..<7).map { first.adding(days: $0) }
    }

    public func contains(_ date: CalendarDate) -> Bool {
        (0..<7).contains(date - monday)
    }

    public var next: ISOWeek { adding(weeks: 1) }
    public var previous: ISOWeek { adding(weeks: -1) }

    /// The week `weeks` later (earlier when negative). Traps outside the supported range.
    public func adding(weeks: Int) -> ISOWeek {
        ISOWeek(containing: monday.adding(days: 7 * weeks))
    }

    /// Every week from `from` to `to`, both included; empty when `from` comes after `to`.
    public static func range(from: ISOWeek, to: ISOWeek) -> [ISOWeek] {
        guard from <= to else { return [] }
        let count = (to.monday - from.monday) / 7 + 1
        return (0..<count).map { from.adding(weeks: $0) }
    }

    public static func < (lhs: ISOWeek, rhs: ISOWeek) -> Bool {
        (lhs.year, lhs.week) < (rhs.year, rhs.week)
    }

    // MARK: Text

    /// `2026-W48` exactly, when it is a week that exists; nil for anything
    /// else, which `parse` then reads (and explains) the general way.
    static func canonical(_ input: String) -> ISOWeek? {
        let utf8 = input.utf8
        guard utf8.count == 8 else { return nil }
        return utf8.withContiguousStorageIfAvailable { b -> ISOWeek? in
            func digit(_ i: Int) -> Int? { b[i] >= 0x30 && b[i] <= 0x39 ? Int(b[i] - 0x30) : nil }
            guard b[4] == UInt8(ascii: "-"), b[5] == UInt8(ascii: "W"),
                  let y0 = digit(0), let y1 = digit(1), let y2 = digit(2), let y3 = digit(3), let w0 = digit(6), let w1 = digit(7)
            else { return nil }
            return ISOWeek(year: y0 * 1000 + y1 * 100 + y2 * 10 + y3, week: w0 * 10 + w1)
        } ?? nil
    }

    /// `2026-W48`, `2026W48` or `2026-w48` (one or two week digits).
    public static func parse(_ input: String) throws -> ISOWeek {
        // The form the store writes, read without the general path: a list parses one per record.
        if let canonical = canonical(input) { return canonical }
        var b = Array(DomainText.trim(input).utf8)
        // Made only on failure (quoting the input is most of the cost otherwise).
        var usage: WTError { WTError.usage("week \(DomainText.quote(input)): expected YYYY-Www, e.g. 2026-W48") }
        guard b.count >= 6, b[0..<4].allSatisfy(DomainText.isASCIIDigit) else { throw usage }
        if b[4] == UInt8(ascii: "-") { b.remove(at: 4) }
        guard b.count >= 6, b[4] == UInt8(ascii: "W") || b[4] == UInt8(ascii: "w"),
              (6...7).contains(b.count), b[5...].allSatisfy(DomainText.isASCIIDigit)
        else { throw usage }
        let year = b[0..<4].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let week = b[5...].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let yearText = String(decoding: b[0..<4], as: UTF8.self)
        let name = "\(yearText)-W\(week < 10 ? "0" : "")\(week)"
        guard year >= 1 else {
            throw WTError.invalid("week \(name) does not exist: years run from 0001 to 9999")
        }
        guard week >= 1 else {
            throw WTError.invalid("week \(name) does not exist: weeks are numbered from W01")
        }
        guard week <= weeksInYear(year) else {
            throw WTError.invalid("week \(name) does not exist: \(yearText) has \(weeksInYear(year)) ISO weeks")
        }
        guard let result = ISOWeek(year: year, week: week) else {
            throw WTError.invalid("week \(name) is out of range: the last supported week is \(latest)")
        }
        return result
    }

    /// `2026-W48`.
    public var description: String {
        let y = String(year)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-W" + (week < 10 ? "0" : "") + String(week)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do {
            self = try ISOWeek.parse(text)
        } catch let error as WTError {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
