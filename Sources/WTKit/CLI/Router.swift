/// The command line, parsed against the command table.
public struct ParsedLine {
    public var noun: NounSpec?
    public var command: CommandSpec?
    public var globals = GlobalOptions()
    public var positionals: [String] = []
    public var values: [String: [String]] = [:]
    public var flags: Set<String> = []
}

public enum Router {
    /// Parses in two passes: the first finds the noun and verb (skipping option
    /// values, whichever command they belong to); the second parses the whole
    /// line against that command's options plus the global ones, so options may
    /// stand anywhere.
    public static func parse(_ args: [String], table: [NounSpec]) throws -> ParsedLine {
        var line = ParsedLine()
        let allOptions = GlobalOptionSpecs.all + table.flatMap { $0.commands.flatMap(\.options) }
        let words = try findWords(args, options: allOptions)
        guard let nounWord = words.first else {
            // `wt`, `wt --help` or `wt --version`
            try parseOptions(args, command: nil, into: &line)
            return line
        }
        guard let noun = table.first(where: { $0.name == nounWord }) else {
            let visible = table.filter { !$0.hidden }.map(\.name)
            throw WTError.usage(
                "unknown command \"\(nounWord)\"",
                hint: suggestion(for: nounWord, among: visible).map { "did you mean `wt \($0)`?" }
                    ?? "run `wt help` for the list of commands")
        }
        line.noun = noun
        if noun.isLeaf {
            line.command = noun.commands[0]
        } else if words.count > 1 {
            let verb = words[1]
            guard let command = noun.command(verb) else {
                let verbs = noun.commands.compactMap(\.verb)
                throw WTError.usage(
                    "unknown command \"\(noun.name) \(verb)\"",
                    hint: suggestion(for: verb, among: verbs).map { "did you mean `wt \(noun.name) \($0)`?" }
                        ?? "`\(noun.name)` takes: \(verbs.joined(separator: ", "))")
            }
            line.command = command
        }
        try parseOptions(args, command: line.command, into: &line)
        // Drop the noun and verb from the positionals.
        let consumed = line.command?.verb == nil ? 1 : 2
        if line.command != nil || noun.isLeaf {
            line.positionals.removeFirst(min(consumed, line.positionals.count))
        } else {
            line.positionals.removeFirst(min(1, line.positionals.count))
        }
        return line
    }

    /// Refuses a line with too few or too many arguments for its command.
    static func checkArgumentCount(_ line: ParsedLine) throws {
        guard let command = line.command else { return }
        let given = line.positionals.count
        let required = command.args.filter { !$0.optional }.count
        let variadic = command.args.contains { $0.variadic }
        if given < required {
            let missing = command.args.filter { !$0.optional }[given]
            throw WTError.usage("`wt \(command.path)` needs \(missing.name): \(missing.help)", hint: "usage: \(command.synopsis)")
        }
        if !variadic && given > command.args.count {
            let extra = line.positionals[command.args.count]
            throw WTError.usage("unexpected argument \"\(extra)\" for `wt \(command.path)`", hint: "usage: \(command.synopsis)")
        }
    }

    static func findWords(_ args: [String], options: [OptionSpec]) throws -> [String] {
        var lexer = Lexer(args)
        var words: [String] = []
        while let item = try? lexer.next(), words.count < 2 {
            switch item {
            case .value(let v): words.append(v)
            case .long(let name):
                if lexer.hasAttachedValue { _ = lexer.takeAttached(); continue }
                if options.contains(where: { $0.name == name && $0.takesValue }) { _ = try? lexer.value(for: name) }
            case .short(let c):
                if options.contains(where: { $0.short == c && $0.takesValue }) { _ = try? lexer.value(for: "-\(c)") }
            }
        }
        return words
    }

    /// An option the line may give: a global one, or one of its command's.
    enum LineOption {
        case global(GlobalOption)
        case command(OptionSpec)

        var spec: OptionSpec {
            switch self {
            case .global(let g): g.spec
            case .command(let s): s
            }
        }
    }

    static func parseOptions(_ args: [String], command: CommandSpec?, into line: inout ParsedLine) throws {
        // The global ones first: they win a name a command would also declare.
        let options = GlobalOption.all.map(LineOption.global) + (command?.options ?? []).map(LineOption.command)
        var lexer = Lexer(args)
        while let item = try lexer.next() {
            let option: LineOption
            let written: String
            switch item {
            case .value(let v):
                line.positionals.append(v)
                continue
            case .long(let name):
                written = "--\(name)"
                guard let o = options.first(where: { $0.spec.name == name }) else {
                    let names = options.map(\.spec.name)
                    throw WTError.usage(
                        "unknown option \(written)" + (command.map { " for `wt \($0.path)`" } ?? ""),
                        hint: suggestion(for: name, among: names).map { "did you mean --\($0)?" }
                            ?? "run `wt \(command?.path ?? "") --help` for its options")
                }
                option = o
            case .short(let c):
                written = "-\(c)"
                guard let o = options.first(where: { $0.spec.short == c }) else {
                    throw WTError.usage(
                        "unknown option -\(c)" + (command.map { " for `wt \($0.path)`" } ?? ""),
                        hint: "run `wt \(command?.path ?? "") --help` for its options")
                }
                option = o
            }
            if option.spec.takesValue {
                let v = try lexer.value(for: written)
                try apply(option, value: v, written: written, into: &line)
            } else {
                if case .long = item, lexer.hasAttachedValue {
                    let v = lexer.takeAttached() ?? ""
                    throw WTError.usage("option \(written) is a flag and takes no value (got \"\(v)\")")
                }
                try apply(option, value: nil, written: written, into: &line)
            }
        }
    }

    /// A global option sets its field through its declaration; a command's option is kept
    /// by name for the verb's declarations to read.
    static func apply(_ option: LineOption, value: String?, written: String, into line: inout ParsedLine) throws {
        switch option {
        case .global(let g):
            try g.apply(&line.globals, value, line.command)
        case .command(let spec):
            guard let v = value else {
                line.flags.insert(spec.name)
                return
            }
            if spec.list {
                let parts = v.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                line.values[spec.name, default: []] += parts
            } else {
                if line.values[spec.name] != nil {
                    throw WTError.usage("option \(written) given twice")
                }
                line.values[spec.name] = [v]
            }
        }
    }
}

import Foundation
