/// The one description of the command line. The parser, `wt help`, the man
/// pages and the shell completions are all generated from these values, so
/// they cannot disagree.

/// What a shell may complete for a value.
public enum Completion: Sendable, Equatable {
    case none
    case choices([String])
    /// Ids or e-mail addresses read from the store by the hidden `wt __complete` helper.
    case records(String)
    case file
    case directory
}

public struct OptionSpec: Sendable {
    public let name: String
    public let short: Character?
    /// The value's placeholder (`WEEK`); nil for a flag.
    public let value: String?
    /// A list option accumulates: repeated and comma-separated values.
    public let list: Bool
    public let help: String
    public let completion: Completion

    public init(
        _ name: String, short: Character? = nil, value: String? = nil, list: Bool = false, help: String,
        completion: Completion = .none
    ) {
        self.name = name
        self.short = short
        self.value = value
        self.list = list
        self.help = help
        self.completion = completion
    }

    public var takesValue: Bool { value != nil }

    public var synopsis: String {
        value.map { "--\(name) \($0)" + (list ? "[,...]" : "") } ?? "--\(name)"
    }
}

public struct ArgSpec: Sendable {
    public let name: String
    public let help: String
    public let optional: Bool
    public let variadic: Bool
    public let completion: Completion

    public init(_ name: String, _ help: String, optional: Bool = false, variadic: Bool = false, completion: Completion = .none) {
        self.name = name
        self.help = help
        self.optional = optional
        self.variadic = variadic
        self.completion = completion
    }

    public var synopsis: String {
        let core = variadic ? "\(name)..." : name
        return optional ? "[\(core)]" : core
    }
}

public struct Example: Sendable {
    public let command: String
    public let explanation: String
    public init(_ command: String, _ explanation: String) {
        self.command = command
        self.explanation = explanation
    }
}

/// What a command needs of the store: the lock it takes.
public enum StoreAccess: Sendable {
    case none, read, write
}

public typealias CommandHandler = @Sendable (CommandEnv) throws -> Void

public struct CommandSpec: Sendable {
    public let noun: String
    public let verb: String?
    public let summary: String
    public let details: String?
    public let args: [ArgSpec]
    public let options: [OptionSpec]
    public let examples: [Example]
    /// The JSON fields of what the command prints, for help and man pages.
    public let fields: [String]
    public let access: StoreAccess
    public let hidden: Bool
    /// Output formats beyond the global ones (`invoices show`: text, ubl, pdf).
    public let extraFormats: [String]
    public let run: CommandHandler

    public init(
        _ noun: String, _ verb: String?, summary: String, details: String? = nil, args: [ArgSpec] = [],
        options: [OptionSpec] = [], examples: [Example], fields: [String] = [], access: StoreAccess,
        hidden: Bool = false, extraFormats: [String] = [], run: @escaping CommandHandler
    ) {
        self.extraFormats = extraFormats
        self.noun = noun
        self.verb = verb
        self.summary = summary
        self.details = details
        self.args = args
        self.options = options
        self.examples = examples
        self.fields = fields
        self.access = access
        self.hidden = hidden
        self.run = run
    }

    public var path: String { verb.map { "\(noun) \($0)" } ?? noun }

    public var synopsis: String {
        var parts = ["wt", path]
        parts += args.map(\.synopsis)
        parts += options.map { "[\($0.synopsis)]" }
        return parts.joined(separator: " ")
    }
}

public struct NounSpec: Sendable {
    public let name: String
    public let summary: String
    public let details: String
    public let commands: [CommandSpec]
    public let hidden: Bool
    /// Sections of the noun's man page after DESCRIPTION (title, text).
    public let sections: [(title: String, text: String)]

    public init(
        _ name: String, summary: String, details: String, sections: [(title: String, text: String)] = [], hidden: Bool = false,
        commands: [CommandSpec]
    ) {
        self.name = name
        self.summary = summary
        self.details = details
        self.sections = sections
        self.hidden = hidden
        self.commands = commands
    }

    /// A noun that is itself the command (`wt status`), not a group of verbs.
    public var isLeaf: Bool { commands.count == 1 && commands[0].verb == nil }

    public func command(_ verb: String?) -> CommandSpec? { commands.first { $0.verb == verb } }
}

/// The global options' specs, for help, man pages, completions and the router's first
/// pass; each is declared, with how it is applied, in `GlobalOption`.
public enum GlobalOptionSpecs {
    public static let formats = OutputFormat.allCases.map(\.rawValue)
    public static let all: [OptionSpec] = GlobalOption.all.map(\.spec)
}
