extension Accounts {
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

    /// A fresh token for the account; the one before it is marked superseded.
    /// `owner` is the id filed with the token: a user's (u-) or a worker's (w-).
    static func issueToken(_ c: inout Credentials, owner: String, in tx: Transaction, random: any RandomSource) throws -> String {
        if let old = c.activation {
            try setToken(old.tokenHash, TokenEntry(user: owner, state: .superseded, at: tx.at), in: tx)
        }
        let config = try Config.load(tx)
        let token = Secrets.token(random)
        let hash = Secrets.tokenHash(token)
        c.activation = Credentials.Activation(
            tokenHash: hash, sentAt: tx.at, expiresAt: Timestamp.adding(seconds: config[.activationValidDays] * 86400, to: tx.at))
        try setToken(hash, TokenEntry(user: owner, state: .open, at: tx.at), in: tx)
        return token
    }

    static func sendActivationMail(_ a: AccountHolder, token: String, in tx: Transaction, env: ServiceEnv) throws -> (String, OutgoingMessage) {
        let config = try Config.load(tx)
        let link = "\(config[.portalURL])/deeplink/index/\(token)"
        let body: String
        switch a {
        case .user: body = ActivationMail.body(name: a.name, link: link, config: config)
        case .worker: body = ActivationMail.workerBody(name: a.name, email: a.email, link: link, config: config)
        }
        let message = try Mailer.send(
            to: MailAddress(name: a.name, address: a.email), subject: ActivationMail.subject(config),
            body: body, topic: "activation", in: tx, env: env)
        return (link, message)
    }

    /// Every open token belongs to an invited account holding it; every
    /// invited account's token is open. Tokens name users (u-) and workers (w-).
    static func verify(_ store: Store, _ report: inout StoreVerifier.Report) throws {
        var accounts: [String: (file: String, c: Credentials)] = [:]
        var logins: [String: String] = [:]
        StoreVerifier.attempt(&report) {
            for u in try UserDirectory.all(store) {
                accounts[u.id] = (UserDirectory.users.file(u.client), u.account)
                logins[u.email] = u.id
            }
        }
        var workers: [Worker] = []
        StoreVerifier.attempt(&report) { workers = try Organisation.workers(store) }
        for w in workers {
            guard let a = w.account else { continue }
            accounts[w.id] = (Organisation.workersFile, a)
            // One e-mail address is one account.
            guard let email = w.accountEmail else {
                report.problems.append("\(store.root)/\(Organisation.workersFile): worker \(w.id) has an account but no e-mail address")
                continue
            }
            if let other = logins[email] {
                report.problems.append("\(store.root)/\(Organisation.workersFile): worker \(w.id) logs in with \(email), the address of \(other)'s account")
            }
            logins[email] = w.id
        }
        var open: [String: String] = [:]
        for name in store.list(tokenDir) where name.hasSuffix(".json") {
            let rel = "\(tokenDir)/\(name)"
            var entries: [String: TokenEntry] = [:]
            StoreVerifier.attempt(&report) { entries = try tokens(rel, store) }
            for (hash, e) in entries {
                if tokenFile(hash) != rel { report.problems.append("\(store.root)/\(rel): a token of \(e.user) is in the wrong file") }
                guard accounts[e.user] != nil else {
                    let kind = RecordKind.of(e.user) == .worker ? "worker" : "user"
                    report.problems.append("\(store.root)/\(rel): a token names \(kind) \(e.user), who does not exist or has no account")
                    continue
                }
                if e.state == .open { open[hash] = e.user }
            }
        }
        for (id, a) in accounts.sorted(by: { $0.key < $1.key }) {
            let what = RecordKind.of(id) == .worker ? "worker" : "user"
            if let act = a.c.activation, open[act.tokenHash] != id {
                report.problems.append("\(store.root)/\(a.file): the activation link of \(id) is not an open token")
            }
            if a.c.status == .active && a.c.passwordHash == nil {
                report.problems.append("\(store.root)/\(a.file): \(what) \(id) is active without a password")
            }
        }
        for (hash, id) in open where accounts[id]?.c.activation?.tokenHash != hash {
            report.problems.append("\(store.root)/\(tokenFile(hash)): an open token of \(id) is not the account's current link")
        }
    }
}
