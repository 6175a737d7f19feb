/// `wt declarations enter ID DAY=HOURS... [--type TYPE] [--km N] [--expense LABEL=EUR]`
struct EnterHours: Verb {
    struct Expense: Equatable {
        var label: String
        var amount: Money
    }

    struct Options: Equatable {
        var id: String
        var entries: [Declarations.Entry]
        var type: String
        var km: Int?
        var expenses: [Expense]
    }

    static let id = Argument(0, "ID", "the declaration", completion: .records("declarations"))
    static let hours = Argument(1, "DAY=HOURS", "hours per day", variadic: true)
    /// Taken as given: the hour types are config, so the service checks it.
    static let type = ValueOption("type", "TYPE", help: "hour type (default normal; see config hours.types)", completion: .records("hour-types"))
    static let km = ValueOption("km", "N", help: "kilometres travelled this week") { k -> Int in
        guard let n = Int(k) else { throw WTError.usage("--km needs a whole number of kilometres, got \"\(RecordKind.printable(k))\"") }
        return n
    }
    static let expense = ListOption("expense", "LABEL=EUR", help: "an expense line; 0 removes it") { e -> Expense in
        let kv = e.split(separator: "=", maxSplits: 1).map(String.init)
        guard kv.count == 2 else { throw WTError.usage("--expense \"\(RecordKind.printable(e))\" is not LABEL=EUR (e.g. parkeren=7.50)") }
        return Expense(label: try TextRules.line(kv[0], what: "the expense label", max: 60), amount: try Money.parse(kv[1]))
    }

    static let spec = VerbSpec(
        "declarations", "enter", summary: "set the hours of days for an hour type (report or rejected only)",
        details: "DAY=HOURS pairs: DAY is mon..sun (or ma..zo) or a date in the declaration's week; HOURS is 8, 7.5, 7,5 or 7:30; 0 clears the day for that hour type.",
        args: [id, hours], options: [type, km, expense],
        examples: [
            Example("wt declarations enter d-1042 mon=8 tue=7:30 wed=7,5", "normal hours for three days"),
            Example("wt declarations enter d-1042 sat=4 --type overtime150", "overtime on Saturday"),
        ],
        fields: Declaration.schema.names, access: .write)

    /// The pairs are split here; the day and the hours are read by the
    /// service, which knows the declaration's week.
    static func options(from line: ParsedLine) throws -> Options {
        let id = try id.required(in: line)
        var entries: [Declarations.Entry] = []
        for pair in hours.values(in: line) {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            guard kv.count == 2 else { throw WTError.usage("\"\(RecordKind.printable(pair))\" is not DAY=HOURS (e.g. mon=8 or 2026-11-30=7:30)") }
            entries.append(Declarations.Entry(day: kv[0], hours: kv[1]))
        }
        // DAY=HOURS is a required argument, so the router has refused a line
        // without one (--km or --expense alone) before this reads it.
        return Options(
            id: id, entries: entries, type: type.raw(in: line) ?? "normal", km: try km.value(in: line), expenses: try expense.values(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let (d, raised, tx) = try env.write { uow in
            let d = try Declarations.enter(
                o.id, entries: o.entries, type: o.type, km: o.km, expenses: o.expenses.map { ($0.label, $0.amount) }, in: uow.declarations,
                actor: try env.actor())
            // Before the flush: in strict mode a break of the limits refuses the change.
            return (d, try WorkTimeGuard.check(uow.declarations), uow.tx)
        }
        DeclarationOutput.warn(env, raised)
        try DeclarationOutput.done(env, [d], read: tx, message: "\(d.id): \(Renderer.formatMinutes(d.minutes)) hours in \(d.week)", many: false)
    }
}
