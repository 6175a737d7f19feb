/// Counting a worker's weeks for the phase system of the agency agreements
/// (ABU cao voor uitzendkrachten art. 10 lid 1, fase A; NBBU cao voor
/// uitzendkrachten art. 10 lid 1, fase 1-2): only weeks in which the worker
/// worked count, however many hours, over every contract and client of the
/// agency; an interruption of more than the reset length starts the count
/// again. Both agreements say "meer dan zes maanden" between two assignments;
/// `wt` keeps that as whole ISO weeks (`phase.resetWeeks`, 26): the count
/// restarts when more than 26 weeks without work lie between two worked weeks,
/// or between the last worked week and the week asked about. (Six months are
/// 181 to 184 days and 26 weeks 182, so 27 idle weeks are always more than six
/// months and 26 almost never: the rule keeps counting in the doubtful case,
/// which moves a worker on early rather than late.)
public struct PhaseCount: Equatable, Sendable {
    public var weeksWorked: Int
    public var weeksLeftA: Int
    /// The first week of the current count, nil when nothing counts.
    public var since: ISOWeek?
    public var lastWorked: ISOWeek?

    /// `worked`: the ISO weeks with hours in a counted declaration (any order,
    /// duplicates allowed). Weeks after `asOf` are not counted yet.
    public static func count(worked: [ISOWeek], asOf: ISOWeek, weeksA: Int, resetWeeks: Int) -> PhaseCount {
        let weeks = Set(worked.filter { $0 <= asOf }).sorted()
        var n = 0
        var since: ISOWeek?
        var last: ISOWeek?
        for w in weeks {
            if let l = last, idleWeeks(between: l, and: w) > resetWeeks {
                n = 0
                since = nil
            }
            n += 1
            if since == nil { since = w }
            last = w
        }
        // Idle weeks since the last worked one, up to and including asOf when it was not worked.
        if let l = last, l < asOf, idleWeeks(between: l, and: asOf) + 1 > resetWeeks {
            return PhaseCount(weeksWorked: 0, weeksLeftA: weeksA, since: nil, lastWorked: last)
        }
        return PhaseCount(weeksWorked: n, weeksLeftA: max(0, weeksA - n), since: since, lastWorked: last)
    }

    /// Whole weeks strictly between two weeks (0 for consecutive weeks).
    public static func idleWeeks(between a: ISOWeek, and b: ISOWeek) -> Int {
        (b.monday - a.monday) / 7 - 1
    }
}
