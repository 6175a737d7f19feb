/// Options declared once: each constant carries the `OptionSpec` that the
/// parser, help, man pages and completions read, and the parse of its value.
/// A verb reads its options through these constants, never by a name string,
/// so a misspelt option is a compile error, not a silent nil.

/// Anything a verb lists among its options.
public protocol OptionDeclaration: Sendable {
    var spec: OptionSpec { get }
}

/// Puts `--name: ` before the message of an error a value's parse throws, in
/// the one place that does so.
func prefixed<T>(_ spec: OptionSpec, _ body: () throws -> T) throws -> T {
    do { return try body() } catch let e as WTError {
        let prefix = "--\(spec.name): "
        throw e.message.hasPrefix(prefix) || e.message.hasPrefix("--\(spec.name) ") ? e : WTError(e.kind, prefix + e.message, hint: e.hint)
    }
}

/// An option with one value (`--week 2026-W48`); given twice is a usage error.
public struct ValueOption<Value>: OptionDeclaration {
    public let spec: OptionSpec
    let parse: @Sendable (String) throws -> Value

    public init(
        _ name: String, short: Character? = nil, _ placeholder: String, help: String, completion: Completion = .none,
        parse: @escaping @Sendable (String) throws -> Value
    ) {
        spec = OptionSpec(name, short: short, value: placeholder, help: help, completion: completion)
        self.parse = parse
    }

    public func raw(in line: ParsedLine) -> String? { line.values[spec.name]?.last }

    public func value(in line: ParsedLine) throws -> Value? {
        guard let raw = raw(in: line) else { return nil }
        return try prefixed(spec) { try parse(raw) }
    }

    public func isGiven(in line: ParsedLine) -> Bool { line.values[spec.name] != nil }

    /// The value, or a usage error naming the option and the verb's synopsis.
    public func required(in line: ParsedLine) throws -> Value {
        guard let v = try value(in: line) else {
            let path = line.command?.path ?? ""
            throw WTError.usage(
                "`wt \(path)` needs \(spec.synopsis)", hint: line.command.map { "usage: \($0.synopsis)" })
        }
        return v
    }
}

extension ValueOption where Value == String {
    /// Text taken as given; the verb's service checks it.
    public init(_ name: String, short: Character? = nil, _ placeholder: String, help: String, completion: Completion = .none) {
        self.init(name, short: short, placeholder, help: help, completion: completion) { $0 }
    }
}

/// An option that accumulates: repeated and comma-separated (`--status a,b`).
public struct ListOption<Value>: OptionDeclaration {
    public let spec: OptionSpec
    let parse: @Sendable (String) throws -> Value

    public init(
        _ name: String, _ placeholder: String, help: String, completion: Completion = .none,
        parse: @escaping @Sendable (String) throws -> Value
    ) {
        spec = OptionSpec(name, value: placeholder, list: true, help: help, completion: completion)
        self.parse = parse
    }

    /// Every value given, trimmed; an empty one is refused.
    public func values(in line: ParsedLine) throws -> [Value] {
        let raw = line.values[spec.name] ?? []
        if raw.contains(where: { $0.trimmingSpaces().isEmpty }) { throw WTError.usage("--\(spec.name) has an empty value") }
        return try raw.map { v in try prefixed(spec) { try parse(v.trimmingSpaces()) } }
    }
}

extension ListOption where Value == String {
    public init(_ name: String, _ placeholder: String, help: String, completion: Completion = .none) {
        self.init(name, placeholder, help: help, completion: completion) { $0 }
    }
}

/// A flag (`--all`): present or not, never with a value.
public struct FlagOption: OptionDeclaration {
    public let spec: OptionSpec

    public init(_ name: String, short: Character? = nil, help: String) {
        spec = OptionSpec(name, short: short, help: help)
    }

    public func isSet(in line: ParsedLine) -> Bool { line.flags.contains(spec.name) }
}

/// A positional argument: its `ArgSpec` and how the verb reads it.
public struct Argument: Sendable {
    public let spec: ArgSpec
    public let index: Int

    public init(_ index: Int, _ name: String, _ help: String, optional: Bool = false, variadic: Bool = false, completion: Completion = .none) {
        spec = ArgSpec(name, help, optional: optional, variadic: variadic, completion: completion)
        self.index = index
    }

    /// The argument as given; the router has already refused a missing required one.
    public func value(in line: ParsedLine) -> String? { index < line.positionals.count ? line.positionals[index] : nil }

    public func required(in line: ParsedLine) throws -> String {
        guard let v = value(in: line) else {
            throw WTError.usage("`wt \(line.command?.path ?? "")` needs \(spec.name): \(spec.help)", hint: line.command.map { "usage: \($0.synopsis)" })
        }
        return v
    }

    /// This argument and every one after it (a variadic list of ids, `-` kept
    /// for the run to read from stdin).
    public func values(in line: ParsedLine) -> [String] { Array(line.positionals.dropFirst(index)) }
}
