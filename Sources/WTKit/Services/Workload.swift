/// A worker's hours in brief, one small file per worker, kept in the same
/// commit as the declarations it summarises:
///
///   workload/<worker>.json   {"worker": "w-3", "weeks": {"2026-W49": {"d-12":
///                            {"counted": true, "days": {"2026-11-30": 480}}}}}
///
/// Per ISO week, each declaration of the worker with hours: its minutes per
/// date (every hour type) and whether its week counts for the phase (its
/// status is submitted, approved or closed). The working-time checks (a
/// date's hours over all contracts, a week's, sixteen weeks') and the phase
/// count read this one file instead of every client's declarations. It is a
/// pure function of the declarations, so `wt store verify` rebuilds it and
/// compares; a declaration's entry changes only with its hours or with a
/// status change across the counted line, and only then is the file written.
public struct WorkloadSummary: Equatable {
    public struct Entry: Equatable {
        public var counted: Bool
        public var days: [CalendarDate: Int]

        /// Nil for a declaration without hours: it leaves no trace.
        public init?(_ d: Declaration) {
            guard d.minutes > 0 else { return nil }
            counted = Self.counts(d.status)
            var days: [CalendarDate: Int] = [:]
            for l in d.lines where l.minutes > 0 { days[l.date, default: 0] += l.minutes }
            self.days = days
        }

        init(counted: Bool, days: [CalendarDate: Int]) {
            self.counted = counted
            self.days = days
        }

        /// The statuses whose hours count as worked weeks (SPEC §13): handed
        /// in and not sent back. A report is not yet, a rejection no longer.
        public static func counts(_ s: DeclarationStatus) -> Bool { s == .submitted || s == .approved || s == .closed }
    }

    public static let dir = "workload"
    public static func file(_ worker: String) -> String { "\(dir)/\(worker).json" }

    public var worker: String
    public var weeks: [ISOWeek: [String: Entry]] = [:]

    public init(worker: String) { self.worker = worker }

    public func entry(_ week: ISOWeek, _ id: String) -> Entry? { weeks[week]?[id] }

    public mutating func set(_ week: ISOWeek, _ id: String, _ e: Entry?) {
        weeks[week, default: [:]][id] = e
        if weeks[week]?.isEmpty == true { weeks[week] = nil }
    }

    public func minutes(on date: CalendarDate) -> Int {
        (weeks[ISOWeek(containing: date)] ?? [:]).values.reduce(0) { $0 + ($1.days[date] ?? 0) }
    }

    public func minutes(in week: ISOWeek) -> Int {
        (weeks[week] ?? [:]).values.reduce(0) { $0 + $1.days.values.reduce(0, +) }
    }

    /// Weeks with hours in a counted declaration.
    public var workedWeeks: [ISOWeek] {
        weeks.filter { $0.value.values.contains { $0.counted } }.map(\.key).sorted()
    }

    public func phase(asOf: ISOWeek, _ config: Config) -> PhaseCount {
        PhaseCount.count(worked: workedWeeks, asOf: asOf, weeksA: config[.phaseWeeksA], resetWeeks: config[.phaseResetWeeks])
    }

    /// The warnings of every declaration with hours in these weeks.
    public func warnings(in span: [ISOWeek], _ limits: WorkTimeLimits) -> [String: [WorkTimeWarning]] {
        var out: [String: [WorkTimeWarning]] = [:]
        for week in span {
            for (id, e) in weeks[week] ?? [:] {
                let w = WorkTime.warnings(
                    week: week, datesWithHours: Array(e.days.keys), limits: limits,
                    minutesOn: { minutes(on: $0) }, minutesIn: { minutes(in: $0) })
                if !w.isEmpty { out[id] = w }
            }
        }
        return out
    }

    /// The weeks whose warnings a change in `week` can alter: itself, and the
    /// fifteen after it whose sixteen-week average includes it.
    public static func affected(by week: ISOWeek) -> [ISOWeek] {
        (0..<WorkTimeLimits.averageWeeks).map { week.adding(weeks: $0) }
    }

    // MARK: File form

    public var json: JSON {
        var ws: [String: JSON] = [:]
        for (week, entries) in weeks {
            ws[week.description] = .object(entries.mapValues { e in
                ["counted": .bool(e.counted), "days": .object(Dictionary(uniqueKeysWithValues: e.days.map { ($0.key.description, JSON.int($0.value)) }))]
            })
        }
        return ["worker": .string(worker), "weeks": .object(ws)]
    }

    public init(json: JSON, what: String) throws {
        let r = try JSONReader(json, what: what)
        worker = try r.string("worker")
        guard case .object(let ws)? = json.objectValue?["weeks"] else { throw WTError.invalid("\(what): weeks is not an object") }
        for (wk, entriesJSON) in ws {
            let week = try ISOWeek.parse(wk)
            guard case .object(let entries) = entriesJSON else { throw WTError.invalid("\(what): \(wk) is not an object") }
            for (id, eJSON) in entries {
                try RecordKind.declaration.check(id)
                let e = try JSONReader(eJSON, what: what)
                guard case .object(let daysJSON)? = eJSON.objectValue?["days"] else { throw WTError.invalid("\(what): \(wk) \(id) has no days") }
                var days: [CalendarDate: Int] = [:]
                for (ds, m) in daysJSON {
                    let date = try CalendarDate.parse(ds)
                    guard week.contains(date), let n = m.intValue, n > 0, n <= 24 * 60 else {
                        throw WTError.invalid("\(what): \(wk) \(id) \(ds) is not a date of the week with 1 to 1440 minutes")
                    }
                    days[date] = n
                }
                guard !days.isEmpty else { throw WTError.invalid("\(what): \(wk) \(id) has no hours") }
                weeks[week, default: [:]][id] = Entry(counted: try e.bool("counted"), days: days)
            }
        }
    }

    /// The summary as stored; an empty one when the worker has no file yet.
    public static func load(_ worker: String, _ r: StoreReader) throws -> WorkloadSummary {
        let rel = file(worker)
        guard let json = try r.read(rel) else { return WorkloadSummary(worker: worker) }
        let s: WorkloadSummary
        do { s = try WorkloadSummary(json: json, what: rel) } catch let e as WTError {
            throw RecordFile.damaged(r, rel, e.message)
        } catch let e as JSONParseError {
            throw RecordFile.damaged(r, rel, e.reason)
        }
        guard s.worker == worker else { throw RecordFile.damaged(r, rel, "it is the summary of \(s.worker), not \(worker)") }
        return s
    }
}

/// The summaries a command changes, loaded once and written at flush.
public final class WorkloadBook {
    private var loaded: [String: WorkloadSummary] = [:]
    private var dirty: Set<String> = []
    /// A bulk load (the large sample) starts from an empty store and writes every summary once at the end.
    let fresh: Bool

    public init(fresh: Bool = false) { self.fresh = fresh }

    public func summary(_ worker: String, _ r: StoreReader) throws -> WorkloadSummary {
        if let s = loaded[worker] { return s }
        let s = fresh ? WorkloadSummary(worker: worker) : try WorkloadSummary.load(worker, r)
        loaded[worker] = s
        return s
    }

    public func replace(_ s: WorkloadSummary) {
        loaded[s.worker] = s
        dirty.insert(s.worker)
    }

    public func flush(_ tx: Transaction) {
        for w in dirty.sorted() {
            let s = loaded[w]!
            if s.weeks.isEmpty { tx.delete(WorkloadSummary.file(w)) } else { tx.write(WorkloadSummary.file(w), s.json) }
        }
        dirty = []
    }
}
