enum DeclarationsCommands {
    static let noun = NounSpec(
        "declarations", summary: "weekly hour declarations (declaraties)",
        details: "One declaration per contract per ISO week. Statuses: report (Rapporteer: to be filled in), submitted (Ingediend), approved (Goedgekeurd), rejected (Afgewezen: to be corrected and submitted again) and closed (Afgerond: processed for payroll and invoicing, never changed again). A day holds at most 24:00; dates must lie in the declaration's week and the contract's period. Hours are entered by the back office or by the worker themselves (--as the worker's e-mail, see `wt help workers`): a worker lists and shows their own declarations, and enters, imports (rows of their own contracts only), submits and comments on their own; a client's approver approves or rejects them.",
        commands: [
            OpenDeclarations.command, EnterHours.command, ImportHours.command, SubmitDeclarations.command, ApproveDeclarations.command,
            RejectDeclaration.command, CommentDeclaration.command, CloseDeclarations.command, ListDeclarations.command, ShowDeclaration.command,
        ])
}
