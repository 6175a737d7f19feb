/// Documents a client approves or signs. Records live per client in
/// `documents/<client>.json`; their files once each, content-addressed, in
/// `blobs/<first two hex digits>/<sha256>`.
public enum Documents {
    public static let store = Partitioned<Document>("documents")

    public static func blobPath(_ sha: String) -> String { "blobs/\(sha.prefix(2))/\(sha)" }

    public static func find(_ id: String, _ r: StoreReader, actor: Actor) throws -> Document {
        try RecordKind.document.check(id)
        guard let d = try store.find(id, r) else {
            throw WTError.notFound("no document \(id)", hint: "`wt documents list` shows the documents")
        }
        var department: String?
        if let c = d.contract { department = try Contracts.store.find(c, r)?.department }
        try AccessControl.requireVisible(actor, client: d.client, department: department, id: id)
        return d
    }

    public static func all(_ r: StoreReader, client: String? = nil) throws -> [Document] {
        try store.all(r, clients: client.map { [$0] })
    }

    /// Stores the bytes once (a file with the same SHA-256 is already there) and
    /// returns the digest.
    static func storeBlob(_ bytes: [UInt8], in tx: Transaction) -> String {
        let sha = SHA256.hex(bytes)
        if !tx.exists(blobPath(sha)) { tx.writeBytes(blobPath(sha), bytes) }
        return sha
    }

    public static func content(of d: Document, _ r: Store) throws -> [UInt8] {
        guard let bytes = try r.readBytes(blobPath(d.sha256)) else {
            throw RecordFile.damaged(r, blobPath(d.sha256), "the file of document \(d.id) is missing")
        }
        guard SHA256.hex(bytes) == d.sha256 else {
            throw RecordFile.damaged(r, blobPath(d.sha256), "the file of document \(d.id) does not match its SHA-256")
        }
        return bytes
    }

    static func add(
        kind: Document.Kind, title: String, client: String, contract: String?, bytes: [UInt8], fileName: String,
        mediaType: String, requiresSMS: Bool, in tx: Transaction
    ) throws -> Document {
        let sha = storeBlob(bytes, in: tx)
        let d = Document(
            id: try IdAllocator.next(RecordKind.document.rawValue, in: tx), kind: kind, title: title, client: client,
            contract: contract, sha256: sha, size: bytes.count, mediaType: mediaType, fileName: fileName,
            requiresSMS: requiresSMS, createdAt: tx.at)
        var records = try store.load(client: client, tx)
        records.append(d)
        try store.save(records, client: client, in: tx)
        tx.record("document.add", d.id, [
            "kind": .string(kind.rawValue), "client": .string(client), "contract": JSON(contract), "sha256": .string(sha),
        ])
        return d
    }

    /// A document still to be stored: what `createForContract` adds.
    struct Draft {
        var kind: Document.Kind
        var title: String
        var contract: String?
        var body: [UInt8]
        var fileName: String
        var requiresSMS: Bool
        static let mediaType = "text/plain; charset=utf-8"
    }

    /// The documents a new contract brings, as the portal manual lists them:
    /// the assignment confirmation always (signed by SMS when fixed-term), the
    /// arbo document and the classification document when the client has none
    /// yet (pending or approved), and a hire agreement when fixed-term.
    /// Pure, so the large sample makes exactly the documents the command makes.
    static func drafts(
        for c: Contract, worker: Worker, department: Department, client: Client, config: Config, today: CalendarDate,
        existing: [Document]
    ) -> [Draft] {
        let text = DocumentTemplates(contract: c, worker: worker, department: department, client: client, config: config, today: today)
        var made: [Draft] = []
        func make(_ kind: Document.Kind, contract: String?, sms: Bool) {
            made.append(Draft(
                kind: kind, title: "\(kind.dutchTitle) \(contract.map { "\($0) \(worker.name)" } ?? client.name)", contract: contract,
                body: Array(text.render(kind).utf8), fileName: "\(kind.rawValue)-\(contract ?? client.id).txt", requiresSMS: sms))
        }
        make(.assignmentConfirmation, contract: c.id, sms: c.fixedTerm)
        if !existing.contains(where: { $0.kind == .arbo }) { make(.arbo, contract: nil, sms: false) }
        if !existing.contains(where: { $0.kind == .classification }) { make(.classification, contract: nil, sms: false) }
        if c.fixedTerm { make(.hireAgreement, contract: c.id, sms: false) }
        return made
    }

    static func createForContract(
        _ c: Contract, worker: Worker, department: Department, client: Client, in tx: Transaction, env: ServiceEnv
    ) throws -> [Document] {
        let drafts = drafts(
            for: c, worker: worker, department: department, client: client, config: try Config.load(tx), today: env.today,
            existing: try store.load(client: client.id, tx))
        return try drafts.map {
            try add(
                kind: $0.kind, title: $0.title, client: client.id, contract: $0.contract, bytes: $0.body, fileName: $0.fileName,
                mediaType: Draft.mediaType, requiresSMS: $0.requiresSMS, in: tx)
        }
    }

