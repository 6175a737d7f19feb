enum StatusCommand {
    static let noun = NounSpec(
        "status", summary: "the portal's menu with its counts, and what waits for action",
        details: "As a worker (--as a worker's e-mail): their own Contracten and Declaraties, and what waits for them: weeks to report that have begun, rejected weeks to correct (JSON {contracts, declarations, waiting: {toReport, toCorrect}}). Otherwise counts as the portal's menu shows them: Opdrachtgevers (departments), Contracten, Documenten (the client-level documents: arbo, classification, other), Declaraties, Facturen, Gebruikers; and what waits: declarations to approve, documents to sign (every unsigned document), approved declarations to close, closed ones to invoice, (for the back office) closed ones to pay, and fixed-term contracts ending within contracts.noticeDays (35) days that need notice (aanzegging).",
        commands: [ShowStatus.command])
}
