/// The hidden `wt __complete KIND [PREFIX]`: the ids the completion scripts offer.
struct CompleteIds: Verb {
    struct Options: Equatable {
        var kind: String
        var prefix: String
    }

    static let kind = Argument(0, "KIND", "clients, departments, workers, users, hour-types, ...")
    static let prefix = Argument(1, "PREFIX", "what is typed so far", optional: true)

    static let spec = VerbSpec(
        "__complete", nil, summary: "print matching ids for the completion scripts",
        args: [kind, prefix],
        examples: [Example("wt __complete clients cl-", "the client ids that start with cl-")],
        access: .read)

    static func options(from line: ParsedLine) throws -> Options {
        Options(kind: try kind.required(in: line), prefix: (prefix.value(in: line) ?? "").lowercased())
    }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        // A completion must not break the line being typed: any failure prints nothing.
        guard let store = try? env.store(), let actor = try? env.actor(),
            let all = try? CompletionsCommand.candidates(o.kind, store, actor)
        else { return }
        env.out(all.filter { $0.lowercased().hasPrefix(o.prefix) }.map { $0 + "\n" }.joined())
    }
}