    /// `documents add`: another document, or a new file for a client-level kind.
    public static func addFile(
        client: String, contract: String?, kind: Document.Kind, title: String, bytes: [UInt8], fileName: String,
        in tx: Transaction, actor: Actor
    ) throws -> Document {
        try AccessControl.requireBackoffice(actor, toDo: "add documents")
        _ = try Organisation.client(client, tx, actor: actor)
        if let contract {
            let c = try Contracts.find(contract, tx, actor: actor)
            guard c.client == client else { throw WTError.invalid("contract \(contract) belongs to \(c.client), not to \(client)") }
        } else if !kind.isClientLevel {
            throw WTError.usage("a document of kind \(kind.rawValue) belongs to a contract: add --contract ID")
        }
        guard !bytes.isEmpty else { throw WTError.invalid("the file \(fileName) is empty") }
        guard bytes.count <= 50 << 20 else { throw WTError.invalid("the file \(fileName) is larger than 50 MB") }
        return try add(
            kind: kind, title: title, client: client, contract: contract, bytes: bytes, fileName: fileName,
            mediaType: mediaType(fileName), requiresSMS: false, in: tx)
    }

    static func mediaType(_ name: String) -> String {
        switch name.split(separator: ".").last?.lowercased() {
        case "pdf": "application/pdf"
        case "txt": "text/plain"
        case "html", "htm": "text/html"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "doc": "application/msword"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        default: "application/octet-stream"
        }
    }

    static func checkSigner(_ d: Document, _ actor: Actor, _ tx: Transaction) throws {
        try AccessControl.require(.signer, actor, toDo: "sign documents")
        if d.status == .approved {
            throw WTError.conflict("document \(d.id) is already approved (by \(d.signedBy ?? "?") at \(Timestamp.local(d.signedAt ?? "")))")
        }
    }

    /// Approval with the read confirmation ("Ik heb dit document gelezen"), or,
    /// for a document that needs an SMS signature, sending the code.
    public static func confirmRead(_ id: String, in tx: Transaction, actor: Actor, env: ServiceEnv) throws -> (Document, sms: OutgoingMessage?) {
        var d = try find(id, tx, actor: actor)
        try checkSigner(d, actor, tx)
        if !d.requiresSMS {
            d.status = .approved
            d.signedBy = actor.name
            d.signedAt = tx.at
            d.method = "read"
            try store.update(d, in: tx)
            tx.record("document.sign", d.id, ["method": "read", "sha256": .string(d.sha256)])
            return (d, nil)
        }
        guard let user = actor.portalUser else {
            throw WTError.denied(
                "document \(d.id) must be signed with an SMS code by the client's signer",
                hint: "the signer runs: wt --as EMAIL documents sign \(d.id) --read")
        }
        let u = try UserDirectory.require(user.email, tx)
        guard let phone = u.phone else {
            throw WTError.invalid(
                "\(u.email) has no mobile number to send the SMS code to",
                hint: "ask the back office to set one (wt users invite ... --phone)")
        }
        let config = try Config.load(tx)
        let code = Secrets.smsCode(env.random)
        d.status = .awaitingCode
        d.challenge = Document.Challenge(
            user: u.email, phone: phone, codeHash: Secrets.tokenHash(d.id + ":" + code), sentAt: tx.at,
            expiresAt: Timestamp.adding(seconds: config[.smsValidMinutes] * 60, to: tx.at), attempts: 0)
        try store.update(d, in: tx)
        let sms = try SMSCodes.send(code: code, phone: phone, document: d, config: config, in: tx, env: env)
        tx.record("document.code-sent", d.id, ["to": .string(u.email), "message": .string(sms.id)])
        return (d, sms)
    }

    public enum CodeOutcome { case signed(Document), wrong(attemptsLeft: Int) }

    /// Completes an SMS signature. A wrong code is counted (and committed by the
    /// caller) before the command fails with exit 5.
    public static func enterCode(_ id: String, code: String, in tx: Transaction, actor: Actor, env: ServiceEnv) throws -> CodeOutcome {
        var d = try find(id, tx, actor: actor)
        try checkSigner(d, actor, tx)
        guard d.status == .awaitingCode, let ch = d.challenge else {
            throw WTError.conflict(
                "document \(d.id) has no SMS code waiting", hint: "send one with: wt documents sign \(d.id) --read")
        }
        guard actor.portalUser?.email == ch.user else {
            throw WTError.denied("the SMS code of \(d.id) was sent to \(ch.user); only they can enter it")
        }
        let config = try Config.load(tx)
        let max = config[.smsMaxAttempts]
        if ch.expiresAt <= tx.at {
            throw WTError.conflict(
                "the SMS code of \(d.id) expired at \(Timestamp.local(ch.expiresAt))",
                hint: "send a new one with: wt documents sign \(d.id) --read")
        }
        if ch.attempts >= max {
            throw WTError.conflict(
                "the SMS code of \(d.id) is dead after \(max) wrong tries",
                hint: "send a new one with: wt documents sign \(d.id) --read")
        }
        let given = code.trimmingSpaces()
        let ok = Secrets.constantTimeEquals(Array(Secrets.tokenHash(d.id + ":" + given).utf8), Array(ch.codeHash.utf8))
        if !ok {
            d.challenge!.attempts += 1
            try store.update(d, in: tx)
            tx.record("document.code-wrong", d.id, ["attempt": .int(d.challenge!.attempts)])
            return .wrong(attemptsLeft: max - d.challenge!.attempts)
        }
        d.status = .approved
        d.signedBy = actor.name
        d.signedAt = tx.at
        d.method = "sms"
        d.challenge = nil
        try store.update(d, in: tx)
        tx.record("document.sign", d.id, ["method": "sms", "sha256": .string(d.sha256)])
        return .signed(d)
    }
}

import Foundation
