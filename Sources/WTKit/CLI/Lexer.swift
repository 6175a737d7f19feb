/// A pull lexer in the manner of lexopt: the caller asks for the next item and,
/// when an option takes a value, asks for that value; so `--k=v`, `--k v`,
/// `-abc` and `-` need no table of their own here, and `--` ends options.
public struct Lexer {
    public enum Item: Equatable {
        case long(String)
        case short(Character)
        case value(String)
    }

    let args: [String]
    var index = 0
    var attached: String?        // the `v` of `--k=v`, until the caller takes or refuses it
    var shorts: [Character] = []  // the rest of a `-abc` cluster
    var optionsEnded = false

    public init(_ args: [String]) { self.args = args }

    public mutating func next() throws -> Item? {
        if let v = attached {
            throw WTError.usage("option does not take a value: \"=\(v)\"")
        }
        if !shorts.isEmpty {
            return .short(shorts.removeFirst())
        }
        guard index < args.count else { return nil }
        let arg = args[index]
        index += 1
        if optionsEnded { return .value(arg) }
        if arg == "--" {
            optionsEnded = true
            return try next()
        }
        if arg.hasPrefix("--") {
            let body = arg.dropFirst(2)
            if let eq = body.firstIndex(of: "=") {
                attached = String(body[body.index(after: eq)...])
                return .long(String(body[..<eq]))
            }
            return .long(String(body))
        }
        if arg.hasPrefix("-") && arg.count > 1 && !isNegativeNumber(arg) {
            shorts = Array(arg.dropFirst())
            return .short(shorts.removeFirst())
        }
        return .value(arg)
    }

    /// The value of the option just returned: attached (`--k=v`, `-kv`) or the next argument.
    public mutating func value(for option: String) throws -> String {
        if let v = attached {
            attached = nil
            return v
        }
        if !shorts.isEmpty {
            defer { shorts = [] }
            return String(shorts)
        }
        guard index < args.count else {
            throw WTError.usage("option \(option) needs a value")
        }
        let v = args[index]
        index += 1
        return v
    }

    /// True when the option just returned was written `--k=v`.
    public var hasAttachedValue: Bool { attached != nil }

    /// Drops an attached value a flag was given, for the error message.
    public mutating func takeAttached() -> String? {
        defer { attached = nil }
        return attached
    }

    func isNegativeNumber(_ s: String) -> Bool {
        let rest = s.dropFirst()
        return !rest.isEmpty && rest.allSatisfy { $0.isNumber || $0 == "." || $0 == "," || $0 == ":" }
    }
}
