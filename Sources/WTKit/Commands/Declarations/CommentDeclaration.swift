/// `wt declarations comment ID TEXT`
struct CommentDeclaration: Verb {
    struct Options: Equatable {
        var id: String
        var text: String
    }

    static let id = Argument(0, "ID", "the declaration", completion: .records("declarations"))
    static let text = Argument(1, "TEXT", "the comment")

    static let spec = VerbSpec(
        "declarations", "comment", summary: "add a comment to a declaration",
        args: [id, text],
        examples: [Example("wt declarations comment d-1042 'Pauze niet afgetrokken?'", "a question to the back office")],
        fields: Declaration.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        let id = try id.required(in: line)
        return Options(id: id, text: try TextRules.text(try text.required(in: line), what: "the comment"))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let (d, tx) = try env.write { uow in
            (try Declarations.comment(o.id, text: o.text, in: uow.declarations, actor: try env.actor()), uow.tx)
        }
        try DeclarationOutput.done(env, [d], read: tx, message: "commented on \(d.id)", many: false)
    }
}
