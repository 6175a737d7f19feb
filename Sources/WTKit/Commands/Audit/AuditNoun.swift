enum AuditCommand {
    static let noun = NounSpec(
        "audit", summary: "the audit trail: who did what, when, to which record",
        details: "Every change appends an entry with its time, actor, action, record and details (never a secret). Each entry carries the SHA-256 of the one before it, so `wt store verify` finds an edited or removed entry.",
        commands: [ShowAudit.command])
}
