/// `wt declarations reject ID --reason TEXT`: back to the worker, who is mailed the reason.
struct RejectDeclaration: Verb {
    struct Options: Equatable {
        var id: String
        var reason: String
    }

    static let id = Argument(0, "ID", "the declaration", completion: .records("declarations"))
    static let reason = ValueOption("reason", "TEXT", help: "what must be corrected (required)") { try TextRules.text($0, what: "--reason") }

    static let spec = VerbSpec(
        "declarations", "reject", summary: "reject a submitted declaration with a reason (mailed to the worker)",
        args: [id], options: [reason],
        examples: [Example("wt declarations reject d-1042 --reason 'Dinsdag was 6 uur, niet 8'", "send it back for correction")],
        fields: Declaration.schema.names, access: .write)

    static func options(from line: ParsedLine) throws -> Options {
        Options(id: try id.required(in: line), reason: try reason.required(in: line))
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let (d, tx) = try env.write { uow in
            let d = try Declarations.reject(o.id, reason: o.reason, in: uow.declarations, actor: try env.actor())
            // Delivered after the commit; a worker without an address is a warning, not a failure.
            uow.send(try DeclarationMail.rejection(d, reason: o.reason, in: uow.tx, env: uow.env, warn: { env.err("warning: \($0)\n") }))
            return (d, uow.tx)
        }
        try DeclarationOutput.done(env, [d], read: tx, message: "rejected \(d.id); the worker is mailed the reason", many: false)
    }
}
