/// The two collective agreements (cao's) for agency work in the Netherlands.
public enum CAO: String, Sendable, Codable, CaseIterable {
    case abu
    case nbbu

    /// `ABU`, `NBBU`.
    public var name: String { rawValue.uppercased() }

    /// The phases of this agreement, in order.
    public var phases: [Phase] { Phase.allCases.filter { $0.cao == self } }

    /// `abu` or `nbbu`, any case.
    public static func parse(_ input: String) throws -> CAO {
        guard let cao = CAO(rawValue: DomainText.trim(input).lowercased()) else {
            throw WTError.usage("cao \(DomainText.quote(input)): expected abu or nbbu")
        }
        return cao
    }
}

/// The phase of a placement: ABU A, B, C or NBBU 1-2, 3, 4. A and 1-2 are the first phase
/// with the agency clause, B and 3 fixed-term contracts, C and 4 indefinite ones. The week
/// and contract limits of each phase change with the law and are kept as dated settings.
public enum Phase: String, Sendable, Codable, CaseIterable {
    case A = "A"
    case B = "B"
    case C = "C"
    case p12 = "1-2"
    case p3 = "3"
    case p4 = "4"

    public var cao: CAO {
        switch self {
        case .A, .B, .C: .abu
        case .p12, .p3, .p4: .nbbu
        }
    }

    /// B and 3: a fixed-term contract, which needs an end date, a hire agreement and an
    /// assignment confirmation signed with an SMS code.
    public var isFixedTerm: Bool { self == .B || self == .p3 }

    /// One line, Dutch term first, then English.
    public var summary: String {
        switch self {
        case .A: "fase A (ABU): uitzendovereenkomst met uitzendbeding — first phase, ends when the client ends the placement"
        case .B: "fase B (ABU): contract voor bepaalde tijd — fixed-term contracts"
        case .C: "fase C (ABU): contract voor onbepaalde tijd — indefinite contract"
        case .p12: "fase 1-2 (NBBU): uitzendovereenkomst met uitzendbeding — first phase, ends when the client ends the placement"
        case .p3: "fase 3 (NBBU): contract voor bepaalde tijd — fixed-term contracts"
        case .p4: "fase 4 (NBBU): contract voor onbepaalde tijd — indefinite contract"
        }
    }

    /// `A`, `b`, `1-2` (also `1/2`), `3`, ..., optionally after `fase `. With a cao, refuses
    /// a phase of the other agreement.
    public static func parse(_ input: String, cao: CAO? = nil) throws -> Phase {
        var text = DomainText.asciiUppercased(DomainText.trim(input))
        if text.hasPrefix("FASE ") { text = DomainText.trim(String(text.dropFirst(5))) }
        if text == "1/2" { text = "1-2" }
        guard let phase = Phase(rawValue: text) else {
            throw WTError.usage("phase \(DomainText.quote(input)): expected A, B, C (ABU) or 1-2, 3, 4 (NBBU)")
        }
        if let cao, phase.cao != cao {
            let allowed = cao.phases.map(\.rawValue).joined(separator: ", ")
            throw WTError.invalid("phase \"\(phase.rawValue)\" is an \(phase.cao.name) phase; \(cao.name) phases are \(allowed)")
        }
        return phase
    }
}
