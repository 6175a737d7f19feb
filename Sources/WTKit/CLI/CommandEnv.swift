import Foundation

/// What one run of one command works with: the parsed line, the context, and,
/// opened on first use with the lock the command declared, the store and the
/// actor. Its `write` is the one unit of work of every change.
public final class CommandEnv {
    public let ctx: Context
    public let command: CommandSpec
    public let line: ParsedLine
    private var openStore: Store?
    private var resolvedActor: Actor?

    init(ctx: Context, command: CommandSpec, line: ParsedLine) throws {
        self.ctx = ctx
        self.command = command
        self.line = line
        try Router.checkArgumentCount(line)
    }

    public var globals: GlobalOptions { line.globals }
    public var dryRun: Bool { line.globals.dryRun }
    public var quiet: Bool { line.globals.quiet }

    /// Ids as given; each `-` reads more from stdin, one per line.
    public func ids(_ given: [String]) -> [String] {
        var out: [String] = []
        for a in given {
            if a == "-" {
                while let l = ctx.stdin.readLine() {
                    let t = l.trimmingSpaces()
                    if !t.isEmpty { out.append(t) }
                }
            } else {
                out.append(a)
            }
        }
        return out
    }

    // MARK: Store

    public var storeRoot: String {
        if let s = line.globals.store, !s.isEmpty { return FileSystem.absolute(s, cwd: ctx.cwd) }
        if let s = ctx.environment["WT_STORE"], !s.isEmpty { return FileSystem.absolute(s, cwd: ctx.cwd) }
        if let x = ctx.environment["XDG_DATA_HOME"], x.hasPrefix("/") { return x + "/wt" }
        let home = ctx.environment["HOME"] ?? "/root"
        return home + "/.local/share/wt"
    }

    public func store() throws -> Store {
        if let s = openStore { return s }
        let s = try Store(
            root: storeRoot, exclusive: command.access == .write, wait: line.globals.wait,
            failpoint: Failpoint(environment: ctx.environment))
        openStore = s
        return s
    }

    /// `--client ID` checked against what the actor may see; a portal user is
    /// always held to their own client.
    public func scopedClient(_ given: String?) throws -> String? {
        let actor = try self.actor()
        if let c = given { _ = try Organisation.client(c, try store(), actor: actor) }
        return actor.portalUser?.client ?? given
    }

    // MARK: Who acts

    /// `backoffice:$USER`; where USER and LOGNAME are unset, the account's
    /// name from /etc/passwd, else `uid<N>`.
    public var backofficeName: String {
        var user = ctx.environment["USER"] ?? ctx.environment["LOGNAME"] ?? ""
        if user.isEmpty { user = CommandEnv.passwdName(uid: getuid()) ?? "" }
        return "backoffice:" + (user.isEmpty ? "uid\(getuid())" : user)
    }

