/// `wt declarations open --week WEEK | --from WEEK --to WEEK`
struct OpenDeclarations: Verb {
    struct Options: Equatable {
        var weeks: [ISOWeek]
    }

    /// Open's own week options: the same parse as the filters, their own help.
    static let week = ValueOption("week", "WEEK", help: "the ISO week, e.g. 2026-W49", parse: ISOWeek.parse)
    static let from = ValueOption("from", "WEEK", help: "open a range of weeks: the first", parse: ISOWeek.parse)
    static let to = ValueOption("to", "WEEK", help: "the last week of the range", parse: ISOWeek.parse)

    /// More would be a typo (a year off), not a catch-up.
    static let maxWeeks = 260

    static let spec = VerbSpec(
        "declarations", "open", summary: "open a report declaration for every contract active in a week (idempotent)",
        options: [week, from, to],
        examples: [
            Example("wt declarations open --week 2026-W49", "the weekly cron job"),
            Example("wt declarations open --from 2026-W45 --to 2026-W49", "catch up on several weeks"),
        ],
        fields: Declaration.schema.names, access: .write)

    /// `--week` wins over a range given with it, as it always has.
    static func options(from line: ParsedLine) throws -> Options {
        if let w = try week.value(in: line) { return Options(weeks: [w]) }
        guard let first = try from.value(in: line), let last = try to.value(in: line) else {
            throw WTError.usage("`wt declarations open` needs --week WEEK (or --from WEEK --to WEEK)")
        }
        guard first <= last else { throw WTError.usage("--from \(first) comes after --to \(last)") }
        let weeks = ISOWeek.range(from: first, to: last)
        guard weeks.count <= maxWeeks else { throw WTError.invalid("open at most \(maxWeeks) weeks at once") }
        return Options(weeks: weeks)
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let (opened, tx) = try env.write { uow in
            (try Declarations.open(weeks: o.weeks, in: uow.declarations, actor: try env.actor()), uow.tx)
        }
        let message = "opened \(opened.count) declaration\(opened.count == 1 ? "" : "s")"
            + (opened.isEmpty ? "" : ": \(DeclarationOutput.listIds(opened))")
        try DeclarationOutput.done(env, opened, read: tx, message: message, many: true)
    }
}
