/// The checks that keep placements within the agreements and the law:
/// the phase count before a phase A or 1-2 contract, and the fixed-term
/// contracts whose end needs notice (aanzegging).
public enum ContractGuards {
    // MARK: Phase

    /// The worker's phase count as of a week, from their summary (one small file).
    public static func phase(worker: String, asOf: ISOWeek, _ r: StoreReader) throws -> PhaseCount {
        try WorkloadSummary.load(worker, r).phase(asOf: asOf, try Config.load(r))
    }

    /// Refuses a first-phase contract (A, 1-2) for a worker whose weeks in it are used up.
    public static func checkPhase(worker: String, phase: Phase, start: CalendarDate, _ r: StoreReader) throws {
        guard phase == .A || phase == .p12 else { return }
        let config = try Config.load(r)
        let count = try WorkloadSummary.load(worker, r).phase(asOf: ISOWeek(containing: start), config)
        guard count.weeksLeftA == 0 else { return }
        let next: Phase = phase == .A ? .B : .p3
        let span = count.since.map { " (\($0) to \(count.lastWorked!))" } ?? ""
        throw WTError.invalid(
            "worker \(worker) has worked \(count.weeksWorked) weeks\(span), all \(config[.phaseWeeksA]) of phase \(phase.rawValue) (phase.weeksA): a new contract is phase \(next.rawValue) (or \(phase == .A ? "C" : "4"))",
            hint: "add it with --phase \(next.rawValue) --end DATE; the count restarts only after more than \(config[.phaseResetWeeks]) weeks without work (phase.resetWeeks)")
    }

    // MARK: Fixed-term ends

    /// `contracts/ending/<YYYY-MM>.json`: contract id → {end, client,
    /// department} of every fixed-term contract, filed by the month it ends,
    /// so `wt status` reads the one or two months of the notice window (a few
    /// dozen entries on the large sample) instead of every client's contracts.
    /// Written with the contracts it follows.
    public static let endingDir = "contracts/ending"
    public static func endingFile(_ year: Int, _ month: Int) -> String {
        "\(endingDir)/\(year)-\(month < 10 ? "0" : "")\(month).json"
    }

    public struct Ending: Equatable {
        public var contract: String
        public var end: CalendarDate
        public var client: String
        public var department: String
    }

    /// The entries of one month's file ([] when there is none).
    public static func endings(_ rel: String, _ r: StoreReader) throws -> [Ending] {
        guard let json = try r.read(rel) else { return [] }
        guard case .object(let o) = json else { throw RecordFile.damaged(r, rel, "expected an object") }
        return try o.keys.sorted().map { id in
            do {
                try RecordKind.contract.check(id)
                let e = try JSONReader(o[id]!, what: rel)
                let end = try e.parsed("end") { try CalendarDate.parse($0) }
                guard endingFile(end.year, end.month) == rel else { throw WTError.invalid("\(id) ends on \(end), not in this month") }
                return Ending(contract: id, end: end, client: try e.string("client"), department: try e.string("department"))
            } catch let e as JSONParseError {
                throw RecordFile.damaged(r, rel, e.reason)
            } catch let e as WTError {
                throw RecordFile.damaged(r, rel, "\(id): \(e.message)")
            }
        }
    }

    /// Files each changed contract under the month of its end (a fixed-term
    /// contract with an end), and takes it out of the month it was in before.
    public static func note(_ changes: [(old: Contract?, new: Contract)], in tx: Transaction) throws {
        var months: [String: [String: Ending]] = [:]
        func month(_ rel: String) throws -> [String: Ending] {
            if let m = months[rel] { return m }
            let m = Dictionary(try endings(rel, tx).map { ($0.contract, $0) }, uniquingKeysWith: { a, _ in a })
            months[rel] = m
            return m
        }
        for (old, new) in changes {
            if let old, old.fixedTerm, let end = old.end {
                let rel = endingFile(end.year, end.month)
                _ = try month(rel)
                months[rel]![old.id] = nil
            }
            if new.fixedTerm, let end = new.end {
                let rel = endingFile(end.year, end.month)
                _ = try month(rel)
                months[rel]![new.id] = Ending(contract: new.id, end: end, client: new.client, department: new.department)
            }
        }
        for (rel, entries) in months.sorted(by: { $0.key < $1.key }) {
            if entries.isEmpty { tx.delete(rel); continue }
            tx.write(rel, .object(entries.mapValues { ["end": .string($0.end.description), "client": .string($0.client), "department": .string($0.department)] }))
        }
    }

    /// Fixed-term contracts ending within `days` of today and not yet ended:
    /// only the months of that window are read.
    public static func ending(within days: Int, today: CalendarDate, _ r: StoreReader) throws -> [Ending] {
        // The calendar ends at 9999-12-31: a window past it ends there (a clock set far ahead, WT_NOW).
        let last = today.daysSinceEpoch + days > CalendarDate.lastDay ? CalendarDate(daysSinceEpoch: CalendarDate.lastDay) : today.adding(days: days)
        var out: [Ending] = []
        var (y, m) = (today.year, today.month)
        while (y, m) <= (last.year, last.month) {
            out += try endings(endingFile(y, m), r).filter { $0.end >= today && $0.end <= last }
            (y, m) = m == 12 ? (y + 1, 1) : (y, m + 1)
        }
        return out.sorted { ($0.end, $0.contract) < ($1.end, $1.contract) }
    }
}
