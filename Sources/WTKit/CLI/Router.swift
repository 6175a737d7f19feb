public enum OutputFormat: String, Sendable, CaseIterable {
    case table, json, jsonl, csv, tsv
}

public struct GlobalOptions {
    public var store: String?
    public var actAs: String?
    public var format: OutputFormat = .table
    public var formatGiven = false
    /// A format only some commands know (`invoices show --format ubl`).
    public var extraFormat: String?
    public var fields: [String] = []
    public var noHeader = false
    public var quiet = false
    public var yes = false
    public var dryRun = false
    public var wait: Double = 10
    public var help = false
    public var version = false
}

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

    static func parseOptions(_ args: [String], command: CommandSpec?, into line: inout ParsedLine) throws {
        let specs = GlobalOptionSpecs.all + (command?.options ?? [])
        var lexer = Lexer(args)
        while let item = try lexer.next() {
            let spec: OptionSpec
            let written: String
            switch item {
            case .value(let v):
                line.positionals.append(v)
                continue
            case .long(let name):
                written = "--\(name)"
                guard let s = specs.first(where: { $0.name == name }) else {
                    let names = specs.map(\.name)
                    throw WTError.usage(
                        "unknown option \(written)" + (command.map { " for `wt \($0.path)`" } ?? ""),
                        hint: suggestion(for: name, among: names).map { "did you mean --\($0)?" }
                            ?? "run `wt \(command?.path ?? "") --help` for its options")
                }
                spec = s
            case .short(let c):
                written = "-\(c)"
                guard let s = specs.first(where: { $0.short == c }) else {
                    throw WTError.usage(
                        "unknown option -\(c)" + (command.map { " for `wt \($0.path)`" } ?? ""),
                        hint: "run `wt \(command?.path ?? "") --help` for its options")
                }
                spec = s
            }
            if spec.takesValue {
                let v = try lexer.value(for: written)
                try apply(spec, value: v, written: written, into: &line)
            } else {
                if case .long = item, lexer.hasAttachedValue {
                    let v = lexer.takeAttached() ?? ""
                    throw WTError.usage("option \(written) is a flag and takes no value (got \"\(v)\")")
                }
                try apply(spec, value: nil, written: written, into: &line)
            }
        }
    }

    static func apply(_ spec: OptionSpec, value: String?, written: String, into line: inout ParsedLine) throws {
        var g = line.globals
        switch spec.name {
        case "store": g.store = value
        case "as": g.actAs = value
        case "format":
            guard let f = OutputFormat(rawValue: value ?? "") else {
                if let command = line.command, command.extraFormats.contains(value ?? "") {
                    g.extraFormat = value
                    g.formatGiven = true
                    break
                }
                let known = GlobalOptionSpecs.formats + (line.command?.extraFormats ?? [])
                throw WTError.usage(
                    "unknown format \"\(value ?? "")\"",
                    hint: suggestion(for: value ?? "", among: known).map { "did you mean --format \($0)?" }
                        ?? "formats: \(known.joined(separator: ", "))")
            }
            // `invoices show` has formats of its own beyond the global ones.
            g.format = f
            g.extraFormat = nil
            g.formatGiven = true
        case "json":
            g.format = .json
            g.formatGiven = true
        case "fields":
            // Empty names are kept, so `id,,name` and `id,` are refused below rather than read as `id,name`.
            let names = (value ?? "").split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingSpaces() }
            guard !names.isEmpty, !names.contains("") else {
                throw WTError.usage("--fields needs a comma-separated list of field names, e.g. --fields id,status")
            }
            g.fields += names
        case "no-header": g.noHeader = true
        case "quiet": g.quiet = true
        case "yes": g.yes = true
        case "dry-run": g.dryRun = true
        case "wait":
            guard let s = value, let w = Double(s), w >= 0, w <= 86400 else {
                throw WTError.usage("--wait needs a number of seconds from 0 to 86400, got \"\(value ?? "")\"")
            }
            g.wait = w
        case "help": g.help = true
        case "version": g.version = true
        default:
            if let v = value {
                if spec.list {
                    let parts = v.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                    line.values[spec.name, default: []] += parts
                } else {
                    if line.values[spec.name] != nil {
                        throw WTError.usage("option \(written) given twice")
                    }
                    line.values[spec.name] = [v]
                }
            } else {
                line.flags.insert(spec.name)
            }
        }
        line.globals = g
    }
}

import Foundation
