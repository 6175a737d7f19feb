import Foundation

/// What a workflow may take from the outside world: the clock (`WT_NOW`),
/// randomness, the password hasher, and the environment the mail and SMS
/// programs run in. Services get this, never the CLI's `Context`, so they
/// can run (and be tested) without a command line.
public struct ServiceEnv {
    public let now: Date
    public let random: RandomSource
    public let passwordHasher: PasswordHasher
    public let environment: [String: String]
    /// Where a workflow reports what does not stop it (warnings), and shows
    /// progress when it is a terminal.
    public let stderr: OutputStream
    public let stderrIsTerminal: Bool

    public init(
        now: Date, random: RandomSource, passwordHasher: PasswordHasher, environment: [String: String], stderr: OutputStream,
        stderrIsTerminal: Bool
    ) {
        self.now = now
        self.random = random
        self.passwordHasher = passwordHasher
        self.environment = environment
        self.stderr = stderr
        self.stderrIsTerminal = stderrIsTerminal
    }

    /// Progress of long work on stderr, when it is a terminal.
    public func progress(_ label: String, after: Double = 0) -> Progress? {
        Progress(label, to: stderr, isTerminal: stderrIsTerminal, after: after)
    }

    /// Whole seconds: the store's timestamps have no fractions.
    public var nowStamp: String { Timestamp.format(now) }

    public var today: CalendarDate { Timestamp.amsterdamDate(now) }
}

/// One change: the transaction, the declaration partitions it touches and the
/// messages it sends. `CommandEnv.write` makes one, hands it to the verb, and
/// then flushes the partitions, commits (unless `--dry-run`) and delivers the
/// messages, so no verb or service can forget a step.
public final class UnitOfWork {
    public let tx: Transaction
    public let env: ServiceEnv
    private var declarationSet: DeclarationSet?
    public private(set) var messages: [OutgoingMessage] = []

    public init(_ tx: Transaction, env: ServiceEnv) {
        self.tx = tx
        self.env = env
    }

    /// The declarations of this change, read and written through one set.
    public var declarations: DeclarationSet {
        if let s = declarationSet { return s }
        let s = DeclarationSet(tx)
        declarationSet = s
        return s
    }

    public func send(_ m: OutgoingMessage?) { if let m { messages.append(m) } }
    public func send(_ ms: [OutgoingMessage]) { messages += ms }

    /// Writes what the partitions hold into the transaction; `CommandEnv.write` calls it.
    func flush() throws { try declarationSet?.flush() }
}
