/// Portal accounts (SPEC §4): invitations with one-time activation links,
/// passwords under the policy and its history, logins with lockout.
///
/// Secrets: an activation token is 256 random bits, mailed once and stored only
/// as its SHA-256 (in the user and in `users/tokens/<first two hex digits>.json`,
/// which maps each hash ever issued to its user and state, so a used or
/// superseded link is told apart from an unknown one). Passwords are stored only
/// as yescrypt hashes. No secret reaches the audit trail or any output but the
/// activation mail and the `invite` command's own output.
public enum Accounts {
    public static let tokenDir = "users/tokens"

    /// What an invitation produced. The token exists only here and in the mail.
    public struct Invitation {
        public let user: User
        public let token: String
        public let link: String
        public let message: OutgoingMessage
    }

    /// What a password check came to. A denial is thrown by the caller after
    /// committing, so a failed attempt is counted durably.
    public struct Outcome {
        public let user: User
        public let denial: WTError?
    }

    // MARK: Back office

    /// E-mail addresses of users compare without case: they are stored in lower case.
    public static func normalizeEmail(_ raw: String) throws -> String {
        let address = try Email.normalize(raw).lowercased()
        _ = try MailAddress(validating: address)
        return address
    }

    public static func invite(
        email raw: String, name: String, client: String, phone: String?, roles: [Role], departments: [String],
        in tx: Transaction, env: ServiceEnv, actor: Actor
    ) throws -> Invitation {
        try AccessControl.requireBackoffice(actor, toDo: "invite users")
        let email = try normalizeEmail(raw)
        let c = try Organisation.client(client, tx, actor: actor)
        if let other = try UserDirectory.find(email, tx) {
            throw WTError.conflict(
                "\(email) is already user \(other.id) of \(other.client) (\(other.effectiveStatus(now: tx.at)))",
                hint: other.status == .invited ? "send a new link with `wt users reinvite \(email)`" : nil)
        }
        var scope: [String] = []
        for id in departments where !scope.contains(id) {
            let d = try Organisation.department(id, tx, actor: actor)
            guard d.client == c.id else {
                throw WTError.invalid("department \(d.id) (\(d.name)) belongs to client \(d.client), not to \(c.id)",
                    hint: "`wt departments list --client \(c.id)` shows that client's departments")
            }
            scope.append(id)
        }
        var user = User(
            id: try IdAllocator.next(RecordKind.user.rawValue, in: tx), email: email, name: name, client: c.id, phone: phone,
            roles: roles.isEmpty ? [.viewer] : roles, departments: scope, createdAt: tx.at)
        let token = try issueToken(&user, in: tx, random: env.random)
        let (link, message) = try sendActivationMail(user, token: token, in: tx, env: env)
        try UserDirectory.save(user, in: tx)
        tx.record("user.invite", user.id, [
            "email": .string(email), "client": .string(c.id), "roles": JSON(user.roles.map(\.rawValue)),
            "departments": JSON(scope), "message": .string(message.id), "expiresAt": .string(user.activation!.expiresAt),
        ])
        return Invitation(user: user, token: token, link: link, message: message)
    }

    /// A new link for a user who has not activated yet; every earlier link dies.
    public static func reinvite(_ key: String, in tx: Transaction, env: ServiceEnv, actor: Actor) throws -> Invitation {
        try AccessControl.requireBackoffice(actor, toDo: "reinvite users")
        var user = try UserDirectory.require(key, tx)
        switch user.status {
        case .active:
            throw WTError.conflict("\(user.email) has already activated the account", hint: "they log in with their password; `wt account passwd` changes it")
        case .disabled:
            throw WTError.conflict("\(user.email) is disabled", hint: "enable the account first: wt users enable \(user.email)")
        case .invited: break
        }
        let token = try issueToken(&user, in: tx, random: env.random)
        let (link, message) = try sendActivationMail(user, token: token, in: tx, env: env)
        try UserDirectory.save(user, in: tx)
        tx.record("user.reinvite", user.id, ["message": .string(message.id), "expiresAt": .string(user.activation!.expiresAt)])
        return Invitation(user: user, token: token, link: link, message: message)
    }

