/// Where a weekly hour declaration stands. JSON carries the code, people read the Dutch label
/// the portal shows.
public enum DeclarationStatus: String, Sendable, Codable, CaseIterable {
    case report
    case submitted
    case approved
    case rejected
    case closed

    /// Rapporteer, Ingediend, Goedgekeurd, Afgewezen, Afgerond: from the one table of labels.
    public var label: String { StatusLabels.label(rawValue) }

    /// The code (`approved`) or the Dutch label (`Goedgekeurd`), any case.
    public static func parse(_ input: String) throws -> DeclarationStatus {
        // The code as the store writes it, without trimming and lowercasing: a list reads one per record.
        if let status = DeclarationStatus(rawValue: input) { return status }
        let text = DomainText.trim(input).lowercased()
        guard let status = allCases.first(where: { $0.rawValue == text || $0.label.lowercased() == text }) else {
            let codes = allCases.map(\.rawValue).joined(separator: ", ")
            let labels = allCases.map(\.label).joined(separator: ", ")
            throw WTError.usage("status \(DomainText.quote(input)): expected one of \(codes) (or \(labels))")
        }
        return status
    }

    /// The status after `action`; the same status for `enterHours` and `comment`. Throws a
    /// conflict whose message starts with `is <label>`, for the caller to prefix with the
    /// declaration's name: `declaration d-1042 is Goedgekeurd, not Ingediend: only submitted
    /// declarations can be rejected`.
    public func apply(_ action: DeclarationAction) throws -> DeclarationStatus {
        let rule = Self.rule(action)
        guard rule.from.contains(self) else {
            let allowed = rule.from.map(\.label)
            let list = allowed.count == 1 ? allowed[0]
                : allowed.dropLast().joined(separator: ", ") + " or " + allowed.last!
            throw WTError.conflict("is \(label), not \(list): \(rule.why)")
        }
        return rule.to ?? self
    }

    /// Whether `action` is allowed in this status.
    public func allows(_ action: DeclarationAction) -> Bool {
        Self.rule(action).from.contains(self)
    }

    /// The actions allowed in this status.
    public var allowedActions: [DeclarationAction] {
        DeclarationAction.allCases.filter(allows)
    }

    /// The whole state machine: the statuses an action starts from, where it leads
    /// (nil: stays), and the sentence that explains a refusal.
    private static func rule(_ action: DeclarationAction) -> (from: [DeclarationStatus], to: DeclarationStatus?, why: String) {
        switch action {
        case .enterHours:
            ([.report, .rejected], nil, "hours can only be entered while a declaration is to report or rejected")
        case .submit:
            ([.report, .rejected], .submitted, "only declarations to report or rejected ones can be submitted")
        case .approve:
            ([.submitted], .approved, "only submitted declarations can be approved")
        case .reject:
            ([.submitted], .rejected, "only submitted declarations can be rejected")
        case .close:
            ([.approved], .closed, "only approved declarations can be closed")
        case .comment:
            ([.report, .submitted, .approved, .rejected], nil, "closed declarations take no more comments")
        case .reopenAfterCredit:
            ([.closed], .report, "only closed declarations are reopened by a credit note")
        }
    }
}

/// What a person or cron does to a declaration.
public enum DeclarationAction: String, Sendable, CaseIterable {
    case enterHours = "enter-hours"
    case submit
    case approve
    case reject
    case close
    case comment
    /// A credit note reversed the invoice of a closed declaration: it goes back to report for correction.
    case reopenAfterCredit = "reopen-after-credit"
}
