/// `wt declarations submit ID...`: report or rejected → submitted.
struct SubmitDeclarations: Verb {
    struct Options: Equatable {
        /// As given: a `-` is read from stdin at run time.
        var ids: [String]
    }

    static let ids = Argument(0, "ID", "declarations (- reads ids from stdin)", variadic: true, completion: .records("declarations"))

    static let spec = VerbSpec(
        "declarations", "submit", summary: "submit declarations: report or rejected → submitted",
        args: [ids],
        examples: [Example("wt declarations submit d-1042 d-1043", "hand the hours to the client's approvers")],
        fields: Declaration.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options { Options(ids: ids.values(in: line)) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let ids = env.ids(o.ids)
        guard !ids.isEmpty else { throw WTError.usage("`wt declarations submit` needs at least one ID") }
        let (submitted, tx) = try env.write { uow in
            (try Declarations.submit(ids, in: uow.declarations, actor: try env.actor()), uow.tx)
        }
        try DeclarationOutput.done(
            env, submitted, read: tx, message: "submitted \(submitted.count): \(DeclarationOutput.listIds(submitted))", many: true)
    }
}
