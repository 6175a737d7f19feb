// How Contract's records are kept in the store: their stored fields and the
// conformances the store's files need. Domain keeps the values and rules.

extension Contract: ClientOwned {
    public init(stored r: JSONReader) throws {
        id = try r.string("id")
        worker = try r.string("worker")
        department = try r.string("department")
        client = try r.string("client")
        function = try r.string("function")
        phase = try r.parsed("phase") { try Phase.parse($0) }
        start = try r.parsed("start") { try CalendarDate.parse($0) }
        end = try r.optParsed("end") { try CalendarDate.parse($0) }
        payRate = try r.parsed("payRate") { try Money.parse($0) }
        billRate = try r.parsed("billRate") { try Money.parse($0) }
        minutesPerWeek = try r.optInt("minutesPerWeek")
        documents = try r.strings("documents")
        createdAt = try r.string("createdAt")
        endedAt = try r.optString("endedAt")
    }

    public var stored: JSON {
        [
            "id": .string(id), "worker": .string(worker), "department": .string(department), "client": .string(client),
            "function": .string(function), "phase": .string(phase.rawValue), "cao": .string(cao.rawValue),
            "fixedTerm": .bool(fixedTerm), "start": .string(start.description), "end": JSON(end?.description),
            "payRate": .string(payRate.description), "billRate": .string(billRate.description),
            "minutesPerWeek": JSON(minutesPerWeek), "documents": JSON(documents), "createdAt": .string(createdAt),
            "endedAt": JSON(endedAt),
        ]
    }
}

extension Document: ClientOwned {
    public init(stored r: JSONReader) throws {
        id = try r.string("id")
        guard let k = Kind(rawValue: try r.string("kind")), let s = Status(rawValue: try r.string("status")) else {
            throw JSONParseError(offset: 0, reason: "\(r.what): document has an unknown kind or status")
        }
        kind = k
        status = s
        title = try r.string("title")
        client = try r.string("client")
        contract = try r.optString("contract")
        sha256 = try r.string("sha256")
        size = try r.int("size")
        mediaType = try r.string("mediaType")
        fileName = try r.string("fileName")
        requiresSMS = try r.bool("requiresSMS")
        let c = try r.object("challenge")
        if !c.isEmpty {
            let cr = try JSONReader(.object(c), what: r.what)
            challenge = Challenge(
                user: try cr.string("user"), phone: try cr.string("phone"), codeHash: try cr.string("codeHash"),
                sentAt: try cr.string("sentAt"), expiresAt: try cr.string("expiresAt"), attempts: try cr.int("attempts"))
        }
        signedBy = try r.optString("signedBy")
        signedAt = try r.optString("signedAt")
        method = try r.optString("method")
        createdAt = try r.string("createdAt")
    }

    public var stored: JSON {
        guard case .object(var o) = publicJSON else { return publicJSON }
        o["challenge"] = challenge.map {
            [
                "user": .string($0.user), "phone": .string($0.phone), "codeHash": .string($0.codeHash),
                "sentAt": .string($0.sentAt), "expiresAt": .string($0.expiresAt), "attempts": .int($0.attempts),
            ]
        } ?? .object([:])
        return .object(o)
    }

    /// Documenten counts the client-level documents; what waits for a signature counts all.
    public static func counts(_ records: [Document]) -> Stats.Counts {
        [
            "total": records.count, "clientLevel": records.filter(\.kind.isClientLevel).count,
            "unsigned": records.filter { $0.status != .approved }.count,
        ]
    }
}
