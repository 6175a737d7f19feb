enum PayrollCommands {
    /// A week option's value; anything but an ISO week, even one that does not
    /// exist (2026-W60), is a usage error (2), as payroll has always given.
    @Sendable static func week(_ raw: String) throws -> ISOWeek {
        do { return try ISOWeek.parse(raw) } catch let e as WTError {
            throw WTError.usage(e.message, hint: e.hint ?? "weeks are written YYYY-Www, e.g. 2026-W48")
        }
    }

    static let noun = NounSpec(
        "payroll", summary: "gross pay from closed declarations (verloning)",
        details: "A closed declaration is processed twice, independently: invoiced to the client and paid to the worker. `payroll run` pays every closed, not yet paid declaration: a line per declaration and hour type (minutes / 60 × the contract's pay rate × the hour type's pay percentage from payroll.types, else hours.types, rounded half away from zero to the cent per line), a km line (km × payroll.kmRate, by default the untaxed maximum of the declaration's week) and an expense line per expense at cost. Runs are numbered <payroll.prefix><year>-<5 digits>, consecutive without gaps, and never change. A paid declaration that a credit note returned for correction is paid the difference when it is closed again: correction lines, negative where hours went down. Back office only.",
        commands: [RunPayroll.command, ListPayrollRuns.command, ShowPayrollRun.command, PayrollSlips.command, PayrollMargin.command])
}
