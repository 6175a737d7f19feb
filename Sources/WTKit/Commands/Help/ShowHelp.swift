/// `wt help [COMMAND [VERB]]`: the overview, a noun's verbs, or one verb.
struct ShowHelp: Verb {
    struct Options: Equatable {
        var command: String?
        var verb: String?
    }

    static let command = Argument(0, "COMMAND", "a command such as declarations", optional: true)
    static let verb = Argument(1, "VERB", "one of its verbs", optional: true)

    static let spec = VerbSpec(
        "help", nil, summary: "explain wt, a command, or a verb",
        args: [command, verb],
        examples: [Example("wt help declarations approve", "how to approve declarations")],
        access: .none)

    static func options(from line: ParsedLine) throws -> Options { Options(command: command.value(in: line), verb: verb.value(in: line)) }

    static func run(_ o: Options, _ env: CommandEnv) throws {
        let table = CommandTable.all
        guard let name = o.command else { return env.out(Help.overview(table)) }
        guard let n = table.first(where: { $0.name == name }) else {
            throw WTError.usage(
                "unknown command \"\(RecordKind.printable(name))\"",
                hint: suggestion(for: name, among: table.map(\.name)).map { "did you mean `wt help \($0)`?" } ?? "run `wt help`")
        }
        guard let verb = o.verb, !n.isLeaf else { return env.out(Help.noun(n)) }
        guard let c = n.command(verb) else {
            throw WTError.usage(
                "unknown command \"\(name) \(RecordKind.printable(verb))\"",
                hint: suggestion(for: verb, among: n.commands.compactMap(\.verb)).map { "did you mean `wt help \(name) \($0)`?" }
                    ?? "`wt help \(name)` lists its verbs")
        }
        env.out(Help.command(c, noun: n))
    }
}