    public enum Change: String, Sendable { case disable, enable, unlock }

    /// Disables, enables or unlocks; returns the user and whether anything changed.
    public static func change(_ change: Change, _ key: String, in tx: Transaction, actor: Actor) throws -> (User, Bool) {
        try AccessControl.requireBackoffice(actor, toDo: "\(change.rawValue) users")
        var user = try UserDirectory.require(key, tx)
        switch change {
        case .disable:
            guard user.status != .disabled else { return (user, false) }
            user.status = .disabled
        case .enable:
            guard user.status == .disabled else { return (user, false) }
            user.status = user.passwordHash == nil ? .invited : .active
        case .unlock:
            guard user.lockedUntil != nil || user.failedLogins > 0 else { return (user, false) }
            user.lockedUntil = nil
            user.failedLogins = 0
        }
        try UserDirectory.save(user, in: tx)
        tx.record("user.\(change.rawValue)", user.id, ["status": .string(user.status.rawValue)])
        return (user, true)
    }

    // MARK: Activation

    /// The token in an argument that is the token itself or the whole link.
    public static func token(fromArgument raw: String) -> String {
        var t = raw.trimmingSpacesAndNewlines()
        if let r = t.range(of: "/deeplink/index/") {
            t = String(t[r.upperBound...])
        } else if t.contains("://") {
            t = String(t.split(separator: "/").last ?? "")
        }
        if let cut = t.firstIndex(where: { $0 == "?" || $0 == "#" || $0 == "/" }) { t = String(t[..<cut]) }
        return t
    }

    /// The user a token activates, if it may still be used: unknown → 3; used,
    /// superseded or expired → 4; a disabled account → 5.
    public static func userForToken(_ token: String, _ r: StoreReader, now: String) throws -> User {
        let base64url = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
        guard token.count == 43, token.allSatisfy({ base64url.contains($0) }) else {
            throw WTError.notFound("that is not an activation token or link",
                hint: "give the link from the activation mail, the token at its end, or - to read it from stdin")
        }
        let hash = Secrets.tokenHash(token)
        guard let entry = try tokens(tokenFile(hash), r)[hash] else {
            throw WTError.notFound("unknown activation link", hint: "check that the whole link was copied, or send a new one with `wt users reinvite`")
        }
        let user = try UserDirectory.require(entry.user, r)
        switch entry.state {
        case .used:
            throw WTError.conflict("this activation link was already used (\(user.email) activated on \(Timestamp.local(entry.at)))",
                hint: "log in with the password chosen then; `wt account passwd \(user.email)` changes it")
        case .superseded:
            throw WTError.conflict("this activation link was replaced by a newer one (sent \(Timestamp.local(entry.at)))",
                hint: "use the link of the latest activation mail to \(user.email)")
        case .open:
            break
        }
        guard let a = user.activation, Secrets.constantTimeEquals(Array(a.tokenHash.utf8), Array(hash.utf8)) else {
            throw WTError.conflict("this activation link is no longer valid", hint: "send a new one with `wt users reinvite \(user.email)`")
        }
        guard now < a.expiresAt else {
            throw WTError.conflict("this activation link expired on \(Timestamp.local(a.expiresAt))",
                hint: "ask the back office for a new link: wt users reinvite \(user.email)")
        }
        if user.status == .disabled {
            throw WTError.denied("\(user.email) cannot activate: the account is disabled", hint: "ask the back office to enable it")
        }
        return user
    }

