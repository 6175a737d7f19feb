/// The kinds of record and the prefixes of their ids, so an id says what it
/// names and a command given the wrong kind can say so.
public enum RecordKind: String, CaseIterable, Sendable {
    case client = "cl"
    case department = "dep"
    case worker = "w"
    case user = "u"
    case contract = "ct"
    case document = "doc"
    case declaration = "d"
    case invoice = "inv"
    case message = "msg"

    public var noun: String {
        switch self {
        case .client: "client"
        case .department: "department"
        case .worker: "worker"
        case .user: "user"
        case .contract: "contract"
        case .document: "document"
        case .declaration: "declaration"
        case .invoice: "invoice"
        case .message: "message"
        }
    }

    public static func of(_ id: String) -> RecordKind? {
        guard let dash = id.firstIndex(of: "-") else { return nil }
        let p = String(id[..<dash])
        guard let k = RecordKind(rawValue: p), let n = Int(id[id.index(after: dash)...]), n > 0 else { return nil }
        return k
    }

    /// Checks an id's shape and kind before any lookup, so `../../etc/passwd`
    /// or a document id given to `declarations show` get a clear answer.
    public func check(_ id: String) throws {
        guard id.count <= 40, !id.contains(where: { $0.isWhitespace || $0 == "/" || $0.asciiValue.map { $0 < 0x20 } ?? false })
        else {
            throw WTError.notFound("no \(noun) \"\(RecordKind.printable(id))\": \(noun) ids look like \(rawValue)-12")
        }
        guard let k = RecordKind.of(id) else {
            throw WTError.notFound("no \(noun) \"\(RecordKind.printable(id))\": \(noun) ids look like \(rawValue)-12")
        }
        if k != self {
            throw WTError.notFound("\(id) is a \(k.noun) id, not a \(noun) id (\(noun) ids look like \(rawValue)-12)")
        }
    }

    /// An untrusted argument quoted in a message, short enough to leave the message readable.
    public static func printable(_ s: String) -> String {
        PrintableText.make(s, limit: .init(60, .characters), breaks: .likeControls, controls: .markC0)
    }
}
