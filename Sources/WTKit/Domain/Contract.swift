/// A placement (plaatsing) of a worker at a client's department.
public struct Contract: Equatable, Sendable {
    public var id: String
    public var worker: String
    public var department: String
    public var client: String
    public var function: String
    public var phase: Phase
    public var start: CalendarDate
    public var end: CalendarDate?
    public var payRate: Money
    public var billRate: Money
    public var minutesPerWeek: Int?
    public var documents: [String]
    public var createdAt: String
    public var endedAt: String?

    public var cao: CAO { phase.cao }
    public var fixedTerm: Bool { phase.isFixedTerm }

    public init(
        id: String, worker: String, department: String, client: String, function: String, phase: Phase,
        start: CalendarDate, end: CalendarDate?, payRate: Money, billRate: Money, minutesPerWeek: Int?, createdAt: String
    ) {
        self.id = id
        self.worker = worker
        self.department = department
        self.client = client
        self.function = function
        self.phase = phase
        self.start = start
        self.end = end
        self.payRate = payRate
        self.billRate = billRate
        self.minutesPerWeek = minutesPerWeek
        documents = []
        self.createdAt = createdAt
    }

    /// Does the contract run on this day?
    public func covers(_ d: CalendarDate) -> Bool { d >= start && (end.map { d <= $0 } ?? true) }

    /// Does the contract run on any day of this week?
    public func isActive(in week: ISOWeek) -> Bool { start <= week.sunday && (end.map { $0 >= week.monday } ?? true) }

    public func status(today: CalendarDate) -> String {
        if start > today { return "planned" }
        if let end, end < today { return "ended" }
        return "active"
    }

}

/// A document a client approves or signs.
public struct Document: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case assignmentConfirmation = "assignment-confirmation"
        case arbo
        case classification
        case hireAgreement = "hire-agreement"
        case other

        /// The portal's Documenten tab holds the client-level kinds.
        public var isClientLevel: Bool { self == .arbo || self == .classification || self == .other }

        public var dutchTitle: String {
            switch self {
            case .assignmentConfirmation: "Opdrachtbevestiging"
            case .arbo: "Arbo document"
            case .classification: "Inschalingsdocument"
            case .hireAgreement: "Inleenovereenkomst"
            case .other: "Document"
            }
        }

        public static func parse(_ s: String) throws -> Kind {
            guard let k = Kind(rawValue: s.lowercased()) else {
                let all = Kind.allCases.map(\.rawValue)
                throw WTError.usage(
                    "unknown document kind \"\(RecordKind.printable(s))\"",
                    hint: (suggestion(for: s, among: all).map { "did you mean \($0)? " } ?? "") + "kinds: \(all.joined(separator: ", "))")
            }
            return k
        }
    }

    public enum Status: String, Sendable, CaseIterable { case pending, awaitingCode = "awaiting-code", approved }

    /// An SMS code that was sent and not yet used up.
    public struct Challenge: Equatable, Sendable {
        public var user: String
        public var phone: String
        public var codeHash: String
        public var sentAt: String
        public var expiresAt: String
        public var attempts: Int
    }

    public var id: String
    public var kind: Kind
    public var title: String
    public var status: Status
    public var client: String
    public var contract: String?
    public var sha256: String
    public var size: Int
    public var mediaType: String
    public var fileName: String
    public var requiresSMS: Bool
    public var challenge: Challenge?
    public var signedBy: String?
    public var signedAt: String?
    public var method: String?
    public var createdAt: String

    public init(
        id: String, kind: Kind, title: String, client: String, contract: String?, sha256: String, size: Int,
        mediaType: String, fileName: String, requiresSMS: Bool, createdAt: String
    ) {
        self.id = id
        self.kind = kind
        self.title = title
        status = .pending
        self.client = client
        self.contract = contract
        self.sha256 = sha256
        self.size = size
        self.mediaType = mediaType
        self.fileName = fileName
        self.requiresSMS = requiresSMS
        self.createdAt = createdAt
    }

}