    /// The name of `uid` in /etc/passwd. Read directly, not with getpwuid(3):
    /// the installed wt is linked statically, and a static glibc can only ask
    /// NSS through the shared libraries of the very glibc it was built with.
    static func passwdName(uid: uid_t, file: String = "/etc/passwd") -> String? {
        guard let bytes = try? FileSystem.read(file) else { return nil }
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let f = line.split(separator: ":", omittingEmptySubsequences: false)
            if f.count > 2, let id = uid_t(f[2]), id == uid, !f[0].isEmpty { return String(f[0]) }
        }
        return nil
    }

    /// Whom the line acts as: `--as`, else a non-empty `WT_AS`, else nobody
    /// (the back office). The one place WT_AS is read.
    public var actingAs: String? { line.globals.actAs ?? ctx.environment["WT_AS"].flatMap { $0.isEmpty ? nil : $0 } }

    /// Back office, or the portal user of `--as` / `WT_AS`, checked to be able to act.
    public func actor() throws -> Actor {
        if let a = resolvedActor { return a }
        let a: Actor
        if let email = actingAs {
            a = try AccessControl.portalActor(email: email, store: try store(), now: ctx.nowStamp)
        } else {
            a = .backoffice(backofficeName)
        }
        resolvedActor = a
        return a
    }

    /// With `--as`, resolves the actor before the command runs, so an account
    /// that may not act (not activated, disabled, locked) is refused whatever
    /// the verb, and a worker only runs the verbs `AccessControl` opens to
    /// workers. `account` verbs check the account themselves (an invited user
    /// activates with `--as` naming themselves); commands without a store
    /// (help, completions) have nobody to check.
    func authorize() throws {
        guard command.access != .none, !command.noun.hasPrefix("__"), command.noun != "account", command.noun != "init" else { return }
        guard actingAs != nil else { return }
        try AccessControl.requireMayRun(try actor(), command.path)
    }

    /// A transaction as the acting user, at the command's time.
    public func begin() throws -> Transaction {
        let a = try actor()
        return try store().begin(actor: a.name, at: ctx.nowStamp)
    }

    /// Commits, unless this is a dry run.
    public func commit(_ tx: Transaction) throws {
        if dryRun { return }
        try tx.commit()
    }

    /// The one unit of work of a change: begins a transaction as the actor,
    /// runs `body`, flushes the partitions it touched, commits (not on a dry
    /// run) and then delivers the messages it sent through their transports.
    /// `as` names the transaction's actor instead: an account verb acts as
    /// the account itself, which `actor()` may not accept yet (not activated),
    /// and mail ingest as the approver who answered.
    /// `report` runs after the commit and before delivery, for what the user
    /// must see even when a transport then fails (an activation link: the
    /// mail stays in the outbox).
    public func write<T>(
        as name: String? = nil, _ body: (UnitOfWork) throws -> T, report: ((T) throws -> Void)? = nil
    ) throws -> T {
        let tx = try name.map { try store().begin(actor: $0, at: ctx.nowStamp) } ?? begin()
        let uow = UnitOfWork(tx, env: ctx.services)
        let result = try body(uow)
        try uow.flush()
        try commit(uow.tx)
        try report?(result)
        try deliver(uow.messages)
        return result
    }

    /// Delivers messages after the commit (none on a dry run).
    public func deliver(_ messages: [OutgoingMessage]) throws {
        guard !dryRun, messages.contains(where: \.needsDelivery) else { return }
        ctx.flush()
        try Mailer.deliver(messages, env: ctx.services)
    }

    // MARK: Talking

    public func out(_ s: String) { ctx.stdout.write(s) }
    public func err(_ s: String) { ctx.stderr.write(s) }

    /// Asks before a destructive change; without a terminal `--yes` is required.
    public func confirm(_ question: String) throws {
        if line.globals.yes || dryRun { return }
        guard ctx.stdinIsTerminal else {
            throw WTError.usage("\(question) needs confirmation", hint: "add --yes to confirm without a terminal")
        }
        ctx.stderr.write("\(question) [y/N] ")
        ctx.flush()
        guard answeredYes() else { throw WTError.conflict("cancelled: nothing was changed") }
    }

    /// The answers that confirm a question asked on the terminal, in English
    /// or Dutch, in any case: the one list every prompt accepts.
    public static let confirmingAnswers: Set<String> = ["y", "yes", "j", "ja"]

    /// Reads one line of stdin after a prompt: does it confirm? End of input does not.
    public func answeredYes() -> Bool {
        CommandEnv.confirmingAnswers.contains(ctx.stdin.readLine()?.trimmingSpaces().lowercased() ?? "")
    }

    /// Bytes as they are (a PDF is not text) to a file, or to stdout when the
    /// output is nil or `-`.
    public func writeOutput(_ bytes: [UInt8], to output: String?, what: String) throws {
        guard let output, output != "-" else {
            if let fd = ctx.stdout as? FileDescriptorOutput {
                fd.writeBytes(bytes)
            } else {
                ctx.stdout.write(String(decoding: bytes, as: UTF8.self))
            }
            return
        }
        let path = FileSystem.absolute(output, cwd: ctx.cwd)
        do { try FileSystem.writeDurably(path, bytes) } catch let e as WTError {
            throw WTError.failure(e.message, hint: "check that the directory exists and is writable")
        }
        if !quiet { err("wrote \(what) (\(bytes.count) bytes) to \(path)\n") }
    }

    public func printList(_ rows: [JSON], _ schema: Schema) throws {
        out(try Renderer.list(rows, schema: schema, options: line.globals, colour: ctx.colour))
    }

    /// A list printed batch by batch as `produce` makes it (see `ListPrinter`).
    func printStream(_ schema: Schema, _ produce: (([JSON]) throws -> Void) throws -> Void) throws {
        try ListPrinter(schema: schema, options: line.globals, colour: ctx.colour, write: { self.out($0) }).print(produce)
    }

    public func printRecord(_ row: JSON, _ schema: Schema) throws {
        out(try Renderer.record(row, schema: schema, options: line.globals, colour: ctx.colour))
    }

    /// What a mutation prints: its line in table format, the changed records
    /// otherwise (an array when the verb can change several).
    public func done(_ message: String, records: [JSON], schema: Schema, many: Bool = false) throws {
        if line.globals.format == .table {
            if !quiet { out(message + "\n") }
        } else if many {
            try printList(records, schema)
        } else if let r = records.first {
            try printRecord(r, schema)
        }
        if dryRun { err("dry run: nothing was changed\n") }
    }
}
