// Contract's records as JSON: the fields `--format json` shows and the nested values the
// store keeps. JSON is the store's codec, so this lives in Store; Domain keeps the rules.

extension Contract {
    public func publicJSON(today: CalendarDate, workerName: String?) -> JSON {
        guard case .object(var o) = stored else { return stored }
        o["status"] = .string(status(today: today))
        o["workerName"] = JSON(workerName)
        return .object(o)
    }
}

extension Document {
    public var publicJSON: JSON {
        [
            "id": .string(id), "kind": .string(kind.rawValue), "title": .string(title), "status": .string(status.rawValue),
            "client": .string(client), "contract": JSON(contract), "sha256": .string(sha256), "size": .int(size),
            "mediaType": .string(mediaType), "fileName": .string(fileName), "requiresSMS": .bool(requiresSMS),
            "signedBy": JSON(signedBy), "signedAt": JSON(signedAt), "method": JSON(method), "createdAt": .string(createdAt),
            "codeExpiresAt": JSON(status == .awaitingCode ? challenge?.expiresAt : nil),
        ]
    }
}
