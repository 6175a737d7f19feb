import Foundation

/// Everything a command may touch of the outside world, handed in so tests can
/// replace it: streams and whether they are terminals, the environment, the
/// clock (`WT_NOW`), randomness, and the working directory.
public final class Context {
    public var stdout: OutputStream
    public var stderr: OutputStream
    public var stdin: InputSource
    public var stdinIsTerminal: Bool
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    public var environment: [String: String]
    public var cwd: String
    public var random: RandomSource
    public var passwordHasher: PasswordHasher
    let fixedNow: Date?

    public init(
        stdout: OutputStream, stderr: OutputStream, stdin: InputSource,
        stdinIsTerminal: Bool = false, stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false,
        environment: [String: String], cwd: String, random: RandomSource, passwordHasher: PasswordHasher
    ) throws {
        self.stdout = stdout
        self.stderr = stderr
        self.stdin = stdin
        self.stdinIsTerminal = stdinIsTerminal
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.environment = environment
        self.cwd = cwd
        self.random = random
        self.passwordHasher = passwordHasher
        if let now = environment["WT_NOW"], !now.isEmpty {
            guard let d = Timestamp.parse(now) else {
                throw WTError.usage("WT_NOW=\(now) is not an ISO 8601 timestamp", hint: "use the form 2026-11-30T09:15:00Z")
            }
            fixedNow = d
        } else {
            fixedNow = nil
        }
    }

    /// The real process: file descriptors 0-2, the process environment, the system clock.
    public static func process() throws -> Context {
        try Context(
            stdout: FileDescriptorOutput(fd: 1), stderr: FileDescriptorOutput(fd: 2), stdin: StandardInput(),
            stdinIsTerminal: isatty(0) == 1, stdoutIsTerminal: isatty(1) == 1, stderrIsTerminal: isatty(2) == 1,
            environment: processEnvironment(), cwd: FileSystem.currentDirectory(),
            random: SystemRandomSource(), passwordHasher: YescryptHasher())
    }

    /// The environment from `environ`: ProcessInfo's copy sets up more of
    /// Foundation than most commands use, a third of `wt --version`'s time.
    static func processEnvironment() -> [String: String] {
        var env: [String: String] = [:]
        var p = environ
        while let entry = p.pointee {
            let pair = String(cString: entry)
            if let eq = pair.firstIndex(of: "=") {
                // The first definition wins, as for getenv(3).
                let key = String(pair[..<eq])
                if env[key] == nil { env[key] = String(pair[pair.index(after: eq)...]) }
            }
            p += 1
        }
        return env
    }

    public var now: Date { fixedNow ?? Date() }

    /// Whole seconds: the store's timestamps have no fractions.
    public var nowStamp: String { Timestamp.format(now) }

    public var today: CalendarDate { Timestamp.amsterdamDate(now) }

    /// What the workflows may take from this context.
    public var services: ServiceEnv {
        ServiceEnv(
            now: now, random: random, passwordHasher: passwordHasher, environment: environment, stderr: stderr,
            stderrIsTerminal: stderrIsTerminal)
    }

    public var colour: Bool { stdoutIsTerminal && (environment["NO_COLOR"] ?? "").isEmpty }

    public func flush() {
        (stdout as? FileDescriptorOutput)?.flush()
        (stderr as? FileDescriptorOutput)?.flush()
    }
}

extension Progress {
    /// Progress on the context's stderr, when that is a terminal.
    convenience init?(_ label: String, _ ctx: Context, after: Double = 0) {
        self.init(label, to: ctx.stderr, isTerminal: ctx.stderrIsTerminal, after: after)
    }
}
