import Foundation

/// Instants: ISO 8601 in UTC for JSON and the store, Europe/Amsterdam for people.
public enum Timestamp {
    static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!

    /// `2026-11-30T09:15:00Z`, also with an offset (`+01:00`) or fractional seconds.
    public static func parse(_ s: String) -> Date? {
        let u = Array(s.utf8)
        func num(_ from: Int, _ n: Int) -> Int? {
            guard from + n <= u.count else { return nil }
            var v = 0
            for i in from..<from + n {
                guard u[i] >= 0x30 && u[i] <= 0x39 else { return nil }
                v = v * 10 + Int(u[i] - 0x30)
            }
            return v
        }
        guard u.count >= 20, u[4] == 0x2D, u[7] == 0x2D, u[10] == 0x54 || u[10] == 0x20, u[13] == 0x3A, u[16] == 0x3A,
            let y = num(0, 4), let mo = num(5, 2), let d = num(8, 2), let h = num(11, 2), let mi = num(14, 2),
            let sec = num(17, 2), h < 24, mi < 60, sec < 61,
            let date = CalendarDate(year: y, month: mo, day: d)
        else { return nil }
        var i = 19
        var fraction = 0.0
        if i < u.count, u[i] == 0x2E {
            i += 1
            var scale = 0.1
            let start = i
            while i < u.count, u[i] >= 0x30, u[i] <= 0x39 {
                fraction += Double(u[i] - 0x30) * scale
                scale /= 10
                i += 1
            }
            if i == start { return nil }
        }
        var offset = 0
        guard i < u.count else { return nil }
        if u[i] == 0x5A {
            i += 1
        } else if u[i] == 0x2B || u[i] == 0x2D {
            guard let oh = num(i + 1, 2), i + 3 < u.count, u[i + 3] == 0x3A, let om = num(i + 4, 2) else { return nil }
            offset = (oh * 60 + om) * 60 * (u[i] == 0x2D ? -1 : 1)
            i += 6
        } else {
            return nil
        }
        guard i == u.count else { return nil }
        let seconds = date.daysSinceEpoch * 86400 + h * 3600 + mi * 60 + sec - offset
        guard (earliest...latest).contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    public static func format(_ d: Date) -> String {
        let t = Int(d.timeIntervalSince1970.rounded(.down))
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        let rest = t - days * 86400
        let date = CalendarDate(daysSinceEpoch: days)
        return "\(date)T\(pad(rest / 3600)):\(pad(rest % 3600 / 60)):\(pad(rest % 60))Z"
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// The instants `parse` accepts, in seconds since 1970: those whose date is a `CalendarDate`
    /// both in UTC and in Amsterdam (always ahead of UTC, by at most two hours), so formatting
    /// and local time cannot leave 0001-9999: 0001-01-01T00:00:00Z … 9999-12-31T21:59:59Z.
    static let earliest = CalendarDate.firstDay * 86400
    static let latest = (CalendarDate.lastDay + 1) * 86400 - 2 * 3600 - 1

    /// Whole days and the seconds into the last one, rounding towards the past.
    static func days(_ t: Int) -> (days: Int, rest: Int) {
        let days = t >= 0 ? t / 86400 : (t - 86399) / 86400
        return (days, t - days * 86400)
    }

    /// Seconds since 1970 as a clock in Amsterdam reads them. Computed on our own proleptic
    /// Gregorian days: Foundation's Gregorian calendar turns Julian before 1582, whose dates
    /// (1500-02-29) `CalendarDate` rightly refuses.
    static func amsterdamSeconds(_ d: Date) -> Int {
        Int(d.timeIntervalSince1970.rounded(.down)) + amsterdam.secondsFromGMT(for: d)
    }

    public static func amsterdamDate(_ d: Date) -> CalendarDate {
        CalendarDate(daysSinceEpoch: days(amsterdamSeconds(d)).days)
    }

    /// `2026-11-30 10:15` in Europe/Amsterdam: what tables show.
    public static func local(_ stamp: String) -> String {
        guard let d = parse(stamp) else { return stamp }
        let (day, rest) = days(amsterdamSeconds(d))
        return "\(CalendarDate(daysSinceEpoch: day)) \(pad(rest / 3600)):\(pad(rest % 3600 / 60))"
    }

    /// The instant local midnight begins on that date in Europe/Amsterdam (for 0001-01-01,
    /// which began before the earliest instant, that instant).
    public static func startOfAmsterdamDay(_ d: CalendarDate) -> String {
        let midnight = d.daysSinceEpoch * 86400
        // The offset an hour before midnight UTC is the one at local midnight: the clocks
        // never change around midnight.
        let offset = amsterdam.secondsFromGMT(for: Date(timeIntervalSince1970: Double(midnight - 3600)))
        return format(Date(timeIntervalSince1970: Double(max(midnight - offset, earliest))))
    }

    public static func adding(seconds: Int, to stamp: String) -> String {
        guard let d = parse(stamp) else { return stamp }
        return format(d.addingTimeInterval(Double(seconds)))
    }
}
