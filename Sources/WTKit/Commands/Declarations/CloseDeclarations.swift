/// `wt declarations close (ID... | --all-approved [--until WEEK])`: the cron job (idempotent).
struct CloseDeclarations: Verb {
    struct Options: Equatable {
        /// As given: a `-` is read from stdin at run time.
        var ids: [String]
        var allApproved: Bool
        var until: ISOWeek?
    }

    static let ids = Argument(0, "ID", "declarations (- reads ids from stdin)", optional: true, variadic: true, completion: .records("declarations"))
    static let allApproved = FlagOption("all-approved", help: "every approved declaration")
    static let until = ValueOption("until", "WEEK", help: "with --all-approved: only weeks up to this one", parse: ISOWeek.parse)

    static let spec = VerbSpec(
        "declarations", "close", summary: "close approved declarations: the cron job (idempotent)",
        args: [ids], options: [allApproved, until],
        examples: [
            Example("wt declarations close --all-approved", "the nightly cron job; prints how many it closed"),
            Example("wt declarations close d-1042 d-1043", "close two approved declarations"),
        ],
        fields: Declaration.schema.names, access: .write)

    static let untilAlone = WTError.usage("--until goes with --all-approved")

    static func options(from line: ParsedLine) throws -> Options {
        let given = ids.values(in: line)
        let all = allApproved.isSet(in: line)
        if all {
            guard given.isEmpty else { throw WTError.usage("give ids or --all-approved, not both") }
        } else if given.isEmpty {
            guard !until.isGiven(in: line) else { throw untilAlone }
            throw WTError.usage("`wt declarations close` needs IDs or --all-approved")
        }
        return Options(ids: given, allApproved: all, until: try until.value(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let ids: [String]
        if o.allApproved {
            var f = Declarations.Filter()
            f.statuses = [.approved]
            f.to = o.until
            ids = try Declarations.list(f, store: try env.store(), actor: try env.actor()).map(\.id)
        } else {
            ids = env.ids(o.ids)
            // Only `-` was given and stdin held no id: --until still has nothing to go with
            // (without it, closing nothing is the cron job's quiet "closed 0").
            guard !ids.isEmpty || o.until == nil else { throw untilAlone }
        }
        let (closed, tx) = try env.write { uow in
            (try Declarations.close(ids, in: uow.declarations, actor: try env.actor()), uow.tx)
        }
        let message = "closed \(closed.count)" + (closed.isEmpty ? "" : ": \(DeclarationOutput.listIds(closed))")
        try DeclarationOutput.done(env, closed, read: tx, message: message, many: true)
    }
}
