/// `wt declarations approve (ID... | --all [filters]) [--comment TEXT]`: all or none.
struct ApproveDeclarations: Verb {
    struct Options: Equatable {
        /// As given: a `-` is read from stdin at run time.
        var ids: [String]
        var all: Bool
        var comment: String?
        var filter: DeclarationFilter
    }

    static let ids = Argument(0, "ID", "declarations (- reads ids from stdin)", optional: true, variadic: true, completion: .records("declarations"))
    static let comment = ValueOption("comment", "TEXT", help: "a comment kept with each approval") { try TextRules.text($0, what: "--comment") }
    static let all = FlagOption("all", help: "every submitted declaration that matches the filters")

    static let spec = VerbSpec(
        "declarations", "approve", summary: "approve submitted declarations (all or none)",
        args: [ids], options: [comment, all] + DeclarationFilter.withoutStatus,
        examples: [
            Example("wt declarations approve d-1042", "approve one"),
            Example("wt --as inkoop@klant.example declarations approve --all --week 2026-W48", "an approver approves the whole week"),
        ],
        fields: Declaration.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        let given = ids.values(in: line)
        let all = all.isSet(in: line)
        if all {
            guard given.isEmpty else { throw WTError.usage("give ids or --all, not both") }
        } else if given.isEmpty {
            throw needsIds
        }
        return Options(ids: given, all: all, comment: try comment.value(in: line), filter: try DeclarationFilter.parse(line))
    }

    static let needsIds = WTError.usage("`wt declarations approve` needs IDs or --all")

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let ids: [String]
        if o.all {
            var f = try o.filter.resolve(env)
            f.statuses = [.submitted]
            ids = try Declarations.list(f, store: try env.store(), actor: try env.actor()).map(\.id)
        } else {
            ids = env.ids(o.ids)
            // Only `-` was given, and stdin held no id.
            guard !ids.isEmpty else { throw needsIds }
        }
        let (approved, tx) = try env.write { uow in
            (try Declarations.approve(ids, comment: o.comment, in: uow.declarations, actor: try env.actor()), uow.tx)
        }
        let message = "approved \(approved.count)" + (approved.isEmpty ? "" : ": \(DeclarationOutput.listIds(approved))")
        try DeclarationOutput.done(env, approved, read: tx, message: message, many: true)
    }
}