    /// Sets the first password and activates. A password that breaks the
    /// policy (6) changes nothing, so the link stays usable.
    public static func activate(token: String, password: String, in tx: Transaction, env: ServiceEnv) throws -> User {
        var user = try userForToken(token, tx, now: tx.at)
        let config = try Config.load(tx)
        try config.passwordPolicy.check(password)
        let hash = user.activation!.tokenHash
        user.passwordHash = try env.passwordHasher.hash(password)
        user.passwordHistory = []
        user.passwordChangedAt = tx.at
        user.status = .active
        user.activatedAt = tx.at
        user.activation = nil
        user.failedLogins = 0
        user.lockedUntil = nil
        try setToken(hash, TokenEntry(user: user.id, state: .used, at: tx.at), in: tx)
        try UserDirectory.save(user, in: tx)
        tx.record("user.activate", user.id)
        return user
    }

    // MARK: Passwords

    /// Checks a password; 5 for a disabled, not activated, locked or expired
    /// account or a wrong password. Failures count towards the lock.
    public static func login(_ key: String, password: String, in tx: Transaction, env: ServiceEnv) throws -> Outcome {
        var user = try UserDirectory.require(key, tx)
        try requireCanLogIn(user, now: tx.at)
        let config = try Config.load(tx)
        if let denial = try checkPassword(&user, password, config: config, in: tx, hasher: env.passwordHasher) {
            return Outcome(user: user, denial: denial)
        }
        if let expired = passwordExpiry(user, config), expired <= tx.at {
            try UserDirectory.save(user, in: tx)
            tx.record("user.login-refused", user.id, ["reason": "password expired"])
            return Outcome(user: user, denial: WTError.denied(
                "the password of \(user.email) expired on \(Timestamp.local(expired))",
                hint: "choose a new one with `wt account passwd \(user.email)`"))
        }
        user.lastLoginAt = tx.at
        try UserDirectory.save(user, in: tx)
        tx.record("user.login", user.id)
        return Outcome(user: user, denial: nil)
    }

    /// Changes a password: the old one must be right (a wrong one counts as a
    /// failed login), the new one must meet the policy (6, every broken rule)
    /// and may not be one of the last `password.history` passwords (6).
    public static func changePassword(_ key: String, old: String, new: String, in tx: Transaction, env: ServiceEnv) throws -> Outcome {
        var user = try UserDirectory.require(key, tx)
        try requireCanLogIn(user, now: tx.at)
        let config = try Config.load(tx)
        if let denial = try checkPassword(&user, old, config: config, in: tx, hasher: env.passwordHasher) {
            return Outcome(user: user, denial: denial)
        }
        try config.passwordPolicy.check(new)
        let history = config.int("password.history")
        let current = user.passwordHash!
        if history > 0 {
            let recent = [current] + user.passwordHistory.prefix(history - 1)
            if recent.contains(where: { env.passwordHasher.verify(new, against: $0) }) {
                throw WTError.invalid(
                    "password does not meet the policy: it must differ from the last \(history) password\(history == 1 ? "" : "s")",
                    hint: "password.history is \(history): that many other passwords must come before one is reused")
            }
        }
        user.passwordHash = try env.passwordHasher.hash(new)
        user.passwordHistory = Array(([current] + user.passwordHistory).prefix(max(history - 1, 0)))
        user.passwordChangedAt = tx.at
        user.failedLogins = 0
        user.lockedUntil = nil
        try UserDirectory.save(user, in: tx)
        tx.record("user.passwd", user.id)
        return Outcome(user: user, denial: nil)
    }

    /// When the password stops working (`password.maxAgeDays` after it was set).
    public static func passwordExpiry(_ user: User, _ config: Config) -> String? {
        user.passwordChangedAt.map { Timestamp.adding(seconds: config.int("password.maxAgeDays") * 86400, to: $0) }
    }

    static func requireCanLogIn(_ user: User, now: String) throws {
        switch user.status {
        case .disabled:
            throw WTError.denied("\(user.email) is disabled", hint: "ask the back office to enable the account")
        case .invited:
            throw WTError.denied("\(user.email) has not activated the account yet", hint: "activate it with the link from the activation mail")
        case .active:
            if user.isLocked(now: now) {
                throw WTError.denied("\(user.email) is locked until \(Timestamp.local(user.lockedUntil!)) after too many failed logins",
                    hint: "wait, or ask the back office: wt users unlock \(user.email)")
            }
        }
    }

