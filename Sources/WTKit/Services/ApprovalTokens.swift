/// The one-time tokens of the approve and reject links in digest mails
/// (SPEC §15), kept in `approvals/<first two hex digits of the hash>.json`
/// like activation tokens: each SHA-256 of a token ever issued → the approver,
/// the declaration, the action, which submission of the declaration it was
/// issued for, when it expires, and whether it was used (by which message).
///
/// A newer digest does not supersede the links of an older one: every link of
/// a declaration is bound to the same approver, declaration and action, and
/// dies with the submission it was issued for (a declaration that is rejected
/// and submitted again gets new links), so an approver may answer yesterday's
/// mail. Entries more than `forgetAfterDays` past their expiry are dropped when
/// their file is next written: a link that old reads as unknown (3).
public enum ApprovalTokens {
    public static let dir = "approvals"
    public static let forgetAfterDays = 30

    public enum Action: String, Sendable, CaseIterable {
        case approve, reject

        /// The word in the digest line and the mail subject.
        public var dutch: String { self == .approve ? "Goedkeuren" : "Afwijzen" }
    }

    public struct Entry: Equatable, Sendable {
        public enum State: String, Sendable { case open, used }
        public var user: String
        public var declaration: String
        public var action: Action
        /// Which submission of the declaration the link is for (`submission(of:)`).
        public var submission: String
        public var issuedAt: String
        public var expiresAt: String
        public var state: State
        public var usedAt: String?
        /// The Message-ID and the SHA-256 of the message that used it, so the same
        /// message delivered again (an MTA retry, a Maildir run cut off before its
        /// move) is recognised as already processed rather than refused.
        public var messageID: String?
        public var messageHash: String?

        var json: JSON {
            var o: [String: JSON] = [
                "user": .string(user), "declaration": .string(declaration), "action": .string(action.rawValue),
                "submission": .string(submission), "issuedAt": .string(issuedAt), "expiresAt": .string(expiresAt),
                "state": .string(state.rawValue),
            ]
            if let usedAt { o["usedAt"] = .string(usedAt) }
            if let messageID { o["messageId"] = .string(messageID) }
            if let messageHash { o["messageHash"] = .string(messageHash) }
            return .object(o)
        }

        init(user: String, declaration: String, action: Action, submission: String, issuedAt: String, expiresAt: String) {
            self.user = user
            self.declaration = declaration
            self.action = action
            self.submission = submission
            self.issuedAt = issuedAt
            self.expiresAt = expiresAt
            state = .open
        }

        init(_ r: JSONReader) throws {
            user = try r.string("user")
            declaration = try r.string("declaration")
            guard let a = Action(rawValue: try r.string("action")) else { throw JSONParseError(offset: 0, reason: "unknown action") }
            action = a
            submission = try r.string("submission")
            issuedAt = try r.string("issuedAt")
            expiresAt = try r.string("expiresAt")
            guard let s = State(rawValue: try r.string("state")) else { throw JSONParseError(offset: 0, reason: "unknown state") }
            state = s
            usedAt = try r.optString("usedAt")
            messageID = try r.optString("messageId")
            messageHash = try r.optString("messageHash")
            guard (state == .used) == (usedAt != nil) else { throw JSONParseError(offset: 0, reason: "usedAt disagrees with the state") }
        }
    }

    /// A fresh token: 256 random bits as 52 characters of lowercase base32
    /// (RFC 4648 alphabet `a-z2-7`). Lower case because mail systems may fold the
    /// case of a local part; never a leading `-`, so it is never read as an option.
    public static func newToken(_ r: any RandomSource) -> String {
        base32(r.bytes(Secrets.tokenByteCount))
    }

    public static let tokenLength = 52
    static let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")

    static func base32(_ bytes: [UInt8]) -> String {
        var out = ""
        var acc: UInt32 = 0
        var bits = 0
        for b in bytes {
            acc = (acc << 8) | UInt32(b)
            bits += 8
            while bits >= 5 {
                bits -= 5
                out.append(alphabet[Int((acc >> UInt32(bits)) & 31)])
            }
            acc &= (1 << UInt32(bits)) - 1
        }
        if bits > 0 { out.append(alphabet[Int((acc << UInt32(5 - bits)) & 31)]) }
        return out
    }

