/// Portal accounts (SPEC §4, §11): invitations with one-time activation links,
/// passwords under the policy and its history, logins with lockout. A client's
/// user and a worker have the same kind of account (`AccountHolder`), made and
/// checked by the same code here; one e-mail address is one account.
///
/// Secrets: an activation token is 256 random bits, mailed once and stored only
/// as its SHA-256 (in the account and in `users/tokens/<first two hex digits>.json`,
/// which maps each hash ever issued to its user or worker and state, so a used or
/// superseded link is told apart from an unknown one). Passwords are stored only
/// as yescrypt hashes. No secret reaches the audit trail or any output but the
/// activation mail and the `invite` command's own output.
public enum Accounts {
    public static let tokenDir = "users/tokens"

    /// What an invitation produced. The token exists only here and in the mail.
    public struct Invitation {
        public let account: AccountHolder
        public let token: String
        public let link: String
        public let message: OutgoingMessage

        public var expiresAt: String { account.credentials.activation!.expiresAt }
    }

    /// What a password check came to. A denial is thrown by the caller after
    /// committing, so a failed attempt is counted durably.
    public struct Outcome {
        public let account: AccountHolder
        public let denial: WTError?
    }

    // MARK: Back office

    /// E-mail addresses of accounts compare without case: they are stored in lower case.
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
                "\(email) is already user \(other.id) of \(other.client) (\(other.account.effectiveStatus(now: tx.at)))",
                hint: other.account.status == .invited ? "send a new link with `wt users reinvite \(email)`" : nil)
        }
        try AccountDirectory.requireFree(email, except: nil, tx)
        var scope: [String] = []
        for id in departments where !scope.contains(id) {
            let d = try Organisation.department(id, tx, actor: actor)
            guard d.client == c.id else {
                throw WTError.invalid("department \(d.id) (\(d.name)) belongs to client \(d.client), not to \(c.id)",
                    hint: "`wt departments list --client \(c.id)` shows that client's departments")
            }
            scope.append(id)
        }
        let user = User(
            id: try IdAllocator.next(RecordKind.user.rawValue, in: tx), email: email, name: name, client: c.id, phone: phone,
            roles: roles.isEmpty ? [.viewer] : roles, departments: scope, createdAt: tx.at)
        let invitation = try sendInvitation(.user(user), in: tx, env: env)
        tx.record("user.invite", user.id, [
            "email": .string(email), "client": .string(c.id), "roles": JSON(user.roles.map(\.rawValue)),
            "departments": JSON(scope), "message": .string(invitation.message.id), "expiresAt": .string(invitation.expiresAt),
        ])
        return invitation
    }

    /// A worker's own account (SPEC §11), for the worker's e-mail address: 6
    /// without one, 4 when the worker has an account or the address is another's.
    public static func inviteWorker(_ id: String, in tx: Transaction, env: ServiceEnv, actor: Actor) throws -> Invitation {
        try AccessControl.requireBackoffice(actor, toDo: "invite workers")
        var w = try Organisation.worker(id, tx)
        let fix = "wt workers edit \(w.id) --email ADDRESS"
        guard let raw = w.email else {
            throw WTError.invalid("worker \(w.id) (\(w.name)) has no e-mail address: the account logs in with it and the link is mailed there",
                hint: "add one first: \(fix)")
        }
        let email: String
        do { email = try normalizeEmail(raw) } catch let e as WTError {
            throw WTError.invalid("worker \(w.id) (\(w.name)) has an e-mail address that cannot receive mail: \(e.message)", hint: "correct it: \(fix)")
        }
        if let a = w.account {
            throw WTError.conflict("worker \(w.id) (\(w.name)) already has an account (\(a.effectiveStatus(now: tx.at)))",
                hint: a.status == .invited ? "send a new link with `wt workers reinvite \(w.id)`" : nil)
        }
        try AccountDirectory.requireFree(email, except: w.id, tx)
        w.account = Credentials()
        let invitation = try sendInvitation(.worker(w), in: tx, env: env)
        tx.record("worker.invite", w.id, [
            "email": .string(email), "message": .string(invitation.message.id), "expiresAt": .string(invitation.expiresAt),
        ])
        return invitation
    }

    /// Issues the link, saves the account and mails it.
    static func sendInvitation(_ account: AccountHolder, in tx: Transaction, env: ServiceEnv) throws -> Invitation {
        var a = account
        var c = a.credentials
        let token = try issueToken(&c, owner: a.id, in: tx, random: env.random)
        a.credentials = c
        let (link, message) = try sendActivationMail(a, token: token, in: tx, env: env)
        try a.save(in: tx)
        return Invitation(account: a, token: token, link: link, message: message)
    }

    /// A new link for an account not activated yet; every earlier link dies.
    public static func reinvite(_ account: AccountHolder, in tx: Transaction, env: ServiceEnv, actor: Actor) throws -> Invitation {
        try AccessControl.requireBackoffice(actor, toDo: "reinvite \(account.kind)s")
        switch account.credentials.status {
        case .active:
            throw WTError.conflict("\(account.email) has already activated the account", hint: "they log in with their password; `wt account passwd` changes it")
        case .disabled:
            throw WTError.conflict("\(account.email) is disabled",
                hint: "enable the account first: wt \(account.kind)s enable \(account.kind == "user" ? account.email : account.id)")
        case .invited: break
        }
        let invitation = try sendInvitation(account, in: tx, env: env)
        tx.record("\(account.kind).reinvite", account.id, ["message": .string(invitation.message.id), "expiresAt": .string(invitation.expiresAt)])
        return invitation
    }

    public enum Change: String, Sendable { case disable, enable, unlock }

    /// Disables, enables or unlocks; returns the account and whether anything changed.
    public static func change(_ change: Change, _ account: AccountHolder, in tx: Transaction, actor: Actor) throws -> (AccountHolder, Bool) {
        try AccessControl.requireBackoffice(actor, toDo: "\(change.rawValue) \(account.kind)s")
        var a = account
        var c = a.credentials
        switch change {
        case .disable:
            guard c.status != .disabled else { return (a, false) }
            c.status = .disabled
        case .enable:
            guard c.status == .disabled else { return (a, false) }
            c.status = c.passwordHash == nil ? .invited : .active
        case .unlock:
            guard c.lockedUntil != nil || c.failedLogins > 0 else { return (a, false) }
            c.lockedUntil = nil
            c.failedLogins = 0
        }
        a.credentials = c
        try a.save(in: tx)
        tx.record("\(a.kind).\(change.rawValue)", a.id, ["status": .string(c.status.rawValue)])
        return (a, true)
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

    /// The account a token activates, if it may still be used: unknown → 3; used,
    /// superseded or expired → 4; a disabled account → 5.
    public static func accountForToken(_ given: String, _ r: StoreReader, now: String) throws -> AccountHolder {
        guard let token = Secrets.canonicalToken(given) else {
            throw WTError.notFound("that is not an activation token or link",
                hint: "give the link from the activation mail, the token at its end, or - to read it from stdin")
        }
        let hash = Secrets.tokenHash(token)
        guard let entry = try tokens(tokenFile(hash), r)[hash] else {
            throw WTError.notFound("unknown activation link", hint: "check that the whole link was copied, or ask the back office for a new one")
        }
        let account = try AccountDirectory.require(entry.user, r)
        switch entry.state {
        case .used:
            throw WTError.conflict("this activation link was already used (\(account.email) activated on \(Timestamp.local(entry.at)))",
                hint: "log in with the password chosen then; `wt account passwd \(account.email)` changes it")
        case .superseded:
            throw WTError.conflict("this activation link was replaced by a newer one (sent \(Timestamp.local(entry.at)))",
                hint: "use the link of the latest activation mail to \(account.email)")
        case .open:
            break
        }
        let c = account.credentials
        guard let a = c.activation, Secrets.constantTimeEquals(Array(a.tokenHash.utf8), Array(hash.utf8)) else {
            throw WTError.conflict("this activation link is no longer valid", hint: "send a new one with `\(account.reinviteCommand)`")
        }
        guard now < a.expiresAt else {
            throw WTError.conflict("this activation link expired on \(Timestamp.local(a.expiresAt))",
                hint: "ask the back office for a new link: \(account.reinviteCommand)")
        }
        if c.status == .disabled {
            throw WTError.denied("\(account.email) cannot activate: the account is disabled", hint: "ask the back office to enable it")
        }
        return account
    }

    /// Sets the first password and activates. A password that breaks the
    /// policy (6) changes nothing, so the link stays usable.
    public static func activate(token: String, password: String, in tx: Transaction, env: ServiceEnv) throws -> AccountHolder {
        var account = try accountForToken(token, tx, now: tx.at)
        let config = try Config.load(tx)
        try config.passwordPolicy.check(password)
        var c = account.credentials
        let hash = c.activation!.tokenHash
        c.passwordHash = try env.passwordHasher.hash(password)
        c.passwordHistory = []
        c.passwordChangedAt = tx.at
        c.status = .active
        c.activatedAt = tx.at
        c.activation = nil
        c.failedLogins = 0
        c.lockedUntil = nil
        account.credentials = c
        try setToken(hash, TokenEntry(user: account.id, state: .used, at: tx.at), in: tx)
        try account.save(in: tx)
        tx.record("\(account.kind).activate", account.id)
        return account
    }

    // MARK: Passwords

    /// Checks a password; 5 for a disabled, not activated, locked or expired
    /// account or a wrong password. Failures count towards the lock.
    public static func login(_ key: String, password: String, in tx: Transaction, env: ServiceEnv) throws -> Outcome {
        var account = try AccountDirectory.require(key, tx)
        try requireCanLogIn(account, now: tx.at)
        let config = try Config.load(tx)
        if let denial = try checkPassword(&account, password, config: config, in: tx, hasher: env.passwordHasher) {
            return Outcome(account: account, denial: denial)
        }
        if let expired = passwordExpiry(account.credentials, config), expired <= tx.at {
            try account.save(in: tx)
            tx.record("\(account.kind).login-refused", account.id, ["reason": "password expired"])
            return Outcome(account: account, denial: WTError.denied(
                "the password of \(account.email) expired on \(Timestamp.local(expired))",
                hint: "choose a new one with `wt account passwd \(account.email)`"))
        }
        account.credentials.lastLoginAt = tx.at
        try account.save(in: tx)
        tx.record("\(account.kind).login", account.id)
        return Outcome(account: account, denial: nil)
    }

    /// Changes a password: the old one must be right (a wrong one counts as a
    /// failed login), the new one must meet the policy (6, every broken rule)
    /// and may not be one of the last `password.history` passwords (6).
    public static func changePassword(_ key: String, old: String, new: String, in tx: Transaction, env: ServiceEnv) throws -> Outcome {
        var account = try AccountDirectory.require(key, tx)
        try requireCanLogIn(account, now: tx.at)
        let config = try Config.load(tx)
        if let denial = try checkPassword(&account, old, config: config, in: tx, hasher: env.passwordHasher) {
            return Outcome(account: account, denial: denial)
        }
        try config.passwordPolicy.check(new)
        let history = config[.passwordHistory]
        var c = account.credentials
        let current = c.passwordHash!
        if history > 0 {
            let recent = [current] + c.passwordHistory.prefix(history - 1)
            if recent.contains(where: { env.passwordHasher.verify(new, against: $0) }) {
                throw WTError.invalid(
                    "password does not meet the policy: it must differ from the last \(history) password\(history == 1 ? "" : "s")",
                    hint: "password.history is \(history): that many other passwords must come before one is reused")
            }
        }
        c.passwordHash = try env.passwordHasher.hash(new)
        c.passwordHistory = Array(([current] + c.passwordHistory).prefix(max(history - 1, 0)))
        c.passwordChangedAt = tx.at
        c.failedLogins = 0
        c.lockedUntil = nil
        account.credentials = c
        try account.save(in: tx)
        tx.record("\(account.kind).passwd", account.id)
        return Outcome(account: account, denial: nil)
    }

    /// When the password stops working (`password.maxAgeDays` after it was set).
    public static func passwordExpiry(_ c: Credentials, _ config: Config) -> String? {
        c.passwordChangedAt.map { Timestamp.adding(seconds: config[.passwordMaxAgeDays] * 86400, to: $0) }
    }

    static func requireCanLogIn(_ account: AccountHolder, now: String) throws {
        let c = account.credentials
        switch c.status {
        case .disabled:
            throw WTError.denied("\(account.email) is disabled", hint: "ask the back office to enable the account")
        case .invited:
            throw WTError.denied("\(account.email) has not activated the account yet", hint: "activate it with the link from the activation mail")
        case .active:
            if c.isLocked(now: now) {
                throw WTError.denied("\(account.email) is locked until \(Timestamp.local(c.lockedUntil!)) after too many failed logins",
                    hint: "wait, or ask the back office: \(account.unlockCommand)")
            }
        }
    }

    /// Nil when the password is right (and the failure count is reset), else
    /// the denial, with the failure counted and, at `login.maxFailures`, the
    /// account locked for `login.lockMinutes`. The account is saved either way.
    static func checkPassword(
        _ account: inout AccountHolder, _ password: String, config: Config, in tx: Transaction, hasher: PasswordHasher
    ) throws -> WTError? {
        var c = account.credentials
        defer { account.credentials = c }
        if let stored = c.passwordHash, hasher.verify(password, against: stored) {
            c.failedLogins = 0
            c.lockedUntil = nil
            return nil
        }
        c.failedLogins += 1
        let maxFailures = config[.loginMaxFailures]
        let failures = c.failedLogins
        if failures >= maxFailures {
            let until = Timestamp.adding(seconds: config[.loginLockMinutes] * 60, to: tx.at)
            c.lockedUntil = until
            c.failedLogins = 0
            account.credentials = c
            try account.save(in: tx)
            tx.record("\(account.kind).lock", account.id, ["failures": .int(failures), "until": .string(until)])
            return WTError.denied("wrong password for \(account.email): \(failures) failures in a row lock the account until \(Timestamp.local(until))",
                hint: "wait, or ask the back office: \(account.unlockCommand)")
        }
        c.lockedUntil = nil
        account.credentials = c
        try account.save(in: tx)
        tx.record("\(account.kind).login-failed", account.id, ["failures": .int(failures)])
        let left = maxFailures - failures
        return WTError.denied("wrong password for \(account.email)",
            hint: "\(left) more failure\(left == 1 ? "" : "s") in a row lock the account for \(config[.loginLockMinutes]) minutes")
    }
}
