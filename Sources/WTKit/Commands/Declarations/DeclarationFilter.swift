/// The filters `declarations list` and `declarations approve --all` share,
/// each option declared once. The parse is pure (weeks, statuses); the ids
/// are looked up in the store at run time (`resolve`), where what the actor
/// may see is known.
struct DeclarationFilter: Equatable {
    var client: String?
    var department: String?
    var worker: String?
    var contract: String?
    var from: ISOWeek?
    var to: ISOWeek?
    var statuses: [DeclarationStatus] = []

    static let statusNames = DeclarationStatus.allCases.map(\.rawValue)

    static let client = ValueOption("client", "ID", help: "only this client's declarations", completion: .records("clients"))
    static let department = ValueOption("department", "ID", help: "only this department's", completion: .records("departments"))
    static let worker = ValueOption("worker", "ID", help: "only this worker's", completion: .records("workers"))
    static let contract = ValueOption("contract", "ID", help: "only this contract's", completion: .records("contracts"))
    static let week = ValueOption("week", "WEEK", help: "only this ISO week (2026-W48)", parse: ISOWeek.parse)
    static let from = ValueOption("from", "WEEK", help: "from this ISO week on", parse: ISOWeek.parse)
    static let to = ValueOption("to", "WEEK", help: "up to and including this ISO week", parse: ISOWeek.parse)
    static let status = ListOption(
        "status", "STATUS", help: "only these statuses: report, submitted, approved, rejected, closed", completion: .choices(statusNames),
        parse: DeclarationStatus.parse)
    /// `list` only: the filter of the working-time check's marks.
    static let warnings = FlagOption(
        "warnings", help: "only declarations with a working-time warning (day-over-max, week-over-max, avg16-over-max)")

    /// Every filter option, in the order help shows them.
    static let all: [any OptionDeclaration] = [client, department, worker, contract, week, from, to, status]
    /// The filters of `approve --all`: the status is always submitted there.
    static let withoutStatus: [any OptionDeclaration] = [client, department, worker, contract, week, from, to]

    /// The filters given on the line. `--week` is one week, from and to;
    /// with `--from` or `--to` as well it is refused.
    static func parse(_ line: ParsedLine) throws -> DeclarationFilter {
        var f = DeclarationFilter(
            client: client.raw(in: line), department: department.raw(in: line), worker: worker.raw(in: line), contract: contract.raw(in: line))
        if let w = try week.value(in: line) {
            guard !from.isGiven(in: line) && !to.isGiven(in: line) else { throw WTError.usage("give --week, or --from and --to, not both") }
            f.from = w
            f.to = w
        } else {
            f.from = try from.value(in: line)
            f.to = try to.value(in: line)
        }
        f.statuses = try status.values(in: line)
        return f
    }

    /// The service's filter: the client, department and contract looked up
    /// as the actor sees them (not found, or not theirs, is an error), the
    /// worker's id checked for its shape.
    func resolve(_ env: CommandEnv) throws -> Declarations.Filter {
        let store = try env.store()
        let actor = try env.actor()
        var f = Declarations.Filter()
        if let c = client { f.client = try Organisation.client(c, store, actor: actor).id }
        if let d = department { f.department = try Organisation.department(d, store, actor: actor).id }
        if let w = worker { try RecordKind.worker.check(w); f.worker = w }
        if let c = contract { f.contract = try Contracts.find(c, store, actor: actor).id }
        f.from = from
        f.to = to
        f.statuses = statuses
        return f
    }
}
