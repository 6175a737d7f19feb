/// Working-time limits of the Arbeidstijdenwet (Working Hours Act) and the
/// warnings a worker's hours raise against them. Pure: the hours come in as
/// per-date totals over all of the worker's contracts, because the law limits
/// the worker, not a placement — two departments on one date are one day.
public struct WorkTimeLimits: Equatable, Sendable {
    /// At most this much on one date (art. 5:7 lid 1: 12 hours per shift).
    public var maxDay: Int
    /// At most this much in one ISO week (art. 5:7 lid 1: 60 hours per week).
    public var maxWeek: Int
    /// At most this average per week over the 16 weeks up to and including
    /// the week (art. 5:7 lid 2: 48 hours on average per 16 weeks).
    public var avg16Week: Int

    public init(maxDay: Int = 12 * 60, maxWeek: Int = 60 * 60, avg16Week: Int = 48 * 60) {
        self.maxDay = maxDay
        self.maxWeek = maxWeek
        self.avg16Week = avg16Week
    }

    /// How many weeks the average runs over (art. 5:7 lid 2).
    public static let averageWeeks = 16
}

public struct WorkTimeWarning: Equatable, Sendable, Hashable {
    public enum Code: String, CaseIterable, Sendable {
        case dayOverMax = "day-over-max"
        case weekOverMax = "week-over-max"
        case avg16OverMax = "avg16-over-max"
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

}

public enum WorkTime {
    /// The warnings of one declaration: for its own dates with hours, and for
    /// its week. `minutesOn` and `minutesIn` are the worker's totals over all
    /// contracts, this declaration's hours included.
    public static func warnings(
        week: ISOWeek, datesWithHours: [CalendarDate], limits: WorkTimeLimits,
        minutesOn: (CalendarDate) -> Int, minutesIn: (ISOWeek) -> Int
    ) -> [WorkTimeWarning] {
        var out: [WorkTimeWarning] = []
        for date in datesWithHours.sorted() {
            let m = minutesOn(date)
            if m > limits.maxDay {
                out.append(WorkTimeWarning(.dayOverMax,
                    "\(date): \(Minutes(m)) over all contracts, more than \(Minutes(limits.maxDay)) a day (worktime.maxDay)"))
            }
        }
        guard !datesWithHours.isEmpty else { return out }
        let weekTotal = minutesIn(week)
        if weekTotal > limits.maxWeek {
            out.append(WorkTimeWarning(.weekOverMax,
                "\(week): \(Minutes(weekTotal)) over all contracts, more than \(Minutes(limits.maxWeek)) a week (worktime.maxWeek)"))
        }
        let n = WorkTimeLimits.averageWeeks
        let span = (0..<n).map { week.adding(weeks: -$0) }
        let sum = span.reduce(0) { $0 + minutesIn($1) }
        if sum > limits.avg16Week * n {
            // The average shown exactly in minutes, rounded down: 48:00 is exceeded only by more than 768:00 in 16 weeks.
            out.append(WorkTimeWarning(.avg16OverMax,
                "\(span.last!)..\(week): \(Minutes(sum)) in \(n) weeks, on average \(Minutes(sum / n)) a week, more than \(Minutes(limits.avg16Week)) (worktime.avg16Week)"))
        }
        return out
    }
}
