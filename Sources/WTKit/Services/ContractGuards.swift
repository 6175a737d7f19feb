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
            "worker \(worker) has worked \(count.weeksWorked) weeks\(span), all \(config.int("phase.weeksA")) of phase \(phase.rawValue) (phase.weeksA): a new contract is phase \(next.rawValue) (or \(phase == .A ? "C" : "4"))",
            hint: "add it with --phase \(next.rawValue) --end DATE; the count restarts only after more than \(config.int("phase.resetWeeks")) weeks without work (phase.resetWeeks)")
    }

    // MARK: Fixed-term ends

    /// `contracts/ending.json`: contract id → {end, client, department} of every
    /// fixed-term contract whose end has not passed, so `wt status` finds the
    /// ones needing notice without reading every client's contracts. Written
    /// with the contracts it follows; entries whose end has passed are dropped
    /// then (an end can only be brought forward, never pushed back).
    public static let endingFile = "contracts/ending.json"

    public struct Ending: Equatable {
        public var contract: String
        public var end: CalendarDate
        public var client: String
        public var department: String
    }

    /// The entries, and the day of the write that last dropped passed ends.
    public static func endingFile(_ r: StoreReader) throws -> (asOf: CalendarDate?, endings: [Ending]) {
        guard let json = try r.read(endingFile) else { return (nil, []) }
        guard case .object(let top) = json, case .object(let o)? = top["contracts"], case .string(let day)? = top["asOf"],
            let asOf = try? CalendarDate.parse(day)
        else { throw RecordFile.damaged(r, endingFile, "expected {\"asOf\": DATE, \"contracts\": {...}}") }
        let endings = try o.keys.sorted().map { id in
            do {
                try RecordKind.contract.check(id)
                let e = try JSONReader(o[id]!, what: endingFile)
                return Ending(contract: id, end: try e.parsed("end") { try CalendarDate.parse($0) }, client: try e.string("client"),
                    department: try e.string("department"))
            } catch let e as JSONParseError {
                throw RecordFile.damaged(r, endingFile, e.reason)
            } catch let e as WTError {
                throw RecordFile.damaged(r, endingFile, "\(id): \(e.message)")
            }
        }
        return (asOf, endings)
    }

    public static func endings(_ r: StoreReader) throws -> [Ending] { try endingFile(r).endings }

    /// Records these contracts' ends (a fixed-term contract with an end not
    /// yet passed), removing the others, and drops passed ends.
    public static func note(_ contracts: [Contract], today: CalendarDate, in tx: Transaction) throws {
        let (asOf, old) = try endingFile(tx)
        var all = Dictionary(old.map { ($0.contract, $0) }, uniquingKeysWith: { a, _ in a })
        for c in contracts {
            if c.fixedTerm, let end = c.end {
                all[c.id] = Ending(contract: c.id, end: end, client: c.client, department: c.department)
            } else {
                all[c.id] = nil
            }
        }
        // Never drop by a day earlier than a previous write did (a replayed WT_NOW may lie in the past).
        let day = max(today, asOf ?? today)
        all = all.filter { $0.value.end >= day }
        tx.write(endingFile, [
            "asOf": .string(day.description),
            "contracts": .object(all.mapValues { ["end": .string($0.end.description), "client": .string($0.client), "department": .string($0.department)] }),
        ])
    }

    /// Fixed-term contracts ending within `days` of today and not yet ended.
    public static func ending(within days: Int, today: CalendarDate, _ r: StoreReader) throws -> [Ending] {
        let last = today.adding(days: days)
        return try endings(r).filter { $0.end >= today && $0.end <= last }.sorted { ($0.end, $0.contract) < ($1.end, $1.contract) }
    }
}
