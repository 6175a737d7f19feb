/// The one error type of `wt`. The message says what failed and why; the hint what to do.
/// Its kind says what sort of failure it is; the CLI maps the kind to the exit
/// status (CLI/ExitCode.swift), so no rule here decides a process status.
public struct WTError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable, Equatable {
        case failure, usage, notFound, conflict, denied, invalid, busy, damaged, interrupted
    }

    public var kind: Kind
    public var message: String
    public var hint: String?

    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.map { "\(message)\nhint: \($0)" } ?? message }

    public static func usage(_ m: String, hint: String? = nil) -> WTError { WTError(.usage, m, hint: hint) }
    public static func notFound(_ m: String, hint: String? = nil) -> WTError { WTError(.notFound, m, hint: hint) }
    public static func conflict(_ m: String, hint: String? = nil) -> WTError { WTError(.conflict, m, hint: hint) }
    public static func denied(_ m: String, hint: String? = nil) -> WTError { WTError(.denied, m, hint: hint) }
    public static func invalid(_ m: String, hint: String? = nil) -> WTError { WTError(.invalid, m, hint: hint) }
    public static func failure(_ m: String, hint: String? = nil) -> WTError { WTError(.failure, m, hint: hint) }
    public static func damaged(_ m: String, hint: String? = nil) -> WTError { WTError(.damaged, m, hint: hint) }
    public static func busy(_ m: String, hint: String? = nil) -> WTError { WTError(.busy, m, hint: hint) }
}