    /// Nil when the password is right (and the failure count is reset), else
    /// the denial, with the failure counted and, at `login.maxFailures`, the
    /// account locked for `login.lockMinutes`. The user is saved either way.
    static func checkPassword(_ user: inout User, _ password: String, config: Config, in tx: Transaction, hasher: PasswordHasher) throws -> WTError? {
        if let stored = user.passwordHash, hasher.verify(password, against: stored) {
            user.failedLogins = 0
            user.lockedUntil = nil
            return nil
        }
        user.failedLogins += 1
        let maxFailures = config.int("login.maxFailures")
        let failures = user.failedLogins
        if failures >= maxFailures {
            let until = Timestamp.adding(seconds: config.int("login.lockMinutes") * 60, to: tx.at)
            user.lockedUntil = until
            user.failedLogins = 0
            try UserDirectory.save(user, in: tx)
            tx.record("user.lock", user.id, ["failures": .int(failures), "until": .string(until)])
            return WTError.denied("wrong password for \(user.email): \(failures) failures in a row lock the account until \(Timestamp.local(until))",
                hint: "wait, or ask the back office: wt users unlock \(user.email)")
        }
        user.lockedUntil = nil
        try UserDirectory.save(user, in: tx)
        tx.record("user.login-failed", user.id, ["failures": .int(failures)])
        let left = maxFailures - failures
        return WTError.denied("wrong password for \(user.email)",
            hint: "\(left) more failure\(left == 1 ? "" : "s") in a row lock the account for \(config.int("login.lockMinutes")) minutes")
    }

    // MARK: Tokens

    struct TokenEntry: Equatable {
        enum State: String { case open, used, superseded }
        var user: String
        var state: State
        /// When it was issued, used or superseded.
        var at: String
    }

    static func tokenFile(_ hash: String) -> String { "\(tokenDir)/\(hash.prefix(2)).json" }

    static func tokens(_ file: String, _ r: StoreReader) throws -> [String: TokenEntry] {
        guard let json = try r.read(file) else { return [:] }
        guard case .object(let o) = json else { throw RecordFile.damaged(r, file, "expected an object") }
        var out: [String: TokenEntry] = [:]
        for (hash, v) in o {
            do {
                let e = try JSONReader(v, what: file)
                guard let state = TokenEntry.State(rawValue: try e.string("state")) else {
                    throw JSONParseError(offset: 0, reason: "token \(hash.prefix(8))… has an unknown state")
                }
                out[hash] = TokenEntry(user: try e.string("user"), state: state, at: try e.string("at"))
            } catch let e as JSONParseError {
                throw RecordFile.damaged(r, file, e.reason)
            }
        }
        return out
    }

    static func setToken(_ hash: String, _ entry: TokenEntry, in tx: Transaction) throws {
        let file = tokenFile(hash)
        var all = try tokens(file, tx)
        all[hash] = entry
        tx.write(file, .object(all.mapValues {
            ["user": .string($0.user), "state": .string($0.state.rawValue), "at": .string($0.at)]
        }))
    }

    /// A fresh token for the user; the one before it is marked superseded.
    static func issueToken(_ user: inout User, in tx: Transaction, random: any RandomSource) throws -> String {
        if let old = user.activation {
            try setToken(old.tokenHash, TokenEntry(user: user.id, state: .superseded, at: tx.at), in: tx)
        }
        let config = try Config.load(tx)
        let token = Secrets.token(random)
        let hash = Secrets.tokenHash(token)
        user.activation = User.Activation(
            tokenHash: hash, sentAt: tx.at, expiresAt: Timestamp.adding(seconds: config.int("activation.validDays") * 86400, to: tx.at))
        try setToken(hash, TokenEntry(user: user.id, state: .open, at: tx.at), in: tx)
        return token
    }

