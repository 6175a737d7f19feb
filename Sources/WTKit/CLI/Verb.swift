/// A verb of `wt` as a named type: its options parsed once into a typed
/// value (`options(from:)`, pure, so tests check argv → Options in process),
/// and a run that takes those options and the command's environment.
///
/// `spec` describes the verb for the parser, help, man pages and completions;
/// its `options` are the same declarations `options(from:)` reads, so the
/// two cannot disagree.
public protocol Verb {
    associatedtype Options
    static var spec: VerbSpec { get }
    static func options(from line: ParsedLine) throws -> Options
    static func run(_ options: Options, _ env: CommandEnv) throws
}

/// What help, man pages and completions show of a verb.
public struct VerbSpec: Sendable {
    public let noun: String
    public let verb: String?
    public let summary: String
    public let details: String?
    public let args: [Argument]
    public let options: [any OptionDeclaration]
    public let examples: [Example]
    public let fields: [String]
    public let access: StoreAccess
    public let hidden: Bool
    public let extraFormats: [String]

    public init(
        _ noun: String, _ verb: String?, summary: String, details: String? = nil, args: [Argument] = [],
        options: [any OptionDeclaration] = [], examples: [Example], fields: [String] = [], access: StoreAccess,
        hidden: Bool = false, extraFormats: [String] = []
    ) {
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
        self.extraFormats = extraFormats
    }
}

extension Verb {
    /// The entry of the command table.
    public static var command: CommandSpec {
        let s = spec
        return CommandSpec(
            s.noun, s.verb, summary: s.summary, details: s.details, args: s.args.map(\.spec), options: s.options.map(\.spec),
            examples: s.examples, fields: s.fields, access: s.access, hidden: s.hidden, extraFormats: s.extraFormats
        ) { env in try run(try options(from: env.line), env) }
    }

    /// argv (without `wt`) → Options, exactly as a run parses it: the router,
    /// the argument count, then the verb's own reading. For tests.
    public static func parse(_ argv: [String]) throws -> Options {
        let line = try Router.parse(argv, table: CommandTable.all)
        guard let c = line.command, c.noun == spec.noun, c.verb == spec.verb else {
            throw WTError.usage("\(argv.joined(separator: " ")) is not `wt \(spec.noun) \(spec.verb ?? "")`")
        }
        try Router.checkArgumentCount(line)
        return try options(from: line)
    }
}

/// The options of a verb whose whole input is one record's id (`wt clients show ID`).
public struct RecordID: Equatable, Sendable {
    public var id: String
    public init(id: String) { self.id = id }
}

/// A verb that takes one record's id and nothing else: its options are that id, read
/// from `id` the one way; the argument's help and completion, the spec and the run
/// stay the verb's own.
public protocol RecordIDVerb: Verb where Options == RecordID {
    static var id: Argument { get }
}

extension RecordIDVerb {
    public static func options(from line: ParsedLine) throws -> RecordID { RecordID(id: try id.required(in: line)) }
}