    /// Whether a string has the shape of a token (after lower-casing).
    public static func isToken(_ s: String) -> Bool {
        s.count == tokenLength && s.allSatisfy { alphabet.contains($0) }
    }

    static func file(_ hash: String) -> String { "\(dir)/\(hash.prefix(2)).json" }

    static func entries(_ file: String, _ r: StoreReader) throws -> [String: Entry] {
        guard let json = try r.read(file) else { return [:] }
        guard case .object(let o) = json else { throw RecordFile.damaged(r, file, "expected an object") }
        var out: [String: Entry] = [:]
        for (hash, v) in o {
            do {
                out[hash] = try Entry(JSONReader(v, what: file))
            } catch let e as JSONParseError {
                throw RecordFile.damaged(r, file, "token \(hash.prefix(8))…: \(e.reason)")
            }
        }
        return out
    }

    public static func find(_ token: String, _ r: StoreReader) throws -> (hash: String, entry: Entry)? {
        let hash = Secrets.tokenHash(token)
        return try entries(file(hash), r)[hash].map { (hash, $0) }
    }

    static func save(_ changes: [String: Entry], in tx: Transaction) throws {
        let byFile = Dictionary(grouping: changes.keys, by: file)
        let forgetBefore = Timestamp.adding(seconds: -forgetAfterDays * 86400, to: tx.at)
        for (f, hashes) in byFile {
            var all = try entries(f, tx)
            for h in hashes { all[h] = changes[h]! }
            all = all.filter { $0.value.expiresAt >= forgetBefore }
            tx.write(f, .object(all.mapValues(\.json)))
        }
    }

    /// Issues a link of each action for each declaration, for one approver, in the
    /// transaction of the digest that carries them. Returns declaration → action → token.
    static func issue(for user: User, _ declarations: [Declaration], in tx: Transaction, random: any RandomSource) throws -> [String: [Action: String]] {
        let config = try Config.load(tx)
        let expires = Timestamp.adding(seconds: config[.mailApprovalValidDays] * 86400, to: tx.at)
        var out: [String: [Action: String]] = [:]
        var changes: [String: Entry] = [:]
        for d in declarations {
            for action in Action.allCases {
                let token = newToken(random)
                changes[Secrets.tokenHash(token)] = Entry(
                    user: user.id, declaration: d.id, action: action, submission: submission(of: d) ?? "", issuedAt: tx.at, expiresAt: expires)
                out[d.id, default: [:]][action] = token
            }
        }
        try save(changes, in: tx)
        return out
    }

    /// When the declaration was last submitted: a link is good for that submission only.
    /// `N@time`: the position of the submitting history entry and its time. The
    /// position tells two submissions apart even within one second.
    static func submission(of d: Declaration) -> String? {
        guard let i = d.history.lastIndex(where: { $0.to == .submitted }) else { return nil }
        return "\(i)@\(d.history[i].at)"
    }

    static func markUsed(_ hash: String, _ entry: Entry, messageID: String?, messageHash: String, in tx: Transaction) throws {
        var e = entry
        e.state = .used
        e.usedAt = tx.at
        e.messageID = messageID
        e.messageHash = messageHash
        try save([hash: e], in: tx)
    }

    /// Every entry is in its file and names a user and a declaration that exist.
    static func verify(_ store: Store, _ report: inout StoreVerifier.Report) throws {
        var users = Set<String>()
        StoreVerifier.attempt(&report) { users = Set(try UserDirectory.all(store).map(\.id)) }
        for name in store.list(dir) where name.hasSuffix(".json") {
            let rel = "\(dir)/\(name)"
            var all: [String: Entry] = [:]
            StoreVerifier.attempt(&report) { all = try entries(rel, store) }
            report.records += all.count
            for (hash, e) in all.sorted(by: { $0.key < $1.key }) {
                if file(hash) != rel { report.problems.append("\(store.root)/\(rel): a link of \(e.user) for \(e.declaration) is in the wrong file") }
                if !users.contains(e.user) { report.problems.append("\(store.root)/\(rel): a link names user \(e.user), who does not exist") }
                var known = false
                StoreVerifier.attempt(&report) { known = try DeclarationSet.find(e.declaration, store) != nil }
                if !known { report.problems.append("\(store.root)/\(rel): a link names declaration \(e.declaration), which does not exist") }
            }
        }
    }
}