    static func sendActivationMail(_ user: User, token: String, in tx: Transaction, env: ServiceEnv) throws -> (String, OutgoingMessage) {
        let config = try Config.load(tx)
        let link = "\(config.string("portal.url") ?? "https://werktalent.helloflex.com")/deeplink/index/\(token)"
        let message = try Mailer.send(
            to: MailAddress(name: user.name, address: user.email), subject: ActivationMail.subject(config),
            body: ActivationMail.body(name: user.name, link: link, config: config), topic: "activation", in: tx, env: env)
        return (link, message)
    }

    /// Every open token belongs to an invited user holding it; every invited
    /// user's token is open.
    static func verify(_ store: Store, _ report: inout StoreVerifier.Report) throws {
        var users: [String: User] = [:]
        StoreVerifier.attempt(&report) { for u in try UserDirectory.all(store) { users[u.id] = u } }
        var open: [String: String] = [:]
        for name in store.list(tokenDir) where name.hasSuffix(".json") {
            let rel = "\(tokenDir)/\(name)"
            var entries: [String: TokenEntry] = [:]
            StoreVerifier.attempt(&report) { entries = try tokens(rel, store) }
            for (hash, e) in entries {
                if tokenFile(hash) != rel { report.problems.append("\(store.root)/\(rel): a token of \(e.user) is in the wrong file") }
                guard users[e.user] != nil else {
                    report.problems.append("\(store.root)/\(rel): a token names user \(e.user), who does not exist")
                    continue
                }
                if e.state == .open { open[hash] = e.user }
            }
        }
        for u in users.values.sorted(by: { $0.id < $1.id }) {
            if let a = u.activation, open[a.tokenHash] != u.id {
                report.problems.append("\(store.root)/\(UserDirectory.users.file(u.client)): the activation link of \(u.id) is not an open token")
            }
            if u.status == .active && u.passwordHash == nil {
                report.problems.append("\(store.root)/\(UserDirectory.users.file(u.client)): user \(u.id) is active without a password")
            }
        }
        for (hash, id) in open where users[id]?.activation?.tokenHash != hash {
            report.problems.append("\(store.root)/\(tokenFile(hash)): an open token of \(id) is not the user's current link")
        }
    }
}

/// The activation mail, after the portal manual ("Activeer account").
public enum ActivationMail {
    public static func subject(_ config: Config) -> String {
        "Activeer je account bij \(config.string("agency.name") ?? "WerkTalent")"
    }

    public static func body(name: String, link: String, config: Config) -> String {
        let days = config.int("activation.validDays")
        let policy = config.passwordPolicy
        var rules = ["minimaal \(policy.minLength) karakters"]
        if policy.requireLetter { rules.append("minimaal 1 letter") }
        if policy.requireDigit { rules.append("minimaal 1 nummer") }
        if policy.requireSpecial { rules.append("minimaal 1 speciaal karakter") }
        rules.append("een eerder gebruikt wachtwoord mag hergebruikt worden nadat minimaal \(config.int("password.history")) keer een ander wachtwoord is gebruikt")
        return """
            Beste \(name),

            Wij hebben een account voor je aangemaakt op onze portal, maar je account is nog niet geactiveerd. Activeer je account door op de link hieronder te klikken en maak een wachtwoord aan.

            \(link)

            Let op, de link verloopt na \(days) \(days == 1 ? "dag" : "dagen").

            Kopieer de URL in de adresbalk van de webbrowser indien de link niet werkt.

            Je wachtwoord moet voldoen aan deze eisen:
            \(rules.map { "- \($0);" }.joined(separator: "\n").dropLast()).

            Een wachtwoord verloopt \(config.int("password.maxAgeDays")) dagen nadat het is gewijzigd.

            Met vriendelijke groet,
            \(config.string("agency.name") ?? "WerkTalent")

            Vragen? Mail naar \(config.string("agency.email") ?? "administratie@werktalent.com")

            """
    }
}
